// SPDX-License-Identifier: GPL-3.0-or-later
#include "FhirResourceView.h"

#include "fhir/FhirJsonTreeModel.h"
#include "fhir/FhirResponse.h"
#include "privacy/JsonMasking.h"
#include "privacy/PatientDataRules.h"
#include "privacy/RevealConsent.h"
#include "widgets/AccessibleControls.h"
#include "widgets/FlowLayout.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFont>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextDocument>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>
#include <functional>

namespace {

// References look like links: the core model says which nodes are references, this adds the
// link colour and underline the widgets need. In privacy mode the values of patient elements
// (PatientDataRules) read as hidden.
class ReferenceStyleProxy : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    void setMasking(bool masking)
    {
        // Every shown value may change; the rows stay, and so does what is expanded.
        emit layoutAboutToBeChanged();
        m_masking = masking;
        emit layoutChanged();
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (m_masking && isMasked(index, role))
            return Halo::PatientDataRules::maskedText();
        if (index.column() == 1 &&
            (role == Qt::ForegroundRole || role == Qt::FontRole || role == Qt::ToolTipRole)) {
            const QString reference = index.data(Halo::FhirJsonTreeModel::ReferenceRole).toString();
            if (!reference.isEmpty()) {
                if (role == Qt::ForegroundRole)
                    return QApplication::palette().brush(QPalette::Link);
                if (role == Qt::ToolTipRole)
                    return FhirResourceView::tr("Reference to %1: press Enter or double-click "
                                                "to follow it")
                        .arg(reference);
                QFont font;
                font.setUnderline(true);
                return font;
            }
        }
        return QIdentityProxyModel::data(index, role);
    }

private:
    bool isMasked(const QModelIndex &index, int role) const
    {
        if (index.column() != 1 ||
            (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole &&
             role != Qt::AccessibleDescriptionRole))
            return false;
        if (Halo::PatientDataRules::isPatientElement(
                index.data(Halo::FhirJsonTreeModel::PathRole).toString()))
            return true;
        // An object's one-line summary may be a name or a reference's display.
        const QJsonValue value = index.data(Halo::FhirJsonTreeModel::JsonValueRole).toJsonValue();
        return value.isObject() &&
               Halo::PatientDataRules::summaryMayShowPatientData(value.toObject());
    }

    bool m_masking = false;
};

// Longer JSON text is not masked on the GUI thread: privacy mode hides it whole.
constexpr qsizetype kMaskedTextLimit = 256 * 1024;

// The tree follows a reference on Enter, as a browser follows a focused link.
class JsonTreeView : public QTreeView
{
public:
    std::function<bool()> onActivate;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && onActivate &&
            onActivate())
            return;
        QTreeView::keyPressEvent(event);
    }
};

} // namespace

FhirResourceView::FhirResourceView(QWidget *parent)
    : QWidget(parent)
    , m_model(new Halo::FhirJsonTreeModel(this))
    , m_views(new QTabWidget(this))
    , m_tree(new JsonTreeView)
    , m_text(new QPlainTextEdit(this))
    , m_find(new QLineEdit(this))
    , m_findResult(new QLabel(this))
    , m_path(new QLabel(this))
    , m_copyValue(new QPushButton(tr("Copy &value"), this))
    , m_copyPath(new QPushButton(tr("Copy pa&th"), this))
    , m_follow(new QPushButton(tr("F&ollow reference"), this))
    , m_expand(new QPushButton(tr("E&xpand all"), this))
    , m_collapse(new QPushButton(tr("Colla&pse all"), this))
    , m_save(new QPushButton(tr("Save reso&urce…"), this))
    , m_showInSql(new QPushButton(tr("Show in SQL"), this))
{
    auto *proxy = new ReferenceStyleProxy(this);
    proxy->setSourceModel(m_model);
    m_tree->setModel(proxy);
    m_tree->setObjectName(QStringLiteral("fhirResourceTree"));
    m_tree->setAccessibleName(tr("Resource JSON"));
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Names at a readable width, values take the rest, the JSON type stays narrow.
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tree->header()->resizeSection(0, 200);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    static_cast<JsonTreeView *>(m_tree)->onActivate = [this]() {
        const QModelIndex index = m_tree->currentIndex();
        if (index.data(Halo::FhirJsonTreeModel::ReferenceRole).toString().isEmpty())
            return false;
        followSelected();
        return true;
    };

    auto *copyValueAction = new QAction(tr("Copy value"), m_tree);
    copyValueAction->setShortcut(QKeySequence::Copy);
    copyValueAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyValueAction, &QAction::triggered, this, &FhirResourceView::copySelectedValue);
    auto *copyPathAction = new QAction(tr("Copy path"), m_tree);
    copyPathAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyPathAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyPathAction, &QAction::triggered, this, &FhirResourceView::copySelectedPath);
    auto *followAction = new QAction(tr("Follow reference"), m_tree);
    connect(followAction, &QAction::triggered, this, &FhirResourceView::followSelected);
    m_tree->addActions({copyValueAction, copyPathAction, followAction});

    m_text->setObjectName(QStringLiteral("fhirResourceText"));
    m_text->setAccessibleName(tr("Raw resource JSON"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_find->setAccessibleName(tr("Find in JSON"));
    m_find->setPlaceholderText(tr("Find in JSON (Enter: next, Shift+Enter: previous)"));
    m_find->setClearButtonEnabled(true);
    m_findResult->setAccessibleName(tr("Find result"));
    AccessibleControls::makeSelectable(m_findResult);
    connect(m_find, &QLineEdit::returnPressed, this,
            [this]() { findText(QApplication::keyboardModifiers() & Qt::ShiftModifier); });
    connect(m_find, &QLineEdit::textChanged, m_findResult, &QLabel::clear);

    auto *textPage = new QWidget(this);
    auto *textLayout = new QVBoxLayout(textPage);
    textLayout->setContentsMargins(0, 0, 0, 0);
    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_find, 1);
    findRow->addWidget(m_findResult);
    textLayout->addLayout(findRow);
    textLayout->addWidget(m_text, 1);

    m_views->setObjectName(QStringLiteral("fhirResourceViews"));
    m_views->setAccessibleName(tr("Resource view"));
    m_views->addTab(m_tree, tr("&Tree"));
    m_views->addTab(textPage, tr("&JSON text"));
    connect(m_views, &QTabWidget::currentChanged, this, [this, textPage](int) {
        if (m_views->currentWidget() == textPage)
            loadText();
    });
    // Ctrl+F here finds in the JSON, although the window binds it to the site filter.
    for (QWidget *widget : {static_cast<QWidget *>(m_tree), static_cast<QWidget *>(m_text),
                            static_cast<QWidget *>(m_find)})
        widget->installEventFilter(this);

    m_path->setAccessibleName(tr("Selected path"));
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_copyValue->setAccessibleName(tr("Copy value"));
    m_copyValue->setToolTip(tr("Copies the selected value (Ctrl+C in the tree)"));
    m_copyPath->setAccessibleName(tr("Copy path"));
    m_copyPath->setToolTip(tr("Copies the selected node's path, e.g. Patient.name[0].family "
                              "(Ctrl+Shift+C in the tree)"));
    m_follow->setAccessibleName(tr("Follow reference"));
    m_expand->setAccessibleName(tr("Expand all"));
    m_collapse->setAccessibleName(tr("Collapse all"));
    m_save->setAccessibleName(tr("Save resource"));
    m_save->setToolTip(tr("Saves what this view shows as a JSON file. Nothing is saved "
                          "unless you ask."));
    connect(m_copyValue, &QPushButton::clicked, this, &FhirResourceView::copySelectedValue);
    connect(m_copyPath, &QPushButton::clicked, this, &FhirResourceView::copySelectedPath);
    connect(m_follow, &QPushButton::clicked, this, &FhirResourceView::followSelected);
    connect(m_expand, &QPushButton::clicked, m_tree, &QTreeView::expandAll);
    connect(m_collapse, &QPushButton::clicked, m_tree, &QTreeView::collapseAll);
    connect(m_save, &QPushButton::clicked, this, &FhirResourceView::saveRequested);
    m_showInSql->setObjectName(QStringLiteral("showInSqlButton"));
    m_showInSql->setAccessibleName(tr("Show in SQL"));
    m_showInSql->setToolTip(tr("Open a SQL editor on this patient's row and run it"));
    connect(m_showInSql, &QPushButton::clicked, this, [this]() {
        const QString id = shownPatientId();
        if (!id.isEmpty())
            emit showInSqlRequested(id);
    });
    connect(m_tree, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (!index.data(Halo::FhirJsonTreeModel::ReferenceRole).toString().isEmpty())
            followSelected();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FhirResourceView::updateActions);

    // Wraps when the view is narrow rather than widen the window.
    QWidget *buttons = FlowLayout::row(
        this, {m_copyValue, m_copyPath, m_follow, m_showInSql, m_expand, m_collapse, m_save});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_views, 1);
    layout->addWidget(m_path);
    layout->addWidget(buttons);
    updateActions();
}

bool FhirResourceView::eventFilter(QObject *watched, QEvent *event)
{
    const bool override = event->type() == QEvent::ShortcutOverride;
    if (override || event->type() == QEvent::KeyPress) {
        if (static_cast<QKeyEvent *>(event)->matches(QKeySequence::Find)) {
            event->accept();
            if (!override) {
                m_views->setCurrentIndex(1);
                m_find->setFocus();
                m_find->selectAll();
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FhirResourceView::showJson(const QJsonObject &json, const QString &rootName,
                                const QString &prettyText)
{
    showTree(json, Halo::FhirJsonTreeModel::buildTree(json, rootName),
             prettyText.isEmpty() ? Halo::fhirPrettyJson(json) : prettyText);
}

void FhirResourceView::showTree(const QJsonObject &json,
                                std::shared_ptr<const Halo::FhirJsonTreeModel::Tree> tree,
                                const QString &prettyText)
{
    m_json = json;
    m_model->setTree(std::move(tree));
    m_rootName = m_model->rootName();
    // The first level open: a resource's members at a glance, details on demand.
    m_tree->expandToDepth(0);
    setText(prettyText);
    m_tree->setCurrentIndex(m_tree->model()->index(0, 0));
    updateActions();
}

void FhirResourceView::showText(const QString &text)
{
    m_json = {};
    m_rootName.clear();
    m_model->clear();
    setText(text);
    m_views->setCurrentIndex(1);
    updateActions();
}

void FhirResourceView::clear()
{
    m_json = {};
    m_rootName.clear();
    m_model->clear();
    setText(QString());
    updateActions();
}

bool FhirResourceView::selectPath(const QString &path)
{
    const QModelIndex source = m_model->indexForPath(path);
    if (!source.isValid())
        return false;
    auto *proxy = static_cast<QIdentityProxyModel *>(m_tree->model());
    const QModelIndex index = proxy->mapFromSource(source);
    m_views->setCurrentIndex(0);
    m_tree->scrollTo(index);
    m_tree->setCurrentIndex(index);
    m_tree->expand(index);
    return true;
}

bool FhirResourceView::selectContained(const QString &id)
{
    const QModelIndex source = m_model->containedResource(id);
    return source.isValid() && selectPath(m_model->pathOf(source));
}

void FhirResourceView::setPrivacy(bool on)
{
    if (on == m_privacy)
        return;
    m_privacy = on;
    static_cast<ReferenceStyleProxy *>(m_tree->model())->setMasking(on);
    showPendingText(shownText());
}

QString FhirResourceView::shownText() const
{
    if (!m_privacy || m_realText.isEmpty())
        return m_realText;
    if (m_json.isEmpty())
        return tr("Text hidden in privacy mode (%n character(s)).", nullptr,
                  int(m_realText.size()));
    if (m_realText.size() > kMaskedTextLimit)
        return tr("JSON text hidden in privacy mode (%n character(s)); the tree shows it with "
                  "patient data hidden.",
                  nullptr, int(m_realText.size()));
    return Halo::fhirPrettyJson(Halo::JsonMasking::maskFhir(m_json).toObject());
}

void FhirResourceView::copySelectedValue()
{
    const QModelIndex index = m_tree->currentIndex();
    if (!index.isValid())
        return;
    if (m_privacy) {
        const QString path = index.data(Halo::FhirJsonTreeModel::PathRole).toString();
        QString question;
        if (Halo::PatientDataRules::isPatientElement(path)) {
            question = tr("This copies %1, hidden in privacy mode.").arg(path);
        } else {
            int hidden = 0;
            Halo::JsonMasking::maskFhir(
                index.data(Halo::FhirJsonTreeModel::JsonValueRole).toJsonValue(), &hidden);
            if (hidden > 0)
                question =
                    tr("This copies %1 with %n value(s) hidden in privacy mode.", nullptr, hidden)
                        .arg(path);
        }
        if (!question.isEmpty() && !askToReveal(this, tr("Copy value"), question))
            return;
    }
    QApplication::clipboard()->setText(
        index.data(Halo::FhirJsonTreeModel::CopyTextRole).toString());
}

void FhirResourceView::copySelectedPath()
{
    const QModelIndex index = m_tree->currentIndex();
    if (index.isValid())
        QApplication::clipboard()->setText(
            index.data(Halo::FhirJsonTreeModel::PathRole).toString());
}

void FhirResourceView::followSelected()
{
    const QString reference =
        m_tree->currentIndex().data(Halo::FhirJsonTreeModel::ReferenceRole).toString();
    if (reference.isEmpty())
        return;
    // A contained resource is in this very document: go there instead of asking the server.
    if (reference.startsWith(QLatin1Char('#'))) {
        selectContained(reference.mid(1));
        return;
    }
    emit referenceActivated(reference);
}

bool FhirResourceView::findText(bool backwards)
{
    const QString needle = m_find->text();
    if (needle.isEmpty())
        return false;
    loadText();
    const QTextDocument::FindFlags flags =
        backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    bool found = m_text->find(needle, flags);
    if (!found) { // wrap around
        QTextCursor cursor = m_text->textCursor();
        cursor.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
        m_text->setTextCursor(cursor);
        found = m_text->find(needle, flags);
    }
    m_findResult->setText(found ? QString() : tr("Not found"));
    return found;
}

namespace {
constexpr qsizetype kTextSlice = 128 * 1024; // about 10 ms of layout per event-loop turn
} // namespace

void FhirResourceView::setText(const QString &text)
{
    m_realText = text;
    showPendingText(shownText());
}

void FhirResourceView::showPendingText(const QString &text)
{
    ++m_textGeneration;
    m_pendingText = text;
    m_loadedUpTo = 0;
    m_text->clear();
    m_findResult->clear();
    if (text.isEmpty() || m_views->currentIndex() == 1)
        loadText();
}

void FhirResourceView::loadText()
{
    if (m_loadedUpTo > 0 || m_pendingText.isEmpty()) {
        if (isTextLoaded())
            emit textLoaded();
        return;
    }
    if (m_pendingText.size() <= kTextSlice) {
        m_text->setPlainText(m_pendingText);
        m_loadedUpTo = m_pendingText.size();
        emit textLoaded();
        return;
    }
    loadNextSlice();
}

void FhirResourceView::loadNextSlice()
{
    // Whole lines per slice, so each slice lays out on its own.
    qsizetype end = std::min(m_pendingText.size(), m_loadedUpTo + kTextSlice);
    const qsizetype newline = m_pendingText.indexOf(QLatin1Char('\n'), end);
    end = newline < 0 ? m_pendingText.size() : newline + 1;
    QTextCursor cursor(m_text->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(m_pendingText.mid(m_loadedUpTo, end - m_loadedUpTo));
    m_loadedUpTo = end;
    if (isTextLoaded()) {
        m_findResult->clear();
        m_text->moveCursor(QTextCursor::Start);
        emit textLoaded();
        return;
    }
    m_findResult->setText(
        tr("Loading the text… %1%").arg(int(100 * m_loadedUpTo / m_pendingText.size())));
    const int generation = m_textGeneration;
    QTimer::singleShot(0, this, [this, generation]() {
        if (generation == m_textGeneration)
            loadNextSlice();
    });
}

void FhirResourceView::setShowInSqlOffered(bool offered)
{
    m_showInSqlOffered = offered;
    updateActions();
}

QString FhirResourceView::shownPatientId() const
{
    if (m_json.value(QLatin1String("resourceType")).toString() != QLatin1String("Patient"))
        return {};
    return m_json.value(QLatin1String("id")).toString();
}

void FhirResourceView::updateActions()
{
    const QModelIndex index = m_tree->currentIndex();
    const bool hasNode = index.isValid();
    m_copyValue->setEnabled(hasNode);
    m_copyPath->setEnabled(hasNode);
    m_follow->setEnabled(hasNode &&
                         !index.data(Halo::FhirJsonTreeModel::ReferenceRole).toString().isEmpty());
    const bool hasContent = !m_json.isEmpty() || !m_pendingText.isEmpty();
    m_expand->setEnabled(!m_json.isEmpty());
    m_collapse->setEnabled(!m_json.isEmpty());
    m_save->setEnabled(hasContent);
    m_showInSql->setVisible(m_showInSqlOffered && !shownPatientId().isEmpty());
    m_path->setText(hasNode ? index.data(Halo::FhirJsonTreeModel::PathRole).toString() : QString());
}
