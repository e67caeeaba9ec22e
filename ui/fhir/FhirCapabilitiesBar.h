// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

#include <optional>

#include "fhir/FhirCapabilities.h"
#include "sites/SiteRecord.h"

class QDateTime;
class QLabel;
class QPushButton;
class ProblemLabel;

namespace Halo {
enum class Asked;
class ApiCall;
class HaloApiClient;
} // namespace Halo

// What a site's FHIR facade offers, from its CapabilityStatement: taken from the cache, or read
// (GET metadata) when the cache has none and whenever the user asks again. A read the user did
// not ask for waits until the bar is shown (the FHIR tab), and is tried once. One line says what
// was read; a problem reading it is said in place below it.
class FhirCapabilitiesBar : public QWidget
{
    Q_OBJECT
public:
    FhirCapabilitiesBar(Halo::HaloApiClient *client, Halo::FhirCapabilityCache *cache,
                        QWidget *parent = nullptr);
    ~FhirCapabilitiesBar() override;

    // Another site: its predecessor's capabilities are forgotten and a reading on its way is
    // dropped.
    void setSite(const Halo::SiteRecord &site);
    void load();    // from the cache, else from the site once the bar is shown
    void refresh(); // from the site, when it offers FHIR, as the user asked
    const std::optional<Halo::FhirCapabilities> &capabilities() const { return m_capabilities; }
    QLabel *label() const { return m_label; }

signals:
    void capabilitiesChanged(); // capabilities() holds what was just read

protected:
    void showEvent(QShowEvent *event) override;

private:
    void read(Halo::Asked asked);
    void apply(const Halo::FhirCapabilities &capabilities, const QDateTime &fetchedAt);
    void dropCall();
    QString siteKey() const;

    Halo::HaloApiClient *m_client;
    Halo::FhirCapabilityCache *m_cache;
    Halo::SiteRecord m_site;
    std::optional<Halo::FhirCapabilities> m_capabilities;
    QPointer<Halo::ApiCall> m_call;
    bool m_readWanted = false; // load() found nothing cached while the bar was hidden

    QLabel *m_label;
    QPushButton *m_refresh;
    ProblemLabel *m_problem;
};
