// The FHIR tab's request model: the query line and the form as two views of one FhirRequest,
// the URL and form encodings it sends, what the site's CapabilityStatement predicts, and the
// CapabilityStatement cache. Encodings and predictions are checked against a real sandbox on
// loopback, which was written separately from the client.
#include "ClientCalls.h"
#include "SandboxOptions.h"
#include "SandboxRig.h"
#include "api/HaloApiClient.h"
#include "fhir/FhirCapabilities.h"
#include "fhir/FhirIssue.h"
#include "fhir/FhirRequest.h"
#include "net/ApiCall.h"
#include "net/ApiError.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>
#include <QtTest>

#include <cctype>
#include <memory>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/resource.h>
#include <unistd.h>
#endif

using Halo::FhirCapabilities;
using Halo::FhirCapabilityCache;
using Halo::FhirRequest;
using Halo::FhirSearchTerm;
using Kind = Halo::FhirRequest::Kind;

namespace Halo {

// Readable QCOMPARE failures for requests.
char *toString(const FhirRequest &request)
{
    static const char *const kinds[] = {"Search", "Read", "Operation", "Capabilities"};
    QStringList terms;
    for (const FhirSearchTerm &term : request.terms)
        terms.append(QStringLiteral("[%1|%2|%3]").arg(term.name, term.modifier, term.value));
    const QString text =
        QStringLiteral("%1 type=%2 id=%3 op=%4 terms=%5 count=%6 post=%7")
            .arg(QLatin1String(kinds[int(request.kind)]), request.resourceType, request.id,
                 request.operation, terms.join(QLatin1Char(',')),
                 request.count ? QString::number(*request.count) : QStringLiteral("-"),
                 request.usePost ? QStringLiteral("yes") : QStringLiteral("no"));
    return qstrdup(qPrintable(text));
}

} // namespace Halo

Q_DECLARE_METATYPE(Halo::FhirRequest)

namespace {

const QString kKey = QStringLiteral("fhirrequest-test-key-91c2e4");
const QString kBpGuid = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
const QString kZedmedGuid = QStringLiteral("6b2e8f14-95c7-4d3a-8f60-c4a7e1b209d5");
const QString kMedicare =
    QStringLiteral("http://ns.electronichealth.net.au/id/medicare-number|29531720712");

// ---- building requests ------------------------------------------------------------------------

FhirSearchTerm term(const QString &name, const QString &value, const QString &modifier = {})
{
    FhirSearchTerm made;
    made.name = name;
    made.modifier = modifier;
    made.value = value;
    return made;
}

FhirRequest search(const QString &type, const QList<FhirSearchTerm> &terms,
                   std::optional<int> count = std::nullopt, bool usePost = false)
{
    FhirRequest request;
    request.kind = Kind::Search;
    request.resourceType = type;
    request.terms = terms;
    request.count = count;
    request.usePost = usePost;
    return request;
}

FhirRequest read(const QString &type, const QString &id)
{
    FhirRequest request;
    request.kind = Kind::Read;
    request.resourceType = type;
    request.id = id;
    return request;
}

FhirRequest operation(const QString &type, const QString &id, const QString &name,
                      const QList<FhirSearchTerm> &terms = {})
{
    FhirRequest request;
    request.kind = Kind::Operation;
    request.resourceType = type;
    request.id = id;
    request.operation = name;
    request.terms = terms;
    return request;
}

FhirRequest capabilitiesRequest()
{
    FhirRequest request;
    request.kind = Kind::Capabilities;
    return request;
}

// ---- reading encodings the way servers do -----------------------------------------------------

// application/x-www-form-urlencoded, as a form reader decodes it: '+' is a space.
QList<QPair<QString, QString>> decodeForm(const QByteArray &body)
{
    QList<QPair<QString, QString>> pairs;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const auto decode = [](QByteArray part) {
            part.replace('+', ' ');
            return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
        };
        pairs.append(
            {decode(pair.left(equals)), decode(equals < 0 ? QByteArray() : pair.mid(equals + 1))});
    }
    return pairs;
}

QList<QPair<QString, QString>> expectedPairs(const FhirRequest &request)
{
    QList<QPair<QString, QString>> pairs;
    for (const FhirSearchTerm &t : request.terms)
        pairs.append({t.key(), t.value});
    if (request.count)
        pairs.append({QStringLiteral("_count"), QString::number(*request.count)});
    return pairs;
}

// Characters RFC 3986 allows in a query, unencoded.
bool isValidQuery(const QString &query, QString *bad)
{
    static const QString allowed = QStringLiteral("-._~!$&'()*+,;=:@/?");
    for (qsizetype i = 0; i < query.size(); ++i) {
        const QChar c = query.at(i);
        if (c == QLatin1Char('%')) {
            const bool hex = i + 2 < query.size() && isxdigit(query.at(i + 1).toLatin1()) &&
                             isxdigit(query.at(i + 2).toLatin1());
            if (!hex) {
                *bad = QStringLiteral("stray '%' at %1").arg(i);
                return false;
            }
            continue;
        }
        if (c.unicode() > 0x7e || (!c.isLetterOrNumber() && !allowed.contains(c))) {
            *bad = QStringLiteral("'%1' at %2").arg(c).arg(i);
            return false;
        }
    }
    return true;
}

// ---- a hand-written CapabilityStatement, to check predictions without a server -----------------

QByteArray handWrittenStatement()
{
    return R"({"resourceType": "CapabilityStatement",)"
           R"(  "status": "active", "kind": "instance", "date": "2025-06-24T10:00:00+10:00",)"
           R"(  "version": "24.527.2795.0", "publisher": "Halo Connect Pty Ltd", "fhirVersion": "4.0.1",)"
           R"(  "software": {"name": "BP/Halo FHIR Server", "version": "3.1"},)"
           R"(  "format": ["application/fhir+json"],)"
           R"(  "rest": [)"
           R"(    {"mode": "client", "resource": [{"type": "Basic", "interaction": [{"code": "read"}]}]},)"
           R"(    {"mode": "server",)"
           R"(     "searchParam": [{"name": "_format", "type": "token"},)"
           R"(                     {"name": "family", "type": "token", "documentation": "rest level"}],)"
           R"(     "operation": [{"name": "export", "definition": "http://hl7.org/fhir/OperationDefinition/export"},)"
           R"(                   {"name": "$ping"}],)"
           R"(     "resource": [)"
           R"(      {"type": "Patient", "profile": "http://hl7.org.au/fhir/StructureDefinition/au-patient",)"
           R"(       "interaction": [{"code": "read"}, {"code": "search-type"}, {"code": "update"}],)"
           R"(       "searchParam": [)"
           R"(         {"name": "family", "type": "string", "documentation": "Family name",)"
           R"(          "definition": "http://hl7.org/fhir/SearchParameter/individual-family"},)"
           R"(         {"name": "identifier", "type": "token"},)"
           R"(         {"name": "birthdate", "type": "date"},)"
           R"(         {"name": "general-practitioner", "type": "reference"},)"
           R"(         {"name": "_count", "type": "number"},)"
           R"(         {"name": "_sort", "type": "string"},)"
           R"(         {"name": "_revinclude", "type": "special"}],)"
           R"(       "operation": [{"name": "summary", "documentation": "IPS summary"}]},)"
           R"(      {"type": "Practitioner", "interaction": [{"code": "read"}],)"
           R"(       "searchParam": [{"name": "name", "type": "string"}]},)"
           R"(      {"type": "Organization", "interaction": [{"code": "search-type"}],)"
           R"(       "searchParam": [{"name": "name", "type": "string"}]},)"
           R"(      {"interaction": [{"code": "read"}]})"
           R"(     ]})"
           R"(]})";
}

FhirCapabilities handWrittenCapabilities()
{
    return FhirCapabilities::parse(handWrittenStatement()).value_or(FhirCapabilities());
}

// The same statement with one more resource type, to tell versions apart in the cache.
QByteArray statementWith(const QString &extraType)
{
    QJsonObject root = QJsonDocument::fromJson(handWrittenStatement()).object();
    QJsonArray rest = root.value(QLatin1String("rest")).toArray();
    QJsonObject server = rest.at(1).toObject();
    QJsonArray resources = server.value(QLatin1String("resource")).toArray();
    resources.append(QJsonObject{{QStringLiteral("type"), extraType}});
    server.insert(QLatin1String("resource"), resources);
    rest.replace(1, server);
    root.insert(QLatin1String("rest"), rest);
    return QJsonDocument(root).toJson();
}

const QByteArray kOperationOutcome =
    R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-supported",)"
    R"("details":{"text":"The FHIR API is available for Best Practice sites only"}}]})";

// ---- the sandbox ------------------------------------------------------------------------------

Sandbox::SandboxOptions sandboxOptions()
{
    Sandbox::SandboxOptions options;
    options.key = kKey;
    return options;
}

// Sends `request` the way the FHIR tab does: GET relativeUrl(), or POST _search with form().
CallPtr send(Halo::HaloApiClient &client, const FhirRequest &request, bool post)
{
    if (post)
        return await(client.fhirSearch(kBpGuid, request.resourceType, request.form()));
    return await(client.fhirGet(kBpGuid, request.relativeUrl()));
}

QStringList jsonFilesIn(const QString &directory)
{
    return QDir(directory).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

bool runningAsRoot()
{
#ifdef Q_OS_UNIX
    return geteuid() == 0;
#else
    return false;
#endif
}

} // namespace

class TestFhirRequest : public QObject
{
    Q_OBJECT

private slots:
    // The query line
    void lineRoundTrips_data();
    void lineRoundTrips();
    void typedLinesAreRead_data();
    void typedLinesAreRead();
    void lineErrorsSayWhatAndWhere_data();
    void lineErrorsSayWhatAndWhere();

    // What is sent
    void relativeUrlIsPercentEncoded_data();
    void relativeUrlIsPercentEncoded();
    void formBodyDecodesToTheTypedValues_data();
    void formBodyDecodesToTheTypedValues();
    void canPostOnlyForTypeSearches();

    // Against the sandbox
    void getAndPostFindTheSameResources_data();
    void getAndPostFindTheSameResources();
    void valuesReachTheServerExactlyAsTyped_data();
    void valuesReachTheServerExactlyAsTyped();
    void readsAndOperationsFromTypedLinesAreAnswered_data();
    void readsAndOperationsFromTypedLinesAreAnswered();

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

    // The cache
    void cacheStoresAndFinds();
    void cacheReloadsFromDisk();
    void cacheKeepsSitesApart();
    void cacheRefusesWhatIsNotACapabilityStatement();
    void cacheCountsABadFileAsAbsent_data();
    void cacheCountsABadFileAsAbsent();
    void cacheFailedWriteKeepsTheOldFile_data();
    void cacheFailedWriteKeepsTheOldFile();
    void cacheReportsAFolderItCannotCreate();
    void cacheForgets();

    // OperationOutcome issues
    void issuesAreReadFromAnOperationOutcome();
    void apiErrorTakesItsMessageFromTheFirstIssue();
};

// ---- the query line ---------------------------------------------------------------------------

void TestFhirRequest::lineRoundTrips_data()
{
    QTest::addColumn<FhirRequest>("request");
    QTest::addColumn<QString>("line");

    QTest::newRow("search") << search(QStringLiteral("Patient"),
                                      {term(QStringLiteral("family"), QStringLiteral("Smith"))})
                            << QStringLiteral("Patient?family=Smith");
    QTest::newRow("no terms") << search(QStringLiteral("Patient"), {}) << QStringLiteral("Patient");
    QTest::newRow("modifier and apostrophe")
        << search(
               QStringLiteral("Patient"),
               {term(QStringLiteral("family"), QStringLiteral("O'Brien"), QStringLiteral("exact"))})
        << QStringLiteral("Patient?family:exact=O'Brien");
    QTest::newRow("unicode") << search(QStringLiteral("Patient"),
                                       {term(QStringLiteral("name"), QStringLiteral("Zoë"))})
                             << QStringLiteral("Patient?name=Zoë");
    QTest::newRow("emoji") << search(QStringLiteral("Patient"),
                                     {term(QStringLiteral("name"), QStringLiteral("a\U0001F600b"))})
                           << QStringLiteral("Patient?name=a\U0001F600b");
    QTest::newRow("token with system")
        << search(QStringLiteral("Patient"), {term(QStringLiteral("identifier"), kMedicare)})
        << QStringLiteral("Patient?identifier=") + kMedicare;
    QTest::newRow("date prefix and count")
        << search(QStringLiteral("Patient"),
                  {term(QStringLiteral("birthdate"), QStringLiteral("ge1970-01-01"))}, 10)
        << QStringLiteral("Patient?birthdate=ge1970-01-01&_count=10");
    QTest::newRow("count only") << search(QStringLiteral("Patient"), {}, 0)
                                << QStringLiteral("Patient?_count=0");
    QTest::newRow("delimiters in a value")
        << search(QStringLiteral("Patient"),
                  {term(QStringLiteral("name"), QStringLiteral("a&b=c#d%e+f"))})
        << QStringLiteral("Patient?name=a%26b%3Dc%23d%25e%2Bf");
    QTest::newRow("percent sequence typed literally")
        << search(QStringLiteral("Patient"),
                  {term(QStringLiteral("name"), QStringLiteral("%41%C3%AB"))})
        << QStringLiteral("Patient?name=%2541%25C3%25AB");
    QTest::newRow("inner spaces stay readable")
        << search(QStringLiteral("Patient"),
                  {term(QStringLiteral("name"), QStringLiteral("Mai O'Brien"))})
        << QStringLiteral("Patient?name=Mai O'Brien");
    QTest::newRow("spaces at the ends")
        << search(QStringLiteral("Patient"),
                  {term(QStringLiteral("name"), QStringLiteral(" Mai "))})
        << QStringLiteral("Patient?name=%20Mai%20");
    QTest::newRow("control characters")
        << search(QStringLiteral("Patient"),
                  {term(QStringLiteral("name"), QStringLiteral("a\tb\nc"))})
        << QStringLiteral("Patient?name=a%09b%0Ac");
    QTest::newRow("commas, slash, question mark")
        << search(QStringLiteral("Patient"),
                  {term(QStringLiteral("_id"), QStringLiteral("1,2,3")),
                   term(QStringLiteral("name"), QStringLiteral("a?b/c"))})
        << QStringLiteral("Patient?_id=1,2,3&name=a?b/c");
    QTest::newRow("empty value") << search(QStringLiteral("Patient"),
                                           {term(QStringLiteral("family"), QString())})
                                 << QStringLiteral("Patient?family=");
    QTest::newRow("repeated parameter keeps order")
        << search(QStringLiteral("Patient"), {term(QStringLiteral("given"), QStringLiteral("B")),
                                              term(QStringLiteral("family"), QStringLiteral("S")),
                                              term(QStringLiteral("given"), QStringLiteral("A"))})
        << QStringLiteral("Patient?given=B&family=S&given=A");
    QTest::newRow("reverse chain")
        << search(QStringLiteral("Patient"), {term(QStringLiteral("_has"), QStringLiteral("1234"),
                                                   QStringLiteral("Observation:patient:code"))})
        << QStringLiteral("Patient?_has:Observation:patient:code=1234");
    QTest::newRow("chain with a type")
        << search(QStringLiteral("AllergyIntolerance"),
                  {term(QStringLiteral("patient"), QStringLiteral("Smith"),
                        QStringLiteral("Patient.family"))})
        << QStringLiteral("AllergyIntolerance?patient:Patient.family=Smith");
    QTest::newRow("colon inside a name")
        << search(QStringLiteral("Patient"), {term(QStringLiteral("a:b"), QStringLiteral("x"))})
        << QStringLiteral("Patient?a%3Ab=x");
    QTest::newRow("post search") << search(
                                        QStringLiteral("Patient"),
                                        {term(QStringLiteral("family"), QStringLiteral("O'Brien"))},
                                        5, true)
                                 << QStringLiteral("Patient/_search?family=O'Brien&_count=5");
    QTest::newRow("read") << read(QStringLiteral("Patient"), QStringLiteral("1"))
                          << QStringLiteral("Patient/1");
    QTest::newRow("read with dots and dashes")
        << read(QStringLiteral("Practitioner"), QStringLiteral("a-1.B"))
        << QStringLiteral("Practitioner/a-1.B");
    QTest::newRow("instance operation")
        << operation(QStringLiteral("Patient"), QStringLiteral("1"), QStringLiteral("summary"))
        << QStringLiteral("Patient/1/$summary");
    QTest::newRow("type operation with parameters")
        << operation(QStringLiteral("Patient"), QString(), QStringLiteral("match"),
                     {term(QStringLiteral("name"), QStringLiteral("Zoë O'Brien"))})
        << QStringLiteral("Patient/$match?name=Zoë O'Brien");
    QTest::newRow("system operation")
        << operation(QString(), QString(), QStringLiteral("export")) << QStringLiteral("$export");
    QTest::newRow("operation with dashes")
        << operation(QStringLiteral("Appointment"), QString(), QStringLiteral("find-free"))
        << QStringLiteral("Appointment/$find-free");
    QTest::newRow("capabilities") << capabilitiesRequest() << QStringLiteral("metadata");
}

void TestFhirRequest::lineRoundTrips()
{
    QFETCH(FhirRequest, request);
    QFETCH(QString, line);

    QCOMPARE(request.toLine(), line);
    QCOMPARE(request.title(), line);
    const Halo::FhirLineParse parsed = Halo::parseFhirLine(line);
    QVERIFY2(parsed.request.has_value(), qPrintable(parsed.error));
    QVERIFY(parsed.error.isEmpty());
    QCOMPARE(parsed.errorPosition, -1);
    QCOMPARE(*parsed.request, request);
    QCOMPARE(parsed.request->toLine(), line);

    // What surrounds the line when typed or pasted changes nothing.
    const Halo::FhirLineParse padded =
        Halo::parseFhirLine(QStringLiteral("  /") + line + QStringLiteral(" \t"));
    QVERIFY2(padded.request.has_value(), qPrintable(padded.error));
    QCOMPARE(*padded.request, request);
}

void TestFhirRequest::typedLinesAreRead_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<FhirRequest>("request");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("plus is a plus")
        << QStringLiteral("Patient?name=a+b")
        << search(QStringLiteral("Patient"), {term(QStringLiteral("name"), QStringLiteral("a+b"))})
        << QStringLiteral("Patient?name=a%2Bb");
    QTest::newRow("percent-encoded unicode")
        << QStringLiteral("Patient?name=Zo%C3%AB")
        << search(QStringLiteral("Patient"), {term(QStringLiteral("name"), QStringLiteral("Zoë"))})
        << QStringLiteral("Patient?name=Zoë");
    QTest::newRow("encoded apostrophe and bar")
        << QStringLiteral("Patient?family=O%27Brien&identifier=a%7Cb")
        << search(QStringLiteral("Patient"),
                  {term(QStringLiteral("family"), QStringLiteral("O'Brien")),
                   term(QStringLiteral("identifier"), QStringLiteral("a|b"))})
        << QStringLiteral("Patient?family=O'Brien&identifier=a|b");
    QTest::newRow("a lone percent is a percent")
        << QStringLiteral("Patient?name=50%")
        << search(QStringLiteral("Patient"), {term(QStringLiteral("name"), QStringLiteral("50%"))})
        << QStringLiteral("Patient?name=50%25");
    QTest::newRow("a raw hash is part of the value")
        << QStringLiteral("Patient?name=a#b")
        << search(QStringLiteral("Patient"), {term(QStringLiteral("name"), QStringLiteral("a#b"))})
        << QStringLiteral("Patient?name=a%23b");
    QTest::newRow("count anywhere, written last")
        << QStringLiteral("Patient?_count=3&family=Smith")
        << search(QStringLiteral("Patient"),
                  {term(QStringLiteral("family"), QStringLiteral("Smith"))}, 3)
        << QStringLiteral("Patient?family=Smith&_count=3");
    QTest::newRow("empty pairs are skipped")
        << QStringLiteral("Patient?&family=Smith&&_count=5&")
        << search(QStringLiteral("Patient"),
                  {term(QStringLiteral("family"), QStringLiteral("Smith"))}, 5)
        << QStringLiteral("Patient?family=Smith&_count=5");
    QTest::newRow("question mark without parameters")
        << QStringLiteral("Patient?") << search(QStringLiteral("Patient"), {})
        << QStringLiteral("Patient");
    QTest::newRow("equals sign inside a value")
        << QStringLiteral("Patient?name=a=b")
        << search(QStringLiteral("Patient"), {term(QStringLiteral("name"), QStringLiteral("a=b"))})
        << QStringLiteral("Patient?name=a%3Db");
    QTest::newRow("leading slashes and spaces")
        << QStringLiteral(" //Patient/1 ") << read(QStringLiteral("Patient"), QStringLiteral("1"))
        << QStringLiteral("Patient/1");
    QTest::newRow("_search means POST") << QStringLiteral("Patient/_search")
                                        << search(QStringLiteral("Patient"), {}, std::nullopt, true)
                                        << QStringLiteral("Patient/_search");
    QTest::newRow("read with parameters") << QStringLiteral("Patient/1?_summary=true") << [] {
        FhirRequest r = read(QStringLiteral("Patient"), QStringLiteral("1"));
        r.terms = {term(QStringLiteral("_summary"), QStringLiteral("true"))};
        return r;
    }() << QStringLiteral("Patient/1?_summary=true");
}

void TestFhirRequest::typedLinesAreRead()
{
    QFETCH(QString, line);
    QFETCH(FhirRequest, request);
    QFETCH(QString, canonical);

    const Halo::FhirLineParse parsed = Halo::parseFhirLine(line);
    QVERIFY2(parsed.request.has_value(), qPrintable(parsed.error));
    QCOMPARE(*parsed.request, request);
    QCOMPARE(parsed.request->toLine(), canonical);
    // The canonical line reads back as the same request.
    const Halo::FhirLineParse again = Halo::parseFhirLine(canonical);
    QVERIFY2(again.request.has_value(), qPrintable(again.error));
    QCOMPARE(*again.request, request);
}

void TestFhirRequest::lineErrorsSayWhatAndWhere_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("words");
    QTest::addColumn<int>("position");

    const QString longId(65, QLatin1Char('a'));
    QTest::newRow("empty") << QString() << QStringLiteral("empty") << 0;
    QTest::newRow("only spaces") << QStringLiteral("   ") << QStringLiteral("empty") << 3;
    QTest::newRow("absolute URL")
        << QStringLiteral(
               "https://api.haloconnect.io/integrator/sites/x/fhir/R4/Patient?family=Smith")
        << QStringLiteral("fhir/R4/") << 0;
    QTest::newRow("absolute URL after spaces")
        << QStringLiteral("  http://localhost:8080/x") << QStringLiteral("full URL") << 2;
    QTest::newRow("fhir/R4 prefix")
        << QStringLiteral("fhir/R4/Patient") << QStringLiteral("fhir/R4") << 0;
    QTest::newRow("no type before ?")
        << QStringLiteral("?family=Smith") << QStringLiteral("resource type") << 0;
    QTest::newRow("type with a space")
        << QStringLiteral("Pat ient") << QStringLiteral("not a resource type") << 3;
    QTest::newRow("type with a digit first")
        << QStringLiteral("1Patient") << QStringLiteral("not a resource type") << 0;
    QTest::newRow("slash without id")
        << QStringLiteral("Patient/") << QStringLiteral("'Patient/' needs an id") << 8;
    QTest::newRow("slash without id, then more")
        << QStringLiteral("Patient//$summary") << QStringLiteral("needs an id") << 8;
    QTest::newRow("bad id character")
        << QStringLiteral("Patient/1 2") << QStringLiteral("an id has only") << 9;
    QTest::newRow("id too long") << QStringLiteral("Patient/") + longId << QStringLiteral("64")
                                 << 72;
    QTest::newRow("history") << QStringLiteral("Patient/_history")
                             << QStringLiteral("not supported") << 8;
    QTest::newRow("instance then slash")
        << QStringLiteral("Patient/1/") << QStringLiteral("only an operation") << 10;
    QTest::newRow("instance history")
        << QStringLiteral("Patient/1/_history/2") << QStringLiteral("only an operation") << 10;
    QTest::newRow("dollar without name")
        << QStringLiteral("Patient/$") << QStringLiteral("operation name is needed") << 9;
    QTest::newRow("bad operation character")
        << QStringLiteral("$ex port") << QStringLiteral("operation name has only") << 3;
    QTest::newRow("after an operation") << QStringLiteral("Patient/1/$summary/x")
                                        << QStringLiteral("nothing may follow '$summary'") << 18;
    QTest::newRow("after metadata")
        << QStringLiteral("metadata/x") << QStringLiteral("nothing may follow") << 8;
    QTest::newRow("after a system operation")
        << QStringLiteral("$export/x") << QStringLiteral("nothing may follow") << 7;
    QTest::newRow("after _search")
        << QStringLiteral("Patient/_search/x") << QStringLiteral("nothing may follow") << 15;
    QTest::newRow("empty parameter name")
        << QStringLiteral("Patient?=Smith") << QStringLiteral("empty parameter name") << 8;
    QTest::newRow("empty name, second pair") << QStringLiteral("Patient?family=Smith&=x")
                                             << QStringLiteral("empty parameter name") << 21;
    QTest::newRow("modifier without name")
        << QStringLiteral("Patient?:exact=x") << QStringLiteral("empty parameter name") << 8;
    QTest::newRow("empty modifier")
        << QStringLiteral("Patient?family:=x") << QStringLiteral("modifier") << 15;
    QTest::newRow("no equals sign")
        << QStringLiteral("Patient?family") << QStringLiteral("needs '='") << 14;
    QTest::newRow("count not a number") << QStringLiteral("Patient?_count=ten")
                                        << QStringLiteral("_count must be a whole number") << 15;
    QTest::newRow("count negative")
        << QStringLiteral("Patient?_count=-1") << QStringLiteral("_count") << 15;
    QTest::newRow("count with a plus")
        << QStringLiteral("Patient?_count=+5") << QStringLiteral("_count") << 15;
    QTest::newRow("count too large")
        << QStringLiteral("Patient?_count=99999999999") << QStringLiteral("_count") << 15;
    QTest::newRow("count empty") << QStringLiteral("Patient?_count=") << QStringLiteral("_count")
                                 << 15;
    QTest::newRow("count twice") << QStringLiteral("Patient?_count=5&_count=6")
                                 << QStringLiteral("twice") << 17;
    QTest::newRow("count with a modifier")
        << QStringLiteral("Patient?_count:exact=5") << QStringLiteral("no modifier") << 14;
    QTest::newRow("positions count from the typed line")
        << QStringLiteral("  /Patient?=x") << QStringLiteral("empty parameter name") << 11;
}

void TestFhirRequest::lineErrorsSayWhatAndWhere()
{
    QFETCH(QString, line);
    QFETCH(QString, words);
    QFETCH(int, position);

    const Halo::FhirLineParse parsed = Halo::parseFhirLine(line);
    QVERIFY2(!parsed.request.has_value(),
             qPrintable(parsed.request ? parsed.request->toLine() : QString()));
    QVERIFY2(parsed.error.contains(words, Qt::CaseInsensitive), qPrintable(parsed.error));
    QCOMPARE(parsed.errorPosition, position);
    QVERIFY(parsed.errorPosition <= line.size());
    // Plain words, not a code.
    QVERIFY2(parsed.error.count(QLatin1Char(' ')) >= 2, qPrintable(parsed.error));
}

// ---- what is sent -----------------------------------------------------------------------------

void TestFhirRequest::relativeUrlIsPercentEncoded_data()
{
    QTest::addColumn<FhirRequest>("request");
    QTest::addColumn<QString>("url");

    QTest::newRow("apostrophe") << search(
                                       QStringLiteral("Patient"),
                                       {term(QStringLiteral("family"), QStringLiteral("O'Brien"))})
                                << QStringLiteral("Patient?family=O%27Brien");
    QTest::newRow("unicode") << search(QStringLiteral("Patient"),
                                       {term(QStringLiteral("name"), QStringLiteral("Zoë"))})
                             << QStringLiteral("Patient?name=Zo%C3%AB");
    QTest::newRow("space") << search(QStringLiteral("Patient"),
                                     {term(QStringLiteral("name"), QStringLiteral("Mai O'Brien"))})
                           << QStringLiteral("Patient?name=Mai%20O%27Brien");
    QTest::newRow("plus") << search(QStringLiteral("Patient"),
                                    {term(QStringLiteral("name"), QStringLiteral("a+b"))})
                          << QStringLiteral("Patient?name=a%2Bb");
    QTest::newRow("delimiters") << search(
                                       QStringLiteral("Patient"),
                                       {term(QStringLiteral("name"), QStringLiteral("a&b=c#d%e"))})
                                << QStringLiteral("Patient?name=a%26b%3Dc%23d%25e");
    QTest::newRow("token with system")
        << search(QStringLiteral("Patient"), {term(QStringLiteral("identifier"), kMedicare)})
        << QStringLiteral("Patient?identifier=http://ns.electronichealth.net.au/id/"
                          "medicare-number%7C29531720712");
    QTest::newRow("commas") << search(QStringLiteral("Patient"),
                                      {term(QStringLiteral("_id"), QStringLiteral("1,2"))})
                            << QStringLiteral("Patient?_id=1,2");
    QTest::newRow("prefix, modifier and count")
        << search(
               QStringLiteral("Patient"),
               {term(QStringLiteral("birthdate"), QStringLiteral("ge1970-01-01")),
                term(QStringLiteral("family"), QStringLiteral("Smith"), QStringLiteral("exact"))},
               10)
        << QStringLiteral("Patient?birthdate=ge1970-01-01&family:exact=Smith&_count=10");
    QTest::newRow("reverse chain keeps its colons")
        << search(QStringLiteral("Patient"), {term(QStringLiteral("_has"), QStringLiteral("x"),
                                                   QStringLiteral("Observation:patient:code"))})
        << QStringLiteral("Patient?_has:Observation:patient:code=x");
    QTest::newRow("POST search as GET")
        << search(QStringLiteral("Patient"),
                  {term(QStringLiteral("family"), QStringLiteral("Smith"))}, std::nullopt, true)
        << QStringLiteral("Patient?family=Smith");
    QTest::newRow("read") << read(QStringLiteral("Patient"), QStringLiteral("1"))
                          << QStringLiteral("Patient/1");
    QTest::newRow("instance operation")
        << operation(QStringLiteral("Patient"), QStringLiteral("1"), QStringLiteral("summary"))
        << QStringLiteral("Patient/1/$summary");
    QTest::newRow("system operation")
        << operation(QString(), QString(), QStringLiteral("export")) << QStringLiteral("$export");
    QTest::newRow("metadata") << capabilitiesRequest() << QStringLiteral("metadata");
}

void TestFhirRequest::relativeUrlIsPercentEncoded()
{
    QFETCH(FhirRequest, request);
    QFETCH(QString, url);

    const QString relative = request.relativeUrl();
    QCOMPARE(relative, url);
    const qsizetype question = relative.indexOf(QLatin1Char('?'));
    if (question < 0)
        return;
    QString bad;
    QVERIFY2(isValidQuery(relative.mid(question + 1), &bad), qPrintable(bad));
    // A URL parser reads back every term as typed.
    const QUrlQuery query(relative.mid(question + 1));
    QCOMPARE(query.queryItems(QUrl::FullyDecoded), expectedPairs(request));
}

void TestFhirRequest::formBodyDecodesToTheTypedValues_data()
{
    QTest::addColumn<FhirRequest>("request");
    QTest::addColumn<QString>("body"); // empty: only the decoding is checked

    QTest::newRow("plus") << search(QStringLiteral("Patient"),
                                    {term(QStringLiteral("name"), QStringLiteral("a+b"))})
                          << QStringLiteral("name=a%2Bb");
    QTest::newRow("space") << search(QStringLiteral("Patient"),
                                     {term(QStringLiteral("name"), QStringLiteral("a b"))})
                           << QStringLiteral("name=a%20b");
    QTest::newRow("ampersand and equals")
        << search(QStringLiteral("Patient"),
                  {term(QStringLiteral("name"), QStringLiteral("a&b=c"))})
        << QStringLiteral("name=a%26b%3Dc");
    QTest::newRow("lone percent") << search(QStringLiteral("Patient"),
                                            {term(QStringLiteral("name"), QStringLiteral("50%"))})
                                  << QStringLiteral("name=50%25");
    QTest::newRow("percent sequence typed literally")
        << search(QStringLiteral("Patient"),
                  {term(QStringLiteral("name"), QStringLiteral("%41 %2B"))})
        << QStringLiteral("name=%2541%20%252B");
    QTest::newRow("unicode") << search(QStringLiteral("Patient"),
                                       {term(QStringLiteral("name"), QStringLiteral("Zoë"))})
                             << QStringLiteral("name=Zo%C3%AB");
    QTest::newRow("modifier, apostrophe, count")
        << search(
               QStringLiteral("Patient"),
               {term(QStringLiteral("family"), QStringLiteral("O'Brien"), QStringLiteral("exact"))},
               5)
        << QString();
    QTest::newRow("token with system")
        << search(QStringLiteral("Patient"), {term(QStringLiteral("identifier"), kMedicare)})
        << QString();
    QTest::newRow("everything at once")
        << search(QStringLiteral("Patient"),
                  {term(QStringLiteral("given"), QStringLiteral("Zoë+Mai & O'Brien=#1 100%")),
                   term(QStringLiteral("birthdate"), QStringLiteral("ge1970-01-01")),
                   term(QStringLiteral("a+b"), QStringLiteral(""))})
        << QString();
}

void TestFhirRequest::formBodyDecodesToTheTypedValues()
{
    QFETCH(FhirRequest, request);
    QFETCH(QString, body);

    const QByteArray sent = request.form().toString(QUrl::FullyEncoded).toUtf8();
    if (!body.isEmpty())
        QCOMPARE(QString::fromUtf8(sent), body);
    QCOMPARE(decodeForm(sent), expectedPairs(request));
    QCOMPARE(request.form().queryItems(QUrl::FullyDecoded), expectedPairs(request));
}

void TestFhirRequest::canPostOnlyForTypeSearches()
{
    QVERIFY(search(QStringLiteral("Patient"), {}).canPost());
    QVERIFY(!read(QStringLiteral("Patient"), QStringLiteral("1")).canPost());
    QVERIFY(!operation(QStringLiteral("Patient"), QString(), QStringLiteral("match")).canPost());
    QVERIFY(!capabilitiesRequest().canPost());
    QVERIFY(!search(QString(), {}).canPost());
}

// ---- against the sandbox ----------------------------------------------------------------------

void TestFhirRequest::getAndPostFindTheSameResources_data()
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

void TestFhirRequest::getAndPostFindTheSameResources()
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

void TestFhirRequest::valuesReachTheServerExactlyAsTyped_data()
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

void TestFhirRequest::valuesReachTheServerExactlyAsTyped()
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

void TestFhirRequest::readsAndOperationsFromTypedLinesAreAnswered_data()
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

void TestFhirRequest::readsAndOperationsFromTypedLinesAreAnswered()
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

// ---- CapabilityStatement ----------------------------------------------------------------------

void TestFhirRequest::parsesTheSandboxCapabilityStatement()
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

void TestFhirRequest::parseReadsRestLevelParametersAndSystemOperations()
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

void TestFhirRequest::parseRefusesWhatIsNotACapabilityStatement_data()
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

void TestFhirRequest::parseRefusesWhatIsNotACapabilityStatement()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, words);
    QString error;
    QVERIFY(!FhirCapabilities::parse(json, &error));
    QVERIFY2(error.contains(words), qPrintable(error));
    QVERIFY(!FhirCapabilities::parse(json)); // no error pointer is fine
}

void TestFhirRequest::siteWithoutFhirGivesNoCapabilities()
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

void TestFhirRequest::modifiersAndPrefixesFollowFhirR4()
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

void TestFhirRequest::warningsFromCapabilities_data()
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

void TestFhirRequest::warningsFromCapabilities()
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

void TestFhirRequest::noCapabilitiesNoWarnings()
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

void TestFhirRequest::warningsPredictTheSandboxAnswer_data()
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

void TestFhirRequest::warningsPredictTheSandboxAnswer()
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

// ---- the cache --------------------------------------------------------------------------------

void TestFhirRequest::cacheStoresAndFinds()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("fhir-capabilities")); // created on demand
    FhirCapabilityCache cache(folder);
    QCOMPARE(cache.directory(), folder);
    QSignalSpy changed(&cache, &FhirCapabilityCache::changed);
    const QString key = FhirCapabilityCache::siteKeyFor(
        QStringLiteral("Stage"), QStringLiteral("https://api.example/"), kBpGuid);
    QVERIFY(!cache.find(key));

    const QDateTime fetchedAt =
        QDateTime(QDate(2025, 6, 24), QTime(10, 30, 15, 250), Qt::OffsetFromUTC, 36000);
    QString error;
    QVERIFY2(cache.store(key, handWrittenStatement(), fetchedAt, &error), qPrintable(error));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toString(), key);

    const std::optional<FhirCapabilityCache::Entry> entry = cache.find(key);
    QVERIFY(entry);
    QCOMPARE(entry->capabilities.resourceTypes(), handWrittenCapabilities().resourceTypes());
    QCOMPARE(entry->fetchedAt, fetchedAt);
    QCOMPARE(entry->fetchedAt.timeSpec(), Qt::UTC);

    // One file, which keeps the statement exactly as received.
    const QStringList files = jsonFilesIn(folder);
    QCOMPARE(files.size(), 1);
    QVERIFY2(!files.first().contains(QLatin1String("api.example")), qPrintable(files.first()));
    QFile file(QDir(folder).filePath(files.first()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject wrapper = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(!wrapper.isEmpty());
    bool keptRaw = false;
    for (const QJsonValue &value : wrapper)
        keptRaw = keptRaw || value.toString().toUtf8() == handWrittenStatement();
    QVERIFY(keptRaw);
}

void TestFhirRequest::cacheReloadsFromDisk()
{
    START_RIG(rig, sandboxOptions());
    const CallPtr call = await(rig.client.fhirGet(kBpGuid, QStringLiteral("metadata")));
    VERIFY_OK(call);

    QTemporaryDir dir;
    const QString key =
        FhirCapabilityCache::siteKeyFor(QStringLiteral("Sandbox"), rig.server.baseUrl(), kBpGuid);
    const QDateTime fetchedAt = QDateTime::currentDateTimeUtc();
    {
        FhirCapabilityCache first(dir.path());
        QString error;
        QVERIFY2(first.store(key, call->body(), fetchedAt, &error), qPrintable(error));
    }
    FhirCapabilityCache second(dir.path());
    const std::optional<FhirCapabilityCache::Entry> entry = second.find(key);
    QVERIFY(entry);
    const FhirCapabilities fresh = *FhirCapabilities::parse(call->body());
    QCOMPARE(entry->capabilities.resourceTypes(), fresh.resourceTypes());
    QCOMPARE(entry->capabilities.version, fresh.version);
    QCOMPARE(entry->capabilities.resource(QStringLiteral("Patient"))->searchParams.size(),
             fresh.resource(QStringLiteral("Patient"))->searchParams.size());
    QCOMPARE(entry->fetchedAt, fetchedAt); // to the millisecond
    QCOMPARE(entry->fetchedAt.timeSpec(), Qt::UTC);
    // Found once, then from memory: removing the file no longer matters.
    QVERIFY(QFile::remove(QDir(dir.path()).filePath(jsonFilesIn(dir.path()).first())));
    QVERIFY(second.find(key));
    QVERIFY(!FhirCapabilityCache(dir.path()).find(key));
}

void TestFhirRequest::cacheKeepsSitesApart()
{
    const QString base = QStringLiteral("https://api.example");
    const QString a = FhirCapabilityCache::siteKeyFor(QStringLiteral("Stage"), base, kBpGuid);
    QCOMPARE(FhirCapabilityCache::siteKeyFor(QStringLiteral("Stage"), base + QLatin1Char('/'),
                                             kBpGuid.toUpper()),
             a);
    const QString otherEnvironment =
        FhirCapabilityCache::siteKeyFor(QStringLiteral("Production"), base, kBpGuid);
    const QString otherBase = FhirCapabilityCache::siteKeyFor(
        QStringLiteral("Stage"), QStringLiteral("https://other.example"), kBpGuid);
    const QString otherGuid =
        FhirCapabilityCache::siteKeyFor(QStringLiteral("Stage"), base, kZedmedGuid);
    QCOMPARE(QSet<QString>({a, otherEnvironment, otherBase, otherGuid}).size(), 4);

    QTemporaryDir dir;
    FhirCapabilityCache cache(dir.path());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(cache.store(a, statementWith(QStringLiteral("Alpha")), now));
    QVERIFY(cache.store(otherEnvironment, statementWith(QStringLiteral("Beta")), now));
    QCOMPARE(jsonFilesIn(dir.path()).size(), 2);

    FhirCapabilityCache reloaded(dir.path());
    const std::optional<FhirCapabilityCache::Entry> alpha = reloaded.find(a);
    const std::optional<FhirCapabilityCache::Entry> beta = reloaded.find(otherEnvironment);
    QVERIFY(alpha && beta);
    QVERIFY(alpha->capabilities.resource(QStringLiteral("Alpha")));
    QVERIFY(!alpha->capabilities.resource(QStringLiteral("Beta")));
    QVERIFY(beta->capabilities.resource(QStringLiteral("Beta")));
    QVERIFY(!reloaded.find(otherBase));
}

void TestFhirRequest::cacheRefusesWhatIsNotACapabilityStatement()
{
    QTemporaryDir dir;
    FhirCapabilityCache cache(dir.path());
    QSignalSpy changed(&cache, &FhirCapabilityCache::changed);
    const QString key = QStringLiteral("Stage|https://api.example|") + kBpGuid;
    const QDateTime then = QDateTime::currentDateTimeUtc().addDays(-1);
    QVERIFY(cache.store(key, handWrittenStatement(), then));
    const QStringList before = jsonFilesIn(dir.path());

    for (const QByteArray &json : {kOperationOutcome, QByteArray("{not json"), QByteArray()}) {
        QString error;
        QVERIFY(!cache.store(key, json, QDateTime::currentDateTimeUtc(), &error));
        QVERIFY(!error.isEmpty());
    }
    QCOMPARE(changed.count(), 1); // only the good one
    QCOMPARE(cache.find(key)->fetchedAt, then);
    QCOMPARE(FhirCapabilityCache(dir.path()).find(key)->fetchedAt, then);
    QCOMPARE(jsonFilesIn(dir.path()), before);
}

void TestFhirRequest::cacheCountsABadFileAsAbsent_data()
{
    QTest::addColumn<QByteArray>("content"); // "@other" means: another site's valid file

    QTest::newRow("not JSON") << QByteArray("\x00\x01garbage", 9);
    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("truncated") << QByteArray(R"({"format":1,"capabilityStatement":"{\"resourceTy)");
    QTest::newRow("JSON without a statement")
        << QByteArray(R"({"format":1,"fetchedAt":"2025-01-01T00:00:00Z"})");
    QTest::newRow("statement is an OperationOutcome") << QByteArray("@outcome");
    QTest::newRow("bad date") << QByteArray("@baddate");
    QTest::newRow("another site's file") << QByteArray("@other");
}

void TestFhirRequest::cacheCountsABadFileAsAbsent()
{
    QFETCH(QByteArray, content);

    QTemporaryDir dir;
    const QString key = QStringLiteral("Stage|https://api.example|") + kBpGuid;
    const QString otherKey = QStringLiteral("Stage|https://api.example|") + kZedmedGuid;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString path;
    {
        FhirCapabilityCache cache(dir.path());
        QVERIFY(cache.store(key, handWrittenStatement(), now));
        path = QDir(dir.path()).filePath(jsonFilesIn(dir.path()).first());
        QVERIFY(cache.store(otherKey, handWrittenStatement(), now));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject wrapper = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    if (content == "@other") {
        QStringList files = jsonFilesIn(dir.path());
        files.removeAll(QFileInfo(path).fileName());
        QVERIFY(QFile::remove(path));
        QVERIFY(QFile::copy(QDir(dir.path()).filePath(files.first()), path));
    } else {
        if (content.startsWith('@')) {
            // Change one member of an otherwise good file.
            bool edited = false;
            for (auto it = wrapper.begin(); it != wrapper.end(); ++it) {
                const QString text = it.value().toString();
                if (content == "@outcome" && text.toUtf8() == handWrittenStatement()) {
                    it.value() = QString::fromUtf8(kOperationOutcome);
                    edited = true;
                }
                if (content == "@baddate" &&
                    QDateTime::fromString(text, Qt::ISODateWithMs) == now) {
                    it.value() = QStringLiteral("yesterday");
                    edited = true;
                }
            }
            QVERIFY(edited);
            content = QJsonDocument(wrapper).toJson();
        }
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(content), content.size());
        file.close();
    }

    FhirCapabilityCache fresh(dir.path());
    QVERIFY(!fresh.find(key));
    QVERIFY(fresh.find(otherKey)); // the other site's file is fine
    // A good store replaces the bad file.
    QVERIFY(fresh.store(key, handWrittenStatement(), now));
    QVERIFY(FhirCapabilityCache(dir.path()).find(key));
}

void TestFhirRequest::cacheFailedWriteKeepsTheOldFile_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("read-only folder") << QStringLiteral("read-only");
#ifdef Q_OS_UNIX
    // Works for root too, who may write into a read-only folder.
    QTest::newRow("file size limit") << QStringLiteral("size-limit");
#endif
}

void TestFhirRequest::cacheFailedWriteKeepsTheOldFile()
{
    QFETCH(QString, how);
    if (how == QLatin1String("read-only") && runningAsRoot())
        QSKIP("running as root: a read-only folder does not stop root from writing");

    QTemporaryDir dir;
    const QString key = QStringLiteral("Stage|https://api.example|") + kBpGuid;
    const QDateTime then = QDateTime::currentDateTimeUtc().addSecs(-3600);
    FhirCapabilityCache cache(dir.path());
    QVERIFY(cache.store(key, statementWith(QStringLiteral("OldType")), then));
    const QStringList files = jsonFilesIn(dir.path());
    QCOMPARE(files.size(), 1);
    QFile oldFile(QDir(dir.path()).filePath(files.first()));
    QVERIFY(oldFile.open(QIODevice::ReadOnly));
    const QByteArray oldBytes = oldFile.readAll();
    oldFile.close();

    QString error;
    bool stored = true;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (how == QLatin1String("read-only")) {
        const QFile::Permissions permissions = QFile::permissions(dir.path());
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
        stored = cache.store(key, statementWith(QStringLiteral("NewType")), now, &error);
        QVERIFY(QFile::setPermissions(dir.path(), permissions));
    } else {
#ifdef Q_OS_UNIX
        // Writes past RLIMIT_FSIZE fail with EFBIG for every user; ignore SIGXFSZ meanwhile.
        rlimit saved{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto previous = std::signal(SIGXFSZ, SIG_IGN);
        rlimit tiny = saved;
        tiny.rlim_cur = 16;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &tiny), 0);
        stored = cache.store(key, statementWith(QStringLiteral("NewType")), now, &error);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &saved), 0);
        std::signal(SIGXFSZ, previous);
#endif
    }
    QVERIFY(!stored);
    QVERIFY2(!error.isEmpty(), "a failed write is reported");

    // The file on disk is the old one, byte for byte, and no temporary file is left behind.
    QCOMPARE(jsonFilesIn(dir.path()), files);
    QVERIFY(oldFile.open(QIODevice::ReadOnly));
    QCOMPARE(oldFile.readAll(), oldBytes);
    const std::optional<FhirCapabilityCache::Entry> onDisk =
        FhirCapabilityCache(dir.path()).find(key);
    QVERIFY(onDisk);
    QVERIFY(onDisk->capabilities.resource(QStringLiteral("OldType")));
    QCOMPARE(onDisk->fetchedAt, then);
    // This session keeps what the site said last.
    QVERIFY(cache.find(key)->capabilities.resource(QStringLiteral("NewType")));
}

void TestFhirRequest::cacheReportsAFolderItCannotCreate()
{
    QTemporaryDir dir;
    const QString occupied = dir.filePath(QStringLiteral("a-file"));
    QFile blocker(occupied);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();

    FhirCapabilityCache cache(occupied + QStringLiteral("/fhir-capabilities"));
    QString error;
    QVERIFY(!cache.store(QStringLiteral("k"), handWrittenStatement(),
                         QDateTime::currentDateTimeUtc(), &error));
    QVERIFY2(error.contains(QLatin1String("fhir-capabilities")), qPrintable(error));
    QVERIFY(!FhirCapabilityCache(occupied + QStringLiteral("/fhir-capabilities"))
                 .find(QStringLiteral("k")));
}

void TestFhirRequest::cacheForgets()
{
    QTemporaryDir dir;
    FhirCapabilityCache cache(dir.path());
    const QString key = QStringLiteral("Stage|https://api.example|") + kBpGuid;
    QVERIFY(cache.store(key, handWrittenStatement(), QDateTime::currentDateTimeUtc()));
    QSignalSpy changed(&cache, &FhirCapabilityCache::changed);
    cache.forget(key);
    QCOMPARE(changed.count(), 1);
    QVERIFY(!cache.find(key));
    QVERIFY(jsonFilesIn(dir.path()).isEmpty());
    QVERIFY(FhirCapabilityCache::defaultDirectory().endsWith(QLatin1String("/fhir-capabilities")));
}

// ---- OperationOutcome issues ------------------------------------------------------------------

void TestFhirRequest::issuesAreReadFromAnOperationOutcome()
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

void TestFhirRequest::apiErrorTakesItsMessageFromTheFirstIssue()
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

QTEST_GUILESS_MAIN(TestFhirRequest)
#include "tst_fhirrequest.moc"
