// SPDX-License-Identifier: GPL-3.0-or-later
#include "privacy/PatientDataRules.h"

#include <QSet>
#include <QUrlQuery>

namespace Halo::PatientDataRules {

namespace {

// The words of a column name: split at anything not a letter or digit, at a lower-to-upper
// change (firstName) and between letters and digits (address1); lower case.
QStringList wordsOf(const QString &name)
{
    QStringList words;
    QString word;
    const auto flush = [&]() {
        if (!word.isEmpty())
            words << word.toLower();
        word.clear();
    };
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (!c.isLetterOrNumber()) {
            flush();
            continue;
        }
        if (!word.isEmpty()) {
            const QChar previous = word.back();
            if ((previous.isLower() && c.isUpper()) || (previous.isDigit() != c.isDigit()))
                flush();
        }
        word += c;
    }
    flush();
    return words;
}

// Words that are patient data on their own, and the same run together (homephone).
const QSet<QString> &patientWords()
{
    static const QSet<QString> words{
        QStringLiteral("name"),          QStringLiteral("names"),
        QStringLiteral("surname"),       QStringLiteral("firstname"),
        QStringLiteral("lastname"),      QStringLiteral("givenname"),
        QStringLiteral("familyname"),    QStringLiteral("middlename"),
        QStringLiteral("forename"),      QStringLiteral("forenames"),
        QStringLiteral("fullname"),      QStringLiteral("maidenname"),
        QStringLiteral("preferredname"), QStringLiteral("nickname"),
        QStringLiteral("patientname"),   QStringLiteral("given"),
        QStringLiteral("family"),        QStringLiteral("dob"),
        QStringLiteral("birthdate"),     QStringLiteral("dateofbirth"),
        QStringLiteral("birthday"),      QStringLiteral("address"),
        QStringLiteral("addr"),          QStringLiteral("street"),
        QStringLiteral("suburb"),        QStringLiteral("postcode"),
        QStringLiteral("zip"),           QStringLiteral("zipcode"),
        QStringLiteral("phone"),         QStringLiteral("mobile"),
        QStringLiteral("telephone"),     QStringLiteral("homephone"),
        QStringLiteral("workphone"),     QStringLiteral("fax"),
        QStringLiteral("email"),         QStringLiteral("medicare"),
        QStringLiteral("medicareno"),    QStringLiteral("ihi"),
        QStringLiteral("dva"),           QStringLiteral("dvano"),
        QStringLiteral("note"),          QStringLiteral("notes"),
        QStringLiteral("comment"),       QStringLiteral("comments"),
        QStringLiteral("narrative"),
    };
    return words;
}

// Words before "name" that make it a person's name (first_name); table_name stays shown.
const QSet<QString> &personNameQualifiers()
{
    static const QSet<QString> words{
        QStringLiteral("first"),   QStringLiteral("last"),    QStringLiteral("given"),
        QStringLiteral("family"),  QStringLiteral("middle"),  QStringLiteral("preferred"),
        QStringLiteral("full"),    QStringLiteral("maiden"),  QStringLiteral("patient"),
        QStringLiteral("known"),   QStringLiteral("display"), QStringLiteral("nick"),
        QStringLiteral("contact"), QStringLiteral("kin"),     QStringLiteral("sur"),
        QStringLiteral("fore"),
    };
    return words;
}

// Extensions are hidden whole: they may carry anything (a birth place, a date of birth).
const QSet<QString> &patientElements()
{
    static const QSet<QString> elements{
        QStringLiteral("name"),
        QStringLiteral("given"),
        QStringLiteral("family"),
        QStringLiteral("birthDate"),
        QStringLiteral("address"),
        QStringLiteral("telecom"),
        QStringLiteral("identifier"),
        QStringLiteral("note"),
        QStringLiteral("div"),
        QStringLiteral("contact"),
        QStringLiteral("photo"),
        QStringLiteral("display"),
        QStringLiteral("deceasedDateTime"),
        QStringLiteral("line"),
        QStringLiteral("postalCode"),
        QStringLiteral("extension"),
        QStringLiteral("modifierExtension"),
    };
    return elements;
}

} // namespace

QString maskedText()
{
    return QStringLiteral("\u2022\u2022\u2022\u2022\u2022 (hidden)");
}

bool isPatientColumn(const QString &columnName)
{
    const QStringList words = wordsOf(columnName);
    if (words.isEmpty())
        return false;
    // "name" alone may be anyone's; only table_name-like names (a qualifier that is not a
    // person's) are shown.
    if (words.size() == 1 && words.first() == QLatin1String("name"))
        return true;
    QString joined;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        joined += word;
        if (word == QLatin1String("name") || word == QLatin1String("names")) {
            if (i > 0 && personNameQualifiers().contains(words.at(i - 1)))
                return true;
            continue;
        }
        if (patientWords().contains(word))
            return true;
    }
    // Words run together without a break the splitter sees (FIRSTNAME, dateofbirth).
    for (const char *stem : {"surname", "firstname", "lastname", "givenname", "familyname",
                             "middlename", "preferredname", "dateofbirth", "birthdate", "address",
                             "postcode", "phone", "email", "medicare"}) {
        if (joined.contains(QLatin1String(stem)))
            return true;
    }
    const bool birthDate =
        words.contains(QLatin1String("birth")) && words.contains(QLatin1String("date"));
    return birthDate;
}

bool isPatientElementName(const QString &member)
{
    return patientElements().contains(member);
}

bool summaryMayShowPatientData(const QJsonObject &object)
{
    if (object.contains(QLatin1String("resourceType")))
        return false;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (isPatientElementName(it.key()))
            return true;
    }
    return false;
}

bool isPatientElement(const QString &path)
{
    // The root step is a resource type or "Bundle", never one of the elements.
    const QStringList steps = path.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < steps.size(); ++i) {
        QString step = steps.at(i);
        const qsizetype bracket = step.indexOf(QLatin1Char('['));
        if (bracket >= 0)
            step.truncate(bracket);
        if (isPatientElementName(step))
            return true;
    }
    return false;
}

bool isPatientSearchParameter(const QString &parameter)
{
    // "address-city:contains" and "subject.name" are judged by "address" and "name".
    QString base = parameter.section(QLatin1Char(':'), 0, 0).section(QLatin1Char('.'), -1);
    base = base.section(QLatin1Char('-'), 0, 0).toLower();
    static const QStringList searchNames{
        QStringLiteral("family"),     QStringLiteral("given"),     QStringLiteral("name"),
        QStringLiteral("phonetic"),   QStringLiteral("birthdate"), QStringLiteral("address"),
        QStringLiteral("phone"),      QStringLiteral("email"),     QStringLiteral("telecom"),
        QStringLiteral("identifier"), QStringLiteral("_content"),  QStringLiteral("_text")};
    return searchNames.contains(base) || isPatientColumn(base);
}

QString maskedUrl(const QUrl &url)
{
    if (!url.hasQuery())
        return url.toDisplayString();
    QUrlQuery query(url);
    QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
    bool masked = false;
    for (auto &item : items) {
        if (isPatientSearchParameter(item.first)) {
            item.second = maskedText();
            masked = true;
        }
    }
    if (!masked)
        return url.toDisplayString();
    QUrl shown(url);
    QUrlQuery hidden;
    hidden.setQueryItems(items);
    shown.setQuery(hidden);
    return shown.toDisplayString();
}

} // namespace Halo::PatientDataRules
