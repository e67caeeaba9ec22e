// SPDX-License-Identifier: GPL-3.0-or-later
// T-SQL conveniences rewritten to SQLite: GETDATE(), N'text', SELECT TOP n, @parameters, the
// catalogue views (INFORMATION_SCHEMA.TABLES, SYS.SYSCOLUMNS; SampleCatalogueViews.cpp) and the
// default owner (dbo., DBA.); Firebird's SELECT FIRST n [SKIP m] and its one-row table.
#include "SqlLexer_p.h"

#include <QRegularExpression>

namespace Sandbox::detail {

namespace {

bool isNumber(const QList<Token> &tokens, qsizetype i)
{
    if (i >= tokens.size() || tokens.at(i).kind != Kind::Word)
        return false;
    bool ok = false;
    tokens.at(i).text.toLongLong(&ok);
    return ok;
}

void rewriteDateFunctions(QList<Token> &tokens)
{
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const Token &token = tokens.at(i);
        if (!isWord(token, "GETDATE") && !isWord(token, "GETUTCDATE") &&
            !isWord(token, "SYSDATETIME"))
            continue;
        const qsizetype open = nextSignificant(tokens, i);
        const qsizetype close = nextSignificant(tokens, open);
        if (close >= tokens.size() || !isSymbol(tokens.at(open), '(') ||
            !isSymbol(tokens.at(close), ')'))
            continue;
        tokens[i].text = QStringLiteral("datetime('now')");
        for (qsizetype j = i + 1; j <= close; ++j)
            tokens[j].text.clear();
    }
}

// N'text' (T-SQL Unicode literal) -> 'text'.
void rewriteUnicodeLiterals(QList<Token> &tokens)
{
    for (qsizetype i = 0; i + 1 < tokens.size(); ++i) {
        if (isWord(tokens.at(i), "N") && tokens.at(i + 1).kind == Kind::String)
            tokens[i].text.clear();
    }
}

QList<int> parenthesisDepths(const QList<Token> &tokens)
{
    QList<int> depths(tokens.size());
    int depth = 0;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (isSymbol(tokens.at(i), ')'))
            depth = qMax(0, depth - 1);
        depths[i] = depth;
        if (isSymbol(tokens.at(i), '('))
            ++depth;
    }
    return depths;
}

// The index of the `)` closing the SELECT at `level`, or tokens.size(). Returns -1 when the
// query already has a LIMIT or is a compound SELECT there: appending LIMIT would change it.
qsizetype limitPosition(const QList<Token> &tokens, const QList<int> &depths, qsizetype from,
                        int level)
{
    for (qsizetype i = from; i < tokens.size(); ++i) {
        if (depths.at(i) < level)
            return i;
        if (depths.at(i) == level &&
            (isWord(tokens.at(i), "LIMIT") || isWord(tokens.at(i), "UNION") ||
             isWord(tokens.at(i), "INTERSECT") || isWord(tokens.at(i), "EXCEPT")))
            return -1;
    }
    return tokens.size();
}

// SELECT [DISTINCT|ALL] TOP n / TOP (n) ... -> SELECT [DISTINCT|ALL] ... LIMIT n.
// Leaves TOP ... PERCENT, WITH TIES and compound queries alone (SQLite then reports them).
void rewriteTop(QList<Token> &tokens, QString *suffix)
{
    const QList<int> depths = parenthesisDepths(tokens);
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (!isWord(tokens.at(i), "SELECT"))
            continue;
        qsizetype top = nextSignificant(tokens, i);
        if (top < tokens.size() &&
            (isWord(tokens.at(top), "DISTINCT") || isWord(tokens.at(top), "ALL")))
            top = nextSignificant(tokens, top);
        if (top >= tokens.size() || !isWord(tokens.at(top), "TOP"))
            continue;
        qsizetype last = nextSignificant(tokens, top);
        qsizetype number = last;
        if (last < tokens.size() && isSymbol(tokens.at(last), '(')) {
            number = nextSignificant(tokens, last);
            last = nextSignificant(tokens, number);
            if (last >= tokens.size() || !isSymbol(tokens.at(last), ')'))
                continue;
        }
        if (!isNumber(tokens, number))
            continue;
        const qsizetype after = nextSignificant(tokens, last);
        if (after < tokens.size() &&
            (isWord(tokens.at(after), "PERCENT") ||
             (isWord(tokens.at(after), "WITH") &&
              isWord(tokens.value(nextSignificant(tokens, after)), "TIES"))))
            continue;
        const qsizetype at = limitPosition(tokens, depths, last + 1, depths.at(i));
        if (at < 0)
            continue;
        const QString limit = QStringLiteral(" LIMIT ") + tokens.at(number).text;
        for (qsizetype j = top; j <= last; ++j)
            tokens[j].text.clear();
        if (at == tokens.size())
            suffix->append(limit);
        else
            tokens[at].prefix += limit + QLatin1Char(' ');
    }
}

// A word or a quoted identifier without its quotes; empty for anything else.
QString nameOf(const Token &token)
{
    if (token.kind == Kind::Word)
        return token.text;
    if (token.kind == Kind::Identifier && token.text.size() >= 2)
        return token.text.mid(1, token.text.size() - 2);
    return {};
}

// INFORMATION_SCHEMA.TABLES -> information_schema_tables (a TEMP view of the connection), and
// likewise INFORMATION_SCHEMA.COLUMNS and SYS.SYSCOLUMNS; dbo.name and DBA.name -> name, the
// default owner that SQL Server and SQL Anywhere accept before a table's name.
void rewriteCatalogueNames(QList<Token> &tokens)
{
    static const QHash<QString, QString> views{
        {QStringLiteral("INFORMATION_SCHEMA.TABLES"), QStringLiteral("information_schema_tables")},
        {QStringLiteral("INFORMATION_SCHEMA.COLUMNS"),
         QStringLiteral("information_schema_columns")},
        {QStringLiteral("SYS.SYSCOLUMNS"), QStringLiteral("sys_syscolumns")}};
    for (qsizetype i = 0; i + 2 < tokens.size(); ++i) {
        const QString owner = nameOf(tokens.at(i)).toUpper();
        if (owner.isEmpty() || !isSymbol(tokens.at(i + 1), '.'))
            continue;
        if (i > 0 && isSymbol(tokens.at(i - 1), '.'))
            continue; // the middle of a longer name
        const QString name = nameOf(tokens.at(i + 2));
        if (name.isEmpty())
            continue;
        const QString view = views.value(owner + QLatin1Char('.') + name.toUpper());
        if (!view.isEmpty()) {
            tokens[i].kind = Kind::Word;
            tokens[i].text = view;
            tokens[i + 1].text.clear();
            tokens[i + 2].text.clear();
        } else if (owner == QLatin1String("DBO") || owner == QLatin1String("DBA")) {
            tokens[i].text.clear();
            tokens[i + 1].text.clear();
        }
    }
}

// Firebird's SELECT FIRST n [SKIP m] ... -> SELECT ... LIMIT n [OFFSET m], where the query has
// no LIMIT of its own and is not compound.
void rewriteFirst(QList<Token> &tokens, QString *suffix)
{
    const QList<int> depths = parenthesisDepths(tokens);
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (!isWord(tokens.at(i), "SELECT"))
            continue;
        const qsizetype first = nextSignificant(tokens, i);
        const qsizetype number = nextSignificant(tokens, first);
        if (first >= tokens.size() || !isWord(tokens.at(first), "FIRST") ||
            !isNumber(tokens, number))
            continue;
        qsizetype last = number;
        QString offset;
        const qsizetype skip = nextSignificant(tokens, number);
        if (skip < tokens.size() && isWord(tokens.at(skip), "SKIP") &&
            isNumber(tokens, nextSignificant(tokens, skip))) {
            last = nextSignificant(tokens, skip);
            offset = QStringLiteral(" OFFSET ") + tokens.at(last).text;
        }
        const qsizetype at = limitPosition(tokens, depths, last + 1, depths.at(i));
        if (at < 0)
            continue;
        const QString limit = QStringLiteral(" LIMIT ") + tokens.at(number).text + offset;
        for (qsizetype j = first; j <= last; ++j)
            tokens[j].text.clear();
        if (at == tokens.size())
            suffix->append(limit);
        else
            tokens[at].prefix += limit + QLatin1Char(' ');
    }
}

// @name -> :pN. Qt only recognises :name placeholders made of [A-Za-z0-9_], and T-SQL names
// are case-insensitive, so every distinct name gets a plain synthetic placeholder.
void rewriteParameters(QList<Token> &tokens, QHash<QString, QString> *placeholders)
{
    for (Token &token : tokens) {
        if (token.kind != Kind::Parameter)
            continue;
        const QString key = token.text.mid(1).toLower();
        QString &placeholder = (*placeholders)[key];
        if (placeholder.isEmpty())
            placeholder = QStringLiteral(":p%1").arg(placeholders->size());
        token.text = placeholder;
    }
}

} // namespace

Statement rewrite(QList<Token> tokens, QHash<QString, QString> *placeholders)
{
    for (Token &token : tokens) {
        if (token.kind == Kind::Comment)
            token = {Kind::Space, QStringLiteral(" "), QString()};
    }
    rewriteUnicodeLiterals(tokens);
    rewriteDateFunctions(tokens);
    rewriteParameters(tokens, placeholders);
    rewriteCatalogueNames(tokens);
    QString suffix;
    rewriteTop(tokens, &suffix);
    rewriteFirst(tokens, &suffix);

    Statement statement;
    for (const Token &token : std::as_const(tokens)) {
        if (statement.firstWord.isEmpty() && token.kind == Kind::Word)
            statement.firstWord = token.text.toUpper();
        statement.sql += token.prefix + token.text;
    }
    statement.sql += suffix;
    // Firebird's one-row table (Zedmed): SELECT 1 FROM RDB$DATABASE is its "SELECT 1".
    static const QRegularExpression firebirdDual(QStringLiteral("\\s+FROM\\s+RDB\\$DATABASE\\b"),
                                                 QRegularExpression::CaseInsensitiveOption);
    statement.sql.replace(firebirdDual, QString());
    return statement;
}

} // namespace Sandbox::detail
