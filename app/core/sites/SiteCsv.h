// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "sites/SiteRecord.h"

namespace Halo {

// One data row of a site CSV file, as read: the record, or why the row could not be read.
struct SiteCsvRow {
    int line = 0; // 1-based line of the file where the row starts (the header is line 1)
    SiteRecord record;
    QString problem; // empty when the row was read; the record is then still to be validated
};

// Where rows without an environment column go (e.g. the environment connected now).
struct SiteCsvDefaults {
    QString environment; // environment id; empty: a row without one is a problem
    QString baseUrl;     // custom only
};

// Reads a CSV site list: a header row naming the columns, in any order and case. Required:
// `pms`, `pms_id` and `guid` (`expected_guid` is read as `guid`, so a bulk-verification file
// imports too). Optional: `label`, `environment`, `base_url`, `practice_name` (or
// `expected_name`), `notes` and `tags` (separated by ';'). Fields may be quoted as RFC 4180 says.
// Fails only when the file has no usable header; a bad row is returned with its problem.
bool readSiteCsv(const QByteArray &data, const SiteCsvDefaults &defaults, QList<SiteCsvRow> *rows,
                 QString *error);

// The same columns, written for `sites`, so an exported CSV file imports again unchanged.
QByteArray siteCsv(const QList<SiteRecord> &sites);

// Whether a file is read as CSV rather than as a JSON site list: by its name, else its content.
bool looksLikeCsv(const QString &path, const QByteArray &data);

} // namespace Halo
