// SPDX-License-Identifier: GPL-3.0-or-later
#include "ResultSummary.h"

#include "StatusTimeline.h"
#include "sql/ParameterValue.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

QLabel *valueLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(QStringLiteral("—"), parent);
    label->setAccessibleName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

const QString kNone = QStringLiteral("—");

} // namespace

ResultSummary::ResultSummary(QWidget *parent)
    : QWidget(parent)
    , m_rows(valueLabel(tr("Rows"), this))
    , m_size(valueLabel(tr("Result size"), this))
    , m_duration(valueLabel(tr("SQL execution time"), this))
    , m_rowsAffected(valueLabel(tr("Rows affected"), this))
    , m_timeline(new StatusTimeline(this))
    , m_parametersLabel(new QLabel(tr("Output parameters"), this))
    , m_parameters(new QTableWidget(0, 3, this))
{
    setAccessibleName(tr("Result summary"));
    m_duration->setToolTip(tr("sqlExecutionDuration: time the database spent on the query"));
    m_parameters->setAccessibleName(tr("Output parameters"));
    m_parameters->setHorizontalHeaderLabels({tr("Name"), tr("Type"), tr("Value")});
    m_parameters->verticalHeader()->hide();
    m_parameters->horizontalHeader()->setStretchLastSection(true);
    m_parameters->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_parameters->setMaximumHeight(140);
    m_parametersLabel->setBuddy(m_parameters);

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Rows:"), m_rows);
    form->addRow(tr("Result size:"), m_size);
    form->addRow(tr("SQL execution:"), m_duration);
    form->addRow(tr("Rows affected:"), m_rowsAffected);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Timeline:"), this));
    layout->addWidget(m_timeline);
    layout->addWidget(m_parametersLabel);
    layout->addWidget(m_parameters);
    layout->addStretch(1);
    clear();
}

void ResultSummary::clear()
{
    for (QLabel *label : {m_rows, m_size, m_duration, m_rowsAffected})
        label->setText(kNone);
    m_timeline->clear();
    showOutputParameters({});
}

void ResultSummary::showInfo(const Halo::QueryInfo &info, bool live)
{
    const QLocale locale;
    m_size->setText(info.hasResult ? locale.formattedDataSize(info.resultSize) : kNone);
    m_duration->setText(info.sqlExecutionDuration
                            ? StatusTimeline::durationText(*info.sqlExecutionDuration)
                            : kNone);
    m_rowsAffected->setText(info.rowsAffected ? locale.toString(*info.rowsAffected) : kNone);
    QDateTime end;
    if (!live)
        end = info.completedAt.isValid() ? info.completedAt : info.updatedAt;
    m_timeline->setTiming(info.timing, end);
    if (!info.parameters.isEmpty())
        showOutputParameters(info.parameters);
}

void ResultSummary::showRows(const QString &rows, qint64 loaded, std::optional<qint64> total)
{
    const QLocale locale;
    // While an async result comes in page by page: how far it has come.
    m_rows->setText(total && *total != loaded
                        ? tr("%1 (%2 of %3 fetched)")
                              .arg(rows, locale.toString(loaded), locale.toString(*total))
                        : rows);
    m_rows->setAccessibleDescription(m_rows->text());
}

void ResultSummary::showOutputParameters(const QList<Halo::OutputParameter> &parameters)
{
    m_parameters->setRowCount(0);
    for (const Halo::OutputParameter &parameter : parameters) {
        const int row = m_parameters->rowCount();
        m_parameters->insertRow(row);
        m_parameters->setItem(row, 0, new QTableWidgetItem(parameter.name));
        m_parameters->setItem(row, 1, new QTableWidgetItem(parameter.type));
        auto *value = new QTableWidgetItem(
            parameter.value ? Halo::ParameterValue::displayValue(*parameter.value, parameter.type)
                            : tr("NULL"));
        if (!parameter.value) {
            QFont italic = value->font();
            italic.setItalic(true);
            value->setFont(italic);
            value->setForeground(palette().color(QPalette::PlaceholderText));
        }
        m_parameters->setItem(row, 2, value);
    }
    m_parametersLabel->setVisible(!parameters.isEmpty());
    m_parameters->setVisible(!parameters.isEmpty());
}
