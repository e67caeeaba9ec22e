// SPDX-License-Identifier: GPL-3.0-or-later
#include "SiteCandidatesPanel.h"

#include "net/Environment.h"
#include "sites/SiteCandidatesModel.h"
#include "sites/SiteInfo.h"
#include "sites/SiteRecord.h"
#include "widgets/ProductionMarker.h"
#include "widgets/ThemeColours.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace {

// Besides their words, non-authoritative installs read in italics and the warnings in red, so
// the eye finds them before the text is read.
class CandidateDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        using Model = Halo::SiteCandidatesModel;
        QStyledItemDelegate::initStyleOption(option, index);
        const bool authoritative = index.data(Model::AuthoritativeRole).toBool();
        const bool warning = (index.column() == Model::AuthoritativeColumn && !authoritative) ||
                             (index.column() == Model::PracticeColumn &&
                              !index.data(Model::NameMatchesRole).toBool());
        option->font.setItalic(!authoritative);
        if (warning) {
            option->font.setBold(true);
            option->palette.setColor(QPalette::Text,
                                     ThemeColours::bad(option->palette, QPalette::Base));
        }
    }
};

} // namespace

SiteCandidatesPanel::SiteCandidatesPanel(const Halo::Endpoint &destination, QWidget *parent)
    : QWidget(parent)
    , m_candidates(new Halo::SiteCandidatesModel(this))
{
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("siteCandidates"));
    m_view->setAccessibleName(tr("Candidates"));
    m_view->setAccessibleDescription(
        tr("The installs Halo Cloud returned; the authoritative one first."));
    m_view->setModel(m_candidates);
    m_view->setItemDelegate(new CandidateDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false); // Tab leaves the table instead of walking its cells
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SiteCandidatesPanel::onSelectionChanged);
    connect(m_candidates, &QAbstractItemModel::modelReset, this,
            &SiteCandidatesPanel::onSelectionChanged);

    m_note = new QLabel(this);
    m_note->setAccessibleName(tr("Candidates note"));
    m_note->setWordWrap(true);
    m_confirmNonAuthoritative = new QCheckBox(
        tr("I understand this install is not authoritative; queries will be refused (403)"), this);
    m_confirmNonAuthoritative->setAccessibleName(tr("Confirm non-authoritative install"));
    m_confirmNonAuthoritative->hide();
    connect(m_confirmNonAuthoritative, &QCheckBox::toggled, this,
            &SiteCandidatesPanel::choiceChanged);

    m_save = new QPushButton(tr("&Save site"), this);
    m_save->setAccessibleName(tr("Save site"));
    connect(m_save, &QPushButton::clicked, this, &SiteCandidatesPanel::saveRequested);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_save);
    saveRow->addWidget(new ProductionMarker(destination, this));
    saveRow->addStretch(1);

    auto *title = new QLabel(tr("Ca&ndidates:"), this);
    title->setBuddy(m_view);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);
    layout->addWidget(m_confirmNonAuthoritative);
    layout->addLayout(saveRow);
}

void SiteCandidatesPanel::showCandidates(const QList<Halo::SiteInfo> &sites,
                                         const QString &expectedPracticeName)
{
    m_candidates->setExpectedPracticeName(expectedPracticeName);
    m_candidates->setCandidates(sites);
    if (sites.isEmpty())
        return;
    m_view->resizeColumnsToContents();
    if (sites.size() == 1)
        m_view->selectRow(0);
    else
        m_view->selectionModel()->setCurrentIndex(m_candidates->index(0, 0),
                                                  QItemSelectionModel::NoUpdate);
}

void SiteCandidatesPanel::clear()
{
    m_candidates->clear();
}

void SiteCandidatesPanel::setExpectedPracticeName(const QString &name)
{
    m_candidates->setExpectedPracticeName(name);
    updateSelection();
}

int SiteCandidatesPanel::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void SiteCandidatesPanel::updateSave(bool busy, const QString &savedGuid)
{
    const int row = selectedRow();
    const Halo::SiteInfo site = m_candidates->candidate(row);
    const bool confirmed = !Halo::SiteCandidatesModel::isNonAuthoritative(site) ||
                           m_confirmNonAuthoritative->isChecked();
    const bool alreadySaved = !savedGuid.isEmpty() && Halo::normalisedGuid(site.guid) == savedGuid;
    m_save->setEnabled(!busy && row >= 0 && confirmed && !alreadySaved);
}

QList<QWidget *> SiteCandidatesPanel::tabChain() const
{
    return {m_view, m_confirmNonAuthoritative, m_save};
}

void SiteCandidatesPanel::onSelectionChanged()
{
    // A confirmation is for one install: choosing another asks again.
    m_confirmNonAuthoritative->setChecked(false);
    updateSelection();
}

void SiteCandidatesPanel::updateSelection()
{
    const int row = selectedRow();
    const Halo::SiteInfo site = m_candidates->candidate(row);
    m_confirmNonAuthoritative->setVisible(row >= 0 &&
                                          Halo::SiteCandidatesModel::isNonAuthoritative(site));

    QStringList notes;
    const int count = m_candidates->rowCount();
    if (count > 1)
        notes << tr("%n installs share this PMS ID. Only the authoritative one answers queries; "
                    "choose it unless you know otherwise.",
                    nullptr, count);
    if (count > 1 && row < 0)
        notes << tr("Choose the practice to save.");
    if (row >= 0 && !m_candidates->nameMatches(row))
        notes << tr("“%1” is not the practice name you expected (“%2”). Check with the practice "
                    "before saving.")
                     .arg(site.practiceName, m_candidates->expectedPracticeName());
    m_note->setText(notes.join(QLatin1Char(' ')));
    m_note->setVisible(!notes.isEmpty());
    emit choiceChanged();
}
