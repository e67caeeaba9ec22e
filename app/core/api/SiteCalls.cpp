// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/SiteCalls.h"

#include "api/AnswerReading.h"
#include "api/ApiPaths.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrl>

namespace Halo {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Halo::SiteCalls)
};

QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

CallTarget pmsTarget(const QString &path, const QString &pmsId, const QString &pmsName)
{
    CallTarget target;
    target.path = path;
    target.query.addQueryItem(QStringLiteral("practiceManagementSiteId"), encoded(pmsId.trimmed()));
    target.query.addQueryItem(QStringLiteral("practiceManagementName"), encoded(pmsName));
    return target;
}

// A Site answer: the spec makes no field required, but an empty object describes no site.
ApiError readSite(const QByteArray &body, SiteInfo *site)
{
    QJsonObject json;
    if (const ApiError error = AnswerReading::readObject(body, &json); error.isError())
        return error;
    if (json.isEmpty())
        return ApiError::badAnswer(Text::tr("no site in the answer"));
    *site = SiteInfo::fromJson(json);
    return ApiError();
}

CallTarget pairTarget(const QString &pmsId, const QString &pmsName, const QString &pairingCode)
{
    CallTarget target = pmsTarget(QStringLiteral("/integrator/pair-site"), pmsId, pmsName);
    if (!pairingCode.trimmed().isEmpty())
        target.query.addQueryItem(QStringLiteral("pairingCode"), encoded(pairingCode.trimmed()));
    return target;
}

} // namespace

FindSitesCall::FindSitesCall(const QString &pmsId, const QString &pmsName)
    : ApiCall("GET", pmsTarget(QStringLiteral("/integrator/sites"), pmsId, pmsName),
              RequestSafety::Idempotent)
{}

ApiError FindSitesCall::readAnswer(const QByteArray &body)
{
    QJsonObject json;
    if (const ApiError error = AnswerReading::readObject(body, &json); error.isError())
        return error;
    const QJsonValue list = json.value(QLatin1String("sites"));
    if (!list.isArray())
        return ApiError::badAnswer(Text::tr("no “sites” list in the answer"));
    QList<SiteInfo> sites;
    for (const QJsonValue &entry : list.toArray()) {
        if (!entry.isObject())
            return ApiError::badAnswer(Text::tr("an entry of “sites” is not a site"));
        sites.append(SiteInfo::fromJson(entry.toObject()));
    }
    m_sites = sites;
    return ApiError();
}

SiteStatusCall::SiteStatusCall(const QString &guid)
    : ApiCall("GET", ApiPaths::site(guid), RequestSafety::Idempotent)
{}

ApiError SiteStatusCall::readAnswer(const QByteArray &body)
{
    return readSite(body, &m_site);
}

PairSiteCall::PairSiteCall(const QString &pmsId, const QString &pmsName, const QString &pairingCode)
    : ApiCall("POST", pairTarget(pmsId, pmsName, pairingCode), RequestSafety::QueryPost)
{}

ApiError PairSiteCall::readAnswer(const QByteArray &body)
{
    return readSite(body, &m_site);
}

} // namespace Halo
