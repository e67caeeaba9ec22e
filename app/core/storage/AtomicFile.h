// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Halo {

enum class MissingFolder { Create, Fail };

// Who may read a file written here. The program's own files (sites, history, snippets, async
// query ids, caches) hold SQL and FHIR text with patient names: the owner's alone, 0600, in
// folders that are 0700. A file the user chose to export keeps what the user's umask gives, as
// any other program's document would.
enum class FileAccess { OwnerOnly, UserDefault };

// Writes `data` to `path` through QSaveFile: the file appears complete or not at all, and a
// failed write leaves an existing file as it was. On failure `error` says why in plain words,
// naming the file. Every file the program keeps is written through here. With OwnerOnly, the
// folders it creates are 0700, the folder that holds the file is narrowed to its owner, and the
// file is written 0600 (an existing file that was wider is narrowed as it is replaced).
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error = nullptr,
                         MissingFolder folder = MissingFolder::Create,
                         FileAccess access = FileAccess::OwnerOnly);

// Creates the folder `path` and any missing folders above it, each the owner's alone (0700), or
// takes group's and others' rights away from `path` if it already existed (the owner's stay as
// they were). Folders above that existed are left as they are. False if the folder is not there
// afterwards or could not be narrowed.
bool makePrivateFolder(const QString &path);

// Takes group's and others' rights away from the file `path`, if it exists; the owner's stay as
// they were. True if nobody else may use it afterwards (or there is no such file).
bool restrictToOwner(const QString &path);

} // namespace Halo
