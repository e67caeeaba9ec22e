// SPDX-License-Identifier: GPL-3.0-or-later
// Back and Forward through FHIR answers: a browser's rules, a bounded count and memory.
#include "FailOnWarning.h"
#include "fhir/FhirNavigation.h"

#include <QtTest>

using Halo::FhirNavigation;

namespace {

FhirNavigation::Visit visitOf(const QString &line, qsizetype bodyBytes = 10)
{
    FhirNavigation::Visit visit;
    visit.title = line;
    visit.line = line;
    visit.url = line;
    visit.httpStatus = 200;
    visit.body = QByteArray(bodyBytes, 'x');
    return visit;
}

QString currentLine(const FhirNavigation &navigation)
{
    return navigation.current() ? navigation.current()->line : QStringLiteral("<none>");
}

} // namespace

class TestFhirNavigation : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void backAndForward()
    {
        FhirNavigation navigation;
        QVERIFY(!navigation.current());
        QVERIFY(!navigation.canGoBack());
        QVERIFY(!navigation.back());
        for (const QString &line : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")})
            navigation.visit(visitOf(line));
        QCOMPARE(currentLine(navigation), QStringLiteral("c"));
        QVERIFY(navigation.canGoBack());
        QVERIFY(!navigation.canGoForward());
        QCOMPARE(navigation.back()->line, QStringLiteral("b"));
        QCOMPARE(navigation.back()->line, QStringLiteral("a"));
        QVERIFY(!navigation.back());
        QCOMPARE(currentLine(navigation), QStringLiteral("a"));
        QCOMPARE(navigation.forward()->line, QStringLiteral("b"));
        QVERIFY(navigation.canGoForward());

        // A new visit from the middle forgets the way forward.
        navigation.visit(visitOf(QStringLiteral("d")));
        QVERIFY(!navigation.canGoForward());
        QStringList lines;
        for (const FhirNavigation::Visit &visit : navigation.visits())
            lines << visit.line;
        QCOMPARE(lines, (QStringList{"a", "b", "d"}));

        // A refresh replaces the current answer in its place.
        FhirNavigation::Visit refreshed = visitOf(QStringLiteral("d"));
        refreshed.httpStatus = 404;
        navigation.replaceCurrent(refreshed);
        QCOMPARE(navigation.visits().size(), 3);
        QCOMPARE(navigation.current()->httpStatus, 404);

        navigation.clear();
        QVERIFY(!navigation.current());
        QVERIFY(!navigation.canGoBack());
    }

    void boundedCount()
    {
        FhirNavigation navigation;
        for (int i = 0; i < FhirNavigation::kMaxVisits + 7; ++i)
            navigation.visit(visitOf(QString::number(i)));
        QCOMPARE(navigation.visits().size(), FhirNavigation::kMaxVisits);
        QCOMPARE(navigation.visits().first().line, QStringLiteral("7")); // the oldest went
        QCOMPARE(currentLine(navigation), QString::number(FhirNavigation::kMaxVisits + 6));
    }

    // Past the memory limit the oldest answers are let go (marked, to be asked for again);
    // the current one is always kept, even when it alone is over the limit.
    void boundedMemory()
    {
        FhirNavigation navigation;
        navigation.setMaxBodyBytes(250);
        for (const QString &line : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")})
            navigation.visit(visitOf(line, 100));
        QVERIFY(navigation.visits().at(0).bodyDropped);
        QVERIFY(navigation.visits().at(0).body.isEmpty());
        QCOMPARE(navigation.visits().at(0).line, QStringLiteral("a")); // the request stays
        QVERIFY(!navigation.visits().at(1).bodyDropped);
        QVERIFY(!navigation.visits().at(2).bodyDropped);

        navigation.back();
        navigation.back(); // at "a", whose answer was let go
        FhirNavigation::Visit again = visitOf(QStringLiteral("a"), 100);
        navigation.replaceCurrent(again);
        QVERIFY(!navigation.current()->bodyDropped);
        QCOMPARE(navigation.current()->body.size(), 100);
        // Keeping "a" pushed the oldest other answer out: "b".
        QVERIFY(navigation.visits().at(1).bodyDropped);
        QVERIFY(!navigation.visits().at(2).bodyDropped);

        navigation.setMaxBodyBytes(10);
        navigation.visit(visitOf(QStringLiteral("huge"), 1000));
        QCOMPARE(navigation.current()->body.size(), 1000);
        for (int i = 0; i + 1 < navigation.visits().size(); ++i)
            QVERIFY(navigation.visits().at(i).body.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFhirNavigation)
#include "tst_fhirnavigation.moc"
