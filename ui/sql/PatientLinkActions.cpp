// SPDX-License-Identifier: GPL-3.0-or-later
#include "PatientLinkActions.h"

#include "results/ResultTableModel.h"
#include "sql/PatientLinks.h"

#include <QAbstractItemView>
#include <QAbstractProxyModel>
#include <QAction>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QMouseEvent>

namespace {

// The cell's own value, whatever a proxy (privacy mode) shows in its place: the id is sent
// only to the same site's FHIR facade, whose answer the FHIR tab masks in turn.
// A SQL NULL links nowhere.
QString realText(const QModelIndex &index)
{
    QModelIndex source = index;
    while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(source.model()))
        source = proxy->mapToSource(source);
    if (source.data(Halo::ResultTableModel::IsNullRole).toBool())
        return {};
    return source.data(Qt::EditRole).toString();
}

} // namespace

PatientLinkActions::PatientLinkActions(QAbstractItemView *grid)
    : QObject(grid)
    , m_grid(grid)
    , m_viewport(grid->viewport())
    , m_separator(new QAction(this))
    , m_open(new QAction(tr("Open FHIR Patient"), this))
    , m_columns(new QAction(tr("Patient id columns…"), this))
{
    m_separator->setSeparator(true);
    m_open->setObjectName(QStringLiteral("openFhirPatientAction"));
    m_open->setToolTip(tr("Open this patient in the FHIR tab (Ctrl+click, or Ctrl+Shift+F on "
                          "the current cell)"));
    m_columns->setObjectName(QStringLiteral("patientIdColumnsAction"));
    m_grid->addAction(m_separator);
    m_grid->addAction(m_open);
    m_grid->addAction(m_columns);
    m_grid->installEventFilter(this);
    m_viewport->installEventFilter(this);
    connect(m_open, &QAction::triggered, this, &PatientLinkActions::openCurrent);
    connect(m_columns, &QAction::triggered, this, &PatientLinkActions::chooseColumns);
    // The action says at all times whether the current cell links, so its shortcut and the
    // menu agree (the menu re-checks as it opens, for a click on another cell).
    if (QItemSelectionModel *selection = m_grid->selectionModel())
        connect(selection, &QItemSelectionModel::currentChanged, this,
                &PatientLinkActions::updateAction);
    if (QAbstractItemModel *model = m_grid->model())
        connect(model, &QAbstractItemModel::modelReset, this, &PatientLinkActions::updateAction);
    setPmsType(QString());
}

void PatientLinkActions::setPmsType(const QString &pmsType)
{
    m_pmsType = pmsType;
    const bool links = Halo::PatientLinks::linksPatients(pmsType);
    m_separator->setVisible(links);
    m_open->setVisible(links);
    m_columns->setVisible(links);
    updateAction();
}

QString PatientLinkActions::patientIdAt(const QModelIndex &index) const
{
    if (!index.isValid() || !Halo::PatientLinks::linksPatients(m_pmsType))
        return {};
    const QString column = index.model()->headerData(index.column(), Qt::Horizontal).toString();
    if (!Halo::PatientLinks::isIdColumn(column))
        return {};
    return Halo::PatientLinks::fhirIdFromCell(realText(index));
}

void PatientLinkActions::updateAction()
{
    m_open->setEnabled(!patientIdAt(m_grid->currentIndex()).isEmpty());
}

void PatientLinkActions::openCurrent()
{
    const QString id = patientIdAt(m_grid->currentIndex());
    if (!id.isEmpty())
        emit openPatientRequested(id);
}

void PatientLinkActions::chooseColumns()
{
    bool ok = false;
    const QString names = QInputDialog::getText(
        m_grid, tr("Patient id columns"),
        tr("Result columns that hold the patient's internal id, separated by commas (case and "
           "underscores do not matter; empty restores %1):")
            .arg(Halo::PatientLinks::defaultIdColumns().join(QStringLiteral(", "))),
        QLineEdit::Normal, Halo::PatientLinks::idColumns().join(QStringLiteral(", ")), &ok);
    if (!ok)
        return;
    Halo::PatientLinks::setIdColumns({names});
    updateAction();
}

bool PatientLinkActions::eventFilter(QObject *watched, QEvent *event)
{
    // Compares against pointers kept from the start: the filter also sees the events a grid
    // sends while it is being destroyed, when calling into it is no longer allowed.
    if (watched != m_grid && watched != m_viewport)
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::ContextMenu:
        updateAction(); // the menu that opens next offers it for the cell it opens on
        break;
    case QEvent::KeyPress: {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (watched == m_grid && key->key() == Qt::Key_F &&
            key->modifiers() == (Qt::ControlModifier | Qt::ShiftModifier)) {
            openCurrent();
            return true;
        }
        break;
    }
    case QEvent::MouseButtonRelease: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (watched == m_viewport && mouse->button() == Qt::LeftButton &&
            (mouse->modifiers() & Qt::ControlModifier)) {
            const QString id = patientIdAt(m_grid->indexAt(mouse->position().toPoint()));
            if (!id.isEmpty()) {
                emit openPatientRequested(id);
                return true;
            }
        }
        break;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}
