// SPDX-License-Identifier: GPL-3.0-or-later
// A second process for tst_keystore: runs KeyStore steps and prints what came back, with a
// SHA-256 of any key read instead of the key itself.
//
//   keystore_probe [--timeout MS] ENVIRONMENT[:BASE-URL] STEP...     STEP: read, write or forget
//
// "write" takes the key from the first line of standard input (never from the command line,
// where other users could see it).
#include "keys/KeyStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QMetaEnum>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QString problemName(Halo::KeyStore::Problem problem)
{
    return QString::fromLatin1(
        QMetaEnum::fromType<Halo::KeyStore::Problem>().valueToKey(int(problem)));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    Halo::KeyStore store;
    if (args.size() >= 2 && args.first() == QLatin1String("--timeout")) {
        store.setTimeout(args.at(1).toInt());
        args = args.mid(2);
    }
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: keystore_probe [--timeout MS] ENVIRONMENT[:HOST] STEP...\n");
        return 1;
    }
    const QString target = args.takeFirst();
    const auto env = Halo::environmentFromId(target.section(QLatin1Char(':'), 0, 0));
    const QString host = target.section(QLatin1Char(':'), 1, -1); // a Custom base URL
    if (!env) {
        std::fprintf(stderr, "unknown environment\n");
        return 1;
    }
    QString key;
    if (args.contains(QLatin1String("write"))) {
        QTextStream in(stdin);
        key = in.readLine();
    }

    QStringList steps = args;
    QString current;
    auto next = [&] {
        if (steps.isEmpty()) {
            out().flush();
            app.quit();
            return;
        }
        current = steps.takeFirst();
        if (current == QLatin1String("read"))
            store.readKey(*env, host);
        else if (current == QLatin1String("write"))
            store.writeKey(*env, host, key);
        else if (current == QLatin1String("forget"))
            store.forgetKey(*env, host);
        else
            app.exit(1);
    };

    QObject::connect(
        &store, &Halo::KeyStore::keyRead, [&](auto, const QString &, const QString &k) {
            if (k.isEmpty())
                out() << "keyRead empty\n";
            else
                out() << "keyRead sha256="
                      << QCryptographicHash::hash(k.toUtf8(), QCryptographicHash::Sha256).toHex()
                      << '\n';
            next();
        });
    QObject::connect(&store, &Halo::KeyStore::keyWritten, [&] {
        out() << "keyWritten session-only=" << (store.isSessionOnly(*env, host) ? "yes" : "no")
              << '\n';
        next();
    });
    QObject::connect(&store, &Halo::KeyStore::keyForgotten, [&] {
        out() << "keyForgotten\n";
        next();
    });
    QObject::connect(
        &store, &Halo::KeyStore::failed,
        [&](auto, const QString &, Halo::KeyStore::Problem problem, const QString &message) {
            out() << "failed " << problemName(problem) << ' ' << message << '\n';
            // A write without a keychain goes on to keyWritten (kept in memory).
            if (current == QLatin1String("write") && problem == Halo::KeyStore::Problem::NoKeychain)
                return;
            next();
        });

    // A safety net well past the store's own deadline, so a test never hangs on this process.
    QTimer::singleShot(store.timeout() * int(args.size() + 1) + 5000, &app, [&] {
        out() << "no answer\n";
        out().flush();
        app.exit(2);
    });
    QTimer::singleShot(0, &app, next);
    return app.exec();
}
