// SPDX-License-Identifier: GPL-3.0-or-later
#include "FhirQueryBar.h"

#include "api/HaloApiClient.h"
#include "fhir/FhirNavigation.h"
#include "services/FhirService.h"
#include "sql/QueryHistory.h"
#include "widgets/AccessibleControls.h"
#include "widgets/CopyAsButton.h"
#include "widgets/ProblemLabel.h"
#include "widgets/ProductionMarker.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

constexpr int kRecentQueries = 20;

} // namespace

FhirQueryBar::FhirQueryBar(Halo::HaloApiClient *client, Halo::QueryHistory *history,
                           QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_history(history)
    , m_back(new QToolButton(this))
    , m_forward(new QToolButton(this))
    , m_line(new QLineEdit(this))
    , m_recent(new QToolButton(this))
    , m_post(new QCheckBox(tr("Use &POST"), this))
    , m_methodHint(new QLabel(this))
    , m_search(new QPushButton(tr("&Search"), this))
    , m_copyAs(new CopyAsButton(this))
    , m_production(new ProductionMarker(client->endpoint(), this))
    , m_problem(new ProblemLabel(tr("FHIR query problem"), this))
{
    m_back->setText(QStringLiteral("◀"));
    m_back->setAccessibleName(tr("Back"));
    m_back->setShortcut(QKeySequence::Back);
    m_back->setToolTip(
        tr("Back to the previous answer (%1)")
            .arg(QKeySequence(QKeySequence::Back).toString(QKeySequence::NativeText)));
    m_forward->setText(QStringLiteral("▶"));
    m_forward->setAccessibleName(tr("Forward"));
    m_forward->setShortcut(QKeySequence::Forward);
    m_forward->setToolTip(
        tr("Forward again (%1)")
            .arg(QKeySequence(QKeySequence::Forward).toString(QKeySequence::NativeText)));
    connect(m_back, &QToolButton::clicked, this, &FhirQueryBar::backRequested);
    connect(m_forward, &QToolButton::clicked, this, &FhirQueryBar::forwardRequested);

    m_line->setObjectName(QStringLiteral("fhirQuery"));
    m_line->setAccessibleName(tr("FHIR query"));
    m_line->setPlaceholderText(tr("e.g. Patient?family=Smith&birthdate=ge1970-01-01, Patient/1, "
                                  "Patient/1/$summary, metadata"));
    m_line->setClearButtonEnabled(true);
    connect(m_line, &QLineEdit::textEdited, this, &FhirQueryBar::lineEdited);
    connect(m_line, &QLineEdit::returnPressed, this, &FhirQueryBar::searchRequested);

    m_recent->setText(tr("Recent"));
    m_recent->setAccessibleName(tr("Recent FHIR queries"));
    m_recent->setToolTip(tr("Queries sent to this site (the query only: answers are never kept)"));
    m_recent->setPopupMode(QToolButton::InstantPopup);
    auto *recentMenu = new QMenu(m_recent);
    m_recent->setMenu(recentMenu);
    connect(recentMenu, &QMenu::aboutToShow, this, &FhirQueryBar::fillRecentMenu);

    m_post->setAccessibleName(tr("Use POST"));
    m_post->setToolTip(tr("POST {type}/_search with the values in a form-encoded body, so they "
                          "stay out of URLs and server logs. On by default for Production."));
    connect(m_post, &QCheckBox::toggled, this, &FhirQueryBar::updateMethodHint);
    m_methodHint->setAccessibleName(tr("Request method"));
    AccessibleControls::makeSelectable(m_methodHint);
    m_methodHint->setWordWrap(true);

    m_search->setAccessibleName(tr("Search"));
    m_search->setDefault(false);
    m_search->setToolTip(tr("Sends the query line: a search, a read or an operation (Enter in "
                            "the line, or Ctrl+Enter)"));
    connect(m_search, &QPushButton::clicked, this, &FhirQueryBar::searchRequested);
    connect(m_copyAs, &CopyAsButton::languageChosen, this, &FhirQueryBar::copyAsRequested);

    auto *lineRow = new QHBoxLayout;
    lineRow->addWidget(m_back);
    lineRow->addWidget(m_forward);
    auto *lineLabel = new QLabel(tr("&Query:"), this);
    lineLabel->setBuddy(m_line);
    lineRow->addWidget(lineLabel);
    lineRow->addWidget(m_line, 1);
    lineRow->addWidget(m_recent);
    lineRow->addWidget(m_post);
    lineRow->addWidget(m_search);
    lineRow->addWidget(m_copyAs);
    lineRow->addWidget(m_production);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(lineRow);
    layout->addWidget(m_methodHint);
    layout->addWidget(m_problem);

    setTabOrder(m_line, m_search);
    updateMethodHint();
}

void FhirQueryBar::setSite(const Halo::SiteRecord &site)
{
    m_site = site;
    const Halo::Endpoint destination = m_client->endpoint();
    m_production->setVisible(Halo::isProduction(destination));
    const QString environmentName = Halo::environmentId(Halo::safetyEnvironment(destination));
    if (environmentName != m_postDefaultEnvironment) {
        // Search values are often personal details: on Production they go in the body.
        m_post->setChecked(Halo::FhirService::postByDefault(m_client->endpoint()));
        m_postDefaultEnvironment = environmentName;
    }
}

void FhirQueryBar::setCapabilities(const Halo::FhirCapabilities &capabilities)
{
    m_capabilities = capabilities;
    showLineProblems();
}

void FhirQueryBar::forgetCapabilities()
{
    m_problem->clearProblem();
    m_capabilities.reset();
}

void FhirQueryBar::setQueryLine(const QString &line)
{
    m_line->setText(line);
    lineEdited(); // as if typed: the form follows
}

// Every change of the line's text goes through here: the line is read once, and what is
// said about it (problems, warnings, the method) follows from that reading.
void FhirQueryBar::setLineText(const QString &text)
{
    if (m_line->text() != text)
        m_line->setText(text);
    m_parsed = Halo::parseFhirLine(m_line->text());
    showLineProblems();
    updateMethodHint();
}

QString FhirQueryBar::text() const
{
    return m_line->text();
}

bool FhirQueryBar::postChosen() const
{
    return m_post->isChecked();
}

void FhirQueryBar::focusLine()
{
    m_line->setFocus();
    m_line->selectAll();
}

void FhirQueryBar::showUnreadablePart()
{
    m_line->setFocus();
    if (m_parsed.errorPosition >= 0)
        m_line->setCursorPosition(m_parsed.errorPosition);
}

void FhirQueryBar::showNavigation(const Halo::FhirNavigation &navigation)
{
    m_back->setEnabled(navigation.canGoBack());
    m_forward->setEnabled(navigation.canGoForward());
    const QList<Halo::FhirNavigation::Visit> &visits = navigation.visits();
    const int current = navigation.currentIndex();
    m_back->setToolTip(navigation.canGoBack() ? tr("Back to %1").arg(visits.at(current - 1).title)
                                              : tr("Nothing to go back to"));
    m_forward->setToolTip(navigation.canGoForward()
                              ? tr("Forward to %1").arg(visits.at(current + 1).title)
                              : tr("Nothing to go forward to"));
}

void FhirQueryBar::lineEdited()
{
    setLineText(m_line->text());
    if (m_parsed.request) {
        emit requestTyped(*m_parsed.request);
        if (m_parsed.request->usePost) // "Patient/_search?..." typed: the user means POST
            m_post->setChecked(true);
    }
}

void FhirQueryBar::showLineProblems()
{
    const Halo::FhirLineParse &parsed = m_parsed;
    if (!parsed.request) {
        if (m_line->text().trimmed().isEmpty()) {
            m_problem->clearProblem();
            return;
        }
        const QString where = parsed.errorPosition >= 0
                                  ? tr(" (at character %1)").arg(parsed.errorPosition + 1)
                                  : QString();
        m_problem->showProblem(tr("This query cannot be sent as it is"), parsed.error + where);
        return;
    }
    const QStringList warnings = m_capabilities
                                     ? Halo::fhirRequestWarnings(*parsed.request, *m_capabilities)
                                     : QStringList();
    if (warnings.isEmpty())
        m_problem->clearProblem();
    else
        m_problem->showNote(warnings.join(QLatin1Char(' ')) + QLatin1Char(' ') +
                            tr("It can still be sent, to see what the server says."));
}

void FhirQueryBar::updateMethodHint()
{
    const Halo::FhirLineParse &parsed = m_parsed;
    const bool search = parsed.request && parsed.request->canPost();
    m_post->setEnabled(search || !parsed.request);
    if (!parsed.request) {
        m_methodHint->clear();
        return;
    }
    QString hint;
    if (search && m_post->isChecked()) {
        hint = tr("Sends POST %1/_search: the search values go in the request body, not the URL.")
                   .arg(parsed.request->resourceType);
    } else if (search) {
        hint = tr("Sends GET: the search values are part of the URL, where proxies and server "
                  "logs can see them.");
        if (Halo::isProduction(m_client->endpoint()) && !parsed.request->terms.isEmpty())
            hint = QStringLiteral("⚠ ") + hint;
    } else {
        hint =
            tr("Sends GET %1 (reads and operations are always GET).").arg(parsed.request->toLine());
    }
    m_methodHint->setText(hint);
}

void FhirQueryBar::fillRecentMenu()
{
    QMenu *menu = m_recent->menu();
    menu->clear();
    QStringList seen;
    if (m_history && !m_site.guid.isEmpty()) {
        for (const Halo::HistoryEntry &entry :
             m_history->entries(m_site.environment, m_site.guid)) {
            if (seen.contains(entry.sql))
                continue;
            seen.append(entry.sql);
            const QString line = entry.sql;
            // '&' would be read as a mnemonic marker: menus show it doubled.
            QAction *action =
                menu->addAction(QString(line).replace(QLatin1Char('&'), QStringLiteral("&&")), this,
                                [this, line]() {
                                    setQueryLine(line);
                                    m_line->setFocus();
                                });
            action->setData(line);
            if (seen.size() >= kRecentQueries)
                break;
        }
    }
    if (seen.isEmpty())
        menu->addAction(tr("No queries sent to this site yet"))->setEnabled(false);
}
