// SPDX-License-Identifier: GPL-3.0-or-later
// What a site's CapabilityStatement says, read from the sandbox and from a hand-written statement,
// and the warnings it predicts for a request before it is sent.
#include "FailOnWarning.h"
#include "FhirRequests.h"
#include "SandboxRig.h"
#include "net/ApiCall.h"

#include <QTemporaryDir>

class TestFhirCapabilities : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    // CapabilityStatement
    void parsesTheSandboxCapabilityStatement();
    void parseReadsRestLevelParametersAndSystemOperations();
    void parseRefusesWhatIsNotACapabilityStatement_data();
    void parseRefusesWhatIsNotACapabilityStatement();
    void siteWithoutFhirGivesNoCapabilities();
    void modifiersAndPrefixesFollowFhirR4();

    // Warnings
    void warningsFromCapabilities_data();
    void warningsFromCapabilities();
    void noCapabilitiesNoWarnings();
    void warningsPredictTheSandboxAnswer_data();
    void warningsPredictTheSandboxAnswer();
};

// ---- CapabilityStatement ----------------------------------------------------------------------

void TestFhirCapabilities::parsesTheSandboxCapabilityStatement()
{
    START_RIG(rig, sandboxOptions());
    const CallPtr call = await(rig.client.fhirGet(kBpGuid, QStringLiteral("metadata")));
    VERIFY_OK(call);

    QString error;
    const std::optional<FhirCapabilities> parsed = FhirCapabilities::parse(call->body(), &error);
    QVERIFY2(parsed, qPrintable(error));
    QVERIFY(error.isEmpty());
    const FhirCapabilities &caps = *parsed;
    const QJsonObject raw = call->jsonObject();

    QCOMPARE(caps.fhirVersion, QStringLiteral("4.0.1"));
    QVERIFY(!caps.version.isEmpty());
    QCOMPARE(caps.version, raw.value(QLatin1String("version")).toString());
    QCOMPARE(caps.publisher, raw.value(QLatin1String("publisher")).toString());
    QCOMPARE(caps.date, raw.value(QLatin1String("date")).toString());
    const QJsonObject software = raw.value(QLatin1String("software")).toObject();
    QCOMPARE(caps.softwareName, software.value(QLatin1String("name")).toString());
    QCOMPARE(caps.softwareVersion, software.value(QLatin1String("version")).toString());
    QVERIFY(!caps.isEmpty());

    // Every resource, in the server's order, with its interactions, parameters and operations.
    const QJsonArray resources = raw.value(QLatin1String("rest"))
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(QLatin1String("resource"))
                                     .toArray();
    QCOMPARE(caps.resources.size(), resources.size());
    for (qsizetype i = 0; i < resources.size(); ++i) {
        const QJsonObject resource = resources.at(i).toObject();
        const Halo::FhirResourceCapability &parsedResource = caps.resources.at(i);
        QCOMPARE(parsedResource.type, resource.value(QLatin1String("type")).toString());
        QCOMPARE(caps.resourceTypes().at(i), parsedResource.type);
        QCOMPARE(caps.resource(parsedResource.type), &parsedResource);
        QCOMPARE(parsedResource.profile, resource.value(QLatin1String("profile")).toString());
        QCOMPARE(parsedResource.interactions.size(),
                 resource.value(QLatin1String("interaction")).toArray().size());
        const QJsonArray params = resource.value(QLatin1String("searchParam")).toArray();
        QCOMPARE(parsedResource.searchParams.size(), params.size());
        for (const QJsonValue &value : params) {
            const QJsonObject param = value.toObject();
            const Halo::FhirSearchParam *found =
                parsedResource.param(param.value(QLatin1String("name")).toString());
            QVERIFY(found);
            QCOMPARE(found->type, param.value(QLatin1String("type")).toString());
            QCOMPARE(found->documentation, param.value(QLatin1String("documentation")).toString());
            QCOMPARE(found->definition, param.value(QLatin1String("definition")).toString());
        }
        QCOMPARE(parsedResource.operations.size(),
                 resource.value(QLatin1String("operation")).toArray().size());
    }

    const Halo::FhirResourceCapability *patient = caps.resource(QStringLiteral("Patient"));
    QVERIFY(patient);
    QVERIFY(patient->supports(QStringLiteral("read")));
    QVERIFY(patient->supports(QStringLiteral("search-type")));
    QVERIFY(!patient->supports(QStringLiteral("delete")));
    QCOMPARE(patient->param(QStringLiteral("family"))->type, QStringLiteral("string"));
    QCOMPARE(patient->param(QStringLiteral("identifier"))->type, QStringLiteral("token"));
    QCOMPARE(patient->param(QStringLiteral("birthdate"))->type, QStringLiteral("date"));
    QVERIFY(!patient->param(QStringLiteral("bogus")));
    QCOMPARE(patient->operations.size(), 1);
    QCOMPARE(patient->operations.first().name, QStringLiteral("summary"));
    QVERIFY(!caps.resource(QStringLiteral("Unicorn")));
}

void TestFhirCapabilities::parseReadsRestLevelParametersAndSystemOperations()
{
    QString error;
    const std::optional<FhirCapabilities> parsed =
        FhirCapabilities::parse(handWrittenStatement(), &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->version, QStringLiteral("24.527.2795.0"));
    QCOMPARE(parsed->softwareName, QStringLiteral("BP/Halo FHIR Server"));
    QCOMPARE(parsed->softwareVersion, QStringLiteral("3.1"));
    QCOMPARE(parsed->publisher, QStringLiteral("Halo Connect Pty Ltd"));
    QCOMPARE(parsed->date, QStringLiteral("2025-06-24T10:00:00+10:00"));
    // The client rest entry is not what the server offers; a resource without a type is skipped.
    QCOMPARE(parsed->resourceTypes(),
             QStringList({QStringLiteral("Patient"), QStringLiteral("Practitioner"),
                          QStringLiteral("Organization")}));
    QCOMPARE(parsed->systemOperations.size(), 2);
    QCOMPARE(parsed->systemOperations.at(0).name, QStringLiteral("export"));
    QCOMPARE(parsed->systemOperations.at(0).definition,
             QStringLiteral("http://hl7.org/fhir/OperationDefinition/export"));
    QCOMPARE(parsed->systemOperations.at(1).name, QStringLiteral("ping")); // '$' dropped

    const Halo::FhirResourceCapability *patient = parsed->resource(QStringLiteral("Patient"));
    QVERIFY(patient);
    QCOMPARE(patient->profile,
             QStringLiteral("http://hl7.org.au/fhir/StructureDefinition/au-patient"));
    QCOMPARE(patient->interactions,
             QStringList({QStringLiteral("read"), QStringLiteral("search-type"),
                          QStringLiteral("update")}));
    // rest.searchParam applies to every type, but the type's own definition wins.
    QVERIFY(patient->param(QStringLiteral("_format")));
    QCOMPARE(patient->param(QStringLiteral("family"))->type, QStringLiteral("string"));
    QCOMPARE(patient->param(QStringLiteral("family"))->documentation,
             QStringLiteral("Family name"));
    QCOMPARE(
        parsed->resource(QStringLiteral("Organization"))->param(QStringLiteral("family"))->type,
        QStringLiteral("token"));
    QCOMPARE(patient->operations.first().documentation, QStringLiteral("IPS summary"));
}

void TestFhirCapabilities::parseRefusesWhatIsNotACapabilityStatement_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("words");
    QTest::newRow("not JSON") << QByteArray("<html>Bad gateway</html>")
                              << QStringLiteral("not JSON");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not JSON");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("not a JSON object");
    QTest::newRow("no resourceType")
        << QByteArray(R"({"rest":[]})") << QStringLiteral("no resourceType");
    QTest::newRow("a Patient") << QByteArray(R"({"resourceType":"Patient","id":"1"})")
                               << QStringLiteral("Patient");
    QTest::newRow("an OperationOutcome")
        << kOperationOutcome << QStringLiteral("Best Practice sites only");
}

void TestFhirCapabilities::parseRefusesWhatIsNotACapabilityStatement()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, words);
    QString error;
    QVERIFY(!FhirCapabilities::parse(json, &error));
    QVERIFY2(error.contains(words), qPrintable(error));
    QVERIFY(!FhirCapabilities::parse(json)); // no error pointer is fine
}

void TestFhirCapabilities::siteWithoutFhirGivesNoCapabilities()
{
    START_RIG(rig, sandboxOptions());
    const CallPtr call = await(rig.client.fhirGet(kZedmedGuid, QStringLiteral("metadata")));
    QVERIFY2(call->isFinished() && !call->ok(), qPrintable(describe(*call)));
    QString error;
    QVERIFY(!FhirCapabilities::parse(call->body(), &error));
    QVERIFY2(error.contains(QLatin1String("OperationOutcome")), qPrintable(error));
    QVERIFY2(error.contains(call->error().serverMessage), qPrintable(error));

    QTemporaryDir dir;
    FhirCapabilityCache cache(dir.path());
    const QString key = FhirCapabilityCache::siteKeyFor(QStringLiteral("Sandbox"),
                                                        rig.server.baseUrl(), kZedmedGuid);
    QVERIFY(!cache.store(key, call->body(), QDateTime::currentDateTimeUtc(), &error));
    QVERIFY(!cache.find(key));
}

void TestFhirCapabilities::modifiersAndPrefixesFollowFhirR4()
{
    const QStringList string = Halo::fhirModifiersFor(QStringLiteral("string"));
    for (const char *modifier : {"exact", "contains", "missing"})
        QVERIFY2(string.contains(QLatin1String(modifier)), modifier);
    QCOMPARE(string.size(), 3);
    const QStringList token = Halo::fhirModifiersFor(QStringLiteral("token"));
    for (const char *modifier :
         {"text", "not", "above", "below", "in", "not-in", "of-type", "missing"})
        QVERIFY2(token.contains(QLatin1String(modifier)), modifier);
    QVERIFY(!token.contains(QStringLiteral("exact")));
    QVERIFY(
        Halo::fhirModifiersFor(QStringLiteral("reference")).contains(QStringLiteral("identifier")));
    QVERIFY(Halo::fhirModifiersFor(QStringLiteral("uri")).contains(QStringLiteral("below")));
    QCOMPARE(Halo::fhirModifiersFor(QStringLiteral("date")),
             QStringList({QStringLiteral("missing")}));
    QCOMPARE(Halo::fhirModifiersFor(QStringLiteral("number")),
             QStringList({QStringLiteral("missing")}));
    QVERIFY(Halo::fhirModifiersFor(QStringLiteral("nonsense")).isEmpty());

    QVERIFY(Halo::fhirTypeTakesPrefix(QStringLiteral("date")));
    QVERIFY(Halo::fhirTypeTakesPrefix(QStringLiteral("number")));
    QVERIFY(Halo::fhirTypeTakesPrefix(QStringLiteral("quantity")));
    QVERIFY(!Halo::fhirTypeTakesPrefix(QStringLiteral("string")));
    QVERIFY(!Halo::fhirTypeTakesPrefix(QStringLiteral("token")));
    QCOMPARE(Halo::fhirComparisonPrefixes(),
             QStringList({QStringLiteral("eq"), QStringLiteral("ne"), QStringLiteral("gt"),
                          QStringLiteral("lt"), QStringLiteral("ge"), QStringLiteral("le"),
                          QStringLiteral("sa"), QStringLiteral("eb"), QStringLiteral("ap")}));
}

// ---- warnings ---------------------------------------------------------------------------------

void TestFhirCapabilities::warningsFromCapabilities_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("expected"); // a fragment of each warning, in order

    const auto none = QStringList();
    QTest::newRow("listed parameter") << QStringLiteral("Patient?family=Smith&_count=5") << none;
    QTest::newRow("string modifier") << QStringLiteral("Patient?family:exact=Smith") << none;
    QTest::newRow("missing on any type")
        << QStringLiteral("Patient?birthdate:missing=true") << none;
    QTest::newRow("token modifier") << QStringLiteral("Patient?identifier:of-type=a|b|c") << none;
    QTest::newRow("token modifier on a string")
        << QStringLiteral("Patient?family:text=Smith")
        << QStringList{QStringLiteral("':text' is not a modifier for string")};
    QTest::newRow("string modifier on a date") << QStringLiteral("Patient?birthdate:exact=1970")
                                               << QStringList{QStringLiteral("':exact'")};
    QTest::newRow("reference to a listed type")
        << QStringLiteral("Patient?general-practitioner:Practitioner=1") << none;
    QTest::newRow("reference by identifier")
        << QStringLiteral("Patient?general-practitioner:identifier=a|b") << none;
    QTest::newRow("reference to an unknown type")
        << QStringLiteral("Patient?general-practitioner:Unicorn=1")
        << QStringList{QStringLiteral("':Unicorn'")};
    QTest::newRow("chain") << QStringLiteral("Patient?general-practitioner.name=Jones") << none;
    QTest::newRow("chain with type")
        << QStringLiteral("Patient?general-practitioner:Practitioner.name=Jones") << none;
    QTest::newRow("unlisted parameter")
        << QStringLiteral("Patient?bogus=1") << QStringList{QStringLiteral("'bogus'")};
    QTest::newRow("listed result parameter") << QStringLiteral("Patient?_sort=family") << none;
    QTest::newRow("unlisted result parameter")
        << QStringLiteral("Patient?_include=Patient:general-practitioner")
        << QStringList{QStringLiteral("'_include'")};
    QTest::newRow("revinclude iterate")
        << QStringLiteral("Patient?_revinclude:iterate=Condition:patient") << none;
    QTest::newRow("rest-level parameter") << QStringLiteral("Patient?_format=json") << none;
    QTest::newRow("count not listed, search not offered")
        << QStringLiteral("Practitioner?name=x&_count=5")
        << QStringList{QStringLiteral("search for Practitioner"), QStringLiteral("_count")};
    QTest::newRow("read offered") << QStringLiteral("Practitioner/1") << none;
    QTest::newRow("read not offered")
        << QStringLiteral("Organization/1") << QStringList{QStringLiteral("read for Organization")};
    QTest::newRow("unknown type") << QStringLiteral("Unicorn?horn=1")
                                  << QStringList{QStringLiteral("'Unicorn'")};
    QTest::newRow("unknown type, read")
        << QStringLiteral("Unicorn/1") << QStringList{QStringLiteral("'Unicorn'")};
    QTest::newRow("client-only type")
        << QStringLiteral("Basic/1") << QStringList{QStringLiteral("'Basic'")};
    QTest::newRow("listed operation") << QStringLiteral("Patient/1/$summary") << none;
    QTest::newRow("listed operation, type level") << QStringLiteral("Patient/$summary") << none;
    QTest::newRow("unlisted operation") << QStringLiteral("Patient/$everything")
                                        << QStringList{QStringLiteral("$everything for Patient")};
    QTest::newRow("system operation listed") << QStringLiteral("$export") << none;
    QTest::newRow("system operation listed with $") << QStringLiteral("$ping") << none;
    QTest::newRow("system operation not listed")
        << QStringLiteral("$reindex") << QStringList{QStringLiteral("system operation $reindex")};
    QTest::newRow("type operation is not a system operation")
        << QStringLiteral("$summary") << QStringList{QStringLiteral("$summary")};
    QTest::newRow("metadata") << QStringLiteral("metadata") << none;
    QTest::newRow("several") << QStringLiteral("Patient?bogus=1&family:below=x&birthdate=ge1970")
                             << QStringList{QStringLiteral("'bogus'"), QStringLiteral("':below'")};
}

void TestFhirCapabilities::warningsFromCapabilities()
{
    QFETCH(QString, line);
    QFETCH(QStringList, expected);

    const FhirCapabilities caps = handWrittenCapabilities();
    QVERIFY(!caps.isEmpty());
    const Halo::FhirLineParse parsed = Halo::parseFhirLine(line);
    QVERIFY2(parsed.request, qPrintable(parsed.error));
    const QStringList warnings = Halo::fhirRequestWarnings(*parsed.request, caps);
    QVERIFY2(warnings.size() == expected.size(), qPrintable(warnings.join(QLatin1String(" / "))));
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(warnings.at(i).contains(expected.at(i)), qPrintable(warnings.at(i)));
    // Sending by POST predicts the same.
    if (parsed.request->canPost()) {
        FhirRequest post = *parsed.request;
        post.usePost = true;
        QCOMPARE(Halo::fhirRequestWarnings(post, caps), warnings);
    }
}

void TestFhirCapabilities::noCapabilitiesNoWarnings()
{
    // Before the CapabilityStatement has arrived nothing is predicted.
    for (const char *line :
         {"Unicorn?x=1", "Patient/$everything", "$reindex", "Patient?family:text=x"}) {
        const auto parsed = Halo::parseFhirLine(QLatin1String(line));
        QVERIFY2(parsed.request, line);
        QVERIFY2(Halo::fhirRequestWarnings(*parsed.request, FhirCapabilities()).isEmpty(), line);
        QVERIFY2(!Halo::fhirRequestWarnings(*parsed.request, handWrittenCapabilities()).isEmpty(),
                 line);
    }
}

void TestFhirCapabilities::warningsPredictTheSandboxAnswer_data()
{
    QTest::addColumn<QString>("line");
    QTest::newRow("plain search") << QStringLiteral("Patient?family=Smith");
    QTest::newRow("exact") << QStringLiteral("Patient?family:exact=Smith");
    QTest::newRow("contains") << QStringLiteral("Patient?family:contains=mit");
    QTest::newRow("date prefix and count")
        << QStringLiteral("Patient?birthdate=ge1970-01-01&_count=5");
    QTest::newRow("sort") << QStringLiteral("Patient?_sort=family");
    QTest::newRow("token with system") << QStringLiteral("Patient?identifier=") + kMedicare;
    QTest::newRow("unknown parameter") << QStringLiteral("Patient?bogus=1");
    QTest::newRow("parameter of another type") << QStringLiteral("Organization?family=Smith");
    QTest::newRow("modifier for another type") << QStringLiteral("Patient?family:text=Smith");
    QTest::newRow("unknown type") << QStringLiteral("Unicorn?x=1");
    QTest::newRow("read") << QStringLiteral("Practitioner/1");
    QTest::newRow("listed operation") << QStringLiteral("Patient/1/$summary");
    QTest::newRow("unlisted operation") << QStringLiteral("Patient/1/$everything");
    QTest::newRow("unlisted system operation") << QStringLiteral("$export");
}

void TestFhirCapabilities::warningsPredictTheSandboxAnswer()
{
    QFETCH(QString, line);

    START_RIG(rig, sandboxOptions());
    const CallPtr metadata = await(rig.client.fhirGet(kBpGuid, QStringLiteral("metadata")));
    VERIFY_OK(metadata);
    const std::optional<FhirCapabilities> caps = FhirCapabilities::parse(metadata->body());
    QVERIFY(caps);

    const Halo::FhirLineParse parsed = Halo::parseFhirLine(line);
    QVERIFY2(parsed.request, qPrintable(parsed.error));
    const QStringList warnings = Halo::fhirRequestWarnings(*parsed.request, *caps);
    const CallPtr call = await(rig.client.fhirGet(kBpGuid, parsed.request->relativeUrl()));
    QVERIFY2(call->isFinished(), qPrintable(describe(*call)));
    // No warning: the sandbox answers; a warning: it refuses.
    QVERIFY2(call->ok() == warnings.isEmpty(),
             qPrintable(QStringLiteral("warnings: [%1]; %2")
                            .arg(warnings.join(QLatin1String(" / ")), describe(*call))));
}

QTEST_GUILESS_MAIN(TestFhirCapabilities)
#include "tst_fhircapabilities.moc"
