// SPDX-License-Identifier: GPL-3.0-or-later
#include "RegisteredQueryForm.h"

#include "sql/RegisteredQueryListModel.h"
#include "widgets/AccessibleControls.h"
#include "widgets/ProblemLabel.h"
#include "widgets/ProductionMarker.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

using Model = Halo::RegisteredQueryListModel;

// A form label for a row that holds a layout, tied to its field: QFormLayout gives those no buddy.
// No mnemonics here: Alt+letter belongs to the main window's menus.
QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    return label;
}

} // namespace

RegisteredQueryForm::RegisteredQueryForm(const Halo::Endpoint &destination, QWidget *parent)
    : QGroupBox(tr("New registered query"), parent)
{
    AccessibleControls::install(); // its combo boxes report their names
    setAccessibleName(tr("New registered query"));
    m_name = new QLineEdit(this);
    m_name->setAccessibleName(tr("Registered query name"));
    m_name->setPlaceholderText(tr("e.g. Today's appointments"));

    m_frequency = new QSpinBox(this);
    m_frequency->setAccessibleName(tr("Frequency in seconds"));
    // Below the minimum is accepted here so that the form can say what is wrong in words.
    m_frequency->setRange(1, kMaxDurationSeconds);
    m_frequency->setValue(300);
    m_frequency->setSuffix(tr(" s"));
    m_frequencyHint = new QLabel(this);
    m_frequencyHint->setAccessibleName(tr("Frequency in hours and minutes"));
    AccessibleControls::makeSelectable(m_frequencyHint);

    m_duration = new QSpinBox(this);
    m_duration->setAccessibleName(tr("Duration in seconds"));
    m_duration->setRange(1, 7 * kMaxDurationSeconds);
    m_duration->setSingleStep(900);
    m_duration->setValue(3600);
    m_duration->setSuffix(tr(" s"));
    m_durationHint = new QLabel(this);
    m_durationHint->setAccessibleName(tr("Duration in hours and minutes"));
    AccessibleControls::makeSelectable(m_durationHint);

    m_executionMode = new QComboBox(this);
    m_executionMode->setAccessibleName(tr("Registered query execution mode"));
    m_executionMode->addItem(tr("Reader (rows)"), QStringLiteral("reader"));
    m_executionMode->addItem(tr("Scalar (one value)"), QStringLiteral("scalar"));
    m_executionMode->addItem(tr("Non-query (rows affected)"), QStringLiteral("nonQuery"));

    m_sql = new QPlainTextEdit(this);
    m_sql->setAccessibleName(tr("Registered query SQL"));
    m_sql->setTabChangesFocus(true);
    m_sql->setPlaceholderText(tr("The SQL to run on each occasion"));
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_create = new QPushButton(tr("Create registered query"), this);
    m_create->setAccessibleName(tr("Create registered query"));
    m_createMarker = new ProductionMarker(destination, this);
    m_problem = new ProblemLabel(tr("Create registered query problem"), this);

    connect(m_frequency, &QSpinBox::valueChanged, this, &RegisteredQueryForm::updateSpanHints);
    connect(m_duration, &QSpinBox::valueChanged, this, &RegisteredQueryForm::updateSpanHints);
    connect(m_create, &QPushButton::clicked, this, &RegisteredQueryForm::createRequested);

    auto *frequency = new QHBoxLayout;
    frequency->addWidget(m_frequency);
    frequency->addWidget(m_frequencyHint, 1);
    auto *duration = new QHBoxLayout;
    duration->addWidget(m_duration);
    duration->addWidget(m_durationHint, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(buddyLabel(tr("Frequency:"), m_frequency), frequency);
    form->addRow(buddyLabel(tr("Duration:"), m_duration), duration);
    form->addRow(tr("Mode:"), m_executionMode);
    form->addRow(tr("SQL:"), m_sql);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_create);
    buttons->addWidget(m_createMarker);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);
    updateSpanHints();
}

void RegisteredQueryForm::setCommandText(const QString &sql)
{
    m_sql->setPlainText(sql);
}

QString RegisteredQueryForm::name() const
{
    return m_name->text().trimmed();
}

int RegisteredQueryForm::frequencySeconds() const
{
    return m_frequency->value();
}

int RegisteredQueryForm::durationSeconds() const
{
    return m_duration->value();
}

Halo::QueryCommand RegisteredQueryForm::command() const
{
    Halo::QueryCommand command;
    command.text = m_sql->toPlainText();
    command.executionMode = m_executionMode->currentData().toString();
    return command;
}

QString RegisteredQueryForm::problem() const
{
    if (m_name->text().trimmed().isEmpty())
        return tr("Give the registered query a name.");
    if (m_frequency->value() < kMinFrequencySeconds)
        return tr("The frequency is %1 seconds; Halo runs registered queries at most once a "
                  "minute, so it must be at least %2 seconds.")
            .arg(m_frequency->value())
            .arg(kMinFrequencySeconds);
    if (m_duration->value() > kMaxDurationSeconds)
        return tr("The duration is %1; a registered query can run for at most 24 hours (%2 "
                  "seconds).")
            .arg(Model::spanText(m_duration->value()))
            .arg(kMaxDurationSeconds);
    if (m_sql->toPlainText().trimmed().isEmpty())
        return tr("Enter the SQL the registered query runs.");
    return {};
}

void RegisteredQueryForm::setCreateEnabled(bool enabled)
{
    m_create->setEnabled(enabled);
}

void RegisteredQueryForm::setProductionMarked(bool production)
{
    m_createMarker->setVisible(production);
}

void RegisteredQueryForm::updateSpanHints()
{
    m_frequencyHint->setText(Model::frequencyText(m_frequency->value()));
    m_durationHint->setText(tr("for %1").arg(Model::spanText(m_duration->value())));
}
