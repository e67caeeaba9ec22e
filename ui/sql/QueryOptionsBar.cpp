// SPDX-License-Identifier: GPL-3.0-or-later
#include "QueryOptionsBar.h"

#include "widgets/AccessibleControls.h"
#include "widgets/FlowLayout.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

namespace {

QComboBox *choice(const QString &name, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setAccessibleName(name);
    return combo;
}

void addChoice(QComboBox *combo, const QString &value, const QString &help)
{
    combo->addItem(value, value);
    combo->setItemData(combo->count() - 1, help, Qt::ToolTipRole);
}

QLabel *labelFor(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

// A label and its field as one piece of a wrapping row.
QWidget *pair(QLabel *label, QWidget *field, QWidget *parent)
{
    auto *piece = new QWidget(parent);
    auto *layout = new QHBoxLayout(piece);
    layout->setContentsMargins(0, 0, 0, 0);
    label->setParent(piece);
    field->setParent(piece);
    layout->addWidget(label);
    layout->addWidget(field);
    return piece;
}

} // namespace

QueryOptionsBar::QueryOptionsBar(QWidget *parent)
    : QWidget(parent)
    , m_mode(choice(tr("Execution mode"), this))
    , m_type(choice(tr("Command type"), this))
    , m_catalogue(choice(tr("Catalogue"), this))
    , m_maxTimeInQueue(new QSpinBox(this))
    , m_async(new QCheckBox(tr("As&ync"), this))
{
    AccessibleControls::install(); // its combo boxes report their names
    addChoice(m_mode, QStringLiteral("reader"), tr("Returns rows (SELECT)."));
    addChoice(m_mode, QStringLiteral("nonQuery"),
              tr("Returns the number of rows affected (INSERT, UPDATE, DELETE)."));
    addChoice(m_mode, QStringLiteral("scalar"), tr("Returns the first value of the first row."));
    addChoice(m_type, QStringLiteral("text"), tr("The text is SQL."));
    addChoice(m_type, QStringLiteral("storedProcedure"),
              tr("The text names a stored procedure (experimental at Halo)."));
    m_mode->setToolTip(tr("reader returns rows, nonQuery rows affected, scalar one value"));
    m_type->setToolTip(tr("text runs SQL; storedProcedure calls the procedure named in the text"));
    m_catalogue->setToolTip(tr("The database (catalogue) at the site to run the query in"));
    m_catalogue->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setCatalogues({}, false);

    m_maxTimeInQueue->setAccessibleName(tr("Max time in queue"));
    m_maxTimeInQueue->setToolTip(
        tr("How long the query may wait at the site before it runs; the lowest value leaves it "
           "to Halo's default (30 s immediate, 1 h async)"));
    m_maxTimeInQueue->setRange(-1, kImmediateMaxQueueMs);
    m_maxTimeInQueue->setSpecialValueText(tr("Service default"));
    m_maxTimeInQueue->setSuffix(tr(" ms"));
    m_maxTimeInQueue->setSingleStep(1000);
    m_maxTimeInQueue->setValue(-1);
    m_maxTimeInQueue->setAccelerated(true);

    m_async->setAccessibleName(tr("Async"));
    m_async->setToolTip(tr("Submit as an async query: no 8 MB or 30 s limit, results in pages, "
                           "kept about 24 hours"));

    // Each label stays beside its field; the pairs wrap to a second line in a narrow window
    // rather than cut the catalogue's name off or push the window wider.
    auto *layout = new FlowLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(pair(labelFor(tr("&Mode:"), m_mode, this), m_mode, this));
    layout->addWidget(pair(labelFor(tr("&Type:"), m_type, this), m_type, this));
    layout->addWidget(pair(labelFor(tr("&Catalogue:"), m_catalogue, this), m_catalogue, this));
    layout->addWidget(
        pair(labelFor(tr("Max time in &queue:"), m_maxTimeInQueue, this), m_maxTimeInQueue, this));
    layout->addWidget(m_async);
    setTabOrder(m_mode, m_type);
    setTabOrder(m_type, m_catalogue);
    setTabOrder(m_catalogue, m_maxTimeInQueue);
    setTabOrder(m_maxTimeInQueue, m_async);

    connect(m_async, &QCheckBox::toggled, this, [this](bool async) {
        m_maxTimeInQueue->setMaximum(async ? kAsyncMaxQueueMs : kImmediateMaxQueueMs);
        emit asyncChanged(async);
    });
    connect(m_catalogue, &QComboBox::currentTextChanged, this,
            [this]() { emit catalogueChanged(catalogue()); });
}

void QueryOptionsBar::setCatalogues(const QList<Halo::SiteInfo::Catalogue> &catalogues, bool known)
{
    const QString previous = catalogue();
    m_catalogue->clear();
    m_catalogue->setEditable(!known);
    AccessibleControls::nameEditor(m_catalogue);
    QString defaultName;
    for (const Halo::SiteInfo::Catalogue &c : catalogues) {
        if (c.isDefault)
            defaultName = c.name;
    }
    if (defaultName.isEmpty() && !catalogues.isEmpty())
        defaultName = catalogues.first().name;
    m_catalogue->addItem(defaultName.isEmpty() ? tr("(site default)")
                                               : tr("(default: %1)").arg(defaultName),
                         QString());
    for (const Halo::SiteInfo::Catalogue &c : catalogues)
        m_catalogue->addItem(c.isDefault ? tr("%1 (default)").arg(c.name) : c.name, c.name);
    const int kept = m_catalogue->findData(previous);
    m_catalogue->setCurrentIndex(kept > 0 ? kept : 0);
    m_catalogue->setAccessibleDescription(
        known ? tr("%n catalogue(s) at this site", nullptr, int(catalogues.size()))
              : tr("The site's catalogues are not known yet: type a name or use the default."));
}

QString QueryOptionsBar::catalogue() const
{
    const int index = m_catalogue->currentIndex();
    if (m_catalogue->isEditable() &&
        (index < 0 || m_catalogue->currentText() != m_catalogue->itemText(index)))
        return m_catalogue->currentText().trimmed();
    return index < 0 ? QString() : m_catalogue->itemData(index).toString();
}

void QueryOptionsBar::applyTo(Halo::QueryCommand *command) const
{
    command->executionMode = m_mode->currentData().toString();
    command->type = m_type->currentData().toString();
    command->catalogue = catalogue();
    if (m_maxTimeInQueue->value() >= 0)
        command->maxTimeInQueueMs = m_maxTimeInQueue->value();
    else
        command->maxTimeInQueueMs.reset();
}

bool QueryOptionsBar::isAsync() const
{
    return m_async->isChecked();
}

void QueryOptionsBar::setAsync(bool async)
{
    m_async->setChecked(async);
}

QString QueryOptionsBar::executionMode() const
{
    return m_mode->currentData().toString();
}

void QueryOptionsBar::setExecutionMode(const QString &mode)
{
    const int index = m_mode->findData(mode);
    if (index >= 0)
        m_mode->setCurrentIndex(index);
}

void QueryOptionsBar::setCommandType(const QString &type)
{
    const int index = m_type->findData(type);
    if (index >= 0)
        m_type->setCurrentIndex(index);
}

void QueryOptionsBar::setMaxTimeInQueue(std::optional<int> ms)
{
    m_maxTimeInQueue->setValue(ms.value_or(-1));
}
