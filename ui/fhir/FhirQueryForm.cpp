// SPDX-License-Identifier: GPL-3.0-or-later
#include "FhirQueryForm.h"

#include "widgets/AccessibleControls.h"

#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>

namespace {

constexpr int kNoCount = -1; // the spin box's "server default"
constexpr int kResultParameterOrder = 1000;

QString placeholderFor(const QString &type)
{
    if (type == QLatin1String("date"))
        return FhirQueryForm::tr("e.g. ge1970-01-01 (prefix eq ne gt lt ge le)");
    if (type == QLatin1String("token"))
        return FhirQueryForm::tr("code, or system|code");
    if (type == QLatin1String("reference"))
        return FhirQueryForm::tr("e.g. Patient/1");
    if (type == QLatin1String("number") || type == QLatin1String("quantity"))
        return FhirQueryForm::tr("e.g. gt10");
    return FhirQueryForm::tr("value (a comma means “or”)");
}

// Search parameters first, the ones that shape the reply (_sort, _include ...) after them.
int order(const Halo::FhirSearchParam &param)
{
    return param.name.startsWith(QLatin1Char('_')) && param.name != QLatin1String("_id")
               ? kResultParameterOrder
               : 0;
}

} // namespace

FhirQueryForm::FhirQueryForm(QWidget *parent)
    : QWidget(parent)
    , m_type(new QComboBox(this))
    , m_count(new QSpinBox(this))
    , m_termGrid(new QGridLayout)
    , m_addTerm(new QPushButton(tr("&Add parameter"), this))
    , m_id(new QLineEdit(this))
    , m_read(new QPushButton(tr("&Read"), this))
    , m_operation(new QComboBox(this))
    , m_call(new QPushButton(tr("&Call operation"), this))
{
    AccessibleControls::install(); // its combo boxes report their names
    m_type->setObjectName(QStringLiteral("fhirResourceType"));
    m_type->setAccessibleName(tr("FHIR resource type"));
    m_type->setEditable(true); // types outside the CapabilityStatement can still be tried
    AccessibleControls::nameEditor(m_type);
    m_type->setInsertPolicy(QComboBox::NoInsert);
    m_type->setMinimumContentsLength(18);
    m_type->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_type->setToolTip(tr("Resource types this site lists in its CapabilityStatement"));
    connect(m_type, &QComboBox::currentTextChanged, this, &FhirQueryForm::typeChanged);

    m_count->setAccessibleName(tr("Page size (_count)"));
    m_count->setRange(kNoCount, 1000);
    m_count->setSpecialValueText(tr("server default"));
    m_count->setValue(kNoCount);
    m_count->setToolTip(tr("_count: entries per page; the server may send fewer"));
    connect(m_count, &QSpinBox::valueChanged, this, &FhirQueryForm::changed);

    m_addTerm->setAccessibleName(tr("Add parameter"));
    connect(m_addTerm, &QPushButton::clicked, this, [this]() {
        addTermRow();
        m_rows.last().name->setFocus();
    });

    m_id->setAccessibleName(tr("Resource id"));
    m_id->setPlaceholderText(tr("id, e.g. 1"));
    m_read->setAccessibleName(tr("Read by id"));
    m_read->setToolTip(tr("Reads one resource: GET {type}/{id}"));
    connect(m_read, &QPushButton::clicked, this, &FhirQueryForm::readRequested);
    connect(m_id, &QLineEdit::returnPressed, this, &FhirQueryForm::readRequested);
    connect(m_id, &QLineEdit::textChanged, this,
            [this]() { m_read->setEnabled(!m_id->text().trimmed().isEmpty()); });

    m_operation->setAccessibleName(tr("Operation"));
    m_operation->setToolTip(tr("Operations this site lists for the type; with an id they are "
                               "called on that resource, e.g. Patient/1/$summary"));
    m_call->setAccessibleName(tr("Call operation"));
    connect(m_call, &QPushButton::clicked, this, &FhirQueryForm::operationRequested);

    auto *typeRow = new QHBoxLayout;
    auto *typeLabel = new QLabel(tr("Resource &type:"), this);
    typeLabel->setBuddy(m_type);
    auto *countLabel = new QLabel(tr("Page si&ze:"), this);
    countLabel->setBuddy(m_count);
    typeRow->addWidget(typeLabel);
    typeRow->addWidget(m_type);
    typeRow->addSpacing(12);
    typeRow->addWidget(countLabel);
    typeRow->addWidget(m_count);
    typeRow->addStretch(1);

    auto *terms = new QGroupBox(tr("Search parameters"), this);
    auto *termsLayout = new QVBoxLayout(terms);
    termsLayout->addLayout(m_termGrid);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_addTerm);
    addRow->addStretch(1);
    termsLayout->addLayout(addRow);
    m_termGrid->addWidget(new QLabel(tr("Parameter"), this), 0, 0);
    m_termGrid->addWidget(new QLabel(tr("Modifier"), this), 0, 1);
    m_termGrid->addWidget(new QLabel(tr("Value"), this), 0, 2);
    m_termGrid->setColumnStretch(2, 1);

    auto *readRow = new QHBoxLayout;
    auto *idLabel = new QLabel(tr("Resource &id:"), this);
    idLabel->setBuddy(m_id);
    auto *operationLabel = new QLabel(tr("O&peration:"), this);
    operationLabel->setBuddy(m_operation);
    readRow->addWidget(idLabel);
    readRow->addWidget(m_id);
    readRow->addWidget(m_read);
    readRow->addSpacing(12);
    readRow->addWidget(operationLabel);
    readRow->addWidget(m_operation);
    readRow->addWidget(m_call);
    readRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(typeRow);
    layout->addWidget(terms);
    layout->addLayout(readRow);

    addTermRow();
    m_read->setEnabled(false);
    fillOperations();
}

void FhirQueryForm::setCapabilities(const Halo::FhirCapabilities &capabilities)
{
    m_capabilities = capabilities;
    const QString current = m_type->currentText();
    {
        const QSignalBlocker blocker(m_type);
        m_type->clear();
        m_type->addItems(capabilities.resourceTypes());
        m_type->setCurrentText(current.isEmpty() && !capabilities.isEmpty()
                                   ? capabilities.resourceTypes().first()
                                   : current);
    }
    m_updating = true;
    for (TermRow &row : m_rows)
        fillParameterNames(row);
    fillOperations();
    m_updating = false;
}

void FhirQueryForm::setRequest(const Halo::FhirRequest &request)
{
    m_updating = true;
    {
        const QSignalBlocker blocker(m_type);
        m_type->setCurrentText(request.resourceType);
    }
    m_count->setValue(request.count.value_or(kNoCount));
    m_id->setText(request.id);
    setRows(request.terms);
    fillOperations();
    if (request.kind == Halo::FhirRequest::Kind::Operation) {
        const int index = m_operation->findData(request.operation);
        if (index >= 0)
            m_operation->setCurrentIndex(index);
    }
    m_updating = false;
}

Halo::FhirRequest FhirQueryForm::searchRequest() const
{
    Halo::FhirRequest request;
    request.kind = Halo::FhirRequest::Kind::Search;
    request.resourceType = m_type->currentText().trimmed();
    request.terms = terms();
    if (m_count->value() != kNoCount)
        request.count = m_count->value();
    return request;
}

Halo::FhirRequest FhirQueryForm::readRequest() const
{
    Halo::FhirRequest request;
    request.kind = Halo::FhirRequest::Kind::Read;
    request.resourceType = m_type->currentText().trimmed();
    request.id = m_id->text().trimmed();
    return request;
}

Halo::FhirRequest FhirQueryForm::operationRequest() const
{
    Halo::FhirRequest request;
    request.kind = Halo::FhirRequest::Kind::Operation;
    request.operation = m_operation->currentData().toString();
    const bool system = m_operation->currentData(Qt::UserRole + 1).toBool();
    if (!system) {
        request.resourceType = m_type->currentText().trimmed();
        request.id = m_id->text().trimmed();
    }
    request.terms = terms();
    return request;
}

void FhirQueryForm::addTermRow(const Halo::FhirSearchTerm &term)
{
    TermRow row;
    row.name = new QComboBox(this);
    row.name->setEditable(true);
    row.name->setInsertPolicy(QComboBox::NoInsert);
    row.name->setMinimumContentsLength(14);
    row.modifier = new QComboBox(this);
    row.modifier->setEditable(true);
    row.modifier->setInsertPolicy(QComboBox::NoInsert);
    row.modifier->setMinimumContentsLength(8);
    row.value = new QLineEdit(this);
    row.value->setClearButtonEnabled(true);
    row.remove = new QToolButton(this);
    row.remove->setText(QStringLiteral("✕"));

    const bool wasUpdating = m_updating;
    m_updating = true;
    fillParameterNames(row);
    row.name->setCurrentText(term.name);
    fillModifiers(row);
    row.modifier->setCurrentText(term.modifier);
    row.value->setText(term.value);
    m_updating = wasUpdating;

    const int gridRow = int(m_rows.size()) + 1;
    m_termGrid->addWidget(row.name, gridRow, 0);
    m_termGrid->addWidget(row.modifier, gridRow, 1);
    m_termGrid->addWidget(row.value, gridRow, 2);
    m_termGrid->addWidget(row.remove, gridRow, 3);
    m_rows.append(row);
    renumberRows();

    QComboBox *name = row.name;
    connect(name, &QComboBox::currentTextChanged, this, [this, name]() {
        for (TermRow &each : m_rows) {
            if (each.name == name)
                fillModifiers(each);
        }
        changed();
    });
    connect(row.modifier, &QComboBox::currentTextChanged, this, &FhirQueryForm::changed);
    connect(row.value, &QLineEdit::textChanged, this, &FhirQueryForm::changed);
    QToolButton *remove = row.remove;
    connect(remove, &QToolButton::clicked, this, [this, remove]() {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).remove == remove) {
                removeRow(i);
                return;
            }
        }
    });
}

void FhirQueryForm::typeChanged()
{
    if (m_updating)
        return;
    for (TermRow &row : m_rows) {
        const QString name = row.name->currentText();
        const QSignalBlocker blocker(row.name);
        fillParameterNames(row);
        row.name->setCurrentText(name);
        fillModifiers(row);
    }
    fillOperations();
    emit edited();
}

void FhirQueryForm::fillParameterNames(TermRow &row)
{
    const QString current = row.name->currentText();
    const QSignalBlocker blocker(row.name);
    row.name->clear();
    row.name->addItem(QString()); // no parameter: the row is ignored
    const Halo::FhirResourceCapability *resource =
        m_capabilities.resource(m_type->currentText().trimmed());
    if (resource) {
        QList<Halo::FhirSearchParam> params;
        for (const Halo::FhirSearchParam &param : resource->searchParams) {
            if (param.name != QLatin1String("_count")) // it has its own box
                params.append(param);
        }
        std::stable_sort(params.begin(), params.end(),
                         [](const auto &a, const auto &b) { return order(a) < order(b); });
        for (const Halo::FhirSearchParam &param : params) {
            row.name->addItem(param.name, param.type);
            row.name->setItemData(
                row.name->count() - 1,
                QStringLiteral("%1 (%2): %3").arg(param.name, param.type, param.documentation),
                Qt::ToolTipRole);
        }
    }
    row.name->setCurrentText(current);
}

void FhirQueryForm::fillModifiers(TermRow &row)
{
    const Halo::FhirResourceCapability *resource =
        m_capabilities.resource(m_type->currentText().trimmed());
    const Halo::FhirSearchParam *param =
        resource ? resource->param(row.name->currentText().trimmed()) : nullptr;
    const QString type = param ? param->type : QString();
    const QString current = row.modifier->currentText();
    {
        const QSignalBlocker blocker(row.modifier);
        row.modifier->clear();
        row.modifier->addItem(QString());
        row.modifier->addItems(Halo::fhirModifiersFor(type));
        row.modifier->setCurrentText(current);
    }
    row.value->setPlaceholderText(placeholderFor(type));
    row.value->setToolTip(param ? param->documentation : QString());
}

void FhirQueryForm::fillOperations()
{
    const QString current = m_operation->currentData().toString();
    m_operation->clear();
    if (const Halo::FhirResourceCapability *resource =
            m_capabilities.resource(m_type->currentText().trimmed())) {
        for (const Halo::FhirOperation &operation : resource->operations) {
            m_operation->addItem(QLatin1Char('$') + operation.name, operation.name);
            m_operation->setItemData(m_operation->count() - 1, operation.definition,
                                     Qt::ToolTipRole);
        }
    }
    for (const Halo::FhirOperation &operation : m_capabilities.systemOperations) {
        m_operation->addItem(tr("$%1 (whole server)").arg(operation.name), operation.name);
        m_operation->setItemData(m_operation->count() - 1, true, Qt::UserRole + 1);
    }
    const int index = m_operation->findData(current);
    if (index >= 0)
        m_operation->setCurrentIndex(index);
    const bool any = m_operation->count() > 0;
    m_operation->setEnabled(any);
    m_call->setEnabled(any);
    m_operation->setPlaceholderText(any ? QString() : tr("none listed"));
}

void FhirQueryForm::removeRow(int index)
{
    // From the widgets, not terms() (which skips empty rows), to drop exactly this one.
    QList<Halo::FhirSearchTerm> kept;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (i != index) {
            const TermRow &row = m_rows.at(i);
            kept.append({row.name->currentText().trimmed(), row.modifier->currentText().trimmed(),
                         row.value->text()});
        }
    }
    m_updating = true;
    setRows(kept);
    m_updating = false;
    const int focusRow = std::min(index, int(m_rows.size()) - 1);
    if (focusRow >= 0)
        m_rows.at(focusRow).name->setFocus();
    emit edited();
}

void FhirQueryForm::renumberRows()
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const TermRow &row = m_rows.at(i);
        const int number = i + 1;
        row.name->setAccessibleName(tr("Search parameter %1").arg(number));
        row.modifier->setAccessibleName(tr("Modifier %1").arg(number));
        AccessibleControls::nameEditor(row.name);
        AccessibleControls::nameEditor(row.modifier);
        row.value->setAccessibleName(tr("Value %1").arg(number));
        row.remove->setAccessibleName(tr("Remove parameter %1").arg(number));
        row.remove->setToolTip(tr("Remove this parameter"));
        row.remove->setEnabled(m_rows.size() > 1 || !row.name->currentText().isEmpty());
    }
}

void FhirQueryForm::setRows(const QList<Halo::FhirSearchTerm> &terms)
{
    for (const TermRow &row : std::as_const(m_rows)) {
        delete row.name;
        delete row.modifier;
        delete row.value;
        delete row.remove;
    }
    m_rows.clear();
    for (const Halo::FhirSearchTerm &term : terms)
        addTermRow(term);
    if (m_rows.isEmpty())
        addTermRow(); // always one row to type into
}

QList<Halo::FhirSearchTerm> FhirQueryForm::terms() const
{
    QList<Halo::FhirSearchTerm> result;
    for (const TermRow &row : m_rows) {
        const QString name = row.name->currentText().trimmed();
        if (name.isEmpty())
            continue;
        result.append({name, row.modifier->currentText().trimmed(), row.value->text()});
    }
    return result;
}

void FhirQueryForm::changed()
{
    if (m_updating)
        return;
    renumberRows();
    emit edited();
}
