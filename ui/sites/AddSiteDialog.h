// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include "SiteLookupForm.h"
#include "sites/SiteRecord.h"

class QLabel;
class CallProgress;
class ProblemLabel;
class SiteCandidatesPanel;
class SiteLookupController;
class TestQueryPanel;

namespace Halo {
class HaloApiClient;
class SiteStore;
struct SiteInfo;
} // namespace Halo

// Adds a site to the user's list as the Getting started guide recommends: find the practice's
// Halo GUID (by PMS ID, by GUID, or by pairing), let the user confirm which install is the right
// one by its secondary identifiers, save it with what those identifiers are now, and offer a
// test query. Every call runs in the background and can be cancelled. The dialog composes a
// SiteLookupForm (what to look up), a SiteLookupController (the call), a SiteCandidatesPanel
// (what was found) and a TestQueryPanel, and saves the install chosen.
class AddSiteDialog : public QDialog
{
    Q_OBJECT
public:
    using Mode = SiteLookupForm::Mode;

    AddSiteDialog(Halo::HaloApiClient *client, Halo::SiteStore *store, QWidget *parent = nullptr);
    ~AddSiteDialog() override;

    Mode mode() const { return m_form->mode(); }
    void setMode(Mode mode);

    void done(int result) override; // cancels what is still running

signals:
    void siteSaved(const Halo::SiteRecord &record);

private:
    void arrangeTabOrder();
    void lookUp();
    void pair();
    void prepareLookup();
    void setBusy(bool busy);
    void lookupFinished();
    void showCandidates(const QList<Halo::SiteInfo> &sites, const QString &typedPmsId);
    void clearCandidates();
    void save();
    void updateMode();
    void updateActions();
    void updateDefaultButton(QWidget *focused);

    Halo::HaloApiClient *m_client;
    Halo::SiteStore *m_store;
    QString m_candidatesPmsId;   // what the user typed for the lookup that found the candidates
    QString m_candidatesPmsName; // the PMS chosen for it
    QString m_savedGuid;

    ProblemLabel *m_problem = nullptr;
    ProblemLabel *m_saveProblem = nullptr;
    QLabel *m_savedLabel = nullptr;
    TestQueryPanel *m_testPanel = nullptr;
    QPushButton *m_close = nullptr;
    SiteLookupForm *m_form = nullptr;
    CallProgress *m_progress = nullptr;
    SiteLookupController *m_lookup = nullptr;
    SiteCandidatesPanel *m_candidates = nullptr;
};
