// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include <optional>

#include "fhir/FhirNavigation.h"
#include "fhir/FhirRequest.h"
#include "fhir/FhirResponse.h"
#include "sites/SiteRecord.h"

class CallProgress;
class ProblemLabel;

namespace Halo {
class ApiCall;
class FhirCall;
class HaloApiClient;
class QueryHistory;
} // namespace Halo

// Sends the FHIR tab's requests, one at a time (the newest wins), and keeps where the user has
// been for Back and Forward, as a web browser does. What the user sends is noted in the site's
// history (the query line only, never the answer). An answer let go to bound memory is asked
// for again, the way it was asked, when the user goes back to it.
class FhirNavigator : public QObject
{
    Q_OBJECT
public:
    FhirNavigator(Halo::HaloApiClient *client, Halo::QueryHistory *history, CallProgress *progress,
                  ProblemLabel *problem, QObject *parent = nullptr);
    ~FhirNavigator() override;

    // Another site: the request on its way and the visits are dropped.
    void setSite(const Halo::SiteRecord &site);
    void setMaxBodyBytes(qint64 bytes) { m_navigation.setMaxBodyBytes(bytes); }
    const Halo::FhirNavigation &navigation() const { return m_navigation; }

    // `postChosen`: the user asked for POST; only a search can be sent so.
    void send(const Halo::FhirRequest &request, bool postChosen);
    void fetchPage(const QString &url, int page, const QString &line); // a Bundle link
    void read(const QString &relative, const QString &line);           // a reference
    // Back and Forward move to the visit returned, nullptr when there is none that way.
    const Halo::FhirNavigation::Visit *back() { return m_navigation.back(); }
    const Halo::FhirNavigation::Visit *forward() { return m_navigation.forward(); }
    // A visit whose answer was let go, asked for again: by POST when it was, and `request` (the
    // visit's line as read) can be.
    void askAgain(const Halo::FhirNavigation::Visit &visit,
                  const std::optional<Halo::FhirRequest> &request);
    void cancel(); // an answer still on its way is no longer wanted

signals:
    void navigationChanged();
    // The current visit has a new answer: `response` as the call read it (a FHIR answer), or
    // nullopt when the body has to be parsed.
    void answered(const Halo::FhirNavigation::Visit &visit,
                  const std::optional<Halo::FhirResponse> &response);

private:
    struct Pending {
        Halo::FhirNavigation::Visit visit;
        bool recordInHistory = false;
        bool replacesCurrent = false; // a dropped answer asked for again (Back, Forward)
    };

    void start(Halo::FhirCall *call, const Pending &pending, const QString &activity);
    void finished(Halo::FhirCall *call, Pending pending);

    Halo::HaloApiClient *m_client;
    Halo::QueryHistory *m_history;
    CallProgress *m_progress;
    ProblemLabel *m_problem;
    Halo::SiteRecord m_site;
    Halo::FhirNavigation m_navigation;
    QPointer<Halo::ApiCall> m_call;
};
