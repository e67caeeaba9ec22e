// SPDX-License-Identifier: GPL-3.0-or-later
#include "l10n/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>
#include <vector>

namespace Halo {

namespace {

const QString kOurPrefix = QStringLiteral(":/i18n/halo_explorer");

// The translators in force; a second call (a test switching locales) removes them first.
std::vector<std::unique_ptr<QTranslator>> &installed()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

bool install(std::unique_ptr<QTranslator> translator)
{
    if (!QCoreApplication::installTranslator(translator.get()))
        return false;
    installed().push_back(std::move(translator));
    return true;
}

} // namespace

bool installTranslations(QCoreApplication &app, const QLocale &locale)
{
    Q_UNUSED(app) // the translators are the application's: QCoreApplication's static list
    for (auto &translator : installed())
        QCoreApplication::removeTranslator(translator.get());
    installed().clear();

    // Last installed is asked first: Qt's, then our English plurals, then the locale's own.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        install(std::move(qt));

    auto english = std::make_unique<QTranslator>();
    if (english->load(kOurPrefix + QStringLiteral("_en")))
        install(std::move(english));

    auto own = std::make_unique<QTranslator>();
    if (own->load(locale, kOurPrefix, QStringLiteral("_")) &&
        own->filePath() != kOurPrefix + QStringLiteral("_en.qm"))
        return install(std::move(own));
    return locale.language() == QLocale::English;
}

} // namespace Halo
