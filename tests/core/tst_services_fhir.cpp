// SPDX-License-Identifier: GPL-3.0-or-later
// FhirService against a real sandbox on loopback: GET or POST by destination, a search posted
// on Production, a PMS without FHIR refused before any FHIR request, Bundle links followed.
#include "FailOnWarning.h"
#include "ServicesRig.h"
#include "api/HaloApiClient.h"
#include "net/RequestLog.h"
#include "services/FhirService.h"

#include <QSignalSpy>
#include <QtTest>

using Halo::FhirMethod;
using Halo::FhirService;

namespace {

Halo::Endpoint endpointOf(Halo::Environment environment)
{
    return {environment, QUrl(QStringLiteral("https://api.example.net"))};
}

} // namespace

class TestServicesFhir : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void choosesGetOrPostByDestination();
    void postsASearchOnProduction();
    void refusesASiteWithoutFhirBeforeAnyFhirRequest();
    void followsABundlesNextLink();
};

void TestServicesFhir::choosesGetOrPostByDestination()
{
    using Halo::Environment;
    const QString search = QStringLiteral("Patient?family=Smith&_count=5");
    const auto plan = [](const QString &line, FhirMethod method, Environment environment) {
        return FhirService::plan(line, method, endpointOf(environment));
    };
    QVERIFY(FhirService::postByDefault(endpointOf(Environment::Production)));
    for (Environment other : {Environment::Stage, Environment::Sandbox, Environment::Custom})
        QVERIFY(!FhirService::postByDefault(endpointOf(other)));

    const Halo::FhirPlan onProduction = plan(search, FhirMethod::Default, Environment::Production);
    QVERIFY(onProduction.isSendable());
    QVERIFY(onProduction.post);
    QCOMPARE(onProduction.request->resourceType, QStringLiteral("Patient"));
    QVERIFY(!plan(search, FhirMethod::Default, Environment::Stage).post);
    QVERIFY(!plan(search, FhirMethod::Get, Environment::Production).post);
    QVERIFY(plan(search, FhirMethod::Post, Environment::Sandbox).post);
    // "_search" typed means POST anywhere; a read is always GET.
    QVERIFY(plan(QStringLiteral("Patient/_search?family=Smith"), FhirMethod::Default,
                 Environment::Sandbox)
                .post);
    const Halo::FhirPlan read =
        plan(QStringLiteral("Patient/1"), FhirMethod::Default, Environment::Production);
    QVERIFY(!read.post);
    QCOMPARE(read.relative, QStringLiteral("Patient/1"));
    QVERIFY(
        !plan(QStringLiteral("Patient/1"), FhirMethod::Post, Environment::Sandbox).isSendable());
    QVERIFY(!plan(QStringLiteral("  "), FhirMethod::Default, Environment::Sandbox).isSendable());
    // A Bundle's link goes as it is, by GET.
    const QString link = QStringLiteral("https://api.example.net/integrator/sites/x/fhir/R4/"
                                        "Patient?_page=2");
    const Halo::FhirPlan linkPlan = plan(link, FhirMethod::Default, Environment::Production);
    QVERIFY(!linkPlan.post);
    QCOMPARE(linkPlan.relative, link);
}

void TestServicesFhir::postsASearchOnProduction()
{
    START_RIG(rig, options());
    // The sandbox stands in for Production: what matters is what the service chooses.
    rig.client.setEndpoint({Halo::Environment::Production, QUrl(rig.server.baseUrl())});
    FhirService service(&rig.client);
    QSignalSpy answered(&service, &FhirService::answered);
    const QString line = QStringLiteral("Patient?family=Smith");
    service.send(kHarbourside, FhirService::plan(line, FhirMethod::Default, rig.client.endpoint()));
    QVERIFY(answered.wait(kWaitMs));
    const Halo::LoggedExchange &search = rig.client.requestLog()->exchanges().last();
    QCOMPARE(search.method, QByteArray("POST"));
    QVERIFY(search.url.path().endsWith(QLatin1String("/fhir/R4/Patient/_search")));
    QVERIFY(search.requestBody.contains("family=Smith"));
    QVERIFY(!search.url.toString().contains(QLatin1String("Smith")));
    QCOMPARE(answered.first().at(0).value<Halo::FhirResponse>().kind,
             Halo::FhirResponse::Kind::Bundle);

    service.send(kHarbourside, FhirService::plan(line, FhirMethod::Get, rig.client.endpoint()));
    QVERIFY(answered.wait(kWaitMs));
    QCOMPARE(rig.client.requestLog()->exchanges().last().method, QByteArray("GET"));
    QVERIFY(rig.client.requestLog()->exchanges().last().url.query().contains(
        QLatin1String("family=Smith")));
}

void TestServicesFhir::refusesASiteWithoutFhirBeforeAnyFhirRequest()
{
    START_RIG(rig, options());
    FhirService service(&rig.client);
    QSignalSpy refused(&service, &FhirService::refused);
    QSignalSpy answered(&service, &FhirService::answered);
    const Halo::FhirPlan plan = FhirService::plan(QStringLiteral("Patient?family=Smith"),
                                                  FhirMethod::Default, rig.client.endpoint());
    // Its PMS is learnt from its status.
    service.send(kWattleGrove, plan);
    QVERIFY(refused.wait(kWaitMs));
    const QString message = refused.first().at(0).toString();
    QVERIFY2(message.contains(QLatin1String("Wattle Grove Medical Clinic has no FHIR API.")),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Best Practice")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Zedmed")), qPrintable(message));
    QCOMPARE(requestsTo(rig.client, QStringLiteral("/fhir/")), 0);
    QCOMPARE(rig.client.requestLog()->exchanges().size(), 1); // the status only

    // Known from the caller's records: not even the status is read again.
    FhirService known(&rig.client);
    known.rememberSite(kWattleGrove, QStringLiteral("Zedmed"), QStringLiteral("Wattle Grove"));
    QSignalSpy refusedAgain(&known, &FhirService::refused);
    known.send(kWattleGrove, plan);
    QVERIFY(refusedAgain.wait(kWaitMs));
    QCOMPARE(rig.client.requestLog()->exchanges().size(), 1);
    QCOMPARE(answered.size(), 0);
}

void TestServicesFhir::followsABundlesNextLink()
{
    START_RIG(rig, options());
    FhirService service(&rig.client);
    QSignalSpy answered(&service, &FhirService::answered);
    service.send(kHarbourside, FhirService::plan(QStringLiteral("Patient?_count=2"),
                                                 FhirMethod::Default, rig.client.endpoint()));
    QVERIFY(answered.wait(kWaitMs));
    const auto first = answered.first().at(0).value<Halo::FhirResponse>();
    QCOMPARE(first.entries.size(), 2);
    const QString next = first.link(QStringLiteral("next"));
    QVERIFY(!next.isEmpty());
    // The first page has no previous page: nothing to follow, nothing sent.
    const auto sentBefore = rig.client.requestLog()->exchanges().size();
    QVERIFY(!service.followLink(kHarbourside, first, QStringLiteral("previous")));
    QCOMPARE(rig.client.requestLog()->exchanges().size(), sentBefore);

    QVERIFY(service.followLink(kHarbourside, first, QStringLiteral("next")));
    QVERIFY(answered.wait(kWaitMs));
    const auto second = answered.at(1).at(0).value<Halo::FhirResponse>();
    QCOMPARE(second.entries.size(), 2);
    QVERIFY(second.entries.first().id != first.entries.first().id);
    const QUrl asked = rig.client.requestLog()->exchanges().last().url;
    QCOMPARE(asked.path(), QUrl(next).path());
    QCOMPARE(asked.query(QUrl::FullyDecoded), QUrl(next).query(QUrl::FullyDecoded));
    QVERIFY(!second.link(QStringLiteral("previous")).isEmpty());

    // A link off the site's FHIR base is refused without a request: the key stays home.
    Halo::FhirResponse elsewhere = first;
    elsewhere.links = {{QStringLiteral("next"), QStringLiteral("https://evil.example/fhir")}};
    QSignalSpy failed(&service, &FhirService::failed);
    QVERIFY(service.followLink(kHarbourside, elsewhere, QStringLiteral("next")));
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.first().at(0).value<Halo::ApiError>().kind, Halo::ApiError::Kind::Redirect);
    QCOMPARE(failed.size(), 1);
}

QTEST_GUILESS_MAIN(TestServicesFhir)
#include "tst_services_fhir.moc"
