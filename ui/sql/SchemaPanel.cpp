// SPDX-License-Identifier: GPL-3.0-or-later
#include "SchemaPanel.h"

#include "schema/SchemaReader.h"
#include "services/QueryService.h"
#include "widgets/ProblemLabel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace {

constexpr int kAgeRefreshMs = 30 * 1000;
constexpr int kExpandAllBelow = 40; // filtered tables shown opened when there are this few

} // namespace

SchemaPanel::SchemaPanel(Halo::HaloApiClient *client, const QString &cacheDirectory,
                         QWidget *parent)
    : QWidget(parent)
    , m_queries(new Halo::QueryService(client, this))
    , m_cache(cacheDirectory)
    , m_reader(new Halo::SchemaReader(m_queries, &m_cache, this))
    , m_model(new SchemaModel(this))
    , m_filter(new QLineEdit(this))
    , m_refresh(new QPushButton(this))
    , m_age(new QLabel(this))
    , m_problem(new ProblemLabel(tr("Schema problem"), this))
    , m_tree(new QTreeView(this))
    , m_ageTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("schemaPanel"));
    m_filter->setObjectName(QStringLiteral("schemaFilter"));
    m_filter->setAccessibleName(tr("Filter schema"));
    m_filter->setPlaceholderText(tr("Filter tables and columns"));
    m_filter->setClearButtonEnabled(true);
    m_refresh->setObjectName(QStringLiteral("schemaRefresh"));
    m_refresh->setAccessibleName(tr("Refresh schema"));
    m_refresh->setToolTip(tr("Ask the practice for its tables and columns (an async query)"));
    m_age->setObjectName(QStringLiteral("schemaAge"));
    m_age->setAccessibleName(tr("Schema age"));
    m_age->setWordWrap(true);
    m_age->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_age->setFocusPolicy(Qt::StrongFocus);
    m_problem->setObjectName(QStringLiteral("schemaProblem"));

    m_tree->setObjectName(QStringLiteral("schemaTree"));
    m_tree->setAccessibleName(tr("Schema"));
    m_tree->setAccessibleDescription(
        tr("Tables and their columns. Enter or double-click inserts the name into the editor; "
           "the context menu offers the table's first rows; Ctrl+C copies."));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setIndentation(m_tree->fontMetrics().averageCharWidth() * 2); // room for names
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(SchemaModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(SchemaModel::TypeColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(SchemaModel::NullableColumn,
                                           QHeaderView::ResizeToContents);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_age);
    layout->addWidget(m_problem);
    layout->addWidget(m_tree, 1);
    setTabOrder(m_filter, m_refresh);
    setTabOrder(m_refresh, m_age);
    setTabOrder(m_age, m_tree);

    auto *copy = new QShortcut(QKeySequence::Copy, m_tree, this, &SchemaPanel::copySelection);
    copy->setContext(Qt::WidgetShortcut);

    connect(m_refresh, &QPushButton::clicked, this, &SchemaPanel::refresh);
    connect(m_filter, &QLineEdit::textChanged, this, &SchemaPanel::applyFilter);
    // Double-click or Enter, whatever the style says about activating on a single click.
    connect(m_tree, &QTreeView::doubleClicked, this, &SchemaPanel::activate);
    m_tree->installEventFilter(this);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, [this](const QPoint &at) {
        QModelIndex index = m_tree->indexAt(at);
        if (!index.isValid())
            index = m_tree->currentIndex();
        if (QMenu *menu = contextMenuFor(index, this)) {
            menu->exec(m_tree->viewport()->mapToGlobal(at));
            menu->deleteLater();
        }
    });
    connect(m_reader, &Halo::SchemaReader::schemaRead, this,
            [this](const Halo::SchemaSnapshot &schema, const QString &cacheError) {
                ++m_loadGeneration; // a cache read under way is older than this
                m_problem->clearProblem();
                if (!cacheError.isEmpty())
                    m_problem->showNote(
                        tr("The schema was read but could not be kept for next time: %1")
                            .arg(cacheError));
                showSchema(schema);
                updateButtons();
            });
    connect(m_reader, &Halo::SchemaReader::failed, this, [this](const QString &message) {
        m_problem->showProblem(tr("The schema could not be read"), message,
                               m_model->schema().isEmpty()
                                   ? QString()
                                   : tr("The schema shown is the one read before."));
        updateButtons();
        updateAge();
    });
    connect(&m_loading, &QFutureWatcher<std::optional<Halo::SchemaSnapshot>>::finished, this,
            [this]() {
                if (m_loading.property("generation").toULongLong() != m_loadGeneration)
                    return;
                const std::optional<Halo::SchemaSnapshot> cached = m_loading.result();
                showSchema(cached.value_or(Halo::SchemaSnapshot()));
                updateButtons();
            });
    connect(&m_filtering, &QFutureWatcher<SchemaModel::Shown>::finished, this, [this]() {
        if (m_filtering.property("generation").toULongLong() != m_filterGeneration)
            return;
        m_model->setShown(m_filtering.result());
        if (!m_filter->text().trimmed().isEmpty() && m_model->rowCount() < kExpandAllBelow)
            m_tree->expandAll();
    });
    m_ageTimer->setInterval(kAgeRefreshMs);
    connect(m_ageTimer, &QTimer::timeout, this, &SchemaPanel::updateAge);
    m_ageTimer->start();

    updateButtons();
    updateAge();
}

SchemaPanel::~SchemaPanel()
{
    m_loading.waitForFinished();
    m_filtering.waitForFinished();
}

void SchemaPanel::setPollIntervals(int firstMs, int maxMs)
{
    m_reader->setPollIntervals(firstMs, maxMs);
}

Halo::SchemaDialect::Engine SchemaPanel::engine() const
{
    return Halo::SchemaDialect::engineFor(m_record.pmsType);
}

bool SchemaPanel::isReading() const
{
    return m_reader->isReading();
}

void SchemaPanel::setSite(const Halo::SiteRecord &record)
{
    const bool sameSite = record.sameSite(m_record);
    m_record = record;
    if (sameSite)
        return; // only the site's status came in
    m_catalogue.clear();
    m_reader->stop();
    m_problem->clearProblem();
    loadCached();
}

void SchemaPanel::setCatalogue(const QString &catalogue)
{
    if (catalogue.trimmed() == m_catalogue)
        return;
    m_catalogue = catalogue.trimmed();
    m_reader->stop();
    m_problem->clearProblem();
    loadCached();
}

void SchemaPanel::loadCached()
{
    // What is shown belongs to the site and catalogue now chosen, or nothing until it is read.
    showSchema(Halo::SchemaSnapshot());
    updateButtons();
    if (m_record.guid.isEmpty())
        return;
    const Halo::SchemaCache cache = m_cache;
    const QString environment = m_record.environment;
    const QString baseUrl = m_record.baseUrl;
    const QString guid = m_record.guid;
    const QString catalogue = m_catalogue;
    m_loading.setProperty("generation", QVariant::fromValue(++m_loadGeneration));
    m_loading.setFuture(QtConcurrent::run([cache, environment, baseUrl, guid, catalogue]() {
        return cache.load(environment, baseUrl, guid, catalogue);
    }));
}

void SchemaPanel::refresh()
{
    m_problem->clearProblem();
    if (m_record.guid.isEmpty()) {
        m_problem->showNote(tr("Choose a site first: the schema is read from the selected site."));
        return;
    }
    m_reader->read(
        {m_record.environment, m_record.baseUrl, m_record.guid, m_record.pmsType, m_catalogue});
    updateButtons();
    updateAge();
}

void SchemaPanel::showSchema(const Halo::SchemaSnapshot &schema)
{
    m_model->setSchema(schema);
    if (!m_filter->text().trimmed().isEmpty())
        applyFilter();
    updateAge();
    emit schemaChanged();
}

void SchemaPanel::applyFilter()
{
    const Halo::SchemaSnapshot schema = m_model->schema();
    const QString text = m_filter->text();
    m_filtering.setProperty("generation", QVariant::fromValue(++m_filterGeneration));
    m_filtering.setFuture(
        QtConcurrent::run([schema, text]() { return SchemaModel::filtered(schema, text); }));
}

void SchemaPanel::updateButtons()
{
    const bool reading = m_reader->isReading();
    m_refresh->setEnabled(!m_record.guid.isEmpty() && !reading);
    m_refresh->setText(reading                       ? tr("Reading…")
                       : m_model->schema().isEmpty() ? tr("Read schema")
                                                     : tr("Refresh"));
}

void SchemaPanel::updateAge()
{
    const Halo::SchemaSnapshot &schema = m_model->schema();
    QString text;
    if (m_reader->isReading()) {
        text = tr("Reading the schema from the practice…");
    } else if (m_record.guid.isEmpty()) {
        text = tr("Choose a site to see its schema.");
    } else if (!schema.readAt.isValid()) {
        text = tr("Not read yet: Read schema asks the practice for its tables.");
    } else {
        const qint64 seconds =
            qMax<qint64>(0, schema.readAt.secsTo(QDateTime::currentDateTimeUtc()));
        const QString when = QLocale().toString(schema.readAt.toLocalTime(), QLocale::ShortFormat);
        if (seconds < 60)
            text = tr("Read less than a minute ago (%1)").arg(when);
        else if (seconds < 3600)
            text = tr("Read %n minute(s) ago (%1)", nullptr, int(seconds / 60)).arg(when);
        else if (seconds < 24 * 3600)
            text = tr("Read %n hour(s) ago (%1)", nullptr, int(seconds / 3600)).arg(when);
        else
            text = tr("Read %n day(s) ago (%1)", nullptr, int(seconds / (24 * 3600))).arg(when);
        text += QLatin1Char(' ') + tr("%n table(s)", nullptr, int(schema.tables.size()));
    }
    m_age->setText(text);
    m_age->setAccessibleDescription(text);
}

bool SchemaPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            m_tree->currentIndex().isValid()) {
            activate(m_tree->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SchemaPanel::activate(const QModelIndex &index)
{
    const Halo::SchemaTable *table = m_model->tableAt(index);
    if (!table)
        return;
    const Halo::SchemaColumn *column = m_model->columnAt(index);
    emit insertRequested(
        Halo::SchemaDialect::quotedName(engine(), column ? column->name : table->name));
}

QMenu *SchemaPanel::contextMenuFor(const QModelIndex &index, QWidget *parent)
{
    const Halo::SchemaTable *table = m_model->tableAt(index);
    if (!table)
        return nullptr;
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("schemaMenu"));
    menu->setAccessibleName(tr("Schema actions"));
    const QString query = Halo::SchemaDialect::firstRowsQuery(engine(), *table);
    QAction *firstRows = menu->addAction(query);
    firstRows->setObjectName(QStringLiteral("schemaFirstRows"));
    connect(firstRows, &QAction::triggered, this,
            [this, query]() { emit openQueryRequested(query); });
    const QModelIndex row = index.siblingAtColumn(SchemaModel::NameColumn);
    QAction *insert = menu->addAction(tr("Insert name"));
    insert->setObjectName(QStringLiteral("schemaInsertName"));
    connect(insert, &QAction::triggered, this, [this, row]() { activate(row); });
    QAction *copy = menu->addAction(tr("Copy"));
    copy->setObjectName(QStringLiteral("schemaCopy"));
    copy->setShortcut(QKeySequence::Copy);
    connect(copy, &QAction::triggered, this, &SchemaPanel::copySelection);
    return menu;
}

void SchemaPanel::copySelection() const
{
    // One line a row, the tree's columns separated by tabs, a column under its table.
    QModelIndexList rows = m_tree->selectionModel()->selectedRows(SchemaModel::NameColumn);
    if (rows.isEmpty() && m_tree->currentIndex().isValid())
        rows.append(m_tree->currentIndex().siblingAtColumn(SchemaModel::NameColumn));
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) {
        const int tableA = a.parent().isValid() ? a.parent().row() : a.row();
        const int tableB = b.parent().isValid() ? b.parent().row() : b.row();
        if (tableA != tableB)
            return tableA < tableB;
        return (a.parent().isValid() ? a.row() + 1 : 0) < (b.parent().isValid() ? b.row() + 1 : 0);
    });
    QStringList lines;
    for (const QModelIndex &row : std::as_const(rows)) {
        QStringList cells;
        for (int column = 0; column < SchemaModel::ColumnCount; ++column)
            cells.append(m_model->data(row.siblingAtColumn(column)).toString());
        if (const Halo::SchemaTable *table = m_model->tableAt(row); table && row.parent().isValid())
            cells.first() = table->name + QLatin1Char('.') + cells.first();
        lines.append(cells.join(QLatin1Char('\t')));
    }
    if (!lines.isEmpty())
        QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}
