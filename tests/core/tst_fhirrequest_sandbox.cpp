// SPDX-License-Identifier: GPL-3.0-or-later
// FHIR requests as a real sandbox on loopback answers them (it was written separately from the
// client): GET and POST find the same, values arrive as typed, and the issues of an
// OperationOutcome reach the error.
#include "FailOnWarning.h"
#include "FhirRequests.h"
#include "SandboxRig.h"
#include "fhir/FhirIssue.h"
#include "net/ApiCall.h"
#include "net/ApiError.h"

namespace {

// Sends `request` the way the FHIR tab does: GET relativeUrl(), or POST _search with form().
CallPtr send(Halo::HaloApiClient &client, const FhirRequest &request, bool post)
{
    if (post)
        return await(client.fhirSearch(kBpGuid, request.resourceType, request.form()));
    return await(client.fhirGet(kBpGuid, request.relativeUrl()));
}

} // namespace

class TestFhirRequestSandbox : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    // Against the sandbox
    void getAndPostFindTheSameResources_data();
    void getAndPostFindTheSameResources();
    void valuesReachTheServerExactlyAsTyped_data();
    void valuesReachTheServerExactlyAsTyped();
    void readsAndOperationsFromTypedLinesAreAnswered_data();
    void readsAndOperationsFromTypedLinesAreAnswered();

    // OperationOutcome issues
    void issuesAreReadFromAnOperationOutcome();
    void apiErrorTakesItsMessageFromTheFirstIssue();
};

// ---- against the sandbox ----------------------------------------------------------------------

void TestFhirRequestSandbox::getAndPostFindTheSameResources_data()
{
    QTest::addColumn<FhirRequest>("request");
    QTest::addColumn<int>("total"); // -1: not known in advance, but not zero
    QTest::addColumn<QString>("mustInclude");

    QTest::newRow("family=Smith") << search(
                                         QStringLiteral("Patient"),
                                         {term(QStringLiteral("family"), QStringLiteral("Smith"))})
                                  << 5 << QString();
    QTest::newRow("family:exact=O'Brien")
        << search(
               QStringLiteral("Patient"),
               {term(QStringLiteral("family"), QStringLiteral("O'Brien"), QStringLiteral("exact"))})
        << -1 << QStringLiteral("1");
    QTest::newRow("name=Zoë") << search(QStringLiteral("Patient"),
                                        {term(QStringLiteral("name"), QStringLiteral("Zoë"))})
                              << -1 << QStringLiteral("1");
    QTest::newRow("Medicare identifier")
        << search(QStringLiteral("Patient"), {term(QStringLiteral("identifier"), kMedicare)}) << 1
        << QStringLiteral("1");
    QTest::newRow("typed from the line")
        << *Halo::parseFhirLine(
                QStringLiteral(
                    "Patient?family:exact=O%27Brien&name=Zo%C3%AB&birthdate=ge1970-01-01"))
                .request
        << -1 << QStringLiteral("1");
    QTest::newRow("ids with commas")
        << search(QStringLiteral("Patient"),
                  {term(QStringLiteral("_id"), QStringLiteral("1,2,402"))})
        << 3 << QStringLiteral("402");
    QTest::newRow("count") << search(QStringLiteral("Patient"),
                                     {term(QStringLiteral("family"), QStringLiteral("Smith"))}, 2)
                           << 5 << QString();
}

void TestFhirRequestSandbox::getAndPostFindTheSameResources()
{
    QFETCH(FhirRequest, request);
    QFETCH(int, total);
    QFETCH(QString, mustInclude);

    START_RIG(rig, sandboxOptions());
    const CallPtr get = send(rig.client, request, false);
    const CallPtr post = send(rig.client, request, true);
    VERIFY_OK(get);
    VERIFY_OK(post);
    QCOMPARE(get->method(), QByteArray("GET"));
    QCOMPARE(post->method(), QByteArray("POST"));
    QVERIFY2(!post->url().hasQuery(), qPrintable(post->url().toString()));

    const QJsonObject got = get->jsonObject();
    const QJsonObject posted = post->jsonObject();
    QCOMPARE(got.value(QLatin1String("resourceType")).toString(), QStringLiteral("Bundle"));
    QCOMPARE(posted.value(QLatin1String("total")).toInt(-1),
             got.value(QLatin1String("total")).toInt(-2));
    QCOMPARE(entryIds(posted), entryIds(got));
    if (total >= 0)
        QCOMPARE(got.value(QLatin1String("total")).toInt(), total);
    else
        QVERIFY(got.value(QLatin1String("total")).toInt() > 0);
    if (request.count)
        QCOMPARE(entryIds(got).size(),
                 qMin(*request.count, got.value(QLatin1String("total")).toInt()));
    if (!mustInclude.isEmpty())
        QVERIFY2(entryIds(got).contains(mustInclude),
                 qPrintable(entryIds(got).join(QLatin1Char(','))));
}

void TestFhirRequestSandbox::valuesReachTheServerExactlyAsTyped_data()
{
    // The sandbox repeats an unsupported _sort value in its OperationOutcome, so the value the
    // server decoded can be compared with the one typed.
    QTest::addColumn<QString>("value");
    QTest::newRow("plus") << QStringLiteral("a+b");
    QTest::newRow("space") << QStringLiteral("a b");
    QTest::newRow("ampersand and equals") << QStringLiteral("x&y=z");
    QTest::newRow("hash") << QStringLiteral("#frag");
    QTest::newRow("percent") << QStringLiteral("50% %41 %2B");
    QTest::newRow("unicode and apostrophe") << QStringLiteral("Zoë O'Brien");
    QTest::newRow("bar, colon, slash, dollar") << QStringLiteral("a|b:c/d$e");
}

void TestFhirRequestSandbox::valuesReachTheServerExactlyAsTyped()
{
    QFETCH(QString, value);

    START_RIG(rig, sandboxOptions());
    const FhirRequest request =
        search(QStringLiteral("Patient"), {term(QStringLiteral("_sort"), value)});
    // Also through the line, as a user would type it.
    const FhirRequest fromLine = *Halo::parseFhirLine(request.toLine()).request;
    QCOMPARE(fromLine, request);

    for (const bool post : {false, true}) {
        const CallPtr call = send(rig.client, fromLine, post);
        QVERIFY2(call->isFinished(), qPrintable(describe(*call)));
        QCOMPARE(call->error().kind, Halo::ApiError::Kind::Fhir);
        const QString echoed = QLatin1Char('\'') + value + QLatin1Char('\'');
        QVERIFY2(call->error().serverMessage.contains(echoed),
                 qPrintable(QStringLiteral("%1: %2").arg(post ? QStringLiteral("POST")
                                                              : QStringLiteral("GET"),
                                                         call->error().serverMessage)));
    }
}

void TestFhirRequestSandbox::readsAndOperationsFromTypedLinesAreAnswered_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("resourceType");
    QTest::newRow("read") << QStringLiteral("Patient/1") << QStringLiteral("Patient");
    QTest::newRow("instance operation")
        << QStringLiteral("Patient/1/$summary") << QStringLiteral("Bundle");
    QTest::newRow("metadata") << QStringLiteral("/metadata")
                              << QStringLiteral("CapabilityStatement");
    QTest::newRow("search with count")
        << QStringLiteral("Patient?family=Smith&_count=2") << QStringLiteral("Bundle");
}

void TestFhirRequestSandbox::readsAndOperationsFromTypedLinesAreAnswered()
{
    QFETCH(QString, line);
    QFETCH(QString, resourceType);

    START_RIG(rig, sandboxOptions());
    const Halo::FhirLineParse parsed = Halo::parseFhirLine(line);
    QVERIFY2(parsed.request, qPrintable(parsed.error));
    const CallPtr call = await(rig.client.fhirGet(kBpGuid, parsed.request->relativeUrl()));
    VERIFY_OK(call);
    QCOMPARE(call->jsonObject().value(QLatin1String("resourceType")).toString(), resourceType);
    if (parsed.request->kind == Kind::Read)
        QCOMPARE(call->jsonObject().value(QLatin1String("id")).toString(), parsed.request->id);
}

// ---- OperationOutcome issues ------------------------------------------------------------------

void TestFhirRequestSandbox::issuesAreReadFromAnOperationOutcome()
{
    const QJsonObject outcome =
        QJsonDocument::fromJson(
            R"({"resourceType": "OperationOutcome", "issue": [)"
            R"({"severity": "fatal", "code": "exception",)"
            R"( "details": {"coding": [{"system": "http://hl7.org/fhir/dotnet-api-operation-outcome",)"
            R"(                         "code": "5003"}],)"
            R"(             "text": "Unable to parse Resource URL"},)"
            R"( "diagnostics": "at FhirEngine.Parse, line 12",)"
            R"( "expression": ["Patient.name", "Patient.birthDate"], "location": ["/f:Patient/f:name"]},)"
            R"({"severity": "warning", "code": "not-supported", "diagnostics": "_sort is ignored",)"
            R"( "location": ["/f:Patient"]},)"
            R"({"severity": "information", "code": "informational", "details": {"text": "Same"},)"
            R"( "diagnostics": "Same"}]})")
            .object();
    const QList<Halo::FhirIssue> issues = Halo::fhirIssuesOf(outcome);
    QCOMPARE(issues.size(), 3);
    QCOMPARE(issues.at(0).severity, QStringLiteral("fatal"));
    QCOMPARE(issues.at(0).code, QStringLiteral("exception"));
    QCOMPARE(issues.at(0).text, QStringLiteral("Unable to parse Resource URL"));
    QCOMPARE(issues.at(0).diagnostics, QStringLiteral("at FhirEngine.Parse, line 12"));
    QCOMPARE(issues.at(0).detailCode, QStringLiteral("5003"));
    QCOMPARE(issues.at(0).location, QStringLiteral("Patient.name, Patient.birthDate"));
    QCOMPARE(issues.at(1).text, QStringLiteral("_sort is ignored"));
    QVERIFY(issues.at(1).diagnostics.isEmpty()); // already the text
    QVERIFY(issues.at(1).detailCode.isEmpty());
    QCOMPARE(issues.at(1).location, QStringLiteral("/f:Patient"));
    QCOMPARE(issues.at(2).text, QStringLiteral("Same"));
    QVERIFY(issues.at(2).diagnostics.isEmpty());

    QVERIFY(Halo::fhirIssuesOf(
                QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                            {QStringLiteral("issue"), outcome.value(QLatin1String("issue"))}})
                .isEmpty());
    QVERIFY(Halo::fhirIssuesOf(
                QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("OperationOutcome")}})
                .isEmpty());
}

void TestFhirRequestSandbox::apiErrorTakesItsMessageFromTheFirstIssue()
{
    START_RIG(rig, sandboxOptions());
    const CallPtr call = await(rig.client.fhirGet(kBpGuid, QStringLiteral("Patient?bogus=1")));
    QVERIFY2(call->isFinished() && !call->ok(), qPrintable(describe(*call)));
    const Halo::ApiError &error = call->error();
    QCOMPARE(error.kind, Halo::ApiError::Kind::Fhir);
    QVERIFY(!error.issues.isEmpty());
    const QList<Halo::FhirIssue> issues = Halo::fhirIssuesOf(call->jsonObject());
    QCOMPARE(error.issues.size(), issues.size());
    QCOMPARE(error.issues.first().severity, issues.first().severity);
    QCOMPARE(error.issues.first().code, issues.first().code);
    QCOMPARE(error.serverMessage, error.issues.first().text);
    QVERIFY2(error.serverMessage.contains(QLatin1String("bogus")), qPrintable(error.serverMessage));
    QVERIFY(!error.issues.first().detailCode.isEmpty());
}

QTEST_GUILESS_MAIN(TestFhirRequestSandbox)
#include "tst_fhirrequest_sandbox.moc"
