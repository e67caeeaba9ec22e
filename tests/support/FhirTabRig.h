// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the FHIR tab suites (tst_fhirtab*.cpp) share: a sandbox, a client and a FHIR tab with
// its own cache folder and history file, and the steps every suite takes through the tab.
#include "SandboxRig.h"
#include "WidgetLookup.h"
#include "api/HaloApiClient.h"
#include "fhir/FhirCapabilities.h"
#include "fhir/FhirTab.h"
#include "net/RequestLog.h"
#include "sites/SiteRecord.h"
#include "sql/QueryHistory.h"

#include <QAbstractItemModel>
#include <QDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

inline const QString kBestPractice = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
inline const QString kZedmed = QStringLiteral("6b2e8f14-95c7-4d3a-8f60-c4a7e1b209d5");

inline Halo::SiteRecord siteRecord(const QString &guid, const QString &pmsType, const QString &name)
{
    Halo::SiteRecord record;
    record.environment = QStringLiteral("sandbox");
    record.guid = guid;
    record.pmsType = pmsType;
    record.recorded.practiceName = name;
    return record;
}

// A sandbox, a client, and a FHIR tab with its own cache folder and history file.
struct FhirRig {
    FhirRig()
        : sandbox(options())
        , cache(folder.filePath(QStringLiteral("capabilities")))
        , history(folder.filePath(QStringLiteral("fhir-history.json")))
    {
        tab = std::make_unique<FhirTab>(&sandbox.client, &cache, &history);
        tab->resize(1400, 900);
        tab->show();
    }
    static Sandbox::SandboxOptions options()
    {
        Sandbox::SandboxOptions options;
        options.key = QStringLiteral("fhir-tab-test-key");
        return options;
    }
    QList<Halo::LoggedExchange> exchanges() const
    {
        return sandbox.client.requestLog()->exchanges();
    }
    int fhirRequests() const
    {
        int count = 0;
        for (const Halo::LoggedExchange &exchange : exchanges())
            count += exchange.url.path().contains(QLatin1String("/fhir/")) ? 1 : 0;
        return count;
    }

    QTemporaryDir folder;
    SandboxRig sandbox;
    Halo::FhirCapabilityCache cache;
    Halo::QueryHistory history;
    std::unique_ptr<FhirTab> tab;
};

// Selects the Best Practice site and waits for its CapabilityStatement.
inline void openBestPractice(FhirRig &rig)
{
    rig.tab->setSite(siteRecord(kBestPractice, QStringLiteral("BestPractice"),
                                QStringLiteral("Harbourside Family Medical")));
    QTRY_VERIFY(rig.tab->capabilities().has_value());
}

// Sends what the line says and waits for the answer on screen.
inline bool searchAndWait(FhirRig &rig, QWidget *trigger = nullptr)
{
    QSignalSpy shown(rig.tab.get(), &FhirTab::answerShown);
    if (auto *button = qobject_cast<QPushButton *>(trigger))
        button->click();
    else
        named<QPushButton>(rig.tab.get(), QStringLiteral("Search"))->click();
    return shown.wait(10000);
}

// The texts of the results table's column with this header.
inline QStringList column(FhirRig &rig, const QString &header)
{
    auto *table = named<QTableView>(rig.tab.get(), QStringLiteral("FHIR results"));
    QAbstractItemModel *model = table->model();
    int index = -1;
    for (int c = 0; c < model->columnCount(); ++c) {
        if (model->headerData(c, Qt::Horizontal).toString() == header)
            index = c;
    }
    if (index < 0)
        return {QStringLiteral("<no column %1>").arg(header)};
    QStringList values;
    for (int r = 0; r < model->rowCount(); ++r)
        values << model->index(r, index).data().toString();
    return values;
}

// A picture of the tab for people to look at (build/tests/ui/artefacts); not an assertion.
inline void saveArtefact(FhirRig &rig, const QString &name)
{
    const QString folder =
        QDir(QStringLiteral(QT_TESTCASE_BUILDDIR)).filePath(QStringLiteral("artefacts"));
    QDir().mkpath(folder);
    QVERIFY(rig.tab->grab().save(QDir(folder).filePath(name)));
}
