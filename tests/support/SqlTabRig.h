// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the SQL tab suites (tst_sqltab*.cpp) share: a sandbox, a client pointed at it (labelled
// with any environment: the label is what the safety rules read), the site's live status and
// the tab; and settings of the test's own, cleared before every test.
#include "SandboxOptions.h"
#include "SandboxServer.h"
#include "WidgetLookup.h"
#include "api/HaloApiClient.h"
#include "net/ApiCall.h"
#include "net/RequestLog.h"
#include "results/ResultTableModel.h"
#include "sites/SiteInfo.h"
#include "sites/SiteRecord.h"
#include "sql/ResultGrid.h"
#include "sql/SqlTab.h"
#include "sql/WriteGuard.h"
#include "widgets/ProblemLabel.h"

#include <Qsci/qsciscintilla.h>

#include <QCoreApplication>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

inline const QString kKey = QStringLiteral("k");
inline const QString kGuid = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
inline const int kTimeoutMs = 20000;
inline const QString kSpecialCells =
    QStringLiteral("SELECT NULL AS n, 'Zoë' AS u, 'a' || char(10) || 'b' AS nl, '' AS empty, "
                   "'say \"hi\", ok' AS quoted, 42 AS answer");

struct RigOptions {
    Halo::Environment environment = Halo::Environment::Sandbox;
    int asyncStepMs = 40;
    qint64 immediateLimitBytes = 8 * 1024 * 1024;
    qint64 pageBytes = 1024 * 1024;
};

// A sandbox, a client pointed at it (labelled with any environment: the label is what the
// safety rules read), the site's live status and the tab.
struct Rig {
    explicit Rig(const RigOptions &rigOptions = {})
        : server(sandboxOptions(rigOptions))
        , port(server.listen())
    {
        client.setEndpoint({rigOptions.environment, QUrl(server.baseUrl())});
        client.setSubscriptionKey(kKey);
        record.environment = Halo::environmentId(rigOptions.environment);
        record.guid = kGuid;
        record.pmsType = QStringLiteral("BestPractice");
        Halo::ApiCall *call = client.siteStatus(kGuid);
        call->setAutoDelete(false);
        QSignalSpy done(call, &Halo::ApiCall::finished);
        statusOk = done.wait(kTimeoutMs) && call->ok();
        site = Halo::SiteInfo::fromJson(call->jsonObject());
        delete call;

        tab = std::make_unique<SqlTab>(&client);
        tab->setPollIntervals(10, 40);
        tab->setConfirmer([this](const QString &question) {
            questions.append(question);
            return confirm;
        });
        tab->setSite(record, &site);
        tab->resize(1280, 820);
        tab->show();
    }
    static Sandbox::SandboxOptions sandboxOptions(const RigOptions &rigOptions)
    {
        Sandbox::SandboxOptions o;
        o.key = kKey;
        o.asyncStepMs = rigOptions.asyncStepMs;
        o.immediateLimitBytes = rigOptions.immediateLimitBytes;
        o.pageBytes = rigOptions.pageBytes;
        return o;
    }
    int queryPosts() const
    {
        int count = 0;
        for (const Halo::LoggedExchange &exchange : client.requestLog()->exchanges()) {
            const QString path = exchange.url.path();
            if (exchange.method == "POST" && (path.endsWith(QLatin1String("/queries/immediate")) ||
                                              path.endsWith(QLatin1String("/queries/async"))))
                ++count;
        }
        return count;
    }
    QString status() const
    {
        return named<QLabel>(tab.get(), QStringLiteral("Query status"))->text();
    }
    QsciScintilla *editor() const
    {
        return named<QsciScintilla>(tab.get(), QStringLiteral("SQL editor"));
    }
    QPushButton *button(const QString &name) const { return named<QPushButton>(tab.get(), name); }
    ResultGrid *grid() const { return named<ResultGrid>(tab.get(), QStringLiteral("Results")); }
    ProblemLabel *problem() const { return tab->findChild<ProblemLabel *>(); }
    QString cell(int row, int column, int role = Qt::DisplayRole) const
    {
        const QAbstractItemModel *model = grid()->model();
        return model->data(model->index(row, column), role).toString();
    }
    bool isNull(int row, int column) const
    {
        const QAbstractItemModel *model = grid()->model();
        return model->data(model->index(row, column), Halo::ResultTableModel::IsNullRole).toBool();
    }
    QStringList headers() const
    {
        QStringList list;
        const QAbstractItemModel *model = grid()->model();
        for (int column = 0; column < model->columnCount(); ++column)
            list << model->headerData(column, Qt::Horizontal).toString();
        return list;
    }
    bool runAndWait(const QString &sql)
    {
        QSignalSpy finished(tab.get(), &SqlTab::queryFinished);
        tab->setSqlText(sql);
        button(QStringLiteral("Run query"))->click();
        return finished.count() > 0 || finished.wait(kTimeoutMs);
    }

    Sandbox::SandboxServer server;
    quint16 port = 0;
    Halo::HaloApiClient client;
    Halo::SiteRecord record;
    Halo::SiteInfo site;
    bool statusOk = false;
    std::unique_ptr<SqlTab> tab;
    QStringList questions;
    bool confirm = false;
};

#define START_RIG_WITH(name, options)                                                              \
    Rig name{options};                                                                             \
    QVERIFY2(name.port != 0, qPrintable(name.server.errorString()));                               \
    QVERIFY(name.statusOk)
#define START_RIG(name) START_RIG_WITH(name, RigOptions{})

// Settings in `folder`, never the user's (initTestCase).
inline void useSettingsIn(const QTemporaryDir &folder)
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder.path());
}

// No settings left from the test before (init).
inline void clearSettings()
{
    QSettings().clear();
    // The read-only switches live in the window's settings file, shared with halo-cli.
    QSettings(QSettings::defaultFormat(), QSettings::UserScope,
              QCoreApplication::organizationName(),
              QString::fromLatin1(Halo::ReadOnlySettings::kApplication))
        .clear();
}
