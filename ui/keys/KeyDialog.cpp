// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyDialog.h"

#include "EnvironmentBanner.h"
#include "api/HaloApiClient.h"
#include "net/ApiCall.h"
#include "widgets/ThemeColours.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

// Any harmless, read-only request will do: the answer only tells whether the key is accepted.
const QString kProbePmsId = QStringLiteral("halo-explorer-key-check");
const QString kProbePmsName = QStringLiteral("Best Practice");

} // namespace

KeyDialog::KeyDialog(Halo::KeyStore *keys, const Halo::Endpoint &endpoint, QWidget *parent)
    : QDialog(parent)
    , m_keys(keys)
    , m_endpoint(endpoint)
    , m_host(endpoint.environment == Halo::Environment::Custom ? Halo::keyOrigin(endpoint.baseUrl)
                                                               : QString())
    , m_client(new Halo::HaloApiClient(this))
    , m_keyEdit(new QLineEdit(this))
    , m_showKey(new QCheckBox(tr("Show key"), this))
    , m_status(new QLabel(this))
    , m_testButton(new QPushButton(tr("Test connection"), this))
    , m_saveButton(new QPushButton(tr("Save key"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_continueButton(new QPushButton(tr("Continue"), this))
{
    const QString name = Halo::endpointDisplayName(endpoint);
    setObjectName(QStringLiteral("keyDialog"));
    setWindowTitle(tr("Subscription key — %1").arg(name));
    setMinimumWidth(560);

    m_client->setEndpoint(endpoint);
    Halo::CallPolicy policy;
    policy.maxRetries = 0; // a key check should answer quickly, not wait out back-offs
    policy.inactivityTimeoutMs = 20000;
    policy.deadlineMs = 30000;
    m_client->setPolicy(policy);

    auto *banner = new EnvironmentBanner(this);
    banner->setEndpoint(endpoint);

    m_status->setObjectName(QStringLiteral("keyStatus"));
    m_status->setAccessibleName(tr("Key status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(banner);
    layout->addWidget(createIntro());
    layout->addWidget(createKeyRow());
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(createButtons());

    connect(m_keys, &Halo::KeyStore::keyWritten, this, &KeyDialog::onKeyWritten);
    connect(m_keys, &Halo::KeyStore::failed, this, &KeyDialog::onKeyFailed);
    updateButtons();
    m_keyEdit->setFocus();
}

QWidget *KeyDialog::createKeyRow()
{
    const QString name = Halo::environmentDisplayName(m_endpoint.environment);
    m_keyEdit->setObjectName(QStringLiteral("subscriptionKey"));
    m_keyEdit->setAccessibleName(tr("Subscription key"));
    m_keyEdit->setEchoMode(QLineEdit::Password);
    m_keyEdit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                                   Qt::ImhNoAutoUppercase);
    m_keyEdit->setPlaceholderText(tr("The subscription key for %1").arg(name));
    m_showKey->setObjectName(QStringLiteral("showKey"));
    m_showKey->setAccessibleName(tr("Show key"));
    connect(m_keyEdit, &QLineEdit::textEdited, this, &KeyDialog::keyEdited);
    connect(m_showKey, &QCheckBox::toggled, this, [this](bool show) {
        m_keyEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });

    auto *label = new QLabel(tr("&Subscription key:"), this);
    label->setBuddy(m_keyEdit);
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_keyEdit, 1);
    layout->addWidget(m_showKey);
    return row;
}

QWidget *KeyDialog::createButtons()
{
    m_testButton->setObjectName(QStringLiteral("testConnection"));
    m_testButton->setAccessibleName(tr("Test connection"));
    m_testButton->setAutoDefault(false);
    m_saveButton->setObjectName(QStringLiteral("saveKey"));
    m_saveButton->setAccessibleName(tr("Save key"));
    m_saveButton->setDefault(true);
    m_cancelButton->setAccessibleName(tr("Cancel"));
    m_continueButton->setAccessibleName(tr("Continue"));
    m_continueButton->hide();

    connect(m_testButton, &QPushButton::clicked, this, &KeyDialog::testConnection);
    connect(m_saveButton, &QPushButton::clicked, this, &KeyDialog::save);
    connect(m_continueButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_cancelButton, &QPushButton::clicked, this, &QDialog::reject);

    // A plain row rather than QDialogButtonBox: buttons are hidden and shown as the dialog
    // moves on, which the box does not handle the same way in every Qt 6 release.
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_testButton);
    layout->addStretch(1);
    layout->addWidget(m_saveButton);
    layout->addWidget(m_cancelButton);
    layout->addWidget(m_continueButton);
    return row;
}

QWidget *KeyDialog::createIntro()
{
    const QString name = Halo::endpointDisplayName(m_endpoint);
    auto *intro = new QLabel(
        tr("Enter the subscription key for %1 (%2). Halo Explorer keeps it in the operating "
           "system's keychain and sends it only in the request header. A key belongs to one "
           "environment: Production keys do not work on Stage, and the reverse.")
            .arg(name, m_endpoint.baseUrl.toDisplayString()),
        this);
    intro->setObjectName(QStringLiteral("keyDialogIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    if (!Halo::isProduction(m_endpoint))
        return intro;

    auto *production = new QLabel(
        tr("This is Production: queries sent with this key reach live practice databases."), this);
    production->setObjectName(QStringLiteral("productionWarning"));
    production->setWordWrap(true);
    ThemeColours::styleLabel(production, ThemeColours::Role::Bad,
                             QStringLiteral("font-weight: bold; "));
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addWidget(production);
    return box;
}

QString KeyDialog::typedKey() const
{
    return m_keyEdit->text().trimmed(); // pasted keys often bring a newline or spaces along
}

void KeyDialog::testConnection()
{
    const QString key = typedKey();
    if (key.isEmpty() || m_saving)
        return;
    cancelTest();
    m_client->setSubscriptionKey(key);
    m_test = m_client->findSites(kProbePmsId, kProbePmsName);
    // The call has its header now; the client need not hold the key any longer.
    m_client->setSubscriptionKey(QString());
    Halo::ApiCall *call = m_test;
    connect(call, &Halo::ApiCall::finished, this, [this, call] { showTestResult(call); });
    showStatus(Tone::Neutral,
               tr("Testing the key against %1…").arg(m_endpoint.baseUrl.toDisplayString()));
    updateButtons();
}

void KeyDialog::showTestResult(Halo::ApiCall *call)
{
    m_test = nullptr;
    updateButtons();
    if (call->ok()) {
        // Any 2xx, an empty site list included, means the key was accepted.
        showStatus(Tone::Success, tr("The key works: %1 (%2) accepted it.")
                                      .arg(Halo::environmentDisplayName(m_endpoint.environment),
                                           m_endpoint.baseUrl.host()));
        return;
    }
    const Halo::ApiError &error = call->error();
    QStringList lines{error.title(), error.explanation()};
    if (!error.nextStep().isEmpty())
        lines << error.nextStep();
    showStatus(Tone::Problem, lines.join(QLatin1Char('\n')));
}

void KeyDialog::cancelTest()
{
    if (!m_test)
        return;
    m_test->disconnect(this);
    m_test->cancel();
    m_test = nullptr;
}

void KeyDialog::keyEdited()
{
    // A result shown for the previous key would be misleading now.
    cancelTest();
    if (!m_saving)
        showStatus(Tone::Neutral, QString());
    updateButtons();
}

void KeyDialog::save()
{
    const QString key = typedKey();
    if (key.isEmpty() || m_saving || m_stored)
        return;
    cancelTest();
    m_saving = true;
    m_sessionOnly = false;
    showStatus(Tone::Neutral, tr("Saving the key in the keychain…"));
    updateButtons();
    m_keys->writeKey(m_endpoint.environment, m_endpoint.baseUrl.toString(), key);
}

bool KeyDialog::isOurs(Halo::Environment env, const QString &host) const
{
    return m_saving && env == m_endpoint.environment && host == m_host;
}

void KeyDialog::onKeyWritten(Halo::Environment env, const QString &host)
{
    if (!isOurs(env, host))
        return;
    m_saving = false;
    m_stored = true;
    m_keyEdit->setText(QString());
    if (m_sessionOnly)
        showStoredForThisRunOnly();
    else
        accept();
}

void KeyDialog::onKeyFailed(Halo::Environment env, const QString &host,
                            Halo::KeyStore::Problem problem, const QString &message)
{
    if (!isOurs(env, host))
        return;
    if (problem == Halo::KeyStore::Problem::NoKeychain) {
        // KeyStore keeps the key in memory and follows with keyWritten.
        m_sessionOnly = true;
        showStatus(Tone::Warning, message);
        return;
    }
    // Locked, timed out or another failure: the typed key stays, so the user can retry.
    m_saving = false;
    showStatus(Tone::Problem, message);
    updateButtons();
    m_keyEdit->setFocus();
}

void KeyDialog::showStoredForThisRunOnly()
{
    // Accepting at once would hide the message; the key is in use either way.
    m_keyEdit->setEnabled(false);
    m_showKey->setEnabled(false);
    m_testButton->hide();
    m_saveButton->hide();
    m_cancelButton->hide();
    m_continueButton->show();
    m_continueButton->setDefault(true);
    m_continueButton->setFocus();
}

void KeyDialog::updateButtons()
{
    const bool hasKey = !typedKey().isEmpty();
    const bool editable = !m_saving && !m_stored;
    m_keyEdit->setEnabled(editable);
    m_testButton->setEnabled(editable && hasKey && !m_test);
    m_saveButton->setEnabled(editable && hasKey);
}

void KeyDialog::showStatus(Tone tone, const QString &text)
{
    QString prefix;
    QColor colour = palette().color(QPalette::WindowText);
    switch (tone) {
    case Tone::Neutral:
        break;
    case Tone::Success:
        prefix = QStringLiteral("✓ ");
        colour = ThemeColours::good(palette());
        break;
    case Tone::Warning:
        prefix = QStringLiteral("⚠ ");
        colour = ThemeColours::warning(palette());
        break;
    case Tone::Problem:
        prefix = QStringLiteral("✗ ");
        colour = ThemeColours::bad(palette());
        break;
    }
    QPalette statusPalette = m_status->palette();
    statusPalette.setColor(QPalette::WindowText, colour);
    m_status->setPalette(statusPalette);
    m_status->setText(text.isEmpty() ? QString() : prefix + text);
}

void KeyDialog::reject()
{
    // Once the key is stored, closing the dialog still means "use it".
    if (m_stored) {
        accept();
        return;
    }
    QDialog::reject();
}

void KeyDialog::done(int result)
{
    cancelTest();
    m_saving = false;
    m_keyEdit->setText(QString()); // also drops the line edit's undo history
    QDialog::done(result);
}
