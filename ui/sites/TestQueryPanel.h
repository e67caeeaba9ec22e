// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class CallProgress;
class ProblemLabel;

namespace Halo {
class ApiCall;
class HaloApiClient;
class ImmediateQueryCall;
class QueryService;
} // namespace Halo

// Offers a harmless query (SELECT 1 AS ok) on a site and shows plainly what came back, so the
// user knows the GUID answers before relying on it.
class TestQueryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TestQueryPanel(Halo::HaloApiClient *client, QWidget *parent = nullptr);
    ~TestQueryPanel() override;

    void setSite(const QString &guid, const QString &pmsType = QString());
    void runTestQuery();
    void cancel(); // the running test query, if any
    QPushButton *runButton() const { return m_run; }

private:
    QString m_pmsType;
    void showAnswer(Halo::ImmediateQueryCall *call);

    Halo::HaloApiClient *m_client;
    Halo::QueryService *m_queries;
    QString m_guid;
    QPointer<Halo::ApiCall> m_call;
    QPushButton *m_run;
    CallProgress *m_progress;
    QLabel *m_result;
    ProblemLabel *m_problem;
};
