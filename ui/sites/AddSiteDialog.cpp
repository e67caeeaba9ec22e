// SPDX-License-Identifier: GPL-3.0-or-later
#include "AddSiteDialog.h"

#include "SiteCandidatesPanel.h"
#include "SiteLookupController.h"
#include "TestQueryPanel.h"
#include "api/HaloApiClient.h"
#include "sites/SiteCandidatesModel.h"
#include "sites/SiteInfo.h"
#include "sites/SiteStore.h"
#include "widgets/CallProgress.h"
#include "widgets/ProblemLabel.h"
#include "widgets/ThemeColours.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace {

// The PMS type a site record keeps ("BestPractice") for the name the API takes ("Best Practice").
QString pmsTypeFor(const QString &pmsName)
{
    return SiteLookupForm::isBestPractice(pmsName) ? QStringLiteral("BestPractice") : pmsName;
}

} // namespace

AddSiteDialog::AddSiteDialog(Halo::HaloApiClient *client, Halo::SiteStore *store, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_store(store)
{
    setWindowTitle(tr("Add site"));
    setAccessibleName(tr("Add site"));
    setObjectName(QStringLiteral("addSiteDialog"));

    const Halo::Endpoint endpoint = m_client->endpoint();
    const QString environmentName = Halo::endpointDisplayName(endpoint);
    auto *environment = new QLabel(this);
    environment->setAccessibleName(tr("Environment"));
    environment->setTextFormat(Qt::RichText);
    const QString url = endpoint.baseUrl.toDisplayString();
    QString where = tr("Adds to the <b>%1</b> site list").arg(environmentName.toHtmlEscaped());
    if (!url.isEmpty())
        where += QStringLiteral(" — ") + url.toHtmlEscaped();
    if (Halo::isProduction(endpoint)) {
        where += QStringLiteral(". ") + tr("Look up, pairing and the test query reach live "
                                           "practices.");
        ThemeColours::styleLabel(environment, ThemeColours::Role::Bad);
    }
    environment->setText(where);

    m_problem = new ProblemLabel(tr("Problem"), this);
    m_saveProblem = new ProblemLabel(tr("Save problem"), this);
    m_savedLabel = new QLabel(this);
    m_savedLabel->setAccessibleName(tr("Saved site"));
    m_savedLabel->setWordWrap(true);
    m_savedLabel->hide();
    m_testPanel = new TestQueryPanel(m_client, this);
    m_testPanel->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_close = buttons->button(QDialogButtonBox::Close);
    m_close->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_form = new SiteLookupForm(endpoint, this);
    m_progress = new CallProgress(this);
    m_lookup = new SiteLookupController(m_client, m_progress, this);
    m_candidates = new SiteCandidatesPanel(endpoint, this);

    connect(m_form, &SiteLookupForm::modeChosen, this, &AddSiteDialog::setMode);
    connect(m_form, &SiteLookupForm::lookUpRequested, this, &AddSiteDialog::lookUp);
    connect(m_form, &SiteLookupForm::pairRequested, this, &AddSiteDialog::pair);
    // What was found belongs to what was typed: a change makes it stale.
    connect(m_form, &SiteLookupForm::inputsChanged, this, [this]() {
        clearCandidates();
        updateActions();
    });
    connect(m_form, &SiteLookupForm::expectedPracticeNameChanged, m_candidates,
            &SiteCandidatesPanel::setExpectedPracticeName);
    connect(m_lookup, &SiteLookupController::sending, this, &AddSiteDialog::prepareLookup);
    connect(m_lookup, &SiteLookupController::busyChanged, this, &AddSiteDialog::setBusy);
    connect(m_lookup, &SiteLookupController::found, this, &AddSiteDialog::showCandidates);
    connect(m_lookup, &SiteLookupController::failed, m_problem, &ProblemLabel::showError);
    connect(m_lookup, &SiteLookupController::finished, this, &AddSiteDialog::lookupFinished);
    connect(m_candidates, &SiteCandidatesPanel::choiceChanged, this, &AddSiteDialog::updateActions);
    connect(m_candidates, &SiteCandidatesPanel::saveRequested, this, &AddSiteDialog::save);

    // The busy row sits outside the form so that it stays usable while the form is disabled.
    auto *lookupSection = new QWidget(this);
    auto *lookupLayout = new QVBoxLayout(lookupSection);
    lookupLayout->setContentsMargins(0, 0, 0, 0);
    lookupLayout->addWidget(m_form);
    lookupLayout->addWidget(m_progress);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(environment);
    layout->addWidget(lookupSection);
    layout->addWidget(m_problem);
    layout->addWidget(m_candidates, 1);
    layout->addWidget(m_saveProblem);
    layout->addWidget(m_savedLabel);
    layout->addWidget(m_testPanel);
    layout->addWidget(buttons);

    arrangeTabOrder();
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget *, QWidget *now) { updateDefaultButton(now); });
    updateMode();
    m_form->actionButton()->setDefault(true);
    m_form->firstInput()->setFocus();
    resize(1080, 640);
}

AddSiteDialog::~AddSiteDialog()
{
    // ~QDialog destroys the focused child after this dialog's members are gone; focus moving
    // then must not reach updateDefaultButton(). Nor may a call the parts cancel as they go.
    disconnect(qApp, &QApplication::focusChanged, this, nullptr);
    disconnect(m_lookup, nullptr, this, nullptr);
    disconnect(m_form, nullptr, this, nullptr);
    disconnect(m_candidates, nullptr, this, nullptr);
}

void AddSiteDialog::arrangeTabOrder()
{
    QList<QWidget *> chain = m_form->tabChain();
    chain << m_progress->cancelButton() << m_candidates->tabChain() << m_testPanel->runButton()
          << m_close;
    for (int i = 1; i < chain.size(); ++i)
        QWidget::setTabOrder(chain.at(i - 1), chain.at(i));
}

void AddSiteDialog::setMode(Mode mode)
{
    if (m_lookup->isBusy())
        return; // the inputs are disabled while a call runs; nothing switches under it
    m_form->setMode(mode);
    m_problem->clearProblem();
    clearCandidates();
    updateMode();
}

void AddSiteDialog::updateMode()
{
    m_form->showMode();
    updateActions();
}

void AddSiteDialog::updateActions()
{
    const bool busy = m_lookup->isBusy();
    m_form->updateActions(busy);
    m_candidates->updateSave(busy, m_savedGuid);
}

void AddSiteDialog::updateDefaultButton(QWidget *focused)
{
    if (!focused || focused->window() != this)
        return;
    // Enter does what the focused part of the dialog is for: find, or save what was found.
    if (m_form->isAncestorOf(focused))
        m_form->actionButton()->setDefault(true);
    else if (focused == m_candidates->view() || focused == m_candidates->confirmBox())
        m_candidates->saveButton()->setDefault(true);
}

void AddSiteDialog::lookUp()
{
    if (m_lookup->isBusy() || !m_form->canLookUp())
        return;
    if (m_form->mode() == Mode::ByGuid) {
        const QString guid = Halo::normalisedGuid(m_form->guid());
        if (guid.isEmpty())
            return; // nothing is sent until the GUID is valid
        m_lookup->findByGuid(guid);
        return;
    }
    m_lookup->findByPmsId(m_form->pmsId(), m_form->pmsName());
}

void AddSiteDialog::pair()
{
    if (m_lookup->isBusy() || !m_form->canPair())
        return;
    m_lookup->pair(m_form->pmsId(), m_form->pmsName(), m_form->pairingCode());
}

void AddSiteDialog::prepareLookup()
{
    m_problem->clearProblem();
    m_saveProblem->clearProblem();
    clearCandidates();
    m_candidatesPmsName = m_form->pmsName();
}

void AddSiteDialog::setBusy(bool busy)
{
    m_form->setEnabled(!busy);
    if (busy)
        m_progress->cancelButton()->setFocus();
    updateActions();
}

void AddSiteDialog::lookupFinished()
{
    if (m_candidates->model()->rowCount() > 0)
        m_candidates->view()->setFocus();
    else
        m_form->firstInput()->setFocus();
    updateActions();
}

void AddSiteDialog::showCandidates(const QList<Halo::SiteInfo> &sites, const QString &typedPmsId)
{
    m_candidatesPmsId = typedPmsId;
    m_candidates->showCandidates(
        sites, m_form->mode() == Mode::ByPmsId ? m_form->expectedPracticeName() : QString());
    if (sites.isEmpty()) {
        m_problem->showProblem(
            tr("No site found"),
            tr("Halo Cloud has no site with PMS ID “%1” for %2.")
                .arg(typedPmsId, m_candidatesPmsName),
            tr("Check the ID with the practice (%1), and that Halo Link is installed there.")
                .arg(SiteLookupForm::pmsIdHint(m_candidatesPmsName)));
    }
}

void AddSiteDialog::clearCandidates()
{
    m_candidates->clear();
    m_candidatesPmsId.clear();
}

void AddSiteDialog::save()
{
    const int row = m_candidates->selectedRow();
    if (row < 0 || !m_candidates->saveButton()->isEnabled())
        return;
    const Halo::SiteInfo site = m_candidates->model()->candidate(row);
    const Halo::Endpoint endpoint = m_client->endpoint();
    const QDateTime now = QDateTime::currentDateTimeUtc();

    Halo::SiteRecord record;
    record.environment = Halo::environmentId(endpoint.environment);
    if (endpoint.environment == Halo::Environment::Custom)
        record.baseUrl = endpoint.baseUrl.toString();
    record.guid = Halo::normalisedGuid(site.guid);
    record.pmsType = site.pmsType.isEmpty() ? pmsTypeFor(m_candidatesPmsName) : site.pmsType;
    // Halo's own copy of the PMS ID wins; what the user typed stands in when Halo sent none.
    record.pmsId = site.pmsId.trimmed().isEmpty() ? m_candidatesPmsId : site.pmsId.trimmed();
    record.recorded = Halo::identityOf(site, now);
    record.addedAt = now;

    if (record.guid.isEmpty()) {
        m_saveProblem->showProblem(tr("The site was not saved"),
                                   tr("Halo Cloud sent no valid Halo GUID for this install."));
        return;
    }
    QString error;
    if (!m_store->add(record, &error)) {
        m_saveProblem->showProblem(tr("The site was not saved"), error,
                                   tr("Nothing you chose was lost: fix the problem and press Save "
                                      "site again."));
        return;
    }
    m_saveProblem->clearProblem();
    m_savedGuid = record.guid;
    const QString name =
        record.recorded.practiceName.isEmpty() ? record.guid : record.recorded.practiceName;
    m_savedLabel->setText(
        tr("Saved “%1” (%2) to the %3 site list. Run a test query to check "
           "that it answers.")
            .arg(name, record.guid, Halo::environmentDisplayName(endpoint.environment)));
    m_savedLabel->show();
    m_testPanel->setSite(record.guid, record.pmsType);
    m_testPanel->show();
    updateActions();
    m_testPanel->runButton()->setFocus();
    emit siteSaved(record);
}

void AddSiteDialog::done(int result)
{
    m_lookup->cancel();
    m_testPanel->cancel();
    QDialog::done(result);
}
