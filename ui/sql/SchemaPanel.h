// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

#include "SchemaModel.h"
#include "schema/SchemaCache.h"
#include "schema/SchemaDialect.h"
#include "schema/SchemaSnapshot.h"
#include "sites/SiteRecord.h"

class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTimer;
class QTreeView;
class ProblemLabel;

namespace Halo {
class HaloApiClient;
class QueryService;
class SchemaReader;
} // namespace Halo

// The schema of the site's chosen catalogue ("Schema"): tables and views, their columns, types
// and nullability, with a filter ("Filter schema") and the age of what is shown. What is shown
// comes from the cache on disk; the practice is asked only on "Refresh schema" (an async query,
// so a slow site holds nothing up), and a failed read leaves the schema shown as it was.
// Double-click or Enter asks to insert a name into the editor; the context menu offers the
// table's first 100 rows (SELECT TOP 100, or FIRST 100 on Firebird). Ctrl+C copies the rows
// selected, name, type and nullability.
class SchemaPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SchemaPanel(Halo::HaloApiClient *client,
                         const QString &cacheDirectory = Halo::SchemaCache::defaultDirectory(),
                         QWidget *parent = nullptr);
    ~SchemaPanel() override;

    // A different site shows its cached schema for the default catalogue; the same site (its
    // status came in) changes nothing.
    void setSite(const Halo::SiteRecord &record);
    // The catalogue the editor runs in (empty: the site's default, kept apart from the same
    // catalogue chosen by its name); the panel follows it.
    void setCatalogue(const QString &catalogue);
    void setPollIntervals(int firstMs, int maxMs);

    void refresh(); // asks the practice for the schema now
    const Halo::SchemaSnapshot &schema() const { return m_model->schema(); }
    Halo::SchemaDialect::Engine engine() const;
    QString catalogue() const { return m_catalogue; }
    bool isReading() const;

    // The context menu for a row of the tree (null when there is nothing to offer).
    QMenu *contextMenuFor(const QModelIndex &index, QWidget *parent);
    void copySelection() const;
    QTreeView *tree() const { return m_tree; }

signals:
    void insertRequested(const QString &text); // a name for the editor, at its cursor
    void openQueryRequested(const QString &sql);
    void schemaChanged(); // schema() and engine() changed: completion should follow

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showSchema(const Halo::SchemaSnapshot &schema);
    void loadCached();
    void applyFilter();
    void updateAge();
    void updateButtons();
    void activate(const QModelIndex &index);

    Halo::QueryService *m_queries;
    Halo::SchemaCache m_cache;
    Halo::SchemaReader *m_reader;
    SchemaModel *m_model;
    QLineEdit *m_filter;
    QPushButton *m_refresh;
    QLabel *m_age;
    ProblemLabel *m_problem;
    QTreeView *m_tree;
    QTimer *m_ageTimer;
    QFutureWatcher<std::optional<Halo::SchemaSnapshot>> m_loading;
    QFutureWatcher<SchemaModel::Shown> m_filtering;
    quint64 m_loadGeneration = 0;
    quint64 m_filterGeneration = 0;

    Halo::SiteRecord m_record;
    QString m_catalogue;
};
