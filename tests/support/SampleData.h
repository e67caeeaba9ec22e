// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Sample sites by scenario, and single values read from their databases, for the tests of the
// sandbox's sample data and SQL runner (tst_sampledata, tst_sqlrunner).
#include "SampleDatabase.h"
#include "SampleSites.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QtGlobal>

namespace SampleData {

using Sandbox::SampleSite;
using Sandbox::sampleSites;
using Sandbox::SiteScenario;

inline const SampleSite &siteWith(SiteScenario scenario, const QString &pmsType = QString())
{
    for (const SampleSite &site : sampleSites()) {
        if (site.scenario == scenario && (pmsType.isEmpty() || site.pmsType == pmsType))
            return site;
    }
    qFatal("no sample site for the scenario");
}

inline const SampleSite &onlineBestPractice()
{
    return siteWith(SiteScenario::Online, QStringLiteral("BestPractice"));
}

inline qlonglong scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace SampleData
