// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "schema/SchemaDialect.h"
#include "schema/SchemaSnapshot.h"

namespace Halo {

// What to offer while typing SQL at a position, from a practice's schema: the part the editor
// shows and tests can read without one. Reads only the statement the position is in (between
// semicolons), outside literals and comments:
// - after FROM or JOIN (and after a comma in a FROM list, UPDATE and INTO): table names;
// - after `alias.` or `table.`: the columns of the table that alias names in the statement;
//   after `schema.`: that schema's tables;
// - elsewhere (the select list, WHERE, ON, ORDER BY, …): the columns of the statement's tables
//   and the engine's keywords.
// Candidates start with the word being typed (any case), sorted case-insensitively, each once.
class SqlCompletion
{
public:
    enum class Kind { None, Tables, Columns, ColumnsAndKeywords };

    struct TableReference {
        QString name;  // as written, schema-qualified if it was: "dbo.patients"
        QString alias; // empty when none
    };

    struct Result {
        Kind kind = Kind::None;
        QString prefix;    // the part of a word before the position
        QString qualifier; // the name before the dot, when there is one
        QStringList candidates;
    };

    // `position` is a character offset into `text` (0 … text.size()).
    static Result complete(const QString &text, int position, const SchemaSnapshot &schema,
                           SchemaDialect::Engine engine);
    // The tables named by FROM, JOIN, UPDATE and INTO in `statement`, with their aliases.
    static QList<TableReference> tablesOf(const QString &statement);
    // The statement around `position`, and where it starts in `text`.
    static QString statementAt(const QString &text, int position, int *start = nullptr);
};

} // namespace Halo
