// SPDX-License-Identifier: GPL-3.0-or-later
#include "SampleDatabase.h"

#include "SampleCatalogueViews_p.h"
#include "SampleFiller_p.h"
#include "SampleSites.h"

#include <QSqlError>
#include <QtDebug>

#include <atomic>

namespace Sandbox {

namespace {

using detail::Dice;
using detail::Filler;

// ---------------------------------------------------------------------------------------------
// Connections

// A serial rather than the QThread pointer: pointers are reused once a thread has ended, which
// would hand a new thread a connection that belongs to a dead one.
quint64 threadSerial()
{
    static std::atomic<quint64> counter{0};
    thread_local const quint64 serial = ++counter;
    return serial;
}

QStringList &threadConnections()
{
    thread_local QStringList names;
    return names;
}

QString connectionName(const SampleSite &site, const QString &catalogue)
{
    return QStringLiteral("halo-sandbox/%1/%2/%3").arg(threadSerial()).arg(site.guid, catalogue);
}

bool fill(QSqlDatabase db, const SampleSite &site, const QString &catalogue, int index)
{
    Filler filler{db, site, Dice(site.dataSeed + quint32(index) * 1000003u), QString()};
    if (!db.transaction())
        return false;
    if (catalogue == site.defaultCatalogue()) {
        filler.fillDefault(catalogue);
    } else if (catalogue == QLatin1String("BPSSamples")) {
        filler.catalogueInfo(catalogue, QStringLiteral("Sample drug list (synthetic)"));
        filler.drugs();
    } else if (catalogue == QLatin1String("ZEDMED_AUDIT")) {
        filler.catalogueInfo(catalogue, QStringLiteral("Audit trail (synthetic)"));
        filler.auditLog();
    } else {
        filler.catalogueInfo(catalogue, QStringLiteral("Miscellaneous notes (synthetic)"));
        filler.genericNotes();
    }
    if (!filler.error.isEmpty()) {
        qWarning("halo-sandbox: filling %s/%s failed: %s", qPrintable(site.guid),
                 qPrintable(catalogue), qPrintable(filler.error));
        db.rollback();
        return false;
    }
    return db.commit();
}

} // namespace

QSqlDatabase SampleDatabase::open(const SampleSite &site, const QString &catalogue)
{
    const QString wanted = catalogue.isEmpty() ? site.defaultCatalogue() : catalogue;
    int index = -1;
    for (int i = 0; i < site.catalogues.size(); ++i) {
        if (site.catalogues.at(i).name.compare(wanted, Qt::CaseInsensitive) == 0)
            index = i;
    }
    if (index < 0)
        return QSqlDatabase();
    const QString name = site.catalogues.at(index).name;
    const QString connection = connectionName(site, name);
    if (QSqlDatabase::contains(connection)) {
        QSqlDatabase existing = QSqlDatabase::database(connection, false);
        if (existing.isOpen())
            return existing;
        // Closed by someone: reopening ":memory:" would give an empty database, so start over.
        existing = QSqlDatabase();
        QSqlDatabase::removeDatabase(connection);
        threadConnections().removeAll(connection);
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    db.setDatabaseName(QStringLiteral(":memory:"));
    QString viewsError;
    if (!db.open() || !fill(db, site, name, index) ||
        !detail::installCatalogueViews(db, site, name, &viewsError)) {
        qWarning("halo-sandbox: could not prepare the sample database %s: %s",
                 qPrintable(connection),
                 qPrintable(viewsError.isEmpty() ? db.lastError().text() : viewsError));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connection);
        return QSqlDatabase();
    }
    threadConnections().append(connection);
    return db;
}

void SampleDatabase::closeAll()
{
    QStringList &names = threadConnections();
    for (const QString &name : std::as_const(names)) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
    names.clear();
}

} // namespace Sandbox
