// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace Halo {

namespace {

constexpr QFile::Permissions kPrivateFile = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions kPrivateFolder =
    QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
// What group and others may do; QFile also reports the owner's rights as ReadUser and so on.
constexpr QFile::Permissions kOthers = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                       QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;

// Takes group's and others' rights away from `path`, leaving the owner's as they were (a
// read-only file or folder stays read-only).
bool narrowToOwner(const QString &path)
{
    const QFile::Permissions permissions = QFileInfo(path).permissions();
    if (!(permissions & kOthers))
        return true;
    return QFile::setPermissions(path, permissions & kPrivateFolder);
}

} // namespace

bool makePrivateFolder(const QString &path)
{
    const QString folder = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QStringList missing; // outermost first
    for (QString current = folder; !QFileInfo::exists(current);) {
        missing.prepend(current);
        const QString parent = QFileInfo(current).path();
        if (parent == current)
            break;
        current = parent;
    }
    for (const QString &create : std::as_const(missing)) {
        // Created 0700 from the start, never wider for a moment.
        if (!QDir().mkdir(create, kPrivateFolder) && !QFileInfo(create).isDir())
            return false;
    }
    return QFileInfo(folder).isDir() && narrowToOwner(folder);
}

bool restrictToOwner(const QString &path)
{
    return !QFileInfo::exists(path) || narrowToOwner(path);
}

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error,
                         MissingFolder folder, FileAccess access)
{
    const QString folderPath = QFileInfo(path).absolutePath();
    const bool ownerOnly = access == FileAccess::OwnerOnly;
    bool haveFolder = true;
    if (ownerOnly && (folder == MissingFolder::Create || QFileInfo(folderPath).isDir()))
        haveFolder = makePrivateFolder(folderPath);
    else if (folder == MissingFolder::Create)
        haveFolder = QDir().mkpath(folderPath);
    if (!haveFolder) {
        if (error) {
            *error = QCoreApplication::translate("Halo", "Could not create the folder %1.")
                         .arg(QDir::toNativeSeparators(folderPath));
        }
        return false;
    }
    // QSaveFile in Qt 6.4 does not notice inside commit() when buffered data fails to reach
    // the disk (disk full, file size limit) and would replace the old file with a truncated
    // one; flushing first and checking it keeps the old file in that case. The new file takes
    // the permissions of the temporary one, which QSaveFile copies from an existing file or
    // else gives what the umask allows: an own file is narrowed before anything is written.
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && (!ownerOnly || file.setPermissions(kPrivateFile)) &&
        file.write(data) == data.size() && file.flush() && file.commit())
        return true;
    if (error) {
        *error = QCoreApplication::translate("Halo", "Could not write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
    }
    return false;
}

} // namespace Halo
