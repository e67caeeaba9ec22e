// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A complete site record, as the site list tests (tst_sitestore, tst_siteidentity) start from.
#include "sites/SiteRecord.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QString>
#include <QTest>
#include <QTime>
#include <QTimeZone>

inline const QString kGuidA = QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e");
inline const QString kGuidB = QStringLiteral("7c9e6679-7425-40de-944b-e07fc1f90ae7");
inline const QString kGuidC = QStringLiteral("16fd2706-8baf-433b-82eb-8c7fada847da");

inline Halo::SiteRecord site(const QString &guid,
                             const QString &environment = QStringLiteral("production"))
{
    Halo::SiteRecord record;
    record.environment = environment;
    record.guid = guid;
    record.pmsType = QStringLiteral("BestPractice");
    record.pmsId = QStringLiteral("12345");
    record.recorded.practiceName = QStringLiteral("Halo Clinic South");
    record.recorded.pmsVersion = QStringLiteral("1.2.3");
    record.recorded.haloLinkVersion = QStringLiteral("22.1207.209");
    record.recorded.recordedAt =
        QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 123), QTimeZone::utc());
    record.notes = QStringLiteral("Main branch");
    return record;
}

// A site file's bytes as they are on disk (empty when it cannot be read).
inline QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Writes a site file (or anything a test hands the store) whole, or fails the test.
inline void write(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(data), data.size());
}
