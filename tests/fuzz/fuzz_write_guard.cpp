// SPDX-License-Identifier: GPL-3.0-or-later
// The write guard on arbitrary SQL text. Properties: the answer is deterministic; a plain SELECT
// stays one with a trailing ';', line break or leading space; anything followed by a line with a
// DELETE may write; ASCII case does not matter; writeReason() is empty exactly when the text may
// not write. And a cautious second reading (below) must not find a write keyword in text the
// guard calls a plain SELECT.
#include "FuzzSupport.h"

#include "sql/WriteGuard.h"

#include <QSet>

#include <cstdint>
#include <cstdlib>

namespace {

using Halo::QueryCommand;
using Halo::WriteGuard;
using HaloFuzz::check;

bool isAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() > 0x7F)
            return false;
    }
    return true;
}

// A second, deliberately cautious reading of T-SQL that splits words where SQL Server does:
// a line comment also ends at a carriage return; a number (digits, '.', an exponent) or a money
// literal ($ and digits) ends before the letters that follow it; DISABLE/ENABLE TRIGGER writes.
// It finds write keywords the guard may have missed; it never decides that text is safe.
const QSet<QByteArray> &cautiousKeywords()
{
    static const QSet<QByteArray> words = {
        "INSERT",         "UPDATE",     "DELETE",      "MERGE",    "EXEC",       "EXECUTE",
        "DROP",           "ALTER",      "CREATE",      "RECREATE", "TRUNCATE",   "INTO",
        "GRANT",          "REVOKE",     "DENY",        "BACKUP",   "RESTORE",    "DBCC",
        "SHUTDOWN",       "KILL",       "RECONFIGURE", "BULK",     "OPENROWSET", "OPENQUERY",
        "OPENDATASOURCE", "UPDATETEXT", "WRITETEXT",   "DISABLE",  "ENABLE",
    };
    return words;
}

bool asciiLetter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool asciiDigit(char c)
{
    return c >= '0' && c <= '9';
}
// Bytes of non-ASCII characters count as word characters: SQL Server takes Unicode letters
// into identifiers, and a word that starts with one is never a keyword.
bool wordChar(char c)
{
    return asciiLetter(c) || asciiDigit(c) || c == '_' || c == '$' || c == '#' || c == '@' ||
           static_cast<unsigned char>(c) >= 0x80;
}

// DISABLE and ENABLE are not reserved: they write only as DISABLE/ENABLE TRIGGER.
bool followedByTrigger(const QByteArray &sql, qsizetype end)
{
    while (end < sql.size() && QChar::isSpace(uint(static_cast<unsigned char>(sql.at(end)))))
        ++end;
    const QByteArray next = sql.mid(end, 8).toUpper();
    return next.startsWith("TRIGGER") && (next.size() == 7 || !wordChar(next.at(7)));
}

QByteArray cautiousWriteKeyword(const QByteArray &sql)
{
    const qsizetype n = sql.size();
    qsizetype i = 0;
    while (i < n) {
        const char c = sql.at(i);
        const char next = i + 1 < n ? sql.at(i + 1) : '\0';
        if (c == '-' && next == '-') {
            while (i < n && sql.at(i) != '\n' && sql.at(i) != '\r')
                ++i;
        } else if (c == '/' && next == '*') {
            const qsizetype end = sql.indexOf("*/", i + 2);
            if (end < 0)
                return {};
            i = end + 2;
        } else if (c == '\'' || c == '"' || c == '[' || c == '`') {
            const char close = c == '[' ? ']' : c;
            qsizetype j = i + 1;
            for (; j < n; ++j) {
                if (sql.at(j) == close) {
                    if (j + 1 < n && sql.at(j + 1) == close) {
                        ++j;
                        continue;
                    }
                    break;
                }
            }
            if (j >= n)
                return {};
            i = j + 1;
        } else if (asciiDigit(c) || (c == '$' && asciiDigit(next)) ||
                   (c == '.' && asciiDigit(next))) {
            ++i;
            while (i < n && (asciiDigit(sql.at(i)) || sql.at(i) == '.'))
                ++i;
            if (i < n && (sql.at(i) == 'e' || sql.at(i) == 'E')) {
                qsizetype j = i + 1;
                if (j < n && (sql.at(j) == '+' || sql.at(j) == '-'))
                    ++j;
                if (j < n && asciiDigit(sql.at(j))) {
                    while (j < n && asciiDigit(sql.at(j)))
                        ++j;
                    i = j;
                }
            }
        } else if (wordChar(c)) {
            qsizetype end = i;
            while (end < n && wordChar(sql.at(end)))
                ++end;
            const QByteArray word = sql.mid(i, end - i).toUpper();
            const bool trigger = word == "DISABLE" || word == "ENABLE";
            if (asciiLetter(c) && cautiousKeywords().contains(word) &&
                (!trigger || followedByTrigger(sql, end))) {
                return word;
            }
            i = end;
        } else {
            ++i;
        }
    }
    return {};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    HaloFuzz::ensureApplication();
    const QByteArray utf8(reinterpret_cast<const char *>(bytes), qsizetype(size));
    const QString sql = QString::fromUtf8(utf8);
    const QByteArray shown = utf8.left(300);

    const bool plain = WriteGuard::isPlainSelect(sql);
    check(WriteGuard::isPlainSelect(sql) == plain, "the guard is not deterministic", shown);

    QueryCommand command;
    command.text = sql;
    check(WriteGuard::mayWrite(command) == !plain, "mayWrite disagrees with isPlainSelect", shown);
    check(WriteGuard::writeReason(command).isEmpty() == plain,
          "writeReason disagrees with isPlainSelect", shown);
    (void)WriteGuard::confirmationText(command, QStringLiteral("Practice"),
                                       Halo::Environment::Production);

    check(WriteGuard::isPlainSelect(sql + QStringLiteral("\nDELETE FROM Patients")) == false,
          "a DELETE on a line of its own is not seen", shown);
    if (plain) {
        check(WriteGuard::isPlainSelect(sql + QLatin1Char(';')), "a trailing ';' changes a SELECT",
              shown);
        check(WriteGuard::isPlainSelect(sql + QLatin1Char('\n')),
              "a trailing line break changes a SELECT", shown);
        check(WriteGuard::isPlainSelect(QLatin1Char(' ') + sql), "a leading space changes a SELECT",
              shown);
    }
    if (isAscii(sql)) {
        check(WriteGuard::isPlainSelect(sql.toUpper()) == plain, "upper case changes the answer",
              shown);
        check(WriteGuard::isPlainSelect(sql.toLower()) == plain, "lower case changes the answer",
              shown);
    }
    if (plain) {
        const QByteArray keyword = cautiousWriteKeyword(utf8);
        check(keyword.isEmpty(), "a plain SELECT holds a write keyword: " + keyword, shown);
    }
    return 0;
}
