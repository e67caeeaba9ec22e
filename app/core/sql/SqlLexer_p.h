// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Halo::detail {

// The words of a SQL text outside comments, literals and quoted identifiers, as the write guard
// reads them. Where an engine could read the text two ways, both readings are kept: a word glued
// to a number is also read without a leading E (1Edelete: 1E then DELETE, or 1 then EDELETE),
// and a word with letters beyond ASCII also as its compatibility form and as its ASCII runs.
struct SqlWords {
    enum class Problem { None, Unterminated, NestedComment };

    QStringList words;   // upper case, in order; every reading of every word
    QString leadingWord; // the statement's first token when it is a word (after any "(")
    int statements = 0;  // separated by ';'
    // SELECTs that start a query of their own: not after "(" (a subquery, a CTE's body, a
    // bracketed operand) or a set operator (UNION, ALL, EXCEPT, INTERSECT, DISTINCT).
    int mainSelects = 0;
    // Unterminated: a literal or comment never ends. NestedComment: a block comment opens another
    // inside it, which T-SQL nests and other engines do not, so where it ends is unclear. Such
    // text cannot be read reliably.
    Problem problem = Problem::None;
};

SqlWords lexSql(const QString &sql);

} // namespace Halo::detail
