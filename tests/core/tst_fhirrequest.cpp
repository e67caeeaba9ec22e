// SPDX-License-Identifier: GPL-3.0-or-later
// The FHIR tab's request model: the query line and the form as two views of one FhirRequest, and
// the URL and form encodings it sends. What a sandbox makes of them is tst_fhirrequest_sandbox;
// the CapabilityStatement is tst_fhircapabilities and tst_fhircapabilitycache.
#include "FailOnWarning.h"
#include "FhirRequests.h"

#include <QUrl>
#include <QUrlQuery>

#include <cctype>

namespace {

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

} // namespace

class TestFhirRequest : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
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

QTEST_GUILESS_MAIN(TestFhirRequest)
#include "tst_fhirrequest.moc"
