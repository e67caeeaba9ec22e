// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include "fhir/FhirResponse.h"
#include "net/ApiCall.h"

namespace Halo {

// A FHIR R4 request to one site: GET of a resource, a search or a Bundle's link, or a POST
// _search. The answer (a resource, a Bundle or an OperationOutcome) is parsed on a worker.
class FhirCall : public ApiCall
{
    Q_OBJECT
public:
    // GET {fhirBase}/{relative}, e.g. "Patient?family=Smith" or "metadata". An absolute URL (a
    // Bundle's next link) is accepted only on the same FHIR base, so the key never leaves it.
    FhirCall(const QUrl &fhirBase, const QString &relative);
    // POST {fhirBase}/{resource}/_search with a form-encoded body: search values stay out of
    // the URL (and out of proxy logs).
    FhirCall(const QUrl &fhirBase, const QString &resource, const QUrlQuery &form);

    // Why this call must not be sent (a link off the FHIR base); no error when it may be.
    ApiError refusal() const { return m_refusal; }
    // The answer read, error answers too (they carry an OperationOutcome); kind NotFhir when
    // there was none or it was not FHIR (then the call failed, and body() has what came).
    FhirResponse response() const { return m_response; }

protected:
    ApiError readAnswer(const QByteArray &body) override;
    bool readsAnswerOffThread() const override { return true; }
    void readErrorAnswer(const QByteArray &body) override;
    DetachedReader detachedReader() override;

private:
    static ApiError read(const QByteArray &body, FhirResponse &response);
    ApiError m_refusal;
    FhirResponse m_response;
};

} // namespace Halo
