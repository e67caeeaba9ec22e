#include "storage/AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace Halo {

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error,
                         MissingFolder folder)
{
    const QString folderPath = QFileInfo(path).absolutePath();
    if (folder == MissingFolder::Create && !QDir().mkpath(folderPath)) {
        if (error) {
            *error = QCoreApplication::translate("Halo", "Could not create the folder %1.")
                         .arg(QDir::toNativeSeparators(folderPath));
        }
        return false;
    }
    // QSaveFile in Qt 6.4 does not notice inside commit() when buffered data fails to reach
    // the disk (disk full, file size limit) and would replace the old file with a truncated
    // one; flushing first and checking it keeps the old file in that case.
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.flush() &&
        file.commit())
        return true;
    if (error) {
        *error = QCoreApplication::translate("Halo", "Could not write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
    }
    return false;
}

} // namespace Halo
