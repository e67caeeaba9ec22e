// SPDX-License-Identifier: GPL-3.0-or-later
#include "FhirCapabilitiesBar.h"

#include "api/HaloApiClient.h"
#include "net/ApiCall.h"
#include "services/FhirService.h"
#include "widgets/ProblemLabel.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

FhirCapabilitiesBar::FhirCapabilitiesBar(Halo::HaloApiClient *client,
                                         Halo::FhirCapabilityCache *cache, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_cache(cache)
    , m_label(new QLabel(this))
    , m_refresh(new QPushButton(tr("Refresh c&apabilities"), this))
    , m_problem(new ProblemLabel(tr("FHIR capabilities problem"), this))
{
    m_label->setObjectName(QStringLiteral("fhirCapabilities"));
    m_label->setAccessibleName(tr("FHIR capabilities"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_refresh->setAccessibleName(tr("Refresh capabilities"));
    m_refresh->setToolTip(tr("Reads the site's CapabilityStatement (metadata) again"));
    connect(m_refresh, &QPushButton::clicked, this, &FhirCapabilitiesBar::refresh);

    auto *row = new QHBoxLayout;
    row->addWidget(m_label, 1);
    row->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_problem);
}

FhirCapabilitiesBar::~FhirCapabilitiesBar()
{
    if (m_call)
        m_call->disconnect(this);
}

void FhirCapabilitiesBar::setSite(const Halo::SiteRecord &site)
{
    const bool sameSite = m_site.sameSite(site);
    m_site = site;
    if (sameSite)
        return;
    dropCall();
    m_readWanted = false;
    m_problem->clearProblem();
    m_capabilities.reset();
}

void FhirCapabilitiesBar::load()
{
    if (const auto cached = m_cache->find(siteKey())) {
        m_readWanted = false;
        apply(cached->capabilities, cached->fetchedAt);
        return;
    }
    // Choosing a site asks nothing for a tab nobody is looking at.
    m_readWanted = true;
    if (isVisible())
        read(Halo::Asked::ByView);
    else
        m_label->setText(tr("The site's capabilities are read when this tab is shown."));
}

void FhirCapabilitiesBar::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_readWanted && !m_call)
        read(Halo::Asked::ByView);
}

void FhirCapabilitiesBar::refresh()
{
    read(Halo::Asked::ByUser);
}

void FhirCapabilitiesBar::read(Halo::Asked asked)
{
    if (!Halo::FhirService::offersFhir(m_site.pmsType) || m_site.guid.isEmpty())
        return;
    m_readWanted = false;
    dropCall();
    m_problem->clearProblem();
    m_label->setText(tr("Reading the site's CapabilityStatement…"));
    Halo::ApiCall *call = m_client->fhirGet(m_site.guid, QStringLiteral("metadata"), asked);
    m_call = call;
    const QString key = siteKey();
    connect(call, &Halo::ApiCall::finished, this, [this, call, key]() {
        m_call = nullptr;
        if (key != siteKey())
            return;
        if (!call->ok()) {
            m_label->setText(tr("This site's capabilities are not known: types and "
                                "parameters can still be typed."));
            m_problem->showError(call->error());
            return;
        }
        // The cache reads the answer: it keeps a CapabilityStatement in memory even when the
        // disk write fails, and nothing else.
        QString error;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const bool saved = m_cache->store(key, call->body(), now, &error);
        const auto entry = m_cache->find(key);
        if (!entry || entry->fetchedAt != now) {
            m_label->setText(tr("The answer to metadata was not a CapabilityStatement."));
            m_problem->showProblem(tr("Capabilities unreadable"), error);
            return;
        }
        if (!saved)
            m_problem->showNote(
                tr("The capabilities could not be cached (%1); they are used for now.").arg(error));
        apply(entry->capabilities, entry->fetchedAt);
    });
}

void FhirCapabilitiesBar::apply(const Halo::FhirCapabilities &capabilities,
                                const QDateTime &fetchedAt)
{
    m_capabilities = capabilities;
    QStringList parts;
    parts << tr("FHIR %1").arg(capabilities.fhirVersion.isEmpty() ? tr("(version not stated)")
                                                                  : capabilities.fhirVersion);
    if (!capabilities.softwareName.isEmpty())
        parts << QStringLiteral("%1 %2")
                     .arg(capabilities.softwareName, capabilities.softwareVersion)
                     .trimmed();
    if (!capabilities.version.isEmpty() && capabilities.version != capabilities.softwareVersion)
        parts << tr("version %1").arg(capabilities.version);
    parts << (capabilities.resources.size() == 1
                  ? tr("1 resource type")
                  : tr("%1 resource types").arg(capabilities.resources.size()));
    parts << tr("read %1").arg(QLocale().toString(fetchedAt.toLocalTime(), QLocale::ShortFormat));
    m_label->setText(parts.join(QStringLiteral(" · ")));
    emit capabilitiesChanged();
}

void FhirCapabilitiesBar::dropCall()
{
    if (!m_call)
        return;
    m_call->disconnect(this);
    m_call->cancel();
}

QString FhirCapabilitiesBar::siteKey() const
{
    return Halo::FhirCapabilityCache::siteKeyFor(m_site.environment, m_site.baseUrl, m_site.guid);
}
