// SPDX-License-Identifier: GPL-3.0-or-later
// HTTP conformance of the sandbox's FHIR endpoints as the Integrator API routes them: the
// facade's own behaviour is tst_fhirfacade.
#include "ApiShapesFhir.h"
#include "FailOnWarning.h"
#include "SandboxHttp.h"

#include <QSet>

class SandboxFhirApiTest : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    // FHIR
    void fhirMetadataReturnsCapabilityStatement();
    void fhirPatientSearchReturnsSearchsetBundle();
    void fhirPostSearchMatchesGetAndKeepsSearchValuesOutOfLinks();
    void fhirNextLinksVisitEveryEntryExactlyOnce();
    void fhirUnknownSearchParameterGets400OperationOutcome();
    void fhirUnknownResourceGets404OperationOutcome();
    void fhirOnZedmedSiteGetsOperationOutcome();
    void fhirOnOfflineSiteGets503();
    void fhirOnNonAuthoritativeSiteGets403();
    void fhirDefaultPageSizeFollowsOptions();
};

// ============================================================================================
// FHIR

namespace {

QString linkUrl(const QJsonObject &bundle, const QString &relation)
{
    for (const QJsonValue &link : bundle.value(QStringLiteral("link")).toArray()) {
        if (link[QStringLiteral("relation")].toString() == relation)
            return link[QStringLiteral("url")].toString();
    }
    return QString();
}

bool isFhirJson(const HttpResult &result)
{
    const QByteArray type = result.header("Content-Type");
    return type.startsWith("application/fhir+json") || type.startsWith("application/json");
}

} // namespace

void SandboxFhirApiTest::fhirMetadataReturnsCapabilityStatement()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.get(fhirPath(onlineBp(), QStringLiteral("metadata")));
    CHECK_STATUS(result, 200);
    QVERIFY2(isFhirJson(result), result.header("Content-Type").constData());
    CHECK_SHAPE(ApiShapes::capabilityStatement(result.json()));
    bool hasPatient = false;
    for (const QJsonValue &resource :
         result.json()[QStringLiteral("rest")][0][QStringLiteral("resource")].toArray())
        hasPatient =
            hasPatient || resource[QStringLiteral("type")].toString() == QLatin1String("Patient");
    QVERIFY(hasPatient);
}

void SandboxFhirApiTest::fhirPatientSearchReturnsSearchsetBundle()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result =
        sandbox.api.get(fhirPath(onlineBp(), QStringLiteral("Patient?family=Smith")));
    CHECK_STATUS(result, 200);
    QVERIFY2(isFhirJson(result), result.header("Content-Type").constData());
    const QJsonObject bundle = result.json();
    CHECK_SHAPE(ApiShapes::searchsetBundle(bundle));
    QVERIFY(bundle.value(QStringLiteral("total")).toInt() > 0);
    const QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
    QVERIFY(!entries.isEmpty());
    for (const QJsonValue &entry : entries) {
        const QJsonObject patient = entry[QStringLiteral("resource")].toObject();
        QCOMPARE(patient.value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("Patient"));
        bool matches = false;
        for (const QJsonValue &name : patient.value(QStringLiteral("name")).toArray())
            matches = matches || name[QStringLiteral("family")].toString().startsWith(
                                     QLatin1String("Smith"), Qt::CaseInsensitive);
        QVERIFY2(matches, qPrintable(QString::fromUtf8(QJsonDocument(patient).toJson())));
    }
}

void SandboxFhirApiTest::fhirPostSearchMatchesGetAndKeepsSearchValuesOutOfLinks()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult get =
        sandbox.api.get(fhirPath(onlineBp(), QStringLiteral("Patient?family=Smith")));
    CHECK_STATUS(get, 200);
    const HttpResult post =
        sandbox.api.postBytes(fhirPath(onlineBp(), QStringLiteral("Patient/_search")),
                              "family=Smith", "application/x-www-form-urlencoded");
    CHECK_STATUS(post, 200);
    CHECK_SHAPE(ApiShapes::searchsetBundle(post.json()));
    QCOMPARE(post.json().value(QStringLiteral("total")).toInt(),
             get.json().value(QStringLiteral("total")).toInt());
    const QJsonArray links = post.json().value(QStringLiteral("link")).toArray();
    QVERIFY(!links.isEmpty());
    for (const QJsonValue &link : links) {
        const QString url = link[QStringLiteral("url")].toString();
        QVERIFY2(!url.contains(QLatin1String("smith"), Qt::CaseInsensitive), qPrintable(url));
        QVERIFY2(!url.contains(QLatin1String("family"), Qt::CaseInsensitive), qPrintable(url));
    }
}

void SandboxFhirApiTest::fhirNextLinksVisitEveryEntryExactlyOnce()
{
    START_SANDBOX(sandbox, baseOptions());
    HttpResult page =
        sandbox.api.get(fhirPath(onlineBp(), QStringLiteral("Patient?family=Smith&_count=2")));
    CHECK_STATUS(page, 200);
    const int total = page.json().value(QStringLiteral("total")).toInt();
    QVERIFY2(total > 2, "needs more than one page of Smiths");

    QStringList seen;
    int pages = 0;
    while (true) {
        ++pages;
        QVERIFY(pages <= total); // no endless loop
        const QJsonObject bundle = page.json();
        CHECK_SHAPE(ApiShapes::searchsetBundle(bundle));
        QCOMPARE(bundle.value(QStringLiteral("total")).toInt(), total);
        const QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
        QVERIFY(entries.size() <= 2);
        for (const QJsonValue &entry : entries)
            seen.append(entry[QStringLiteral("fullUrl")].toString());
        const QString next = linkUrl(bundle, QStringLiteral("next"));
        if (next.isEmpty())
            break;
        // Absolute, and on this sandbox.
        QVERIFY2(next.startsWith(sandbox.api.base() + QLatin1Char('/')), qPrintable(next));
        page = sandbox.api.get(next);
        CHECK_STATUS(page, 200);
    }
    QCOMPARE(int(seen.size()), total);
    QCOMPARE(int(QSet<QString>(seen.cbegin(), seen.cend()).size()), total);
    QCOMPARE(pages, (total + 1) / 2);
}

void SandboxFhirApiTest::fhirUnknownSearchParameterGets400OperationOutcome()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result =
        sandbox.api.get(fhirPath(onlineBp(), QStringLiteral("Patient?favouriteColour=blue")));
    CHECK_STATUS(result, 400);
    CHECK_SHAPE(ApiShapes::operationOutcome(result.json()));
}

void SandboxFhirApiTest::fhirUnknownResourceGets404OperationOutcome()
{
    START_SANDBOX(sandbox, baseOptions());
    for (const QString &rest : {QStringLiteral("Spaceship"), QStringLiteral("Spaceship?name=x"),
                                QStringLiteral("Spaceship/1")}) {
        const HttpResult result = sandbox.api.get(fhirPath(onlineBp(), rest));
        CHECK_STATUS(result, 404);
        CHECK_SHAPE(ApiShapes::operationOutcome(result.json()));
    }
}

void SandboxFhirApiTest::fhirOnZedmedSiteGetsOperationOutcome()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &zedmed = sampleSite(Sandbox::SiteScenario::Online, "Zedmed");
    for (const QString &rest :
         {QStringLiteral("metadata"), QStringLiteral("Patient?family=Smith")}) {
        const HttpResult result = sandbox.api.get(fhirPath(zedmed, rest));
        QVERIFY2(result.status >= 400 && result.status < 500,
                 qPrintable(QString::number(result.status)));
        CHECK_SHAPE(ApiShapes::operationOutcome(result.json()));
    }
}

void SandboxFhirApiTest::fhirOnOfflineSiteGets503()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.get(fhirPath(sampleSite(Sandbox::SiteScenario::Offline),
                                                       QStringLiteral("Patient?family=Smith")));
    CHECK_STATUS(result, 503);
    // The description allows an OperationOutcome or the general error here.
    if (result.json().contains(QStringLiteral("resourceType")))
        CHECK_SHAPE(ApiShapes::operationOutcome(result.json()));
    else
        CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 503));
}

void SandboxFhirApiTest::fhirOnNonAuthoritativeSiteGets403()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.get(
        fhirPath(sampleSite(Sandbox::SiteScenario::NonAuthoritative), QStringLiteral("metadata")));
    CHECK_STATUS(result, 403);
    QVERIFY(result.isJsonObject());
}

void SandboxFhirApiTest::fhirDefaultPageSizeFollowsOptions()
{
    Sandbox::SandboxOptions options = baseOptions();
    options.fhirPageSize = 2;
    START_SANDBOX(sandbox, options);
    const HttpResult result =
        sandbox.api.get(fhirPath(onlineBp(), QStringLiteral("Patient?family=Smith")));
    CHECK_STATUS(result, 200);
    QVERIFY(result.json().value(QStringLiteral("total")).toInt() > 2);
    QCOMPARE(result.json().value(QStringLiteral("entry")).toArray().size(), 2);
}

QTEST_GUILESS_MAIN(SandboxFhirApiTest)
#include "tst_sandboxapi_fhir.moc"
