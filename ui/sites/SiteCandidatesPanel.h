// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace Halo {
class SiteCandidatesModel;
struct Endpoint;
struct SiteInfo;
} // namespace Halo

// The installs a lookup found, for the user to choose the right one by its secondary
// identifiers: the table (the authoritative install first, warnings marked), a note on what to
// check, the confirmation a non-authoritative install needs, and Save site.
class SiteCandidatesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SiteCandidatesPanel(const Halo::Endpoint &destination, QWidget *parent = nullptr);

    Halo::SiteCandidatesModel *model() const { return m_candidates; }
    QTableView *view() const { return m_view; }
    QCheckBox *confirmBox() const { return m_confirmNonAuthoritative; }
    QPushButton *saveButton() const { return m_save; }

    // One candidate is the answer to what was asked and is selected; among several the user
    // chooses. `expectedPracticeName` flags candidates with another name.
    void showCandidates(const QList<Halo::SiteInfo> &sites, const QString &expectedPracticeName);
    void clear();
    void setExpectedPracticeName(const QString &name);
    int selectedRow() const; // -1 when none
    // Save site can be pressed for a chosen, confirmed install not saved yet.
    void updateSave(bool busy, const QString &savedGuid);
    QList<QWidget *> tabChain() const; // its controls in reading order

signals:
    void choiceChanged(); // the install chosen, or its confirmation
    void saveRequested();

private:
    void onSelectionChanged();
    void updateSelection();

    Halo::SiteCandidatesModel *m_candidates;
    QTableView *m_view;
    QLabel *m_note;
    QCheckBox *m_confirmNonAuthoritative;
    QPushButton *m_save;
};
