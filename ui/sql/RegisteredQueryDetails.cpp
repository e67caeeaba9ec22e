// SPDX-License-Identifier: GPL-3.0-or-later
#include "RegisteredQueryDetails.h"

#include "sql/RegisteredQueryListModel.h"
#include "widgets/ProductionMarker.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

using Model = Halo::RegisteredQueryListModel;

QString timeText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : RegisteredQueryDetails::tr("Never");
}

// The last error as a person reads it: what happened, what it means, the database's own words.
QString lastErrorWords(const Halo::RegisteredQueryInfo &query)
{
    if (!query.lastError.isError())
        return RegisteredQueryDetails::tr("None");
    const Halo::ApiError &error = query.lastError;
    QString text = error.title() + QLatin1String(". ") + error.explanation();
    if (!error.serverMessage.isEmpty())
        text += QLatin1Char(' ') +
                RegisteredQueryDetails::tr("The site said: “%1”").arg(error.serverMessage);
    const QString next = error.nextStep();
    if (!next.isEmpty())
        text += QLatin1Char(' ') + next;
    return text;
}

} // namespace

RegisteredQueryDetails::RegisteredQueryDetails(const Halo::Endpoint &destination, QWidget *parent)
    : QGroupBox(tr("Details"), parent)
{
    setAccessibleName(tr("Registered query details"));
    m_name = addDetail(tr("Selected registered query"));
    m_status = addDetail(tr("Registered query status"));
    m_schedule = addDetail(tr("Registered query schedule"));
    m_created = addDetail(tr("Registered query created"));
    m_completed = addDetail(tr("Registered query ended"));
    m_lastSucceeded = addDetail(tr("Last successful run"));
    m_lastFailed = addDetail(tr("Last failed run"));
    m_lastDuration = addDetail(tr("Last execution time"));
    m_runs = addDetail(tr("Runs"));
    m_resultSize = addDetail(tr("Total result size"));
    m_lastError = addDetail(tr("Last error"));

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Schedule:"), m_schedule);
    form->addRow(tr("Created:"), m_created);
    form->addRow(tr("Ended:"), m_completed);
    form->addRow(tr("Last success:"), m_lastSucceeded);
    form->addRow(tr("Last failure:"), m_lastFailed);
    form->addRow(tr("Last execution:"), m_lastDuration);
    form->addRow(tr("Runs:"), m_runs);
    form->addRow(tr("Result size:"), m_resultSize);
    form->addRow(tr("Last error:"), m_lastError);

    m_results = new QPushButton(tr("Latest results"), this);
    m_results->setAccessibleName(tr("Latest results"));
    m_results->setToolTip(tr("Shows the result of the latest successful run in the grid."));
    connect(m_results, &QPushButton::clicked, this,
            &RegisteredQueryDetails::latestResultsRequested);
    m_resultCount = addDetail(tr("Latest results count"));
    m_cancel = new QPushButton(tr("Cancel registered query"), this);
    m_cancel->setAccessibleName(tr("Cancel registered query"));
    connect(m_cancel, &QPushButton::clicked, this, &RegisteredQueryDetails::cancelRequested);
    m_cancelMarker = new ProductionMarker(destination, this);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_results);
    buttons->addWidget(m_resultCount, 1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_cancelMarker);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch(1);
}

QLabel *RegisteredQueryDetails::addDetail(const QString &accessibleName)
{
    auto *label = new QLabel(this);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

void RegisteredQueryDetails::showQuery(const Halo::RegisteredQueryInfo &query)
{
    m_name->setText(query.name);
    m_status->setText(Model::statusText(query.status));
    m_schedule->setText(
        tr("%1, for %2")
            .arg(Model::frequencyText(query.frequency), Model::spanText(query.duration)));
    m_created->setText(timeText(query.createdAt));
    m_completed->setText(query.completedAt.isValid() ? timeText(query.completedAt)
                                                     : tr("Still running"));
    m_lastSucceeded->setText(timeText(query.lastSucceededAt));
    m_lastFailed->setText(timeText(query.lastFailedAt));
    m_lastDuration->setText(tr("%1 ms").arg(QLocale().toString(query.lastExecutionDuration)));
    m_runs->setText(
        tr("%1 succeeded, %2 failed")
            .arg(QLocale().toString(query.succeededCount), QLocale().toString(query.failedCount)));
    m_resultSize->setText(QLocale().formattedDataSize(query.resultSizeSum));
    m_lastError->setText(lastErrorWords(query));
}

void RegisteredQueryDetails::clear()
{
    for (QLabel *label : {m_name, m_status, m_schedule, m_created, m_completed, m_lastSucceeded,
                          m_lastFailed, m_lastDuration, m_runs, m_resultSize, m_lastError})
        label->clear();
    m_name->setText(tr("Select a registered query to see its details."));
    m_resultCount->clear();
}

void RegisteredQueryDetails::showResultCount(qint64 count)
{
    m_resultCount->setText(tr("%Ln row(s) from the latest successful run", nullptr, int(count)));
}

void RegisteredQueryDetails::clearResultCount()
{
    m_resultCount->clear();
}

void RegisteredQueryDetails::setProductionMarked(bool production)
{
    m_cancelMarker->setVisible(production);
}

void RegisteredQueryDetails::setActionsEnabled(bool latestResults, bool cancel)
{
    m_results->setEnabled(latestResults);
    m_cancel->setEnabled(cancel);
}
