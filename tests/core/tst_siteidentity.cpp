// SPDX-License-Identifier: GPL-3.0-or-later
// Site identity: which GUIDs are valid, and what differs between what was recorded for a site and
// what Halo says about it now.
#include "FailOnWarning.h"
#include "SiteRecords.h"
#include "sites/SiteInfo.h"
#include "sites/SiteRecord.h"
#include "sites/SiteStore.h"

#include <QtTest>

using Halo::SiteRecord;
using Halo::SiteStore;

namespace {

Halo::SiteInfo current(const QString &name, const QString &pmsVersion, const QString &linkVersion)
{
    Halo::SiteInfo info;
    info.practiceName = name;
    info.pmsVersion = pmsVersion;
    info.haloLinkVersion = linkVersion;
    return info;
}

} // namespace

class TestSiteIdentity : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void guidValidation_data();
    void guidValidation();

    void identityWithoutDifferences();
    void identityReportsRenamedPractice();
    void identityIgnoresCaseAndSpacingOnlyNameChange();
    void identityComparesOnlyRecordedFields();
    void identityReportsVersionChangesAsExpected();
    void identityOfTakesSiteDetails();
};

void TestSiteIdentity::guidValidation_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalised");

    QTest::newRow("valid") << kGuidA << kGuidA;
    QTest::newRow("braces") << "{" + kGuidA + "}" << kGuidA;
    QTest::newRow("upper case") << kGuidA.toUpper() << kGuidA;
    QTest::newRow("spaces") << "  " + kGuidA.toUpper() + "\t" << kGuidA;
    QTest::newRow("braces and spaces") << " {" + kGuidA + "} " << kGuidA;
    QTest::newRow("one brace") << "{" + kGuidA << QString();
    QTest::newRow("too short") << kGuidA.chopped(1) << QString();
    QTest::newRow("too long") << kGuidA + "0" << QString();
    QTest::newRow("bad characters")
        << QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950g") << QString();
    QTest::newRow("no dashes") << QStringLiteral("0f8fad5bd9cb469fa16570867728950e") << QString();
    QTest::newRow("space inside") << QStringLiteral("0f8fad5b-d9cb-469f-a165 70867728950e")
                                  << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestSiteIdentity::guidValidation()
{
    QFETCH(QString, text);
    QFETCH(QString, normalised);
    QCOMPARE(Halo::isValidHaloGuid(text), !normalised.isEmpty());
    QCOMPARE(Halo::normalisedGuid(text), normalised);
}

void TestSiteIdentity::identityWithoutDifferences()
{
    const SiteRecord record = site(kGuidA);
    QVERIFY(Halo::compareIdentity(record.recorded,
                                  current(QStringLiteral("Halo Clinic South"),
                                          QStringLiteral("1.2.3"), QStringLiteral("22.1207.209")))
                .isEmpty());
}

void TestSiteIdentity::identityReportsRenamedPractice()
{
    const SiteRecord record = site(kGuidA);
    const QList<Halo::IdentityDifference> differences = Halo::compareIdentity(
        record.recorded, current(QStringLiteral("Harbour Dental"), QStringLiteral("1.2.3"),
                                 QStringLiteral("22.1207.209")));
    QCOMPARE(differences.size(), 1);
    QCOMPARE(differences.first().field, QStringLiteral("Practice name"));
    QCOMPARE(differences.first().recorded, QStringLiteral("Halo Clinic South"));
    QCOMPARE(differences.first().current, QStringLiteral("Harbour Dental"));
    QVERIFY(differences.first().explanation.contains(QStringLiteral("another practice")));
}

void TestSiteIdentity::identityIgnoresCaseAndSpacingOnlyNameChange()
{
    const SiteRecord record = site(kGuidA);
    QVERIFY(Halo::compareIdentity(record.recorded,
                                  current(QStringLiteral(" HALO clinic  south "),
                                          QStringLiteral(" 1.2.3"), QStringLiteral("22.1207.209")))
                .isEmpty());
}

void TestSiteIdentity::identityComparesOnlyRecordedFields()
{
    Halo::RecordedIdentity recorded;
    recorded.practiceName = QStringLiteral("Halo Clinic South");
    QVERIFY(Halo::compareIdentity(recorded, current(QStringLiteral("Halo Clinic South"),
                                                    QStringLiteral("9.9"), QStringLiteral("9.9")))
                .isEmpty());
    QVERIFY(Halo::compareIdentity(Halo::RecordedIdentity(),
                                  current(QStringLiteral("Anything"), QString(), QString()))
                .isEmpty());

    // Recorded, but Halo does not say now: reported as unconfirmed, not as a match.
    const QList<Halo::IdentityDifference> unknown =
        Halo::compareIdentity(recorded, current(QString(), QString(), QString()));
    QCOMPARE(unknown.size(), 1);
    QVERIFY(unknown.first().current.isEmpty());
    QVERIFY(!unknown.first().explanation.isEmpty());
}

void TestSiteIdentity::identityReportsVersionChangesAsExpected()
{
    const SiteRecord record = site(kGuidA);
    const QList<Halo::IdentityDifference> differences = Halo::compareIdentity(
        record.recorded, current(QStringLiteral("Halo Clinic South"), QStringLiteral("1.3.0"),
                                 QStringLiteral("23.0101.1")));
    QCOMPARE(differences.size(), 2);
    QCOMPARE(differences.at(0).field, QStringLiteral("PMS version"));
    QCOMPARE(differences.at(0).current, QStringLiteral("1.3.0"));
    QVERIFY(differences.at(0).explanation.contains(QStringLiteral("expected")));
    QCOMPARE(differences.at(1).field, QStringLiteral("Halo Link version"));
    QCOMPARE(differences.at(1).recorded, QStringLiteral("22.1207.209"));
    QVERIFY(differences.at(1).explanation.contains(QStringLiteral("expected")));
}

void TestSiteIdentity::identityOfTakesSiteDetails()
{
    const QDateTime at(QDate(2024, 2, 3), QTime(4, 5, 6), QTimeZone::utc());
    const Halo::RecordedIdentity identity =
        Halo::identityOf(current(QStringLiteral(" Halo Clinic South "), QStringLiteral("1.2.3"),
                                 QStringLiteral("22.1207.209")),
                         at.toLocalTime());
    QCOMPARE(identity.practiceName, QStringLiteral("Halo Clinic South"));
    QCOMPARE(identity.pmsVersion, QStringLiteral("1.2.3"));
    QCOMPARE(identity.haloLinkVersion, QStringLiteral("22.1207.209"));
    QCOMPARE(identity.recordedAt, at);
    QCOMPARE(identity.recordedAt.offsetFromUtc(), 0);
}

QTEST_GUILESS_MAIN(TestSiteIdentity)
#include "tst_siteidentity.moc"
