#pragma once

#include <QByteArray>
#include <QString>

namespace Halo {

enum class MissingFolder { Create, Fail };

// Writes `data` to `path` through QSaveFile: the file appears complete or not at all, and a
// failed write leaves an existing file as it was. On failure `error` says why in plain words,
// naming the file. Every JSON file the program keeps is written through here.
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error = nullptr,
                         MissingFolder folder = MissingFolder::Create);

} // namespace Halo
