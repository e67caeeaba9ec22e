// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace Halo {
struct Endpoint;
}

// What the Add site dialog looks a site up by: the way to find it (by PMS ID, by Halo GUID, or
// by pairing), the fields that way needs with hints and the GUID checked as it is typed, and
// Look up or Pair site. It says what the user asks for; the dialog sends it.
class SiteLookupForm : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { ByPmsId, ByGuid, Pair };

    explicit SiteLookupForm(const Halo::Endpoint &destination, QWidget *parent = nullptr);

    // What the practice calls its PMS ID and where it finds it (REFERENCE §3.4).
    static QString pmsIdHint(const QString &pmsName);
    static bool isBestPractice(const QString &pmsName);

    Mode mode() const { return m_mode; }
    void setMode(Mode mode); // checks its button; showMode() shows its fields
    void showMode();         // the fields and the button of the current mode
    // Look up and Pair site can be pressed when what they need is there and nothing runs.
    void updateActions(bool busy);

    QString pmsId() const; // trimmed
    QString pmsName() const;
    QString expectedPracticeName() const;
    QString guid() const;        // as typed
    QString pairingCode() const; // trimmed; empty when the PMS pairs without one
    bool canLookUp() const;
    bool canPair() const;
    QPushButton *actionButton() const; // Look up, or Pair site when pairing
    QWidget *firstInput() const;
    QList<QWidget *> tabChain() const; // its controls in reading order

signals:
    void modeChosen(SiteLookupForm::Mode mode);
    void lookUpRequested();
    void pairRequested();
    void inputsChanged(); // what was found for the previous inputs is stale
    void expectedPracticeNameChanged(const QString &name);

private:
    void updateGuidValidation();
    void updatePmsHints();

    Mode m_mode = Mode::ByPmsId;
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
};
