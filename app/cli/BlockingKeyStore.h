// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "keys/KeyStore.h"
#include "net/Environment.h"

namespace Cli {

// KeyStore for a program that does one thing at a time: each call waits (in a local event
// loop) for the keychain's answer. KeyStore's own deadline bounds the wait.
class BlockingKeyStore
{
public:
    struct Answer {
        bool ok = false;
        QString key; // read only; empty when nothing is stored
        Halo::KeyStore::Problem problem = Halo::KeyStore::Problem::Other;
        QString message; // translated, when !ok
    };

    Answer read(Halo::Environment env, const QString &host);
    Answer write(Halo::Environment env, const QString &host, const QString &key);
    Answer forget(Halo::Environment env, const QString &host);

private:
    template <typename Start> Answer wait(Start start);

    Halo::KeyStore m_store;
};

} // namespace Cli
