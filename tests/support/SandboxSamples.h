// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What tests against a sandbox ask of its sample practices: the practice playing a scenario,
// and the SQL sent to it.
#include "SampleSites.h"
#include "sql/QueryTypes.h"

#include <QString>
#include <QtGlobal>

// The sample practice playing `scenario` (of the given PMS type, when several do).
inline const Sandbox::SampleSite &sampleSite(Sandbox::SiteScenario scenario,
                                             const QString &pmsType = QString())
{
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == scenario && (pmsType.isEmpty() || site.pmsType == pmsType))
            return site;
    }
    qFatal("no sample site plays scenario %s", qPrintable(Sandbox::scenarioName(scenario)));
}

inline const Sandbox::SampleSite &onlineBp()
{
    return sampleSite(Sandbox::SiteScenario::Online, QStringLiteral("BestPractice"));
}

inline Halo::QueryCommand sql(const QString &text, const QString &mode = QStringLiteral("reader"))
{
    Halo::QueryCommand command;
    command.text = text;
    command.executionMode = mode;
    return command;
}

// 20 000 rows of about 30 bytes: several pages of 64 KiB.
inline const QString kCountingSql =
    QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT 20000) "
                   "SELECT x, 'row ' || x AS label FROM c");
inline const int kCountingRows = 20000;
