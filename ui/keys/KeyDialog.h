// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QPointer>

#include "keys/KeyStore.h"
#include "net/Environment.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Halo {
class ApiCall;
class HaloApiClient;
} // namespace Halo

// Asks for the subscription key of one environment, lets the user try it against that
// environment, and saves it in the keychain through KeyStore. The key lives only in the line
// edit, the test request's header and the keychain; it is wiped from the dialog on close.
// Accepted once the key is stored (in memory only, and said so, when there is no keychain).
class KeyDialog : public QDialog
{
    Q_OBJECT
public:
    KeyDialog(Halo::KeyStore *keys, const Halo::Endpoint &endpoint, QWidget *parent = nullptr);

    void done(int result) override;
    void reject() override;

private:
    enum class Tone { Neutral, Success, Warning, Problem };

    QWidget *createKeyRow();
    QWidget *createButtons();
    QWidget *createIntro();
    QString typedKey() const;
    void testConnection();
    void showTestResult(Halo::ApiCall *call);
    void cancelTest();
    void save();
    void onKeyWritten(Halo::Environment env, const QString &host);
    void onKeyFailed(Halo::Environment env, const QString &host, Halo::KeyStore::Problem problem,
                     const QString &message);
    bool isOurs(Halo::Environment env, const QString &host) const;
    void keyEdited();
    void updateButtons();
    void showStatus(Tone tone, const QString &text);
    void showStoredForThisRunOnly();

    Halo::KeyStore *m_keys;
    Halo::Endpoint m_endpoint;
    QString m_host; // the keychain entry's origin (Halo::keyOrigin): Custom only
    Halo::HaloApiClient *m_client;
    QPointer<Halo::ApiCall> m_test;
    bool m_saving = false;
    bool m_sessionOnly = false; // the save fell back to memory for this run
    bool m_stored = false;

    QLineEdit *m_keyEdit;
    QCheckBox *m_showKey;
    QLabel *m_status;
    QPushButton *m_testButton;
    QPushButton *m_saveButton;
    QPushButton *m_cancelButton;
    QPushButton *m_continueButton;
};
