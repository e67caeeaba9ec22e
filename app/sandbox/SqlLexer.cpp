// SPDX-License-Identifier: GPL-3.0-or-later
// A small SQL lexer: just enough to rewrite T-SQL conveniences outside literals and comments,
// and to split a batch into statements.
#include "SqlLexer_p.h"

#include <algorithm>

namespace Sandbox::detail {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

// Index just past a literal opened at `start` by `close`; a doubled `close` is an escape.
qsizetype quotedEnd(const QString &sql, qsizetype start, QChar close)
{
    qsizetype i = start + 1;
    while (i < sql.size()) {
        if (sql.at(i) == close) {
            if (i + 1 < sql.size() && sql.at(i + 1) == close) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return sql.size();
}

// [a]]b] -> "a]b" : SQLite reads brackets too, but double quotes are the portable spelling.
QString bracketToQuoted(const QString &bracketed)
{
    QString inner = bracketed.mid(1);
    if (inner.endsWith(QLatin1Char(']')))
        inner.chop(1);
    inner.replace(QLatin1String("]]"), QLatin1String("]"));
    inner.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + inner + QLatin1Char('"');
}

} // namespace

qsizetype lexOne(const QString &sql, qsizetype i, Kind *kind)
{
    const qsizetype n = sql.size();
    const QChar c = sql.at(i);
    const QChar next = i + 1 < n ? sql.at(i + 1) : QChar();
    if (c.isSpace()) {
        *kind = Kind::Space;
        while (i < n && sql.at(i).isSpace())
            ++i;
        return i;
    }
    if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
        *kind = Kind::Comment;
        const qsizetype end = sql.indexOf(QLatin1Char('\n'), i);
        return end < 0 ? n : end;
    }
    if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
        *kind = Kind::Comment;
        const qsizetype end = sql.indexOf(QLatin1String("*/"), i + 2);
        return end < 0 ? n : end + 2;
    }
    if (c == QLatin1Char('\'')) {
        *kind = Kind::String;
        return quotedEnd(sql, i, c);
    }
    if (c == QLatin1Char('"') || c == QLatin1Char('`')) {
        *kind = Kind::Identifier;
        return quotedEnd(sql, i, c);
    }
    if (c == QLatin1Char('[')) {
        *kind = Kind::Identifier;
        return quotedEnd(sql, i, QLatin1Char(']'));
    }
    if (c == QLatin1Char('@') && isWordChar(next)) {
        *kind = Kind::Parameter;
        ++i;
    } else if (isWordChar(c)) {
        *kind = Kind::Word;
    } else {
        *kind = Kind::Symbol;
        return i + 1;
    }
    while (i < n && isWordChar(sql.at(i)))
        ++i;
    return i;
}

QList<Token> lex(const QString &sql)
{
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < sql.size()) {
        Kind kind = Kind::Symbol;
        const qsizetype end = lexOne(sql, i, &kind);
        QString text = sql.mid(i, end - i);
        if (kind == Kind::Identifier && text.startsWith(QLatin1Char('[')))
            text = bracketToQuoted(text);
        tokens.append({kind, text, QString()});
        i = end;
    }
    return tokens;
}

bool isWord(const Token &token, const char *word)
{
    return token.kind == Kind::Word &&
           token.text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
}

bool isSymbol(const Token &token, char symbol)
{
    return token.kind == Kind::Symbol && token.text == QLatin1Char(symbol);
}

bool isBlank(const Token &token)
{
    return token.kind == Kind::Space || token.kind == Kind::Comment || token.text.isEmpty();
}

// Index of the next token after `i` that carries meaning, or tokens.size().
qsizetype nextSignificant(const QList<Token> &tokens, qsizetype i)
{
    ++i;
    while (i < tokens.size() && isBlank(tokens.at(i)))
        ++i;
    return i;
}

// ---------------------------------------------------------------------------------------------
// Splitting into statements

bool startsTrigger(const QList<Token> &tokens, qsizetype from)
{
    qsizetype i =
        from < tokens.size() && isBlank(tokens.at(from)) ? nextSignificant(tokens, from) : from;
    if (i >= tokens.size() || !isWord(tokens.at(i), "CREATE"))
        return false;
    for (int words = 0; words < 3; ++words) {
        i = nextSignificant(tokens, i);
        if (i < tokens.size() && isWord(tokens.at(i), "TRIGGER"))
            return true;
    }
    return false;
}

// A trigger body holds semicolons of its own; its statement ends with `END ;`.
bool endsTrigger(const QList<Token> &tokens, qsizetype from, qsizetype semicolon)
{
    for (qsizetype i = semicolon - 1; i >= from; --i) {
        if (!isBlank(tokens.at(i)))
            return isWord(tokens.at(i), "END");
    }
    return false;
}

QList<QList<Token>> splitStatements(const QList<Token> &tokens)
{
    QList<QList<Token>> statements;
    qsizetype from = 0;
    for (qsizetype i = 0; i <= tokens.size(); ++i) {
        const bool atEnd = i == tokens.size();
        if (!atEnd && !isSymbol(tokens.at(i), ';'))
            continue;
        if (!atEnd && startsTrigger(tokens, from) && !endsTrigger(tokens, from, i))
            continue;
        const QList<Token> statement = tokens.mid(from, i - from);
        if (std::any_of(statement.cbegin(), statement.cend(),
                        [](const Token &t) { return !isBlank(t); }))
            statements.append(statement);
        from = i + 1;
    }
    return statements;
}

} // namespace Sandbox::detail
