#pragma once

#include <QDialog>
#include <QPointer>

#include <functional>

#include "sites/SiteRecord.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTableView;
class CallProgress;
class ProblemLabel;
class TestQueryPanel;

namespace Halo {
class ApiCall;
class HaloApiClient;
class SiteCandidatesModel;
class SiteStore;
struct SiteInfo;
} // namespace Halo

// Adds a site to the user's list as the Getting started guide recommends: find the practice's
// Halo GUID (by PMS ID, by GUID, or by pairing), let the user confirm which install is the right
// one by its secondary identifiers, save it with what those identifiers are now, and offer a
// test query. Every call runs in the background and can be cancelled.
class AddSiteDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { ByPmsId, ByGuid, Pair };

    AddSiteDialog(Halo::HaloApiClient *client, Halo::SiteStore *store, QWidget *parent = nullptr);
    ~AddSiteDialog() override;

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);

    void done(int result) override; // cancels what is still running

signals:
    void siteSaved(const Halo::SiteRecord &record);

private:
    QWidget *createInputs();
    QWidget *createCandidates();
    void arrangeTabOrder();
    void lookUp();
    void pair();
    // Shows the call's progress; onSuccess reads the call's typed answer once it has succeeded.
    void send(Halo::ApiCall *call, const QString &activity, const std::function<void()> &onSuccess);
    void setBusy(bool busy);
    void showCandidates(const QList<Halo::SiteInfo> &sites, const QString &typedPmsId);
    void clearCandidates();
    void save();
    void updateMode();
    void updateActions();
    void updateGuidValidation();
    void updatePmsHints();
    void onSelectionChanged();
    void updateSelection();
    void updateDefaultButton(QWidget *focused);
    QPushButton *actionButton() const;
    QWidget *firstInput() const;
    int selectedRow() const;
    QString selectedPmsName() const;

    Halo::HaloApiClient *m_client;
    Halo::SiteStore *m_store;
    Halo::SiteCandidatesModel *m_candidates;
    Mode m_mode = Mode::ByPmsId;
    QPointer<Halo::ApiCall> m_call;
    QString m_candidatesPmsId;   // what the user typed for the lookup that found the candidates
    QString m_candidatesPmsName; // the PMS chosen for it
    QString m_savedGuid;

    QWidget *m_inputs = nullptr;
    QFormLayout *m_form = nullptr;
    QButtonGroup *m_modes = nullptr;
    QRadioButton *m_byPmsId = nullptr;
    QRadioButton *m_byGuid = nullptr;
    QRadioButton *m_byPairing = nullptr;
    QLineEdit *m_pmsId = nullptr;
    QComboBox *m_pms = nullptr;
    QLineEdit *m_expectedName = nullptr;
    QLineEdit *m_guid = nullptr;
    QLabel *m_guidProblem = nullptr;
    QLineEdit *m_pairingCode = nullptr;
    QLabel *m_pairingHint = nullptr;
    QPushButton *m_lookUp = nullptr;
    QPushButton *m_pairButton = nullptr;
    CallProgress *m_progress = nullptr;
    ProblemLabel *m_problem = nullptr;
    QWidget *m_candidatesSection = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_candidatesNote = nullptr;
    QCheckBox *m_confirmNonAuthoritative = nullptr;
    QPushButton *m_save = nullptr;
    ProblemLabel *m_saveProblem = nullptr;
    QLabel *m_savedLabel = nullptr;
    TestQueryPanel *m_testPanel = nullptr;
    QPushButton *m_close = nullptr;
};
