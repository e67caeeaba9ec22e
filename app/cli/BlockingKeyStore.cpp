// SPDX-License-Identifier: GPL-3.0-or-later
#include "BlockingKeyStore.h"

#include <QEventLoop>

namespace Cli {

namespace {

BlockingKeyStore::Answer succeeded(const QString &key = QString())
{
    BlockingKeyStore::Answer answer;
    answer.ok = true;
    answer.key = key;
    return answer;
}

BlockingKeyStore::Answer refused(Halo::KeyStore::Problem problem, const QString &message)
{
    BlockingKeyStore::Answer answer;
    answer.problem = problem;
    answer.message = message;
    return answer;
}

} // namespace

template <typename Start> BlockingKeyStore::Answer BlockingKeyStore::wait(Start start)
{
    using Halo::Environment;
    using Halo::KeyStore;
    Answer result;
    QEventLoop loop;
    // The first answer counts: a write without a keychain reports failed, then keyWritten for
    // a key kept in memory, which a program that ends right away cannot use.
    bool answered = false;
    const auto settle = [&result, &answered, &loop](const Answer &answer) {
        if (answered)
            return;
        answered = true;
        result = answer;
        loop.quit();
    };
    // The connections end with `loop`, before anything they refer to.
    QObject::connect(
        &m_store, &KeyStore::keyRead, &loop,
        [&settle](Environment, const QString &, const QString &key) { settle(succeeded(key)); });
    QObject::connect(&m_store, &KeyStore::keyWritten, &loop,
                     [&settle](Environment, const QString &) { settle(succeeded()); });
    QObject::connect(&m_store, &KeyStore::keyForgotten, &loop,
                     [&settle](Environment, const QString &) { settle(succeeded()); });
    QObject::connect(&m_store, &KeyStore::failed, &loop,
                     [&settle](Environment, const QString &, KeyStore::Problem problem,
                               const QString &message) { settle(refused(problem, message)); });
    start();
    // Every KeyStore call answers later, never before it returns, so nothing is missed here.
    if (!answered)
        loop.exec();
    return result;
}

BlockingKeyStore::Answer BlockingKeyStore::read(Halo::Environment env, const QString &host)
{
    return wait([this, env, &host] { m_store.readKey(env, host); });
}

BlockingKeyStore::Answer BlockingKeyStore::write(Halo::Environment env, const QString &host,
                                                 const QString &key)
{
    return wait([this, env, &host, &key] { m_store.writeKey(env, host, key); });
}

BlockingKeyStore::Answer BlockingKeyStore::forget(Halo::Environment env, const QString &host)
{
    return wait([this, env, &host] { m_store.forgetKey(env, host); });
}

} // namespace Cli
