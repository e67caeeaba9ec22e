// SPDX-License-Identifier: GPL-3.0-or-later
#include "SnippetsPanel.h"

#include "widgets/FlowLayout.h"
#include "widgets/ProblemLabel.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

constexpr int kIndexRole = Qt::UserRole + 1; // position in m_shown

QString kindText(const Halo::Snippet &snippet)
{
    if (snippet.builtIn)
        return snippet.runsOnSandbox ? SnippetsPanel::tr("Built-in, runs on the sandbox")
                                     : SnippetsPanel::tr("Built-in");
    return snippet.pmsType.isEmpty() ? SnippetsPanel::tr("Mine, any PMS")
                                     : SnippetsPanel::tr("Mine");
}

} // namespace

SnippetsPanel::SnippetsPanel(Halo::SnippetStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_list(new QTreeWidget(this))
    , m_preview(new QPlainTextEdit(this))
    , m_insert(new QPushButton(tr("Insert"), this))
    , m_delete(new QPushButton(tr("Delete"), this))
    , m_name(new QLineEdit(this))
    , m_forThisPms(new QCheckBox(tr("Only for this PMS"), this))
    , m_save(new QPushButton(tr("Save snippet"), this))
    , m_problem(new ProblemLabel(tr("Snippet problem"), this))
{
    setAccessibleName(tr("Snippets panel"));
    m_list->setAccessibleName(tr("Snippets"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Name"), tr("Kind")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    m_preview->setAccessibleName(tr("Snippet SQL"));
    m_preview->setReadOnly(true);
    m_preview->setTabChangesFocus(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setMaximumHeight(120);

    m_insert->setAccessibleName(tr("Insert snippet"));
    m_insert->setToolTip(tr("Puts the snippet's SQL into the editor (Enter or double-click)."));
    m_delete->setAccessibleName(tr("Delete snippet"));
    m_name->setAccessibleName(tr("Snippet name"));
    m_name->setPlaceholderText(tr("Name for the editor's SQL"));
    m_forThisPms->setAccessibleName(tr("Only for this PMS"));
    m_forThisPms->setChecked(true);
    m_save->setAccessibleName(tr("Save snippet"));
    m_save->setToolTip(tr("Saves the SQL now in the editor under this name."));

    // Rows that wrap: the panel is narrow, at the side of the SQL tab.
    QWidget *listButtons = FlowLayout::row(this, {m_insert, m_delete});
    QWidget *saveRow = FlowLayout::row(this, {m_forThisPms, m_save});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_preview);
    layout->addWidget(listButtons);
    layout->addWidget(m_problem);
    layout->addWidget(m_name);
    layout->addWidget(saveRow);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &SnippetsPanel::showCurrent);
    connect(m_list, &QTreeWidget::itemActivated, this, &SnippetsPanel::insertCurrent);
    connect(m_insert, &QPushButton::clicked, this, &SnippetsPanel::insertCurrent);
    connect(m_delete, &QPushButton::clicked, this, &SnippetsPanel::deleteCurrent);
    connect(m_save, &QPushButton::clicked, this, &SnippetsPanel::saveSnippet);
    connect(m_name, &QLineEdit::returnPressed, this, &SnippetsPanel::saveSnippet);
    connect(m_name, &QLineEdit::textChanged, this, &SnippetsPanel::updateButtons);
    connect(m_store, &Halo::SnippetStore::changed, this, &SnippetsPanel::reload);
    if (!m_store->loadError().isEmpty())
        m_problem->showProblem(tr("Your snippets could not be read"), m_store->loadError());
    reload();
}

void SnippetsPanel::setPmsType(const QString &pmsType)
{
    m_pmsType = pmsType;
    m_forThisPms->setEnabled(!pmsType.isEmpty());
    reload();
}

void SnippetsPanel::setCurrentSql(const QString &sql)
{
    m_currentSql = sql;
    updateButtons();
}

bool SnippetsPanel::selectSnippet(const QString &name)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->text(0) == name) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void SnippetsPanel::reload()
{
    const QString selected = m_list->currentItem() ? m_list->currentItem()->text(0) : QString();
    m_list->clear();
    m_shown = m_store->snippetsFor(m_pmsType);
    for (int i = 0; i < m_shown.size(); ++i) {
        const Halo::Snippet &snippet = m_shown.at(i);
        auto *item = new QTreeWidgetItem(m_list, {snippet.name, kindText(snippet)});
        item->setData(0, kIndexRole, i);
        item->setToolTip(0, snippet.sql);
    }
    if (selected.isEmpty() || !selectSnippet(selected)) {
        if (m_list->topLevelItemCount() > 0)
            m_list->setCurrentItem(m_list->topLevelItem(0));
    }
    showCurrent();
}

const Halo::Snippet *SnippetsPanel::currentSnippet() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return nullptr;
    const int index = item->data(0, kIndexRole).toInt();
    return index >= 0 && index < m_shown.size() ? &m_shown.at(index) : nullptr;
}

void SnippetsPanel::showCurrent()
{
    const Halo::Snippet *snippet = currentSnippet();
    m_preview->setPlainText(snippet ? snippet->sql : QString());
    updateButtons();
}

void SnippetsPanel::updateButtons()
{
    const Halo::Snippet *snippet = currentSnippet();
    m_insert->setEnabled(snippet != nullptr);
    m_delete->setEnabled(snippet && !snippet->builtIn);
    m_delete->setToolTip(snippet && snippet->builtIn ? tr("Built-in examples cannot be deleted.")
                                                     : QString());
    m_save->setEnabled(!m_name->text().trimmed().isEmpty() && !m_currentSql.trimmed().isEmpty());
}

void SnippetsPanel::insertCurrent()
{
    if (const Halo::Snippet *snippet = currentSnippet())
        emit insertRequested(snippet->sql);
}

void SnippetsPanel::saveSnippet()
{
    m_problem->clearProblem();
    Halo::Snippet snippet;
    snippet.name = m_name->text().trimmed();
    snippet.sql = m_currentSql;
    snippet.pmsType = m_forThisPms->isChecked() ? m_pmsType : QString();
    const bool replacing = m_store->contains(snippet.name);
    QString error;
    if (!m_store->save(snippet, &error)) {
        m_problem->showProblem(tr("The snippet was not saved"), error);
        return;
    }
    m_problem->showNote(replacing ? tr("Snippet “%1” replaced.").arg(snippet.name)
                                  : tr("Snippet “%1” saved.").arg(snippet.name));
    m_name->clear();
    selectSnippet(snippet.name);
}

void SnippetsPanel::deleteCurrent()
{
    const Halo::Snippet *snippet = currentSnippet();
    if (!snippet || snippet->builtIn)
        return;
    const QString name = snippet->name;
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Delete snippet"),
                        tr("Delete the snippet “%1”?").arg(name), QMessageBox::NoButton, this);
    box->setAccessibleName(tr("Confirm delete snippet"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(box->addButton(tr("Keep"), QMessageBox::RejectRole));
    connect(box, &QMessageBox::finished, this, [this, box, yes, name]() {
        QString error;
        if (box->clickedButton() == yes && !m_store->remove(name, &error))
            m_problem->showProblem(tr("The snippet was not deleted"), error);
    });
    box->open();
}
