// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/FhirCalls.h"

#include "api/ApiPaths.h"

namespace Halo {

namespace {

QUrl getUrl(const QUrl &base, const QString &relative)
{
    if (relative.startsWith(QLatin1String("http://")) ||
        relative.startsWith(QLatin1String("https://")))
        return QUrl(relative, QUrl::StrictMode);
    QString path = relative;
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    QUrl url = base;
    url.setPath(base.path() + QLatin1Char('/') + (question < 0 ? path : path.left(question)));
    if (question >= 0)
        url.setQuery(path.mid(question + 1), QUrl::TolerantMode);
    return url;
}

bool isOnBase(const QUrl &url, const QUrl &base)
{
    return url.isValid() && url.scheme() == base.scheme() && url.host() == base.host() &&
           url.port() == base.port() && url.path().startsWith(base.path());
}

CallTarget absolute(const QUrl &url)
{
    CallTarget target;
    target.absoluteUrl = url;
    return target;
}

QUrl searchUrl(const QUrl &base, const QString &resource)
{
    QUrl url = base;
    url.setPath(url.path() + QLatin1Char('/') + ApiPaths::segment(resource) +
                QStringLiteral("/_search"));
    return url;
}

} // namespace

FhirCall::FhirCall(const QUrl &fhirBase, const QString &relative)
    : ApiCall("GET", absolute(getUrl(fhirBase, relative)), RequestSafety::Idempotent)
{
    const QUrl url = getUrl(fhirBase, relative);
    if (!isOnBase(url, fhirBase))
        m_refusal =
            ApiError::ofKind(ApiError::Kind::Redirect, url.adjusted(QUrl::RemoveQuery).toString());
}

FhirCall::FhirCall(const QUrl &fhirBase, const QString &resource, const QUrlQuery &form)
    // A _search changes nothing: safe to send again.
    : ApiCall("POST", absolute(searchUrl(fhirBase, resource)), RequestSafety::Idempotent,
              form.toString(QUrl::FullyEncoded).toUtf8(), ApiPaths::kForm)
{}

ApiError FhirCall::read(const QByteArray &body, FhirResponse &response)
{
    response = FhirResponse::parse(body);
    if (response.kind != FhirResponse::Kind::NotFhir)
        return ApiError();
    if (response.prettyJson.isEmpty())
        return ApiError::notJson(body);
    return ApiError::badAnswer(tr("the answer is JSON but not a FHIR resource"));
}

ApiError FhirCall::readAnswer(const QByteArray &body)
{
    return read(body, m_response);
}

ApiCall::DetachedReader FhirCall::detachedReader()
{
    return readerInto(&m_response, &FhirCall::read);
}

void FhirCall::readErrorAnswer(const QByteArray &body)
{
    m_response = FhirResponse::parse(body);
}

} // namespace Halo
