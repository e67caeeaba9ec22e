// SPDX-License-Identifier: GPL-3.0-or-later
#include "SiteLookupForm.h"

#include "api/HaloApiClient.h"
#include "net/Environment.h"
#include "sites/SiteRecord.h"
#include "widgets/AccessibleControls.h"
#include "widgets/ProductionMarker.h"
#include "widgets/ThemeColours.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace {

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

} // namespace

SiteLookupForm::SiteLookupForm(const Halo::Endpoint &destination, QWidget *parent)
    : QWidget(parent)
{
    AccessibleControls::install(); // its combo boxes report their names
    m_byPmsId = new QRadioButton(tr("B&y PMS ID"), this);
    m_byPmsId->setAccessibleName(tr("By PMS ID"));
    m_byGuid = new QRadioButton(tr("By G&UID"), this);
    m_byGuid->setAccessibleName(tr("By GUID"));
    m_byPairing = new QRadioButton(tr("P&air a site"), this);
    m_byPairing->setAccessibleName(tr("Pair a site"));
    m_byPmsId->setChecked(true);
    m_modes = new QButtonGroup(this);
    m_modes->addButton(m_byPmsId, int(Mode::ByPmsId));
    m_modes->addButton(m_byGuid, int(Mode::ByGuid));
    m_modes->addButton(m_byPairing, int(Mode::Pair));
    connect(m_modes, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (checked)
            emit modeChosen(Mode(id));
    });
    auto *modeRow = new QHBoxLayout;
    auto *findLabel = new QLabel(tr("Find the site:"), this);
    modeRow->addWidget(findLabel);
    modeRow->addWidget(m_byPmsId);
    modeRow->addWidget(m_byGuid);
    modeRow->addWidget(m_byPairing);
    modeRow->addStretch(1);

    m_pmsId = new QLineEdit(this);
    m_pmsId->setAccessibleName(tr("PMS ID"));
    m_pms = new QComboBox(this);
    m_pms->setAccessibleName(tr("PMS"));
    for (const QString &name : Halo::HaloApiClient::pmsNames())
        m_pms->addItem(name, name);
    m_expectedName = new QLineEdit(this);
    m_expectedName->setAccessibleName(tr("Expected practice name"));
    m_expectedName->setPlaceholderText(tr("Optional: flags candidates with another name"));
    m_guid = new QLineEdit(this);
    m_guid->setAccessibleName(tr("Halo GUID"));
    m_guid->setPlaceholderText(QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14"));
    m_guidProblem = new QLabel(this);
    m_guidProblem->setAccessibleName(tr("Halo GUID problem"));
    ThemeColours::styleLabel(m_guidProblem, ThemeColours::Role::Bad);
    m_guidProblem->hide();
    m_pairingCode = new QLineEdit(this);
    m_pairingCode->setAccessibleName(tr("Pairing code"));
    m_pairingHint = new QLabel(this);
    m_pairingHint->setAccessibleName(tr("Pairing code hint"));

    m_form = new QFormLayout;
    m_form->addRow(fieldLabel(tr("PMS &ID:"), m_pmsId, this), m_pmsId);
    m_form->addRow(fieldLabel(tr("P&MS:"), m_pms, this), m_pms);
    m_form->addRow(fieldLabel(tr("E&xpected practice name:"), m_expectedName, this),
                   m_expectedName);
    m_form->addRow(fieldLabel(tr("Halo &GUID:"), m_guid, this),
                   withMessage(m_guid, m_guidProblem, this));
    m_form->addRow(fieldLabel(tr("Pairing &code:"), m_pairingCode, this),
                   withMessage(m_pairingCode, m_pairingHint, this));

    m_lookUp = new QPushButton(tr("&Look up"), this);
    m_lookUp->setAccessibleName(tr("Look up"));
    m_pairButton = new QPushButton(tr("Pai&r site"), this);
    m_pairButton->setAccessibleName(tr("Pair site"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_lookUp);
    actions->addWidget(m_pairButton);
    actions->addWidget(new ProductionMarker(destination, this));
    actions->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(modeRow);
    layout->addLayout(m_form);
    layout->addLayout(actions);

    connect(m_lookUp, &QPushButton::clicked, this, &SiteLookupForm::lookUpRequested);
    connect(m_pairButton, &QPushButton::clicked, this, &SiteLookupForm::pairRequested);
    // What was found belongs to what was typed: a change makes it stale.
    connect(m_pmsId, &QLineEdit::textChanged, this, &SiteLookupForm::inputsChanged);
    connect(m_pairingCode, &QLineEdit::textChanged, this, &SiteLookupForm::inputsChanged);
    connect(m_pms, &QComboBox::currentIndexChanged, this, [this]() {
        updatePmsHints();
        emit inputsChanged();
    });
    connect(m_guid, &QLineEdit::textChanged, this, [this]() {
        updateGuidValidation();
        emit inputsChanged();
    });
    connect(m_expectedName, &QLineEdit::textChanged, this,
            &SiteLookupForm::expectedPracticeNameChanged);
    updatePmsHints();
}

QString SiteLookupForm::pmsIdHint(const QString &pmsName)
{
    if (isBestPractice(pmsName))
        return tr("Bp Site ID (Bp Premier: Help → About)");
    if (pmsName == QLatin1String("Zedmed"))
        return tr("Zedmed Database ID");
    return tr("Centaur customer reference number (D4W: Help → About)");
}

bool SiteLookupForm::isBestPractice(const QString &pmsName)
{
    return pmsName == QLatin1String("Best Practice");
}

void SiteLookupForm::setMode(Mode mode)
{
    m_mode = mode;
    m_modes->button(int(mode))->setChecked(true);
}

void SiteLookupForm::showMode()
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
}

void SiteLookupForm::updateActions(bool busy)
{
    const bool hasPmsId = !pmsId().isEmpty();
    m_lookUp->setEnabled(
        !busy && (m_mode == Mode::ByGuid ? Halo::isValidHaloGuid(m_guid->text()) : hasPmsId));
    const bool codeOk = !isBestPractice(pmsName()) || !m_pairingCode->text().trimmed().isEmpty();
    m_pairButton->setEnabled(!busy && hasPmsId && codeOk);
}

QString SiteLookupForm::pmsId() const
{
    return m_pmsId->text().trimmed();
}

QString SiteLookupForm::pmsName() const
{
    return m_pms->currentData().toString();
}

QString SiteLookupForm::expectedPracticeName() const
{
    return m_expectedName->text();
}

QString SiteLookupForm::guid() const
{
    return m_guid->text();
}

QString SiteLookupForm::pairingCode() const
{
    return isBestPractice(pmsName()) ? m_pairingCode->text().trimmed() : QString();
}

bool SiteLookupForm::canLookUp() const
{
    return m_lookUp->isEnabled();
}

bool SiteLookupForm::canPair() const
{
    return m_pairButton->isEnabled();
}

QPushButton *SiteLookupForm::actionButton() const
{
    return m_mode == Mode::Pair ? m_pairButton : m_lookUp;
}

QWidget *SiteLookupForm::firstInput() const
{
    return m_mode == Mode::ByGuid ? m_guid : m_pmsId;
}

QList<QWidget *> SiteLookupForm::tabChain() const
{
    return {m_byPmsId,      m_byGuid, m_byPairing,   m_pmsId,  m_pms,
            m_expectedName, m_guid,   m_pairingCode, m_lookUp, m_pairButton};
}

void SiteLookupForm::updateGuidValidation()
{
    const QString text = m_guid->text().trimmed();
    const bool invalid = !text.isEmpty() && !Halo::isValidHaloGuid(text);
    const QString message =
        invalid ? tr("Not a valid Halo GUID: expected 8-4-4-4-12 hexadecimal digits") : QString();
    m_guidProblem->setText(message);
    m_guidProblem->setVisible(invalid);
    m_guid->setAccessibleDescription(message);
}

void SiteLookupForm::updatePmsHints()
{
    const QString pms = pmsName();
    m_pmsId->setPlaceholderText(pmsIdHint(pms));
    m_pmsId->setToolTip(pmsIdHint(pms));
    const bool needsCode = isBestPractice(pms);
    m_pairingCode->setEnabled(needsCode);
    m_pairingCode->setPlaceholderText(needsCode ? tr("Required for Best Practice") : QString());
    const QString hint =
        needsCode ? tr("Required for Best Practice: the practice generates it in Bp Premier.")
                  : tr("Not needed: %1 sites pair without a code.").arg(pms);
    m_pairingHint->setText(hint);
    m_pairingCode->setAccessibleDescription(hint);
}
