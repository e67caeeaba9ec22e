#include "AddSiteDialog.h"

#include "TestQueryPanel.h"
#include "api/HaloApiClient.h"
#include "api/SiteCalls.h"
#include "sites/SiteCandidatesModel.h"
#include "sites/SiteInfo.h"
#include "sites/SiteStore.h"
#include "widgets/CallProgress.h"
#include "widgets/ProblemLabel.h"
#include "widgets/ProductionMarker.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace {

const QString kBestPractice = QStringLiteral("Best Practice");

// The PMS type a site record keeps ("BestPractice") for the name the API takes ("Best Practice").
QString pmsTypeFor(const QString &pmsName)
{
    return pmsName == kBestPractice ? QStringLiteral("BestPractice") : pmsName;
}

// What the practice calls its PMS ID and where it finds it (REFERENCE §3.4).
QString pmsIdHint(const QString &pmsName)
{
    if (pmsName == kBestPractice)
        return AddSiteDialog::tr("Bp Site ID (Bp Premier: Help → About)");
    if (pmsName == QLatin1String("Zedmed"))
        return AddSiteDialog::tr("Zedmed Database ID");
    return AddSiteDialog::tr("Centaur customer reference number (D4W: Help → About)");
}

QLabel *fieldLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

// A line edit with a message line below it, as one form field.
QWidget *withMessage(QWidget *field, QLabel *message, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(message);
    message->setWordWrap(true);
    return box;
}

// Besides their words, non-authoritative installs read in italics and the warnings in red, so
// the eye finds them before the text is read.
class CandidateDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        using Model = Halo::SiteCandidatesModel;
        QStyledItemDelegate::initStyleOption(option, index);
        const bool authoritative = index.data(Model::AuthoritativeRole).toBool();
        const bool warning = (index.column() == Model::AuthoritativeColumn && !authoritative) ||
                             (index.column() == Model::PracticeColumn &&
                              !index.data(Model::NameMatchesRole).toBool());
        option->font.setItalic(!authoritative);
        if (warning) {
            option->font.setBold(true);
            option->palette.setColor(QPalette::Text, QColor(0xc6, 0x28, 0x28));
        }
    }
};

} // namespace

AddSiteDialog::AddSiteDialog(Halo::HaloApiClient *client, Halo::SiteStore *store, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_store(store)
    , m_candidates(new Halo::SiteCandidatesModel(this))
{
    setWindowTitle(tr("Add site"));
    setAccessibleName(tr("Add site"));
    setObjectName(QStringLiteral("addSiteDialog"));

    const Halo::Endpoint endpoint = m_client->endpoint();
    const QString environmentName = Halo::environmentDisplayName(endpoint.environment);
    auto *environment = new QLabel(this);
    environment->setAccessibleName(tr("Environment"));
    environment->setTextFormat(Qt::RichText);
    const QString url = endpoint.baseUrl.toDisplayString();
    QString where = tr("Adds to the <b>%1</b> site list").arg(environmentName.toHtmlEscaped());
    if (!url.isEmpty())
        where += QStringLiteral(" — ") + url.toHtmlEscaped();
    if (Halo::isProduction(endpoint.environment)) {
        where += QStringLiteral(". ") + tr("Look up, pairing and the test query reach live "
                                           "practices.");
        environment->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
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

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(environment);
    layout->addWidget(createInputs());
    layout->addWidget(m_problem);
    layout->addWidget(createCandidates(), 1);
    layout->addWidget(m_saveProblem);
    layout->addWidget(m_savedLabel);
    layout->addWidget(m_testPanel);
    layout->addWidget(buttons);

    arrangeTabOrder();
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget *, QWidget *now) { updateDefaultButton(now); });
    updateMode();
    updatePmsHints();
    m_lookUp->setDefault(true);
    m_pmsId->setFocus();
    resize(1080, 640);
}

AddSiteDialog::~AddSiteDialog()
{
    if (m_call) {
        disconnect(m_call, nullptr, this, nullptr);
        m_call->cancel();
    }
}

QWidget *AddSiteDialog::createInputs()
{
    m_inputs = new QWidget(this);
    const Halo::Environment environment = m_client->endpoint().environment;

    m_byPmsId = new QRadioButton(tr("B&y PMS ID"), m_inputs);
    m_byPmsId->setAccessibleName(tr("By PMS ID"));
    m_byGuid = new QRadioButton(tr("By G&UID"), m_inputs);
    m_byGuid->setAccessibleName(tr("By GUID"));
    m_byPairing = new QRadioButton(tr("P&air a site"), m_inputs);
    m_byPairing->setAccessibleName(tr("Pair a site"));
    m_byPmsId->setChecked(true);
    m_modes = new QButtonGroup(this);
    m_modes->addButton(m_byPmsId, int(Mode::ByPmsId));
    m_modes->addButton(m_byGuid, int(Mode::ByGuid));
    m_modes->addButton(m_byPairing, int(Mode::Pair));
    connect(m_modes, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (checked)
            setMode(Mode(id));
    });
    auto *modeRow = new QHBoxLayout;
    auto *findLabel = new QLabel(tr("Find the site:"), m_inputs);
    modeRow->addWidget(findLabel);
    modeRow->addWidget(m_byPmsId);
    modeRow->addWidget(m_byGuid);
    modeRow->addWidget(m_byPairing);
    modeRow->addStretch(1);

    m_pmsId = new QLineEdit(m_inputs);
    m_pmsId->setAccessibleName(tr("PMS ID"));
    m_pms = new QComboBox(m_inputs);
    m_pms->setAccessibleName(tr("PMS"));
    for (const QString &name : Halo::HaloApiClient::pmsNames())
        m_pms->addItem(name, name);
    m_expectedName = new QLineEdit(m_inputs);
    m_expectedName->setAccessibleName(tr("Expected practice name"));
    m_expectedName->setPlaceholderText(tr("Optional: flags candidates with another name"));
    m_guid = new QLineEdit(m_inputs);
    m_guid->setAccessibleName(tr("Halo GUID"));
    m_guid->setPlaceholderText(QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14"));
    m_guidProblem = new QLabel(m_inputs);
    m_guidProblem->setAccessibleName(tr("Halo GUID problem"));
    m_guidProblem->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_guidProblem->hide();
    m_pairingCode = new QLineEdit(m_inputs);
    m_pairingCode->setAccessibleName(tr("Pairing code"));
    m_pairingHint = new QLabel(m_inputs);
    m_pairingHint->setAccessibleName(tr("Pairing code hint"));

    m_form = new QFormLayout;
    m_form->addRow(fieldLabel(tr("PMS &ID:"), m_pmsId, m_inputs), m_pmsId);
    m_form->addRow(fieldLabel(tr("P&MS:"), m_pms, m_inputs), m_pms);
    m_form->addRow(fieldLabel(tr("E&xpected practice name:"), m_expectedName, m_inputs),
                   m_expectedName);
    m_form->addRow(fieldLabel(tr("Halo &GUID:"), m_guid, m_inputs),
                   withMessage(m_guid, m_guidProblem, m_inputs));
    m_form->addRow(fieldLabel(tr("Pairing &code:"), m_pairingCode, m_inputs),
                   withMessage(m_pairingCode, m_pairingHint, m_inputs));

    m_lookUp = new QPushButton(tr("&Look up"), m_inputs);
    m_lookUp->setAccessibleName(tr("Look up"));
    m_pairButton = new QPushButton(tr("Pai&r site"), m_inputs);
    m_pairButton->setAccessibleName(tr("Pair site"));
    m_progress = new CallProgress(this);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_lookUp);
    actions->addWidget(m_pairButton);
    actions->addWidget(new ProductionMarker(environment, m_inputs));
    actions->addStretch(1);

    auto *layout = new QVBoxLayout(m_inputs);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(modeRow);
    layout->addLayout(m_form);
    layout->addLayout(actions);

    connect(m_lookUp, &QPushButton::clicked, this, &AddSiteDialog::lookUp);
    connect(m_pairButton, &QPushButton::clicked, this, &AddSiteDialog::pair);
    // What was found belongs to what was typed: a change makes it stale.
    const auto stale = [this]() {
        clearCandidates();
        updateActions();
    };
    connect(m_pmsId, &QLineEdit::textChanged, this, stale);
    connect(m_pairingCode, &QLineEdit::textChanged, this, stale);
    connect(m_pms, &QComboBox::currentIndexChanged, this, [this, stale]() {
        updatePmsHints();
        stale();
    });
    connect(m_guid, &QLineEdit::textChanged, this, [this, stale]() {
        updateGuidValidation();
        stale();
    });
    connect(m_expectedName, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_candidates->setExpectedPracticeName(text);
        updateSelection();
    });

    // The busy row sits outside m_inputs so that it stays usable while the inputs are disabled.
    auto *section = new QWidget(this);
    auto *sectionLayout = new QVBoxLayout(section);
    sectionLayout->setContentsMargins(0, 0, 0, 0);
    sectionLayout->addWidget(m_inputs);
    sectionLayout->addWidget(m_progress);
    return section;
}

QWidget *AddSiteDialog::createCandidates()
{
    m_candidatesSection = new QWidget(this);
    const Halo::Environment environment = m_client->endpoint().environment;

    m_view = new QTableView(m_candidatesSection);
    m_view->setObjectName(QStringLiteral("siteCandidates"));
    m_view->setAccessibleName(tr("Candidates"));
    m_view->setAccessibleDescription(
        tr("The installs Halo Cloud returned; the authoritative one first."));
    m_view->setModel(m_candidates);
    m_view->setItemDelegate(new CandidateDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false); // Tab leaves the table instead of walking its cells
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AddSiteDialog::onSelectionChanged);
    connect(m_candidates, &QAbstractItemModel::modelReset, this,
            &AddSiteDialog::onSelectionChanged);

    m_candidatesNote = new QLabel(m_candidatesSection);
    m_candidatesNote->setAccessibleName(tr("Candidates note"));
    m_candidatesNote->setWordWrap(true);
    m_confirmNonAuthoritative = new QCheckBox(
        tr("I understand this install is not authoritative; queries will be refused (403)"),
        m_candidatesSection);
    m_confirmNonAuthoritative->setAccessibleName(tr("Confirm non-authoritative install"));
    m_confirmNonAuthoritative->hide();
    connect(m_confirmNonAuthoritative, &QCheckBox::toggled, this, &AddSiteDialog::updateActions);

    m_save = new QPushButton(tr("&Save site"), m_candidatesSection);
    m_save->setAccessibleName(tr("Save site"));
    connect(m_save, &QPushButton::clicked, this, &AddSiteDialog::save);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_save);
    saveRow->addWidget(new ProductionMarker(environment, m_candidatesSection));
    saveRow->addStretch(1);

    auto *title = new QLabel(tr("Ca&ndidates:"), m_candidatesSection);
    title->setBuddy(m_view);
    auto *layout = new QVBoxLayout(m_candidatesSection);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_candidatesNote);
    layout->addWidget(m_confirmNonAuthoritative);
    layout->addLayout(saveRow);
    return m_candidatesSection;
}

void AddSiteDialog::arrangeTabOrder()
{
    const QList<QWidget *> chain{m_byPmsId,
                                 m_byGuid,
                                 m_byPairing,
                                 m_pmsId,
                                 m_pms,
                                 m_expectedName,
                                 m_guid,
                                 m_pairingCode,
                                 m_lookUp,
                                 m_pairButton,
                                 m_progress->cancelButton(),
                                 m_view,
                                 m_confirmNonAuthoritative,
                                 m_save,
                                 m_testPanel->runButton(),
                                 m_close};
    for (int i = 1; i < chain.size(); ++i)
        QWidget::setTabOrder(chain.at(i - 1), chain.at(i));
}

void AddSiteDialog::setMode(Mode mode)
{
    if (m_call)
        return; // the inputs are disabled while a call runs; nothing switches under it
    m_mode = mode;
    m_modes->button(int(mode))->setChecked(true);
    m_problem->clearProblem();
    clearCandidates();
    updateMode();
}

void AddSiteDialog::updateMode()
{
    const bool byPmsId = m_mode == Mode::ByPmsId;
    const bool byGuid = m_mode == Mode::ByGuid;
    const bool pairing = m_mode == Mode::Pair;
    m_form->setRowVisible(m_pmsId, !byGuid);
    m_form->setRowVisible(m_pms, !byGuid);
    m_form->setRowVisible(m_expectedName, byPmsId);
    m_form->setRowVisible(m_guid->parentWidget(), byGuid);
    m_form->setRowVisible(m_pairingCode->parentWidget(), pairing);
    m_lookUp->setVisible(!pairing);
    m_pairButton->setVisible(pairing);
    actionButton()->setDefault(true);
    updateGuidValidation();
    updateActions();
}

QPushButton *AddSiteDialog::actionButton() const
{
    return m_mode == Mode::Pair ? m_pairButton : m_lookUp;
}

QWidget *AddSiteDialog::firstInput() const
{
    return m_mode == Mode::ByGuid ? m_guid : m_pmsId;
}

QString AddSiteDialog::selectedPmsName() const
{
    return m_pms->currentData().toString();
}

void AddSiteDialog::updateGuidValidation()
{
    const QString text = m_guid->text().trimmed();
    const bool invalid = !text.isEmpty() && !Halo::isValidHaloGuid(text);
    const QString message =
        invalid ? tr("Not a valid Halo GUID: expected 8-4-4-4-12 hexadecimal digits") : QString();
    m_guidProblem->setText(message);
    m_guidProblem->setVisible(invalid);
    m_guid->setAccessibleDescription(message);
}

void AddSiteDialog::updatePmsHints()
{
    const QString pms = selectedPmsName();
    m_pmsId->setPlaceholderText(pmsIdHint(pms));
    m_pmsId->setToolTip(pmsIdHint(pms));
    const bool needsCode = pms == kBestPractice;
    m_pairingCode->setEnabled(needsCode);
    m_pairingCode->setPlaceholderText(needsCode ? tr("Required for Best Practice") : QString());
    const QString hint =
        needsCode ? tr("Required for Best Practice: the practice generates it in Bp Premier.")
                  : tr("Not needed: %1 sites pair without a code.").arg(pms);
    m_pairingHint->setText(hint);
    m_pairingCode->setAccessibleDescription(hint);
}

void AddSiteDialog::updateActions()
{
    const bool busy = !m_call.isNull();
    const bool hasPmsId = !m_pmsId->text().trimmed().isEmpty();
    m_lookUp->setEnabled(
        !busy && (m_mode == Mode::ByGuid ? Halo::isValidHaloGuid(m_guid->text()) : hasPmsId));
    const bool codeOk =
        selectedPmsName() != kBestPractice || !m_pairingCode->text().trimmed().isEmpty();
    m_pairButton->setEnabled(!busy && hasPmsId && codeOk);

    const int row = selectedRow();
    const Halo::SiteInfo site = m_candidates->candidate(row);
    const bool confirmed = !Halo::SiteCandidatesModel::isNonAuthoritative(site) ||
                           m_confirmNonAuthoritative->isChecked();
    const bool alreadySaved =
        !m_savedGuid.isEmpty() && Halo::normalisedGuid(site.guid) == m_savedGuid;
    m_save->setEnabled(!busy && row >= 0 && confirmed && !alreadySaved);
}

void AddSiteDialog::updateDefaultButton(QWidget *focused)
{
    if (!focused || focused->window() != this)
        return;
    // Enter does what the focused part of the dialog is for: find, or save what was found.
    if (m_inputs->isAncestorOf(focused))
        actionButton()->setDefault(true);
    else if (focused == m_view || focused == m_confirmNonAuthoritative)
        m_save->setDefault(true);
}

void AddSiteDialog::lookUp()
{
    if (m_call || !m_lookUp->isEnabled())
        return;
    if (m_mode == Mode::ByGuid) {
        const QString guid = Halo::normalisedGuid(m_guid->text());
        if (guid.isEmpty())
            return; // nothing is sent until the GUID is valid
        Halo::SiteStatusCall *call = m_client->siteStatus(guid);
        send(call, tr("Looking up %1…").arg(guid), [this, call, guid]() {
            Halo::SiteInfo site = call->site();
            if (site.guid.isEmpty())
                site.guid = guid;
            showCandidates({site}, QString());
        });
        return;
    }
    const QString pmsId = m_pmsId->text().trimmed();
    const QString pmsName = selectedPmsName();
    Halo::FindSitesCall *call = m_client->findSites(pmsId, pmsName);
    send(call, tr("Looking up %1 (%2)…").arg(pmsId, pmsName),
         [this, call, pmsId]() { showCandidates(call->sites(), pmsId); });
}

void AddSiteDialog::pair()
{
    if (m_call || !m_pairButton->isEnabled())
        return;
    const QString pmsId = m_pmsId->text().trimmed();
    const QString pmsName = selectedPmsName();
    const QString code = pmsName == kBestPractice ? m_pairingCode->text().trimmed() : QString();
    Halo::PairSiteCall *call = m_client->pairSite(pmsId, pmsName, code);
    send(call, tr("Pairing %1 (%2)…").arg(pmsId, pmsName),
         [this, call, pmsId]() { showCandidates({call->site()}, pmsId); });
}

void AddSiteDialog::send(Halo::ApiCall *call, const QString &activity,
                         const std::function<void()> &onSuccess)
{
    m_problem->clearProblem();
    m_saveProblem->clearProblem();
    clearCandidates();
    m_candidatesPmsName = selectedPmsName();
    m_call = call;
    connect(call, &Halo::ApiCall::finished, this, [this, call, onSuccess]() {
        m_call = nullptr;
        setBusy(false);
        if (call->ok())
            onSuccess();
        else
            m_problem->showError(call->error());
        if (m_candidates->rowCount() > 0)
            m_view->setFocus();
        else
            firstInput()->setFocus();
        updateActions();
    });
    m_progress->track(call, activity);
    setBusy(true);
}

void AddSiteDialog::setBusy(bool busy)
{
    m_inputs->setEnabled(!busy);
    if (busy)
        m_progress->cancelButton()->setFocus();
    updateActions();
}

void AddSiteDialog::showCandidates(const QList<Halo::SiteInfo> &sites, const QString &typedPmsId)
{
    m_candidatesPmsId = typedPmsId;
    m_candidates->setExpectedPracticeName(m_mode == Mode::ByPmsId ? m_expectedName->text()
                                                                  : QString());
    m_candidates->setCandidates(sites);
    if (sites.isEmpty()) {
        m_problem->showProblem(
            tr("No site found"),
            tr("Halo Cloud has no site with PMS ID “%1” for %2.")
                .arg(typedPmsId, m_candidatesPmsName),
            tr("Check the ID with the practice (%1), and that Halo Link is installed there.")
                .arg(pmsIdHint(m_candidatesPmsName)));
        return;
    }
    m_view->resizeColumnsToContents();
    // One candidate is the answer to what was asked; among several the user chooses.
    if (sites.size() == 1)
        m_view->selectRow(0);
    else
        m_view->selectionModel()->setCurrentIndex(m_candidates->index(0, 0),
                                                  QItemSelectionModel::NoUpdate);
}

void AddSiteDialog::clearCandidates()
{
    m_candidates->clear();
    m_candidatesPmsId.clear();
}

int AddSiteDialog::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void AddSiteDialog::onSelectionChanged()
{
    // A confirmation is for one install: choosing another asks again.
    m_confirmNonAuthoritative->setChecked(false);
    updateSelection();
}

void AddSiteDialog::updateSelection()
{
    const int row = selectedRow();
    const Halo::SiteInfo site = m_candidates->candidate(row);
    m_confirmNonAuthoritative->setVisible(row >= 0 &&
                                          Halo::SiteCandidatesModel::isNonAuthoritative(site));

    QStringList notes;
    const int count = m_candidates->rowCount();
    if (count > 1)
        notes << tr("%n installs share this PMS ID. Only the authoritative one answers queries; "
                    "choose it unless you know otherwise.",
                    nullptr, count);
    if (count > 1 && row < 0)
        notes << tr("Choose the practice to save.");
    if (row >= 0 && !m_candidates->nameMatches(row))
        notes << tr("“%1” is not the practice name you expected (“%2”). Check with the practice "
                    "before saving.")
                     .arg(site.practiceName, m_candidates->expectedPracticeName());
    m_candidatesNote->setText(notes.join(QLatin1Char(' ')));
    m_candidatesNote->setVisible(!notes.isEmpty());
    updateActions();
}

void AddSiteDialog::save()
{
    const int row = selectedRow();
    if (row < 0 || !m_save->isEnabled())
        return;
    const Halo::SiteInfo site = m_candidates->candidate(row);
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
    if (m_call)
        m_call->cancel();
    m_testPanel->cancel();
    QDialog::done(result);
}
