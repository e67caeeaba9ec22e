// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <functional>

#include "net/Environment.h"

class QTimer;

namespace QKeychain {
class Job;
}

namespace Halo {

// The subscription keys in the operating system's keychain (QtKeychain): one per environment,
// and for Custom one per base URL's origin (scheme, host and port: a key saved for
// https://proxy:443 is never read for http://proxy or https://proxy:8443). The Sandbox's key is
// generated per run, never stored. Production and Stage keep the entry names they always had.
//
// Every call returns at once and is answered later by exactly one signal: keyRead, keyWritten,
// keyForgotten or failed. The one exception is a write while no keychain is available: the key
// is kept in memory for this run, and failed(NoKeychain) is followed by keyWritten.
// `customBaseUrl` is the Custom environment's base URL (ignored for the others); the `origin`
// in every signal is its keyOrigin(), "https://proxy.example.net:443" (empty unless Custom).
//
// The key is never logged, never written to a file and never put in QSettings.
class KeyStore : public QObject
{
    Q_OBJECT
public:
    enum class Problem {
        NoKeychain, // no keychain backend, no Secret Service, or no D-Bus session bus
        Locked,     // the keychain is locked, refused access, or unlocking was cancelled
        TimedOut,   // no answer before our deadline (setTimeout)
        Other,
    };
    Q_ENUM(Problem)

    static constexpr int DefaultTimeoutMs = 10000;

    explicit KeyStore(QObject *parent = nullptr);
    ~KeyStore() override;

    // The deadline of each keychain request, including the time it waits behind other
    // requests in QtKeychain's process-wide queue. Applies to requests started afterwards.
    void setTimeout(int ms);
    int timeout() const { return m_timeoutMs; }

    // "Nothing stored" is not a failure: keyRead then carries an empty key.
    void readKey(Halo::Environment env, const QString &customBaseUrl = {});
    void writeKey(Halo::Environment env, const QString &customBaseUrl, const QString &key);
    void forgetKey(Halo::Environment env, const QString &customBaseUrl = {});

    // True when the key for this environment lives only in memory for this run, because it was
    // written while no keychain was available.
    bool isSessionOnly(Halo::Environment env, const QString &customBaseUrl = {}) const;

    static QString serviceName(); // "Halo Explorer"
    // subscription-key/production, subscription-key/stage, and for Custom
    // subscription-key/custom/<origin> (e.g. .../custom/https://proxy.example.net:443); empty
    // for the Sandbox and for Custom without an http(s) base URL. Entries that earlier versions
    // saved per host (subscription-key/custom/<host>) are not read: which scheme and port they
    // were meant for is unknown.
    static QString entryName(Halo::Environment env, const QString &customBaseUrl = {});

signals:
    void keyRead(Halo::Environment env, const QString &origin, const QString &key);
    void keyWritten(Halo::Environment env, const QString &origin);
    void keyForgotten(Halo::Environment env, const QString &origin);
    void failed(Halo::Environment env, const QString &origin, Halo::KeyStore::Problem problem,
                const QString &message);

private:
    enum class Operation { Read, Write, Forget };
    struct Request {
        Operation operation = Operation::Read;
        Environment env = Environment::Production;
        QString host;
        QString entry;
        QString key;                // Write only: kept for the in-memory fallback until the answer
        bool hadSessionKey = false; // Forget only
        QTimer *deadline = nullptr;
        QMetaObject::Connection jobFinished;
    };

    bool prepare(Request &request, Operation operation, Environment env, const QString &host);
    void start(quint64 id, Request request, QKeychain::Job *job);
    void onJobFinished(quint64 id, QKeychain::Job *job);
    void onDeadline(quint64 id);
    void checkLockedThenFinish(quint64 id);
    void finishSuccess(quint64 id, const QString &key = {});
    void finishFailure(quint64 id, Problem problem, const QString &reason);
    Request take(quint64 id);
    void emitLater(const std::function<void()> &emitter);

    QHash<quint64, Request> m_requests;
    QHash<QString, QString> m_sessionKeys; // entry name -> key, only while no keychain works
    quint64 m_nextId = 0;
    int m_timeoutMs = DefaultTimeoutMs;
};

} // namespace Halo
