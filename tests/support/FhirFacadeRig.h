// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// FhirFacade called directly (no HTTP), as the facade tests (tst_fhirfacade*.cpp) call it: the
// sample Best Practice site, Bundle and OperationOutcome readers, and FhirFacadeRig.
#include "FhirFacade.h"
#include "SampleSites.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>
#include <QtTest>

namespace FhirFacadeTesting {

using namespace Sandbox;

inline const QString MedicareSystem =
    QStringLiteral("http://ns.electronichealth.net.au/id/medicare-number");
inline const QString IhiSystem = QStringLiteral("http://ns.electronichealth.net.au/id/hi/ihi/1.0");
inline const QString MrnSystem = QStringLiteral("http://sandbox.haloexplorer.example/patient-id");

inline const SampleSite *findSite(const QString &pmsType)
{
    for (const SampleSite &site : sampleSites()) {
        if (site.pmsType == pmsType && site.scenario == SiteScenario::Online)
            return &site;
    }
    return nullptr;
}

inline QString baseFor(const SampleSite &site)
{
    return QStringLiteral("http://127.0.0.1:8123/integrator/sites/%1/fhir/R4").arg(site.guid);
}

inline QJsonObject parse(const FhirReply &reply)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(reply.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qWarning() << "not a JSON object:" << reply.body.left(200);
    return document.object();
}

inline QString linkUrl(const QJsonObject &bundle, const QString &relation)
{
    for (const QJsonValue &link : bundle.value(QStringLiteral("link")).toArray()) {
        if (link[QStringLiteral("relation")].toString() == relation)
            return link[QStringLiteral("url")].toString();
    }
    return {};
}

inline QJsonArray entries(const QJsonObject &bundle)
{
    return bundle.value(QStringLiteral("entry")).toArray();
}

inline QJsonObject resourceAt(const QJsonObject &bundle, int index)
{
    return entries(bundle).at(index)[QStringLiteral("resource")].toObject();
}

inline QStringList entryIds(const QJsonObject &bundle)
{
    QStringList ids;
    for (const QJsonValue &entry : entries(bundle))
        ids.append(entry[QStringLiteral("resource")][QStringLiteral("id")].toString());
    return ids;
}

inline QStringList names(const QJsonArray &array)
{
    QStringList result;
    for (const QJsonValue &value : array)
        result.append(value[QStringLiteral("name")].toString());
    return result;
}

inline QJsonObject capabilityResource(const QJsonObject &statement, const QString &type)
{
    const QJsonArray resources =
        statement[QStringLiteral("rest")][0][QStringLiteral("resource")].toArray();
    for (const QJsonValue &resource : resources) {
        if (resource[QStringLiteral("type")].toString() == type)
            return resource.toObject();
    }
    return {};
}

inline QJsonObject identifierWithSystem(const QJsonObject &resource, const QString &system)
{
    for (const QJsonValue &identifier : resource[QStringLiteral("identifier")].toArray()) {
        if (identifier[QStringLiteral("system")].toString() == system)
            return identifier.toObject();
    }
    return {};
}

inline bool hasFamily(const QJsonObject &resource, const QString &family)
{
    for (const QJsonValue &name : resource[QStringLiteral("name")].toArray()) {
        if (name[QStringLiteral("family")].toString() == family)
            return true;
    }
    return false;
}

// The facade under test, the sample sites it answers for, and the calls the tests make. Test
// classes derive from it (after QObject) and call findSites() from initTestCase().
class FhirFacadeRig
{
protected:
    // Call from initTestCase(): finds the sample sites (a failure skips the test functions).
    void findSites()
    {
        m_bp = findSite(QStringLiteral("BestPractice"));
        m_zedmed = findSite(QStringLiteral("Zedmed"));
        QVERIFY(m_bp);
        QVERIFY(m_zedmed);
        QVERIFY(m_bp->hasFhir());
        QVERIFY(!m_zedmed->hasFhir());
        m_base = baseFor(*m_bp);
    }

    Sandbox::FhirReply get(const QString &path, const QString &query = {})
    {
        return m_fhir.get(*m_bp, m_base, path, QUrlQuery(query));
    }

    // Follows a Bundle link the way a client would: same base, the link's query string.
    Sandbox::FhirReply follow(const QString &url)
    {
        const QUrl link(url);
        const QUrl base(m_base);
        if (link.path() != base.path() || link.host() != base.host())
            qWarning() << "link outside the FHIR base:" << url;
        return m_fhir.get(*m_bp, m_base, QString(), QUrlQuery(link));
    }

    // Every match of a search, collected by following `next` links.
    QList<QJsonObject> allMatches(const QString &path, const QString &query, qint64 *total)
    {
        QList<QJsonObject> resources;
        Sandbox::FhirReply reply = get(path, query);
        for (int guard = 0; guard < 1000; ++guard) {
            const QJsonObject bundle = parse(reply);
            if (reply.httpStatus != 200)
                return {};
            *total = bundle[QStringLiteral("total")].toInteger();
            for (const QJsonValue &entry : entries(bundle))
                resources.append(entry[QStringLiteral("resource")].toObject());
            const QString next = linkUrl(bundle, QStringLiteral("next"));
            if (next.isEmpty())
                break;
            reply = follow(next);
        }
        return resources;
    }

    void checkOutcome(const Sandbox::FhirReply &reply, int status, const QString &code,
                      const QString &textPart)
    {
        QCOMPARE(reply.httpStatus, status);
        const QJsonObject outcome = parse(reply);
        QCOMPARE(outcome[QStringLiteral("resourceType")].toString(),
                 QStringLiteral("OperationOutcome"));
        const QJsonObject issue = outcome[QStringLiteral("issue")][0].toObject();
        QCOMPARE(issue[QStringLiteral("severity")].toString(), QStringLiteral("error"));
        QCOMPARE(issue[QStringLiteral("code")].toString(), code);
        const QJsonObject details = issue[QStringLiteral("details")].toObject();
        QCOMPARE(details[QStringLiteral("coding")][0][QStringLiteral("system")].toString(),
                 QStringLiteral("http://hl7.org/fhir/dotnet-api-operation-outcome"));
        QVERIFY(!details[QStringLiteral("coding")][0][QStringLiteral("code")].toString().isEmpty());
        const QString text = details[QStringLiteral("text")].toString();
        QVERIFY2(text.contains(textPart, Qt::CaseInsensitive), qPrintable(text));
        QVERIFY(!issue.contains(QStringLiteral("diagnostics")));
    }

    Sandbox::FhirFacade m_fhir;
    const Sandbox::SampleSite *m_bp = nullptr;
    const Sandbox::SampleSite *m_zedmed = nullptr;
    QString m_base;
};

} // namespace FhirFacadeTesting
