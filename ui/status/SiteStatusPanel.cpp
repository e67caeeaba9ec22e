// SPDX-License-Identifier: GPL-3.0-or-later
#include "SiteStatusPanel.h"

#include "ReResolveDialog.h"
#include "SiteReportSaver.h"
#include "api/HaloApiClient.h"
#include "net/ApiError.h"
#include "services/SiteService.h"
#include "sites/HeartbeatText.h"
#include "sites/SiteStore.h"
#include "widgets/AccessibleControls.h"
#include "widgets/ProblemLabel.h"
#include "widgets/ThemeColours.h"

#include <QAccessible>
#include <QCoreApplication>
#include <QDir>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace {

constexpr int kClockIntervalMs = 15000; // how often "last heard N minutes ago" is recomputed

QString notReported()
{
    return SiteStatusPanel::tr("Not reported");
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : notReported();
}

QString orNotReported(const QString &text)
{
    return text.trimmed().isEmpty() ? notReported() : text.trimmed();
}

QString statusText(const QString &status)
{
    if (status == QLatin1String("active"))
        return SiteStatusPanel::tr("Active");
    if (status == QLatin1String("initialising"))
        return SiteStatusPanel::tr("Initialising — Halo Link is still being set up");
    if (status == QLatin1String("removed"))
        return SiteStatusPanel::tr("Removed — this install has been removed");
    if (status == QLatin1String("uninstalled"))
        return SiteStatusPanel::tr("Uninstalled — Halo Link was uninstalled from this server");
    return orNotReported(status);
}

QString cataloguesText(const QList<Halo::SiteInfo::Catalogue> &catalogues)
{
    QStringList names;
    for (const Halo::SiteInfo::Catalogue &catalogue : catalogues)
        names.append(catalogue.isDefault ? SiteStatusPanel::tr("%1 (default)").arg(catalogue.name)
                                         : catalogue.name);
    return names.isEmpty() ? notReported() : names.join(QStringLiteral(", "));
}

QString authoritativeText(const Halo::SiteInfo &site)
{
    if (!site.authoritativeKnown)
        return notReported();
    return site.authoritative
               ? SiteStatusPanel::tr("Yes — integrations may connect to this install")
               : SiteStatusPanel::tr("No — another install now serves this practice; queries to "
                                     "this GUID are refused (403)");
}

// Availability is never told by colour alone: a symbol and words come with it.
struct AvailabilityLook {
    QString symbol;
    QColor colour;
    QString consequence;
};

AvailabilityLook lookOf(Halo::SiteInfo::Availability availability, const QPalette &palette)
{
    using Availability = Halo::SiteInfo::Availability;
    switch (availability) {
    case Availability::Online:
        return {QStringLiteral("●"), ThemeColours::good(palette), QString()};
    case Availability::Offline:
        return {QStringLiteral("✖"), ThemeColours::bad(palette),
                SiteStatusPanel::tr("Halo has not heard from Halo Link: queries fail until the "
                                    "practice's server is back.")};
    case Availability::Unreachable:
        return {QStringLiteral("▲"), ThemeColours::warning(palette),
                SiteStatusPanel::tr("Halo Link has not answered lately: immediate queries may "
                                    "time out.")};
    case Availability::Unknown:
        break;
    }
    return {QStringLiteral("?"), ThemeColours::muted(palette), QString()};
}

using AccessibleControls::makeSelectable;

void setForeground(QLabel *label, const QColor &colour)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, colour);
    label->setPalette(palette);
}

void setBold(QWidget *widget, bool bold)
{
    QFont font = widget->font();
    font.setBold(bold);
    widget->setFont(font);
}

// Field labels as compareIdentity() names them, so its differences match the rows here.
QString identityField(const char *field)
{
    return QCoreApplication::translate("Halo::SiteRecord", field);
}

} // namespace

SiteStatusPanel::SiteStatusPanel(Halo::HaloApiClient *client, Halo::SiteStore *store,
                                 QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_store(store)
    , m_service(new Halo::SiteService(client, this))
    , m_clock(new QTimer(this))
{
    AccessibleControls::install(); // values that a screen reader can read
    setObjectName(QStringLiteral("statusPanel"));
    setAccessibleName(tr("Status panel"));

    auto *layout = new QVBoxLayout(this);
    buildHeader();
    buildReport();
    layout->addWidget(m_notice);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_refresh);
    header->addWidget(m_reResolve);
    header->addWidget(m_saveReport);
    layout->addLayout(header);
    layout->addWidget(m_fetchState);
    layout->addWidget(m_error);
    layout->addWidget(m_reportState);
    layout->addWidget(buildStatusGroup());
    layout->addWidget(buildIdentityGroup());
    layout->addStretch(1);

    connect(m_client, &Halo::HaloApiClient::siteAccessDenied, this,
            &SiteStatusPanel::onAccessDenied);
    connect(m_service, &Halo::SiteService::statusRead, this, &SiteStatusPanel::onStatusRead);
    connect(m_service, &Halo::SiteService::failed, this, &SiteStatusPanel::onStatusFailed);
    m_clock->setInterval(kClockIntervalMs);
    connect(m_clock, &QTimer::timeout, this, &SiteStatusPanel::showAvailability);
    clearStatus();
}

SiteStatusPanel::~SiteStatusPanel()
{
    cancelFetch();
}

void SiteStatusPanel::buildHeader()
{
    m_notice = new QFrame(this);
    m_notice->setObjectName(QStringLiteral("accessRefusedNotice"));
    m_notice->setAccessibleName(tr("Access refused notice"));
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setAutoFillBackground(true);
    showNoticeColours();
    auto *noticeLayout = new QHBoxLayout(m_notice);
    auto *icon = new QLabel(m_notice);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    icon->setAccessibleName(tr("Warning"));
    noticeLayout->addWidget(icon, 0, Qt::AlignTop);
    m_noticeText = new QLabel(m_notice);
    m_noticeText->setAccessibleName(tr("Access refused message"));
    m_noticeText->setWordWrap(true);
    m_noticeText->setTextFormat(Qt::RichText);
    makeSelectable(m_noticeText);
    noticeLayout->addWidget(m_noticeText, 1);
    m_notice->hide();

    m_title = new QLabel(this);
    m_title->setAccessibleName(tr("Site"));
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    makeSelectable(m_title);

    m_refresh = new QPushButton(tr("&Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshStatus"));
    m_refresh->setAccessibleName(tr("Refresh"));
    m_refresh->setToolTip(tr("Fetch the site's status again (F5)"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    connect(m_refresh, &QPushButton::clicked, this, &SiteStatusPanel::refresh);

    m_reResolve = new QPushButton(tr("Re-resolve from &PMS ID"), this);
    m_reResolve->setObjectName(QStringLiteral("reResolve"));
    m_reResolve->setAccessibleName(tr("Re-resolve from PMS ID"));
    m_reResolve->setToolTip(tr("Look the practice's PMS ID up again to find its current Halo "
                               "GUID"));
    connect(m_reResolve, &QPushButton::clicked, this, &SiteStatusPanel::openReResolve);

    m_fetchState = new QLabel(this);
    m_fetchState->setAccessibleName(tr("Fetch state"));
    makeSelectable(m_fetchState);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("statusError"));
    m_error->setAccessibleName(tr("Status error"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::RichText);
    makeSelectable(m_error);
    m_error->setFrameShape(QFrame::StyledPanel);
    m_error->hide();
}

QLabel *SiteStatusPanel::addValue(QWidget *parent, const QString &accessibleName)
{
    auto *value = new QLabel(parent);
    value->setAccessibleName(accessibleName);
    value->setWordWrap(true);
    value->setTextFormat(Qt::PlainText);
    makeSelectable(value);
    return value;
}

QGroupBox *SiteStatusPanel::buildStatusGroup()
{
    auto *group = new QGroupBox(tr("Site status"), this);
    group->setAccessibleName(tr("Site status"));
    auto *form = new QFormLayout(group);
    const auto add = [this, group, form](const QString &caption, const QString &name) {
        QLabel *value = addValue(group, name);
        auto *label = new QLabel(caption, group);
        label->setBuddy(value);
        form->addRow(label, value);
        return value;
    };
    m_availability = add(tr("Availability:"), tr("Availability"));
    m_status = add(tr("Status:"), tr("Status"));
    m_authoritative = add(tr("Authoritative:"), tr("Authoritative"));
    m_guid = add(tr("Halo GUID:"), tr("Halo GUID"));
    m_pmsId = add(tr("PMS ID:"), tr("PMS ID"));
    m_pmsType = add(tr("PMS type:"), tr("PMS type"));
    m_catalogues = add(tr("Catalogues:"), tr("Catalogues"));
    m_created = add(tr("Created:"), tr("Created"));
    m_enriched = add(tr("Details read from the practice:"), tr("Details read from the practice"));
    m_clientTime = add(tr("Last update from the site:"), tr("Last update from the site"));
    return group;
}

SiteStatusPanel::IdentityRow SiteStatusPanel::addIdentityRow(QGridLayout *grid, int row,
                                                             const QString &field)
{
    auto *caption = new QLabel(tr("%1:").arg(field), grid->parentWidget());
    IdentityRow identity;
    identity.recorded = addValue(grid->parentWidget(), tr("%1 (recorded)").arg(field));
    identity.current = addValue(grid->parentWidget(), field);
    identity.marker = new QLabel(grid->parentWidget());
    identity.marker->setAccessibleName(tr("%1 difference").arg(field));
    makeSelectable(identity.marker);
    caption->setBuddy(identity.current);
    grid->addWidget(caption, row, 0);
    grid->addWidget(identity.recorded, row, 1);
    grid->addWidget(identity.current, row, 2);
    grid->addWidget(identity.marker, row, 3);
    return identity;
}

QGroupBox *SiteStatusPanel::buildIdentityGroup()
{
    auto *group = new QGroupBox(tr("Secondary identifiers"), this);
    group->setAccessibleName(tr("Secondary identifiers"));
    auto *layout = new QVBoxLayout(group);
    auto *grid = new QGridLayout;
    layout->addLayout(grid);
    auto *recordedHeader = new QLabel(tr("Recorded"), group);
    auto *nowHeader = new QLabel(tr("Now"), group);
    setBold(recordedHeader, true);
    setBold(nowHeader, true);
    grid->addWidget(recordedHeader, 0, 1);
    grid->addWidget(nowHeader, 0, 2);
    m_practiceName = addIdentityRow(grid, 1, identityField("Practice name"));
    m_pmsVersion = addIdentityRow(grid, 2, identityField("PMS version"));
    m_linkVersion = addIdentityRow(grid, 3, identityField("Halo Link version"));
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);

    m_recordedAt = new QLabel(group);
    m_recordedAt->setAccessibleName(tr("Recorded on"));
    m_recordedAt->setWordWrap(true);
    makeSelectable(m_recordedAt);
    layout->addWidget(m_recordedAt);

    m_differences = new QLabel(group);
    m_differences->setObjectName(QStringLiteral("identityDifferences"));
    m_differences->setAccessibleName(tr("Identity differences"));
    m_differences->setWordWrap(true);
    m_differences->setTextFormat(Qt::RichText);
    makeSelectable(m_differences);
    m_differences->setFrameShape(QFrame::StyledPanel);
    m_differences->hide();
    layout->addWidget(m_differences);
    return group;
}

void SiteStatusPanel::setSite(const Halo::SiteRecord &record)
{
    const bool sameSite = record.sameSite(m_record);
    cancelFetch();
    m_record = record;
    if (!sameSite) {
        hideNotice();
        clearStatus();
        m_reportSaver->cancel(); // a report is of the site it was asked for
        m_reportState->clearProblem();
    }
    showRecord();
    refresh();
}

void SiteStatusPanel::refresh()
{
    if (m_record.guid.isEmpty())
        return;
    cancelFetch();
    m_fetchState->setText(tr("Fetching the status…"));
    m_service->readStatus(m_record.guid, m_record.recorded);
}

void SiteStatusPanel::openReResolve()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new ReResolveDialog(m_client, m_store, m_record, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &ReResolveDialog::siteUpdated, this, &SiteStatusPanel::onSiteReResolved);
    m_dialog->open();
}

void SiteStatusPanel::onStatusFailed(const Halo::ApiError &error)
{
    const QString now = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
    showError(error);
    m_fetchState->setText(m_hasStatus ? tr("Could not fetch the status at %1; the values below are "
                                           "from the last successful fetch.")
                                            .arg(now)
                                      : tr("Could not fetch the status at %1.").arg(now));
}

void SiteStatusPanel::onStatusRead(const Halo::SiteStatusReport &report)
{
    const QString now = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
    m_site = report.site;
    m_hasStatus = true;
    m_error->hide();
    m_fetchState->setText(tr("Status as of %1.").arg(now));
    showStatus();
    if (m_site.authoritativeKnown && !m_site.authoritative && m_notice->isHidden())
        showNotice(tr("<b>This install is not authoritative for the practice.</b> Another Halo "
                      "Link install now serves PMS ID %1, so queries to this GUID are refused "
                      "(403). Use <b>Re-resolve from PMS ID</b> to find the current GUID.")
                       .arg(m_record.pmsId.toHtmlEscaped()));
    emit statusFetched(m_site);
}

void SiteStatusPanel::onAccessDenied(const QString &guid, const Halo::ApiError &error)
{
    if (m_record.guid.isEmpty() ||
        Halo::normalisedGuid(guid) != Halo::normalisedGuid(m_record.guid))
        return;
    QString text = tr("<b>Halo Cloud refused access to this Halo GUID (HTTP 403: %1).</b> After a "
                      "reinstall of Halo Link or a server move, the old GUID is no longer "
                      "authoritative. Use <b>Re-resolve from PMS ID</b> to look the practice up "
                      "again; if the GUID has not changed, check pairing and your IP allow-list.")
                       .arg(error.title().toHtmlEscaped());
    if (!error.serverMessage.isEmpty())
        text += tr("<br>Halo said: “%1”").arg(error.serverMessage.toHtmlEscaped());
    showNotice(text);
}

void SiteStatusPanel::onSiteReResolved(const Halo::SiteRecord &old, const Halo::SiteRecord &updated)
{
    emit siteUpdated(old, updated);
    setSite(updated);
}

void SiteStatusPanel::cancelFetch()
{
    m_service->cancel();
}

void SiteStatusPanel::clearStatus()
{
    m_site = Halo::SiteInfo();
    m_hasStatus = false;
    m_clock->stop();
    m_error->hide();
    m_fetchState->setText(m_record.guid.isEmpty() ? tr("No site selected.") : QString());
    showRecord();
}

void SiteStatusPanel::showRecord()
{
    const QString name = m_record.recorded.practiceName;
    m_title->setText(name.isEmpty() ? m_record.guid : name);
    const QString unknown = m_record.guid.isEmpty() ? QString() : tr("Waiting for Halo…");
    for (QLabel *value : {m_availability, m_status, m_authoritative, m_catalogues, m_created,
                          m_enriched, m_clientTime})
        value->setText(unknown);
    setForeground(m_availability, palette().color(QPalette::WindowText));
    m_guid->setText(m_record.guid);
    m_pmsId->setText(m_record.pmsId);
    m_pmsType->setText(Halo::pmsDisplayName(m_record.pmsType));
    m_reResolve->setEnabled(!m_record.guid.isEmpty());
    m_refresh->setEnabled(!m_record.guid.isEmpty());
    m_saveReport->setEnabled(!m_record.guid.isEmpty() && !m_reportSaver->isBusy());
    if (m_hasStatus)
        showStatus();
    else
        showIdentity();
}

void SiteStatusPanel::showStatus()
{
    if (!m_site.practiceName.isEmpty())
        m_title->setText(m_site.practiceName);
    showAvailability();
    m_status->setText(statusText(m_site.status));
    m_authoritative->setText(authoritativeText(m_site));
    setBold(m_authoritative, m_site.authoritativeKnown && !m_site.authoritative);
    m_guid->setText(m_site.guid.isEmpty() ? m_record.guid : m_site.guid);
    m_pmsId->setText(m_site.pmsId.isEmpty() ? m_record.pmsId : m_site.pmsId);
    m_pmsType->setText(
        Halo::pmsDisplayName(m_site.pmsType.isEmpty() ? m_record.pmsType : m_site.pmsType));
    m_catalogues->setText(cataloguesText(m_site.catalogues));
    m_created->setText(timeText(m_site.createdAt));
    m_enriched->setText(timeText(m_site.enrichedAt));
    m_clientTime->setText(timeText(m_site.clientTimestamp));
    showIdentity();
    m_clock->start();
}

void SiteStatusPanel::showNoticeColours()
{
    // Its own background and text, light or dark with the theme (ThemeColours::notice).
    const ThemeColours::Band band = ThemeColours::notice(palette());
    QPalette palette = m_notice->palette();
    palette.setColor(QPalette::Window, band.background);
    palette.setColor(QPalette::WindowText, band.text);
    palette.setColor(QPalette::Text, band.text);
    m_notice->setPalette(palette);
}

void SiteStatusPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::PaletteChange && event->type() != QEvent::ApplicationPaletteChange)
        return;
    if (m_notice)
        showNoticeColours();
    showAvailability();
}

void SiteStatusPanel::showAvailability()
{
    if (!m_hasStatus)
        return;
    const AvailabilityLook look = lookOf(m_site.availability, palette());
    QString text =
        tr("%1 %2 — %3")
            .arg(look.symbol, Halo::availabilityText(m_site.availability),
                 Halo::lastHeardText(m_site.heartbeatAt, QDateTime::currentDateTimeUtc()));
    if (!look.consequence.isEmpty())
        text += QStringLiteral("\n") + look.consequence;
    m_availability->setText(text);
    setForeground(m_availability, look.colour);
    setBold(m_availability, m_site.availability != Halo::SiteInfo::Availability::Online);
}

void SiteStatusPanel::showIdentity()
{
    const Halo::RecordedIdentity &recorded = m_record.recorded;
    const QList<Halo::IdentityDifference> differences =
        m_hasStatus ? Halo::SiteService::compare(m_site, recorded)
                    : QList<Halo::IdentityDifference>();
    const auto fill = [this, &differences](const IdentityRow &row, const QString &field,
                                           const QString &recordedValue,
                                           const QString &currentValue) {
        row.recorded->setText(recordedValue.isEmpty() ? tr("Not recorded") : recordedValue);
        row.current->setText(!m_hasStatus ? tr("Waiting for Halo…") : orNotReported(currentValue));
        const Halo::IdentityDifference *difference = Halo::findDifference(differences, field);
        setBold(row.current, difference != nullptr);
        row.marker->setText(difference ? tr("⚠ Changed") : QString());
        setBold(row.marker, difference != nullptr);
        row.current->setAccessibleDescription(difference ? difference->explanation : QString());
    };
    fill(m_practiceName, identityField("Practice name"), recorded.practiceName,
         m_site.practiceName);
    fill(m_pmsVersion, identityField("PMS version"), recorded.pmsVersion, m_site.pmsVersion);
    fill(m_linkVersion, identityField("Halo Link version"), recorded.haloLinkVersion,
         m_site.haloLinkVersion);

    const bool anyRecorded = !recorded.practiceName.isEmpty() || !recorded.pmsVersion.isEmpty() ||
                             !recorded.haloLinkVersion.isEmpty();
    m_recordedAt->setText(!anyRecorded ? tr("No identifiers were recorded for this site, so there "
                                            "is nothing to compare with.")
                          : recorded.recordedAt.isValid()
                              ? tr("Recorded on %1.").arg(timeText(recorded.recordedAt))
                              : QString());
    if (differences.isEmpty()) {
        m_differences->hide();
        return;
    }
    QString html = tr("<b>⚠ The identifiers differ from what was recorded:</b>");
    for (const Halo::IdentityDifference &difference : differences) {
        html += tr("<p><b>%1</b>: recorded “%2”, now “%3”.<br>%4</p>")
                    .arg(difference.field.toHtmlEscaped(), difference.recorded.toHtmlEscaped(),
                         difference.current.isEmpty() ? notReported().toHtmlEscaped()
                                                      : difference.current.toHtmlEscaped(),
                         difference.explanation.toHtmlEscaped());
    }
    m_differences->setText(html);
    m_differences->show();
}

void SiteStatusPanel::showError(const Halo::ApiError &error)
{
    QString html = QStringLiteral("<b>%1</b><br>%2")
                       .arg(error.title().toHtmlEscaped(), error.explanation().toHtmlEscaped());
    if (!error.serverMessage.isEmpty())
        html += tr("<br>Halo said: “%1”").arg(error.serverMessage.toHtmlEscaped());
    if (!error.nextStep().isEmpty())
        html += tr("<br><b>Next step:</b> %1").arg(error.nextStep().toHtmlEscaped());
    m_error->setText(html);
    m_error->show();
}

void SiteStatusPanel::showNotice(const QString &html)
{
    m_noticeText->setText(html);
    m_notice->show();
    // The button is always there; after a 403 it stands out and is the default action.
    m_reResolve->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    setBold(m_reResolve, true);
    m_reResolve->setDefault(true);
    QAccessibleEvent alert(m_notice, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void SiteStatusPanel::hideNotice()
{
    m_notice->hide();
    m_noticeText->clear();
    m_reResolve->setIcon(QIcon());
    setBold(m_reResolve, false);
    m_reResolve->setDefault(false);
}

void SiteStatusPanel::buildReport()
{
    m_reportSaver = new SiteReportSaver(m_client, this);
    m_saveReport = new QPushButton(tr("Save rep&ort…"), this);
    m_saveReport->setObjectName(QStringLiteral("saveSiteReportButton"));
    m_saveReport->setAccessibleName(tr("Save report"));
    m_saveReport->setToolTip(tr("Verify this site and save the evidence (HTML, JSON or PDF): "
                                "identifiers recorded and now, the verdict and the requests "
                                "made; never the key, never patient data"));
    m_reportState = new ProblemLabel(tr("Report state"), this);
    m_reportState->setObjectName(QStringLiteral("siteReportState"));
    connect(m_saveReport, &QPushButton::clicked, this, &SiteStatusPanel::saveReport);
    connect(m_reportSaver, &SiteReportSaver::verifying, this,
            [this]() { m_reportState->showNote(tr("Verifying the site for the report…")); });
    connect(m_reportSaver, &SiteReportSaver::busyChanged, this,
            [this](bool busy) { m_saveReport->setEnabled(!busy && !m_record.guid.isEmpty()); });
    connect(m_reportSaver, &SiteReportSaver::saved, this, [this](const QString &path) {
        m_reportState->showNote(tr("Report saved to %1").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_reportSaver, &SiteReportSaver::failed, this, [this](const QString &reason) {
        m_reportState->showProblem(tr("The report was not saved"), reason);
    });
    connect(m_reportSaver, &SiteReportSaver::abandoned, m_reportState, &ProblemLabel::clearProblem);
}

void SiteStatusPanel::saveReport()
{
    if (m_record.guid.isEmpty() || m_reportSaver->isBusy())
        return;
    m_reportSaver->save(m_record);
}

void SiteStatusPanel::setReportPathChooser(
    std::function<QString(const QString &suggestedName)> chooser)
{
    m_reportSaver->setPathChooser(std::move(chooser));
}
