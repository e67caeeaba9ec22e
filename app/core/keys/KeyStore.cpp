// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/KeyStore.h"

#include <QTimer>
#include <QUrl>
#include <qt6keychain/keychain.h>

// QtKeychain brings QtDBus along on Linux; elsewhere the checks below are simply left out.
#if __has_include(<QDBusConnection>)
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#define HALO_KEYSTORE_HAS_DBUS 1
#else
#define HALO_KEYSTORE_HAS_DBUS 0
#endif

namespace Halo {

namespace {

enum class Unavailable { NoBackend, NoSecretService, NoSessionBus };

struct Classified {
    KeyStore::Problem problem = KeyStore::Problem::Other;
    Unavailable unavailable = Unavailable::NoBackend; // NoKeychain only
};

bool sessionBusReachable()
{
#if HALO_KEYSTORE_HAS_DBUS
    return QDBusConnection::sessionBus().isConnected();
#else
    return true;
#endif
}

bool mentionsAny(const QString &text, std::initializer_list<const char *> needles)
{
    for (const char *needle : needles) {
        if (text.contains(QLatin1String(needle), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// QtKeychain reports most Secret Service trouble as OtherError with a message from GLib or
// dbus-daemon. GLib's messages are translated, so the bus check comes first; the D-Bus error
// texts and names are not translated.
Classified classify(QKeychain::Error error, const QString &message)
{
    using P = KeyStore::Problem;
    switch (error) {
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {P::Locked};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return {P::NoKeychain, Unavailable::NoBackend};
    case QKeychain::OtherError:
        break;
    default:
        return {P::Other};
    }
    if (!sessionBusReachable() ||
        mentionsAny(message, {"autolaunch", "Could not connect", "D-Bus is not running"}))
        return {P::NoKeychain, Unavailable::NoSessionBus};
    // "The name org.freedesktop.secrets was not provided by any .service files", or the
    // activated service failed to start.
    if (mentionsAny(message, {"org.freedesktop.secrets", "ServiceUnknown"}))
        return {P::NoKeychain, Unavailable::NoSecretService};
    if (mentionsAny(message, {"locked", "dismissed", "cancelled"}))
        return {P::Locked};
    return {P::Other};
}

} // namespace

KeyStore::KeyStore(QObject *parent)
    : QObject(parent)
{}

// Jobs still running are not ours to delete: libsecret holds raw pointers into them until they
// answer, and they delete themselves then. Our connections to them end with this object.
KeyStore::~KeyStore() = default;

void KeyStore::setTimeout(int ms)
{
    m_timeoutMs = qMax(0, ms);
}

QString KeyStore::serviceName()
{
    return QStringLiteral("Halo Explorer");
}

QString KeyStore::entryName(Environment env, const QString &customBaseUrl)
{
    switch (env) {
    case Environment::Production:
    case Environment::Stage:
        return QStringLiteral("subscription-key/") + environmentId(env);
    case Environment::Custom: {
        const QString origin = keyOrigin(QUrl(customBaseUrl.trimmed(), QUrl::StrictMode));
        if (origin.isEmpty())
            return {};
        return QStringLiteral("subscription-key/custom/") + origin;
    }
    case Environment::Sandbox:
        break;
    }
    return {};
}

bool KeyStore::isSessionOnly(Environment env, const QString &customBaseUrl) const
{
    const QString entry = entryName(env, customBaseUrl);
    return !entry.isEmpty() && m_sessionKeys.contains(entry);
}

void KeyStore::readKey(Environment env, const QString &customBaseUrl)
{
    Request request;
    if (!prepare(request, Operation::Read, env, customBaseUrl))
        return;
    // A key kept in memory is newer than anything the keychain may hold from an earlier run.
    const auto session = m_sessionKeys.constFind(request.entry);
    if (session != m_sessionKeys.constEnd()) {
        const QString key = session.value();
        const QString host = request.host;
        emitLater([this, env, host, key] { emit keyRead(env, host, key); });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(serviceName());
    start(++m_nextId, request, job);
}

void KeyStore::writeKey(Environment env, const QString &customBaseUrl, const QString &key)
{
    Request request;
    if (!prepare(request, Operation::Write, env, customBaseUrl))
        return;
    request.key = key;
    auto *job = new QKeychain::WritePasswordJob(serviceName());
    job->setTextData(key);
    start(++m_nextId, request, job);
}

void KeyStore::forgetKey(Environment env, const QString &customBaseUrl)
{
    Request request;
    if (!prepare(request, Operation::Forget, env, customBaseUrl))
        return;
    request.hadSessionKey = m_sessionKeys.remove(request.entry) > 0;
    auto *job = new QKeychain::DeletePasswordJob(serviceName());
    start(++m_nextId, request, job);
}

bool KeyStore::prepare(Request &request, Operation operation, Environment env, const QString &host)
{
    request.operation = operation;
    request.env = env;
    request.host =
        env == Environment::Custom ? keyOrigin(QUrl(host.trimmed(), QUrl::StrictMode)) : QString();
    request.entry = entryName(env, host);
    if (!request.entry.isEmpty())
        return true;

    const QString message =
        env == Environment::Sandbox
            ? tr("The Sandbox's key is generated for each run and is never stored.")
            : tr("A Custom environment needs its http(s) base URL (scheme, host and port) "
                 "before its key can be stored.");
    const QString normalisedHost = request.host;
    emitLater([this, env, normalisedHost, message] {
        emit failed(env, normalisedHost, Problem::Other, message);
    });
    return false;
}

void KeyStore::start(quint64 id, Request request, QKeychain::Job *job)
{
    job->setKey(request.entry);
    // The fallback stores the key as plain text in QSettings: never.
    job->setInsecureFallback(false);
    // No parent: a job that outlives its deadline must be left alone, and it deletes itself.
    job->setAutoDelete(true);
    request.jobFinished = connect(job, &QKeychain::Job::finished, this,
                                  [this, id](QKeychain::Job *done) { onJobFinished(id, done); });

    // QtKeychain never gives up on a request, and a hung one blocks every later one.
    request.deadline = new QTimer(this);
    request.deadline->setSingleShot(true);
    connect(request.deadline, &QTimer::timeout, this, [this, id] { onDeadline(id); });
    request.deadline->start(m_timeoutMs);

    m_requests.insert(id, request);
    job->start();
}

void KeyStore::onJobFinished(quint64 id, QKeychain::Job *job)
{
    const auto found = m_requests.constFind(id);
    if (found == m_requests.constEnd())
        return;
    const Operation operation = found->operation;
    const QKeychain::Error error = job->error();

    if (error == QKeychain::NoError) {
        if (operation == Operation::Read) {
            auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job);
            finishSuccess(id, read ? read->textData() : QString());
        } else if (operation == Operation::Forget) {
            // The Secret Service skips locked items when deleting and still reports success.
            checkLockedThenFinish(id);
        } else {
            finishSuccess(id);
        }
        return;
    }
    if (error == QKeychain::EntryNotFound && operation != Operation::Write) {
        // A lookup in a locked keyring whose unlock prompt was dismissed also ends here.
        checkLockedThenFinish(id);
        return;
    }

    const Classified classified = classify(error, job->errorString());
    QString reason;
    if (classified.problem == Problem::NoKeychain) {
        switch (classified.unavailable) {
        case Unavailable::NoBackend:
            reason = tr("no keychain service on this system");
            break;
        case Unavailable::NoSecretService:
            reason = tr("no Secret Service on the session bus");
            break;
        case Unavailable::NoSessionBus:
            reason = tr("cannot reach the D-Bus session bus");
            break;
        }
    } else {
        reason = job->errorString();
    }
    finishFailure(id, classified.problem, reason);
}

void KeyStore::checkLockedThenFinish(quint64 id)
{
#if HALO_KEYSTORE_HAS_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        QDBusMessage call = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.secrets"),
            QStringLiteral("/org/freedesktop/secrets/aliases/default"),
            QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
        call << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
        // Only ask a Secret Service that is already running (never start one, e.g. under KDE).
        call.setAutoStartService(false);
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this,
                [this, id](QDBusPendingCallWatcher *answered) {
                    answered->deleteLater();
                    const QDBusPendingReply<QDBusVariant> reply = *answered;
                    if (!m_requests.contains(id))
                        return; // timed out meanwhile
                    if (!reply.isError() && reply.value().variant().toBool())
                        finishFailure(id, Problem::Locked, {});
                    else
                        finishSuccess(id);
                });
        return;
    }
#endif
    finishSuccess(id);
}

void KeyStore::onDeadline(quint64 id)
{
    if (!m_requests.contains(id))
        return;
    finishFailure(id, Problem::TimedOut, {});
}

KeyStore::Request KeyStore::take(quint64 id)
{
    Request request = m_requests.take(id);
    // From here on the job is never touched again, even if it answers later.
    disconnect(request.jobFinished);
    if (request.deadline) {
        request.deadline->stop();
        request.deadline->deleteLater();
    }
    return request;
}

void KeyStore::finishSuccess(quint64 id, const QString &key)
{
    const Request request = take(id);
    switch (request.operation) {
    case Operation::Read:
        emit keyRead(request.env, request.host, key);
        break;
    case Operation::Write:
        // Stored for good now, so a copy kept in memory from earlier is stale.
        m_sessionKeys.remove(request.entry);
        emit keyWritten(request.env, request.host);
        break;
    case Operation::Forget:
        emit keyForgotten(request.env, request.host);
        break;
    }
}

void KeyStore::finishFailure(quint64 id, Problem problem, const QString &reason)
{
    const Request request = take(id);
    QString message;
    switch (problem) {
    case Problem::NoKeychain: {
        const QString what = tr("No keychain is available (%1).").arg(reason);
        switch (request.operation) {
        case Operation::Write:
            m_sessionKeys.insert(request.entry, request.key);
            emit failed(request.env, request.host, problem,
                        what + QLatin1Char(' ') +
                            tr("The key will be kept in memory for this run only."));
            emit keyWritten(request.env, request.host);
            return;
        case Operation::Read:
            message = what + QLatin1Char(' ') +
                      tr("Enter the key to use it now; it will be kept in memory for this "
                         "run only.");
            break;
        case Operation::Forget:
            if (request.hadSessionKey) {
                // The only copy this run could reach was the one in memory, and it is gone.
                emit keyForgotten(request.env, request.host);
                return;
            }
            message = what + QLatin1Char(' ') +
                      tr("No stored key could be removed; start the keychain and try again.");
            break;
        }
        break;
    }
    case Problem::Locked:
        message = tr("The keychain is locked or refused access. Unlock it (for example in "
                     "Passwords and Keys) and try again.");
        break;
    case Problem::TimedOut:
        message = tr("The keychain did not answer in time. It may be waiting to be unlocked, or "
                     "busy with an earlier request; unlock it if asked and try again.");
        break;
    case Problem::Other:
        switch (request.operation) {
        case Operation::Read:
            message = tr("The key could not be read from the keychain (%1). Try again.");
            break;
        case Operation::Write:
            message = tr("The key could not be saved in the keychain (%1). Try again.");
            break;
        case Operation::Forget:
            message = tr("The key could not be removed from the keychain (%1). Try again.");
            break;
        }
        message = message.arg(reason);
        break;
    }
    emit failed(request.env, request.host, problem, message);
}

void KeyStore::emitLater(const std::function<void()> &emitter)
{
    // Answers always arrive after the call returns, as they do from the keychain.
    QMetaObject::invokeMethod(this, emitter, Qt::QueuedConnection);
}

} // namespace Halo
