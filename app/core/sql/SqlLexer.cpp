// SPDX-License-Identifier: GPL-3.0-or-later
// How the write guard splits SQL text into words: T-SQL's rules (Halo's PMSs run SQL Server,
// Sybase and Firebird), read cautiously. Wherever the rules are unclear, the text is split into
// more words rather than fewer, or not read at all: a word seen too many only asks a question
// that was not needed, a word missed could let a write through unasked.
#include "sql/SqlLexer_p.h"

namespace Halo::detail {

namespace {

bool isAsciiLetter(QChar c)
{
    const char16_t lower = c.unicode() | 0x20;
    return lower >= u'a' && lower <= u'z';
}

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isHexDigit(QChar c)
{
    const char16_t lower = c.unicode() | 0x20;
    return isAsciiDigit(c) || (lower >= u'a' && lower <= u'f');
}

// Letters, digits and marks beyond ASCII, which T-SQL identifiers may hold.
bool isWideWordChar(QChar c)
{
    return c.unicode() >= 0x80 && !c.isSurrogate() && (c.isLetterOrNumber() || c.isMark());
}

bool isWordStart(QChar c)
{
    return isAsciiLetter(c) || c == u'_' || isWideWordChar(c);
}

// What may follow inside a T-SQL identifier: letters, digits, _, @, # and $.
bool isWordChar(QChar c)
{
    return isWordStart(c) || isAsciiDigit(c) || c == u'@' || c == u'#' || c == u'$';
}

// T-SQL ends a "--" comment at CR or LF. The other line breaks end it here too: ending a comment
// early shows more text as code, which is cautious.
bool endsLine(QChar c)
{
    switch (c.unicode()) {
    case u'\n':
    case u'\r':
    case u'\v':
    case u'\f':
    case 0x85:
    case 0x2028:
    case 0x2029:
        return true;
    default:
        return false;
    }
}

// Index just past a literal opened at `start` and closed by `close`; a doubled `close` escapes
// it. -1 if it never closes.
qsizetype literalEnd(const QString &sql, qsizetype start, QChar close)
{
    for (qsizetype i = start + 1; i < sql.size(); ++i) {
        if (sql.at(i) != close)
            continue;
        if (i + 1 < sql.size() && sql.at(i + 1) == close) {
            ++i;
            continue;
        }
        return i + 1;
    }
    return -1;
}

// Index just past the number at `i`: 0x1F (binary), 12, 1.5, .5, 1e5, 1.5E-3. Letters right after
// it start a word, as T-SQL reads "1delete" as 1 followed by DELETE.
qsizetype numberEnd(const QString &sql, qsizetype i)
{
    const qsizetype n = sql.size();
    if (sql.at(i) == u'0' && i + 1 < n && (sql.at(i + 1).unicode() | 0x20) == u'x') {
        i += 2;
        while (i < n && isHexDigit(sql.at(i)))
            ++i;
        return i;
    }
    while (i < n && isAsciiDigit(sql.at(i)))
        ++i;
    if (i < n && sql.at(i) == u'.') {
        ++i;
        while (i < n && isAsciiDigit(sql.at(i)))
            ++i;
    }
    if (i < n && (sql.at(i).unicode() | 0x20) == u'e') {
        qsizetype j = i + 1;
        if (j < n && (sql.at(j) == u'+' || sql.at(j) == u'-'))
            ++j;
        if (j < n && isAsciiDigit(sql.at(j))) {
            while (j < n && isAsciiDigit(sql.at(j)))
                ++j;
            return j;
        }
    }
    return i;
}

bool isSetOperator(const QString &word)
{
    return word == QLatin1String("UNION") || word == QLatin1String("ALL") ||
           word == QLatin1String("EXCEPT") || word == QLatin1String("INTERSECT") ||
           word == QLatin1String("DISTINCT");
}

// Adds every reading of `word`; returns the first (the word as T-SQL reads it, in upper case).
QString addWord(SqlWords &out, const QString &word, bool gluedToNumber)
{
    bool ascii = true;
    for (const QChar c : word)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii) {
        const QString upper = word.toUpper();
        out.words.append(upper);
        if (gluedToNumber && upper.size() > 1 && upper.startsWith(u'E'))
            out.words.append(upper.mid(1)); // 1Edelete may be 1E (a float) then DELETE
        return upper;
    }
    // Full-width or otherwise compatible letters (ＤＥＬＥＴＥ), and ASCII words glued to other
    // letters (éDELETE), count too.
    const QString upper = word.normalized(QString::NormalizationForm_KC).toUpper();
    out.words.append(upper);
    for (qsizetype i = 0; i < word.size();) {
        if (!isAsciiLetter(word.at(i))) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < word.size() && isAsciiLetter(word.at(end)))
            ++end;
        out.words.append(word.mid(i, end - i).toUpper());
        i = end;
    }
    return upper;
}

} // namespace

SqlWords lexSql(const QString &sql)
{
    enum class Before { Start, OpenParen, SetOperator, Other };
    SqlWords out;
    Before before = Before::Start; // the token before the current one, in this statement
    bool statementHasContent = false;
    bool leadingSeen = false;
    bool afterNumber = false; // the previous character ended a number
    qsizetype i = 0;
    const qsizetype n = sql.size();
    // A token other than a word: content of the statement, and what the next word follows.
    const auto otherToken = [&](Before kind) {
        if (!leadingSeen && kind != Before::OpenParen)
            leadingSeen = true; // the statement does not start with a word
        before = kind;
        statementHasContent = true;
    };
    while (i < n) {
        const QChar c = sql.at(i);
        const QChar next = i + 1 < n ? sql.at(i + 1) : QChar();
        const bool glued = afterNumber;
        afterNumber = false;
        if (c.isSpace()) {
            ++i;
        } else if (c == u'-' && next == u'-') {
            while (i < n && !endsLine(sql.at(i)))
                ++i;
        } else if (c == u'/' && next == u'*') {
            const qsizetype end = sql.indexOf(QLatin1String("*/"), i + 2);
            if (end < 0) {
                out.problem = SqlWords::Problem::Unterminated;
                return out;
            }
            const qsizetype inner = sql.indexOf(QLatin1String("/*"), i + 2);
            if (inner >= 0 && inner < end) {
                out.problem = SqlWords::Problem::NestedComment;
                return out;
            }
            i = end + 2;
        } else if (c == u'\'' || c == u'"' || c == u'[') {
            const qsizetype end = literalEnd(sql, i, c == u'[' ? QChar(u']') : c);
            if (end < 0) {
                out.problem = SqlWords::Problem::Unterminated;
                return out;
            }
            otherToken(Before::Other);
            i = end;
        } else if (c == u';') {
            if (statementHasContent)
                ++out.statements;
            statementHasContent = false;
            before = Before::Start;
            ++i;
        } else if (isAsciiDigit(c) || (c == u'.' && isAsciiDigit(next))) {
            i = numberEnd(sql, i);
            afterNumber = true;
            otherToken(Before::Other);
        } else if (c == u'@' || c == u'#') {
            // A variable (@x) or a temporary table (#t): never a keyword.
            ++i;
            while (i < n && isWordChar(sql.at(i)))
                ++i;
            otherToken(Before::Other);
        } else if (isWordStart(c)) {
            qsizetype end = i + 1;
            while (end < n && isWordChar(sql.at(end)))
                ++end;
            const QString word = addWord(out, sql.mid(i, end - i), glued);
            if (!leadingSeen) {
                out.leadingWord = word;
                leadingSeen = true;
            }
            if (word == QLatin1String("SELECT") && before != Before::OpenParen &&
                before != Before::SetOperator)
                ++out.mainSelects;
            before = isSetOperator(word) ? Before::SetOperator : Before::Other;
            statementHasContent = true;
            i = end;
        } else {
            // Punctuation, and "$" of money ($1.50): what follows is read on its own, so that
            // "$1delete" is money followed by DELETE. Characters T-SQL does not know end a word.
            otherToken(c == u'(' ? Before::OpenParen : Before::Other);
            ++i;
        }
    }
    if (statementHasContent)
        ++out.statements;
    return out;
}

} // namespace Halo::detail
