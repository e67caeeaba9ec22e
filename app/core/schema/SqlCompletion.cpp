// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema/SqlCompletion.h"

#include <QSet>

#include <algorithm>

namespace Halo {

namespace {

struct Token {
    enum Type { Word, Symbol, Literal };
    Type type = Word;
    QString text; // a quoted identifier without its quotes
    bool quoted = false;
    int start = 0;
    int end = 0; // one past the last character
};

struct Lexed {
    QList<Token> tokens;
    bool openAtEnd = false; // the text ends inside a literal or a comment
};

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$') ||
           c == QLatin1Char('#') || c == QLatin1Char('@');
}

// Where the quoted run that starts at `from` with `open` ends (one past its closing quote),
// a doubled closing quote being part of it; text.size() + 1 when it never closes.
int closingQuote(const QString &text, int from, QChar close)
{
    for (int i = from + 1; i < text.size(); ++i) {
        if (text.at(i) != close)
            continue;
        if (i + 1 < text.size() && text.at(i + 1) == close) {
            ++i;
            continue;
        }
        return i + 1;
    }
    return int(text.size()) + 1;
}

Lexed lex(const QString &text)
{
    Lexed lexed;
    const int size = int(text.size());
    int i = 0;
    while (i < size) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('-') && i + 1 < size && text.at(i + 1) == QLatin1Char('-')) {
            const int end = int(text.indexOf(QLatin1Char('\n'), i));
            if (end < 0) {
                lexed.openAtEnd = true;
                return lexed;
            }
            i = end + 1;
        } else if (c == QLatin1Char('/') && i + 1 < size && text.at(i + 1) == QLatin1Char('*')) {
            const int end = int(text.indexOf(QLatin1String("*/"), i + 2));
            if (end < 0) {
                lexed.openAtEnd = true;
                return lexed;
            }
            i = end + 2;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('[') ||
                   c == QLatin1Char('`')) {
            const QChar close = c == QLatin1Char('[') ? QLatin1Char(']') : c;
            const int end = closingQuote(text, i, close);
            if (end > size) {
                lexed.openAtEnd = true;
                return lexed;
            }
            Token token;
            token.start = i;
            token.end = end;
            if (c == QLatin1Char('\'')) {
                token.type = Token::Literal;
            } else {
                token.quoted = true;
                token.text = text.mid(i + 1, end - i - 2);
                token.text.replace(QString(2, close), QString(close));
            }
            lexed.tokens.append(token);
            i = end;
        } else if (isWordChar(c)) {
            int end = i + 1;
            while (end < size && isWordChar(text.at(end)))
                ++end;
            lexed.tokens.append({Token::Word, text.mid(i, end - i), false, i, end});
            i = end;
        } else {
            lexed.tokens.append({Token::Symbol, QString(c), false, i, i + 1});
            ++i;
        }
    }
    return lexed;
}

bool isKeyword(const Token &token, const char *word)
{
    return token.type == Token::Word && !token.quoted &&
           token.text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
}

bool isSymbol(const Token &token, char symbol)
{
    return token.type == Token::Symbol && token.text.at(0) == QLatin1Char(symbol);
}

// Words that end a table reference: never an alias.
bool isClauseWord(const Token &token)
{
    static const QSet<QString> words{
        QStringLiteral("WHERE"),   QStringLiteral("JOIN"),   QStringLiteral("INNER"),
        QStringLiteral("LEFT"),    QStringLiteral("RIGHT"),  QStringLiteral("FULL"),
        QStringLiteral("OUTER"),   QStringLiteral("CROSS"),  QStringLiteral("ON"),
        QStringLiteral("GROUP"),   QStringLiteral("ORDER"),  QStringLiteral("HAVING"),
        QStringLiteral("UNION"),   QStringLiteral("SET"),    QStringLiteral("VALUES"),
        QStringLiteral("SELECT"),  QStringLiteral("LIMIT"),  QStringLiteral("FETCH"),
        QStringLiteral("OFFSET"),  QStringLiteral("WITH"),   QStringLiteral("USING"),
        QStringLiteral("NATURAL"), QStringLiteral("EXCEPT"), QStringLiteral("INTERSECT"),
        QStringLiteral("PLAN"),    QStringLiteral("ROWS"),   QStringLiteral("FOR"),
        QStringLiteral("APPLY"),   QStringLiteral("WINDOW"), QStringLiteral("INTO"),
        QStringLiteral("FROM"),    QStringLiteral("WHEN"),   QStringLiteral("THEN"),
        QStringLiteral("AND"),     QStringLiteral("OR"),     QStringLiteral("OUTPUT")};
    return token.type == Token::Word && !token.quoted && words.contains(token.text.toUpper());
}

bool startsTableList(const Token &token)
{
    return isKeyword(token, "FROM") || isKeyword(token, "JOIN") || isKeyword(token, "UPDATE") ||
           isKeyword(token, "INTO");
}

// The index after the parenthesis that closes the one at `open`.
qsizetype skipParentheses(const QList<Token> &tokens, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < tokens.size(); ++i) {
        if (isSymbol(tokens.at(i), '('))
            ++depth;
        else if (isSymbol(tokens.at(i), ')') && --depth == 0)
            return i + 1;
    }
    return tokens.size();
}

QList<SqlCompletion::TableReference> referencesIn(const QList<Token> &tokens)
{
    QList<SqlCompletion::TableReference> references;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (!startsTableList(tokens.at(i)))
            continue;
        const bool list = isKeyword(tokens.at(i), "FROM");
        qsizetype j = i + 1;
        while (j < tokens.size()) {
            SqlCompletion::TableReference reference;
            if (isSymbol(tokens.at(j), '(')) {
                j = skipParentheses(tokens, j); // a derived table: only its alias is known
            } else if (tokens.at(j).type == Token::Word && !isClauseWord(tokens.at(j))) {
                reference.name = tokens.at(j).text;
                ++j;
                while (j + 1 < tokens.size() && isSymbol(tokens.at(j), '.') &&
                       tokens.at(j + 1).type == Token::Word) {
                    reference.name += QLatin1Char('.') + tokens.at(j + 1).text;
                    j += 2;
                }
            } else {
                break;
            }
            if (j < tokens.size() && isKeyword(tokens.at(j), "AS"))
                ++j;
            if (j < tokens.size() && tokens.at(j).type == Token::Word &&
                !isClauseWord(tokens.at(j))) {
                reference.alias = tokens.at(j).text;
                ++j;
            }
            if (!reference.name.isEmpty())
                references.append(reference);
            if (list && j < tokens.size() && isSymbol(tokens.at(j), ',')) {
                ++j;
                continue;
            }
            break;
        }
        i = j - 1;
    }
    return references;
}

const SchemaTable *tableFor(const SchemaSnapshot &schema,
                            const QList<SqlCompletion::TableReference> &references,
                            const QString &qualifier)
{
    for (const SqlCompletion::TableReference &reference : references) {
        const QString lastPart = reference.name.section(QLatin1Char('.'), -1);
        if (reference.alias.compare(qualifier, Qt::CaseInsensitive) == 0 ||
            (reference.alias.isEmpty() &&
             (lastPart.compare(qualifier, Qt::CaseInsensitive) == 0 ||
              reference.name.compare(qualifier, Qt::CaseInsensitive) == 0)))
            return schema.table(reference.name);
    }
    return schema.table(qualifier);
}

QStringList finish(const QStringList &words, const QString &prefix)
{
    QStringList result;
    QSet<QString> seen;
    for (const QString &word : words) {
        if (word.isEmpty() || !word.startsWith(prefix, Qt::CaseInsensitive))
            continue;
        const QString key = word.toUpper();
        if (seen.contains(key))
            continue;
        seen.insert(key);
        result.append(word);
    }
    std::sort(result.begin(), result.end(), [](const QString &a, const QString &b) {
        const int byCase = a.compare(b, Qt::CaseInsensitive);
        return byCase != 0 ? byCase < 0 : a < b;
    });
    return result;
}

} // namespace

QString SqlCompletion::statementAt(const QString &text, int position, int *start)
{
    const Lexed lexed = lex(text);
    int from = 0;
    int to = int(text.size());
    for (const Token &token : lexed.tokens) {
        if (!isSymbol(token, ';'))
            continue;
        if (token.end <= position)
            from = token.end;
        else {
            to = token.start;
            break;
        }
    }
    if (start)
        *start = from;
    return text.mid(from, to - from);
}

QList<SqlCompletion::TableReference> SqlCompletion::tablesOf(const QString &statement)
{
    return referencesIn(lex(statement).tokens);
}

SqlCompletion::Result SqlCompletion::complete(const QString &text, int position,
                                              const SchemaSnapshot &schema,
                                              SchemaDialect::Engine engine)
{
    Result result;
    position = qBound(0, position, int(text.size()));
    if (lex(text.left(position)).openAtEnd)
        return result; // inside a literal or a comment: nothing to offer

    int wordStart = position;
    while (wordStart > 0 && isWordChar(text.at(wordStart - 1)))
        --wordStart;
    result.prefix = text.mid(wordStart, position - wordStart);

    int statementStart = 0;
    const QString statement = statementAt(text, position, &statementStart);
    const QList<Token> tokens = lex(statement).tokens;
    const QList<TableReference> references = referencesIn(tokens);

    if (wordStart > 0 && text.at(wordStart - 1) == QLatin1Char('.')) {
        // The name before the dot: a word, or a quoted identifier ending at the dot.
        const int dot = wordStart - 1 - statementStart;
        for (const Token &token : tokens) {
            if (token.end == dot && token.type == Token::Word)
                result.qualifier = token.text;
        }
        if (result.qualifier.isEmpty())
            return result;
        if (const SchemaTable *table = tableFor(schema, references, result.qualifier)) {
            result.kind = Kind::Columns;
            QStringList names;
            for (const SchemaColumn &column : table->columns)
                names.append(column.name);
            result.candidates = finish(names, result.prefix);
            return result;
        }
        QStringList tables;
        for (const SchemaTable &table : schema.tables) {
            if (table.schema.compare(result.qualifier, Qt::CaseInsensitive) == 0)
                tables.append(table.name);
        }
        result.kind = tables.isEmpty() ? Kind::None : Kind::Tables;
        result.candidates = finish(tables, result.prefix);
        return result;
    }

    // The last word or symbol before the word being typed, and the last clause word.
    const int before = wordStart - statementStart;
    const Token *previous = nullptr;
    const Token *clause = nullptr;
    for (const Token &token : tokens) {
        if (token.end > before)
            break;
        previous = &token;
        if (startsTableList(token) || isClauseWord(token))
            clause = &token;
    }
    const bool tables =
        previous && (startsTableList(*previous) ||
                     (isSymbol(*previous, ',') && clause && isKeyword(*clause, "FROM")));
    if (tables) {
        result.kind = Kind::Tables;
        QStringList names;
        for (const SchemaTable &table : schema.tables)
            names.append(table.name);
        result.candidates = finish(names, result.prefix);
        return result;
    }

    result.kind = Kind::ColumnsAndKeywords;
    QStringList words;
    for (const TableReference &reference : references) {
        if (const SchemaTable *table = schema.table(reference.name)) {
            for (const SchemaColumn &column : table->columns)
                words.append(column.name);
        }
    }
    words += SchemaDialect::keywords(engine);
    result.candidates = finish(words, result.prefix);
    return result;
}

} // namespace Halo
