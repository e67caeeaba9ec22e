// SPDX-License-Identifier: GPL-3.0-or-later
// The site list file: SiteStore::load on arbitrary bytes (written to a temporary file). A list
// that loads must export and load again to the same sites, and import whole into an empty list.
#include "FuzzSupport.h"

#include "sites/SiteStore.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdint>

namespace {

using Halo::SiteRecord;
using Halo::SiteStore;
using HaloFuzz::check;

bool sameSites(const QList<SiteRecord> &a, const QList<SiteRecord> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        const SiteRecord &x = a.at(i), &y = b.at(i);
        if (!x.sameSite(y) || x.pmsType != y.pmsType || x.pmsId != y.pmsId || x.notes != y.notes ||
            x.recorded.practiceName != y.recorded.practiceName ||
            x.recorded.recordedAt != y.recorded.recordedAt || x.addedAt != y.addedAt ||
            x.previousGuids != y.previousGuids) {
            return false;
        }
    }
    return true;
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    check(file.open(QIODevice::WriteOnly | QIODevice::Truncate), "cannot write a temporary file");
    file.write(data);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    HaloFuzz::ensureApplication();
    const QByteArray data =
        HaloFuzz::expandRecipe(QByteArray(reinterpret_cast<const char *>(bytes), qsizetype(size)));
    static QTemporaryDir directory;
    const QString input = directory.filePath(QStringLiteral("sites.json"));
    const QString exported = directory.filePath(QStringLiteral("exported.json"));
    const QString imported = directory.filePath(QStringLiteral("imported.json"));
    writeFile(input, data);
    QFile::remove(exported);
    QFile::remove(imported);

    SiteStore store(input);
    QString error;
    const bool loaded = store.load(&error);
    check(loaded || !error.isEmpty(), "a refused list has no reason");
    check(loaded != store.isReadOnly(), "read-only does not follow the load");
    for (const SiteRecord &site : store.sites())
        check(store.find(site.environment, site.guid) != nullptr, "a loaded site is not found");

    // An import takes what is valid and never fails on a bad entry once the file is a list.
    SiteStore target(imported);
    check(target.load(), "an absent list does not load as empty");
    SiteStore::ImportResult result;
    const bool tookFile = target.importFrom(input, &result, &error);
    if (!loaded)
        return 0;

    check(tookFile, "a list that loads cannot be imported", error.toUtf8());
    check(result.problems.isEmpty() && result.added == store.sites().size(),
          "a list that loads does not import whole");
    check(store.exportTo(exported, QString(), &error), "a loaded list cannot be exported",
          error.toUtf8());
    SiteStore again(exported);
    check(again.load(&error), "an exported list does not load", error.toUtf8());
    check(sameSites(again.sites(), store.sites()), "an exported list loads differently");
    return 0;
}
