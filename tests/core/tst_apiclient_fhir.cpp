// SPDX-License-Identifier: GPL-3.0-or-later
// HaloApiClient's FHIR calls against a real sandbox on loopback: the CapabilityStatement, a
// search by GET and by POST (search values out of the URL), a Bundle's absolute next link, and
// an absolute URL off the site's FHIR base refused before anything is sent.
#include "ApiClientRig.h"
#include "FailOnWarning.h"
#include "api/HaloApiClient.h"
#include "net/ApiCall.h"
#include "net/RequestLog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>
#include <QtTest>

namespace {

QJsonObject bundleLink(const QJsonObject &bundle, const QString &relation)
{
    for (const QJsonValue &link : bundle.value(QLatin1String("link")).toArray()) {
        if (link.toObject().value(QLatin1String("relation")).toString() == relation)
            return link.toObject();
    }
    return {};
}

QStringList familyNames(const QJsonObject &bundle)
{
    QStringList names;
    for (const QJsonValue &entry : bundle.value(QLatin1String("entry")).toArray()) {
        const QJsonArray name = entry.toObject()
                                    .value(QLatin1String("resource"))
                                    .toObject()
                                    .value(QLatin1String("name"))
                                    .toArray();
        names.append(name.first().toObject().value(QLatin1String("family")).toString());
    }
    return names;
}

} // namespace

class TestApiClientFhir : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void fhirGetMetadataReturnsTheCapabilityStatement();
    void fhirGetSearchFindsPatientsByFamilyName();
    void fhirGetFollowsAnAbsoluteBundleNextLink();
    void fhirSearchKeepsSearchValuesOutOfTheUrl();
    void fhirGetRefusesAnAbsoluteUrlElsewhereWithoutSending();
};

void TestApiClientFhir::fhirGetMetadataReturnsTheCapabilityStatement()
{
    START_RIG(rig, sandboxOptions());
    const CallPtr call = await(rig.client.fhirGet(onlineBp().guid, QStringLiteral("metadata")));
    VERIFY_OK(call);
    QCOMPARE(call->url(), QUrl(rig.server.baseUrl() + QStringLiteral("/integrator/sites/") +
                               onlineBp().guid + QStringLiteral("/fhir/R4/metadata")));
    const QJsonObject statement = call->jsonObject();
    QCOMPARE(statement.value(QLatin1String("resourceType")).toString(),
             QStringLiteral("CapabilityStatement"));
    QCOMPARE(statement.value(QLatin1String("fhirVersion")).toString(), QStringLiteral("4.0.1"));
}

void TestApiClientFhir::fhirGetSearchFindsPatientsByFamilyName()
{
    START_RIG(rig, sandboxOptions());
    const CallPtr call =
        await(rig.client.fhirGet(onlineBp().guid, QStringLiteral("Patient?family=Smith")));
    VERIFY_OK(call);
    QCOMPARE(QUrlQuery(call->url()).queryItemValue(QStringLiteral("family")),
             QStringLiteral("Smith"));
    const QJsonObject bundle = call->jsonObject();
    QCOMPARE(bundle.value(QLatin1String("resourceType")).toString(), QStringLiteral("Bundle"));
    QCOMPARE(bundle.value(QLatin1String("type")).toString(), QStringLiteral("searchset"));
    const QStringList families = familyNames(bundle);
    QVERIFY(!families.isEmpty());
    QCOMPARE(bundle.value(QLatin1String("total")).toInt(), families.size());
    for (const QString &family : families)
        QCOMPARE(family, QStringLiteral("Smith"));
}

void TestApiClientFhir::fhirGetFollowsAnAbsoluteBundleNextLink()
{
    START_RIG(rig, sandboxOptions());
    const QString guid = onlineBp().guid;
    const CallPtr first =
        await(rig.client.fhirGet(guid, QStringLiteral("Patient?family=Smith&_count=2")));
    VERIFY_OK(first);
    const QJsonObject page1 = first->jsonObject();
    QCOMPARE(entryIds(page1).size(), 2);
    QVERIFY(page1.value(QLatin1String("total")).toInt() > 2);
    const QString next =
        bundleLink(page1, QStringLiteral("next")).value(QLatin1String("url")).toString();
    QVERIFY2(next.startsWith(rig.server.baseUrl() + QLatin1Char('/')), qPrintable(next));

    const CallPtr second = await(rig.client.fhirGet(guid, next));
    VERIFY_OK(second);
    QCOMPARE(second->url(), QUrl(next));
    const QJsonObject page2 = second->jsonObject();
    QCOMPARE(page2.value(QLatin1String("resourceType")).toString(), QStringLiteral("Bundle"));
    const QStringList ids2 = entryIds(page2);
    QVERIFY(!ids2.isEmpty());
    for (const QString &id : ids2)
        QVERIFY2(!entryIds(page1).contains(id), qPrintable(id));
    for (const QString &family : familyNames(page2))
        QCOMPARE(family, QStringLiteral("Smith"));
}

void TestApiClientFhir::fhirSearchKeepsSearchValuesOutOfTheUrl()
{
    START_RIG(rig, sandboxOptions());
    const QString guid = onlineBp().guid;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("family"), QStringLiteral("Smith"));
    form.addQueryItem(QStringLiteral("_count"), QStringLiteral("50"));
    const CallPtr call = await(rig.client.fhirSearch(guid, QStringLiteral("Patient"), form));
    VERIFY_OK(call);
    const QJsonObject bundle = call->jsonObject();
    QCOMPARE(bundle.value(QLatin1String("resourceType")).toString(), QStringLiteral("Bundle"));
    QVERIFY(!familyNames(bundle).isEmpty());
    for (const QString &family : familyNames(bundle))
        QCOMPARE(family, QStringLiteral("Smith"));

    const QList<Halo::LoggedExchange> &log = rig.client.requestLog()->exchanges();
    QCOMPARE(log.size(), 1);
    const Halo::LoggedExchange &exchange = log.first();
    QCOMPARE(exchange.method, QByteArray("POST"));
    QVERIFY2(exchange.url.path().endsWith(QLatin1String("/fhir/R4/Patient/_search")),
             qPrintable(exchange.url.toString()));
    QVERIFY(!exchange.url.hasQuery());
    QVERIFY(!exchange.url.toString().contains(QLatin1String("Smith")));
    QVERIFY(exchange.requestBody.contains("family=Smith"));
    bool formContentType = false;
    for (const auto &header : exchange.requestHeaders) {
        if (header.first.compare("Content-Type", Qt::CaseInsensitive) == 0)
            formContentType = header.second == "application/x-www-form-urlencoded";
    }
    QVERIFY(formContentType);
}

void TestApiClientFhir::fhirGetRefusesAnAbsoluteUrlElsewhereWithoutSending()
{
    START_RIG(rig, sandboxOptions());
    RawRecorder elsewhere;
    QVERIFY(elsewhere.listen());
    const QString guid = onlineBp().guid;
    const QString foreign = QStringLiteral("http://localhost:%1/integrator/sites/%2/fhir/R4/"
                                           "Patient?_getpages=abc")
                                .arg(elsewhere.port())
                                .arg(guid);
    // Same host, but outside the FHIR base.
    const QString outside = rig.server.baseUrl() + QStringLiteral("/integrator/sites/") + guid;

    for (const QString &target : {foreign, outside}) {
        const CallPtr call = await(rig.client.fhirGet(guid, target));
        VERIFY_FINISHED(call);
        QCOMPARE(call->error().kind, Kind::Redirect);
        QCOMPARE(call->attempts(), 0);
        QVERIFY(!call->error().explanation().isEmpty());
    }
    QCOMPARE(elsewhere.connections, 0);
    QVERIFY(elsewhere.bytes.isEmpty());
    QVERIFY(rig.client.requestLog()->exchanges().isEmpty());
}

QTEST_GUILESS_MAIN(TestApiClientFhir)
#include "tst_apiclient_fhir.moc"
