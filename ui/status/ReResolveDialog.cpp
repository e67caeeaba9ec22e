// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReResolveDialog.h"

#include "net/ApiError.h"
#include "services/GuidReResolver.h"
#include "sites/HeartbeatText.h"
#include "widgets/ThemeColours.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

// Field labels as compareIdentity() names them, so its differences match the rows here.
QString identityField(const char *field)
{
    return QCoreApplication::translate("Halo::SiteRecord", field);
}

void setBold(QWidget *widget, bool bold)
{
    QFont font = widget->font();
    font.setBold(bold);
    widget->setFont(font);
}

void setForeground(QLabel *label, const QColor &colour)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, colour);
    label->setPalette(palette);
}

QLabel *selectableLabel(QWidget *parent, const QString &accessibleName, Qt::TextFormat format)
{
    auto *label = new QLabel(parent);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextFormat(format);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

ReResolveDialog::ReResolveDialog(Halo::HaloApiClient *client, Halo::SiteStore *store,
                                 const Halo::SiteRecord &record, QWidget *parent)
    : QDialog(parent)
    , m_resolver(new Halo::GuidReResolver(client, store, this))
    , m_old(record)
{
    setObjectName(QStringLiteral("reResolveDialog"));
    setWindowTitle(tr("Re-resolve Halo GUID from PMS ID %1").arg(record.pmsId));
    setAccessibleName(tr("Re-resolve Halo GUID"));
    setMinimumWidth(680);

    auto *layout = new QVBoxLayout(this);
    m_progress = selectableLabel(this, tr("Re-resolve progress"), Qt::RichText);
    m_progress->setText(tr("Looking up PMS ID %1 (%2) again…")
                            .arg(record.pmsId.toHtmlEscaped(),
                                 Halo::pmsDisplayName(record.pmsType).toHtmlEscaped()));
    layout->addWidget(m_progress);
    layout->addWidget(buildComparison());

    m_differences = selectableLabel(this, tr("Identity differences"), Qt::RichText);
    m_differences->setObjectName(QStringLiteral("identityDifferences"));
    m_differences->setFrameShape(QFrame::StyledPanel);
    m_differences->hide();
    layout->addWidget(m_differences);

    m_confirm = new QCheckBox(tr("The practice &confirmed this is the same practice"), this);
    m_confirm->setAccessibleName(tr("The practice confirmed this is the same practice"));
    m_confirm->hide();
    connect(m_confirm, &QCheckBox::toggled, this, &ReResolveDialog::updateButtons);
    layout->addWidget(m_confirm);

    m_result = selectableLabel(this, tr("Update result"), Qt::PlainText);
    m_result->hide();
    layout->addWidget(m_result);
    m_testResult = selectableLabel(this, tr("Test query result"), Qt::PlainText);
    m_testResult->hide();
    layout->addWidget(m_testResult);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(this);
    m_update = buttons->addButton(tr("&Update"), QDialogButtonBox::ActionRole);
    m_update->setAccessibleName(tr("Update"));
    m_update->setToolTip(tr("Save the new GUID for this site and send a test query"));
    // Changing a site is never what Enter does by accident.
    m_update->setAutoDefault(false);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setAccessibleName(tr("Close"));
    m_close->setAutoDefault(false);
    connect(m_update, &QPushButton::clicked, this, &ReResolveDialog::applyUpdate);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_resolver, &Halo::GuidReResolver::candidateFound, this,
            &ReResolveDialog::onCandidateFound);
    connect(m_resolver, &Halo::GuidReResolver::failed, this, &ReResolveDialog::onFailed);
    connect(m_resolver, &Halo::GuidReResolver::applied, this, &ReResolveDialog::onApplied);
    connect(m_resolver, &Halo::GuidReResolver::testQueryFinished, this,
            &ReResolveDialog::onTestQueryFinished);
    updateButtons();
    m_resolver->start(record);
}

QWidget *ReResolveDialog::buildComparison()
{
    m_comparison = new QWidget(this);
    m_comparison->setAccessibleName(tr("Old and new GUID"));
    auto *grid = new QGridLayout(m_comparison);
    grid->setContentsMargins(0, 0, 0, 0);
    auto *oldHeader = new QLabel(tr("Old (recorded)"), m_comparison);
    auto *newHeader = new QLabel(tr("New (found now)"), m_comparison);
    setBold(oldHeader, true);
    setBold(newHeader, true);
    grid->addWidget(oldHeader, 0, 1);
    grid->addWidget(newHeader, 0, 2);
    m_guid = addRow(grid, 1, tr("Halo GUID"));
    m_pmsId = addRow(grid, 2, tr("PMS ID"));
    m_practiceName = addRow(grid, 3, identityField("Practice name"));
    m_pmsVersion = addRow(grid, 4, identityField("PMS version"));
    m_linkVersion = addRow(grid, 5, identityField("Halo Link version"));
    m_availability = addRow(grid, 6, tr("Availability"));
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    m_comparison->hide();
    return m_comparison;
}

ReResolveDialog::Row ReResolveDialog::addRow(QGridLayout *grid, int row, const QString &field)
{
    auto *caption = new QLabel(tr("%1:").arg(field), m_comparison);
    Row result;
    result.old = selectableLabel(m_comparison, tr("%1 (old)").arg(field), Qt::PlainText);
    result.current = selectableLabel(m_comparison, tr("%1 (new)").arg(field), Qt::PlainText);
    // One line each: a GUID broken at its hyphens is hard to compare.
    result.old->setWordWrap(false);
    result.current->setWordWrap(false);
    result.marker = new QLabel(m_comparison);
    result.marker->setAccessibleName(tr("%1 difference").arg(field));
    caption->setBuddy(result.current);
    grid->addWidget(caption, row, 0);
    grid->addWidget(result.old, row, 1);
    grid->addWidget(result.current, row, 2);
    grid->addWidget(result.marker, row, 3);
    return result;
}

void ReResolveDialog::fillRow(const Row &row, const QString &oldValue, const QString &newValue,
                              const Halo::IdentityDifference *difference)
{
    row.old->setText(oldValue.isEmpty() ? tr("Not recorded") : oldValue);
    row.current->setText(newValue.isEmpty() ? tr("Not reported") : newValue);
    setBold(row.current, difference != nullptr);
    setBold(row.marker, difference != nullptr);
    row.marker->setText(difference ? tr("⚠ Changed") : QString());
    row.current->setAccessibleDescription(difference ? difference->explanation : QString());
}

void ReResolveDialog::onCandidateFound(const Halo::SiteRecord &old, const Halo::SiteInfo &candidate,
                                       const QList<Halo::IdentityDifference> &differences)
{
    m_progress->setText(tr("Halo's authoritative install of PMS ID %1 has a different Halo "
                           "GUID. Compare the two before updating the site.")
                            .arg(old.pmsId.toHtmlEscaped()));
    fillRow(m_guid, old.guid, candidate.guid, nullptr);
    m_guid.marker->setText(tr("New GUID"));
    fillRow(m_pmsId, old.pmsId, candidate.pmsId, nullptr);
    const Halo::RecordedIdentity &recorded = old.recorded;
    const QString nameField = identityField("Practice name");
    const QString versionField = identityField("PMS version");
    const QString linkField = identityField("Halo Link version");
    fillRow(m_practiceName, recorded.practiceName, candidate.practiceName,
            Halo::findDifference(differences, nameField));
    fillRow(m_pmsVersion, recorded.pmsVersion, candidate.pmsVersion,
            Halo::findDifference(differences, versionField));
    fillRow(m_linkVersion, recorded.haloLinkVersion, candidate.haloLinkVersion,
            Halo::findDifference(differences, linkField));
    fillRow(m_availability, QStringLiteral("—"),
            tr("%1 — %2").arg(
                Halo::availabilityText(candidate.availability),
                Halo::lastHeardText(candidate.heartbeatAt, QDateTime::currentDateTimeUtc())),
            nullptr);
    m_comparison->show();

    if (!differences.isEmpty()) {
        QString html = tr("<b>⚠ The secondary identifiers changed too.</b> The new GUID may "
                          "belong to a different practice. Contact the practice or Halo support; "
                          "update only once the practice confirmed it is the same practice.");
        for (const Halo::IdentityDifference &difference : differences) {
            html += tr("<p><b>%1</b>: recorded “%2”, now “%3”.<br>%4</p>")
                        .arg(difference.field.toHtmlEscaped(), difference.recorded.toHtmlEscaped(),
                             difference.current.isEmpty() ? tr("not reported")
                                                          : difference.current.toHtmlEscaped(),
                             difference.explanation.toHtmlEscaped());
        }
        m_differences->setText(html);
        m_differences->show();
        m_confirm->show();
    }
    updateButtons();
    fitContents();
}

void ReResolveDialog::onFailed(const QString &message, const Halo::ApiError &error)
{
    QString html = QStringLiteral("<b>%1</b>").arg(message.toHtmlEscaped());
    if (error.isError()) {
        html += QStringLiteral("<br>") + error.explanation().toHtmlEscaped();
        if (!error.serverMessage.isEmpty())
            html += tr("<br>Halo said: “%1”").arg(error.serverMessage.toHtmlEscaped());
        if (!error.nextStep().isEmpty())
            html += tr("<br><b>Next step:</b> %1").arg(error.nextStep().toHtmlEscaped());
    }
    m_progress->setText(html);
    updateButtons();
    fitContents();
}

void ReResolveDialog::applyUpdate()
{
    if (m_resolver->apply(m_confirm->isChecked()))
        return;
    if (m_resolver->state() == Halo::GuidReResolver::State::CandidateReady &&
        m_resolver->needsIdentityConfirmation() && !m_confirm->isChecked()) {
        m_progress->setText(tr("<b>Not updated:</b> the identifiers changed, so tick “The practice "
                               "confirmed this is the same practice” first."));
        m_confirm->setFocus();
    }
}

void ReResolveDialog::onApplied(const Halo::SiteRecord &updated)
{
    m_result->setText(tr("Updated: the site now uses Halo GUID %1. Earlier GUIDs are kept with "
                         "the site: %2.")
                          .arg(updated.guid, updated.previousGuids.join(QStringLiteral(", "))));
    m_result->show();
    m_testResult->setText(
        tr("Running the test query (%1)…").arg(Halo::GuidReResolver::testQueryText()));
    m_testResult->show();
    m_confirm->setEnabled(false);
    updateButtons();
    m_close->setFocus();
    fitContents();
    emit siteUpdated(m_old, updated);
}

void ReResolveDialog::onTestQueryFinished(bool ok, const QString &summary)
{
    m_testResult->setText((ok ? tr("✔ %1") : tr("✖ %1")).arg(summary));
    setForeground(m_testResult, ok ? ThemeColours::good(palette()) : ThemeColours::bad(palette()));
    setBold(m_testResult, true);
    fitContents();
}

// Grows the dialog when new content needs more room; wrapped labels need height for width.
void ReResolveDialog::fitContents()
{
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    const QSize wanted = size().expandedTo(QSize(layout()->totalMinimumSize().width(), needed));
    if (wanted != size())
        resize(wanted);
}

void ReResolveDialog::updateButtons()
{
    const bool ready = m_resolver->state() == Halo::GuidReResolver::State::CandidateReady;
    m_update->setEnabled(ready &&
                         (!m_resolver->needsIdentityConfirmation() || m_confirm->isChecked()));
}
