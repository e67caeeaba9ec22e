// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestQueryPanel.h"

#include "api/HaloApiClient.h"
#include "api/QueryCalls.h"
#include "results/ResultDecoder.h"
#include "services/QueryService.h"
#include "sql/QueryTypes.h"
#include "widgets/CallProgress.h"
#include "widgets/ProblemLabel.h"
#include "widgets/ProductionMarker.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

// One row as "name = value, ..."; a null reads NULL, as in the SQL that produced it.
QString describeFirstRow(const Halo::ResultTable &table)
{
    QStringList cells;
    for (int column = 0; column < table.columnCount(); ++column) {
        const Halo::ResultCell cell = table.cell(0, column);
        cells << QStringLiteral("%1 = %2").arg(table.columns().at(column),
                                               cell.isNull() ? QStringLiteral("NULL")
                                                             : cell.toDisplayString());
    }
    return cells.join(QStringLiteral(", "));
}

QString describeResult(const Halo::DecodedResult &result)
{
    if (!result.isTable())
        return TestQueryPanel::tr("The answer is not a table: %1")
            .arg(result.shape == Halo::DecodedResult::RawText
                     ? result.rawText.left(200)
                     : TestQueryPanel::tr("%n byte(s) of binary data", nullptr,
                                          int(result.rawBytes.size())));
    if (result.table.rowCount() == 0)
        return TestQueryPanel::tr("The query ran and returned no rows.");
    const QString first = describeFirstRow(result.table);
    if (result.table.rowCount() == 1)
        return first;
    return TestQueryPanel::tr("%1 (and %n more row(s))", nullptr, result.table.rowCount() - 1)
        .arg(first);
}

} // namespace

TestQueryPanel::TestQueryPanel(Halo::HaloApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_queries(new Halo::QueryService(client, this))
    , m_run(new QPushButton(tr("Run test query"), this))
    , m_progress(new CallProgress(this))
    , m_result(new QLabel(this))
    , m_problem(new ProblemLabel(tr("Test query problem"), this))
{
    m_run->setAccessibleName(tr("Run test query"));
    m_run->setAccessibleDescription(tr("Runs SELECT 1 AS ok on the saved site."));
    m_run->setToolTip(tr("Runs SELECT 1 AS ok on the saved site."));
    m_result->setAccessibleName(tr("Test query result"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_result->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(new ProductionMarker(client->endpoint(), this));
    buttons->addWidget(m_progress, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_result);
    layout->addWidget(m_problem);

    m_progress->cancelButton()->setAccessibleName(tr("Cancel test query"));

    connect(m_run, &QPushButton::clicked, this, &TestQueryPanel::runTestQuery);
    connect(m_progress, &CallProgress::busyChanged, this, [this](bool busy) {
        // Keyboard users go from Run to Cancel and back, never to whatever follows.
        const bool moveFocus = busy ? m_run->hasFocus() : m_progress->cancelButton()->hasFocus();
        m_run->setEnabled(!busy && !m_guid.isEmpty());
        if (moveFocus)
            (busy ? static_cast<QWidget *>(m_progress->cancelButton()) : m_run)->setFocus();
    });
}

TestQueryPanel::~TestQueryPanel()
{
    if (m_call) {
        disconnect(m_call, nullptr, this, nullptr);
        m_call->cancel();
    }
}

void TestQueryPanel::cancel()
{
    if (m_call)
        m_call->cancel();
}

void TestQueryPanel::setSite(const QString &guid, const QString &pmsType)
{
    m_pmsType = pmsType;
    cancel();
    m_guid = guid;
    m_run->setEnabled(!guid.isEmpty());
    m_result->clear();
    m_result->hide();
    m_problem->clearProblem();
}

void TestQueryPanel::runTestQuery()
{
    if (m_guid.isEmpty() || m_call)
        return;
    m_result->hide();
    m_problem->clearProblem();
    Halo::QueryCommand command;
    command.text = Halo::connectivityTestSql(m_pmsType);
    // A plain SELECT, which the policy lets through; asked all the same, like any SQL sent.
    const Halo::SafetyDecision decision = m_queries->check(command, m_guid);
    Halo::SafetyApproval approval;
    if (decision.verdict == Halo::SafetyDecision::Verdict::Blocked) {
        m_problem->showProblem(tr("The test query was not sent"), decision.text);
        return;
    }
    if (decision.verdict == Halo::SafetyDecision::Verdict::NeedsConfirmation) {
        QMessageBox box(QMessageBox::Warning, tr("Send to Production?"), decision.text,
                        QMessageBox::NoButton, this);
        box.setAccessibleName(tr("Confirm test query on Production"));
        QPushButton *send = box.addButton(tr("Send to Production"), QMessageBox::AcceptRole);
        box.setDefaultButton(box.addButton(QMessageBox::Cancel));
        box.exec();
        if (box.clickedButton() != send)
            return;
        approval.productionConfirmed = true;
    }
    Halo::ImmediateQueryCall *call = m_queries->runImmediate(m_guid, command, approval);
    m_call = call;
    connect(call, &Halo::ApiCall::finished, this, [this, call]() { showAnswer(call); });
    m_progress->track(call, tr("Running the test query…"));
}

void TestQueryPanel::showAnswer(Halo::ImmediateQueryCall *call)
{
    m_call = nullptr;
    if (!call->ok()) {
        m_problem->showError(call->error());
        return;
    }
    const Halo::QueryInfo info = call->info();
    if (info.failure.isError()) {
        m_problem->showError(info.failure);
        return;
    }
    const Halo::DecodedResult result = call->result();
    m_result->setText(
        tr("Test query succeeded in %1 ms: %2").arg(call->elapsedMs()).arg(describeResult(result)));
    m_result->show();
}
