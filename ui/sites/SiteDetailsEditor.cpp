// SPDX-License-Identifier: GPL-3.0-or-later
#include "SiteDetailsEditor.h"

#include "sites/SiteRecord.h"

#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

SiteDetailsEditor::SiteDetailsEditor(QWidget *parent)
    : QGroupBox(tr("Site details"), parent)
    , m_recorded(new QLabel(this))
    , m_labelEdit(new QLineEdit(this))
    , m_notesEdit(new QPlainTextEdit(this))
    , m_tagsEdit(new QLineEdit(this))
    , m_save(new QPushButton(tr("Save &details"), this))
{
    setObjectName(QStringLiteral("siteDetails"));
    setAccessibleName(tr("Site details"));

    m_recorded->setObjectName(QStringLiteral("siteRecordedName"));
    m_recorded->setAccessibleName(tr("Recorded practice name"));
    m_recorded->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_recorded->setWordWrap(true);

    m_labelEdit->setObjectName(QStringLiteral("siteLabel"));
    m_labelEdit->setAccessibleName(tr("Site label"));
    m_labelEdit->setPlaceholderText(tr("Your name for this site (the list shows it)"));
    m_labelEdit->setClearButtonEnabled(true);

    m_notesEdit->setObjectName(QStringLiteral("siteNotes"));
    m_notesEdit->setAccessibleName(tr("Site notes"));
    m_notesEdit->setPlaceholderText(tr("Notes (Ctrl+Return saves)"));
    m_notesEdit->setTabChangesFocus(true); // Tab moves on, as everywhere else in the form
    m_notesEdit->setMaximumHeight(m_notesEdit->fontMetrics().lineSpacing() * 5);
    m_notesEdit->installEventFilter(this);

    m_tagsEdit->setObjectName(QStringLiteral("siteTags"));
    m_tagsEdit->setAccessibleName(tr("Site tags"));
    m_tagsEdit->setPlaceholderText(tr("Tags, separated by commas"));
    m_tagsEdit->setClearButtonEnabled(true);

    m_save->setObjectName(QStringLiteral("saveSiteDetails"));
    m_save->setAccessibleName(tr("Save site details"));

    connect(m_labelEdit, &QLineEdit::editingFinished, this, &SiteDetailsEditor::commit);
    connect(m_tagsEdit, &QLineEdit::editingFinished, this, &SiteDetailsEditor::commit);
    connect(m_save, &QPushButton::clicked, this, &SiteDetailsEditor::commit);
    connect(m_labelEdit, &QLineEdit::textEdited, this, &SiteDetailsEditor::updateSaveButton);
    connect(m_tagsEdit, &QLineEdit::textEdited, this, &SiteDetailsEditor::updateSaveButton);
    connect(m_notesEdit, &QPlainTextEdit::textChanged, this, &SiteDetailsEditor::updateSaveButton);

    auto *layout = new QFormLayout(this);
    layout->addRow(tr("Recorded as:"), m_recorded);
    layout->addRow(tr("La&bel:"), m_labelEdit);
    layout->addRow(tr("N&otes:"), m_notesEdit);
    layout->addRow(tr("Ta&gs:"), m_tagsEdit);
    layout->addRow(QString(), m_save);
    setRecord(nullptr);
}

void SiteDetailsEditor::setRecord(const Halo::SiteRecord *record)
{
    m_environment = record ? record->environment : QString();
    m_guid = record ? record->guid : QString();
    m_label = record ? record->label : QString();
    m_notes = record ? record->notes : QString();
    m_tags = record ? record->tags : QStringList();
    m_recorded->setText(record ? record->recorded.practiceName : QString());
    // Only changed text is replaced, so a field being typed in keeps its cursor.
    if (m_labelEdit->text() != m_label)
        m_labelEdit->setText(m_label);
    if (m_notesEdit->toPlainText() != m_notes)
        m_notesEdit->setPlainText(m_notes);
    if (Halo::tagsFromText(m_tagsEdit->text()) != m_tags)
        m_tagsEdit->setText(Halo::tagsText(m_tags));
    for (QWidget *field : {static_cast<QWidget *>(m_labelEdit), static_cast<QWidget *>(m_notesEdit),
                           static_cast<QWidget *>(m_tagsEdit)})
        field->setEnabled(record != nullptr);
    updateSaveButton();
}

bool SiteDetailsEditor::differs() const
{
    return !m_guid.isEmpty() &&
           (m_labelEdit->text().simplified() != m_label || m_notesEdit->toPlainText() != m_notes ||
            Halo::tagsFromText(m_tagsEdit->text()) != m_tags);
}

void SiteDetailsEditor::updateSaveButton()
{
    m_save->setEnabled(differs());
}

void SiteDetailsEditor::commit()
{
    if (!differs())
        return;
    // Taken first: the store's change comes back through setRecord() before emit returns.
    const QString environment = m_environment;
    const QString guid = m_guid;
    emit detailsEdited(environment, guid, m_labelEdit->text().simplified(),
                       m_notesEdit->toPlainText(), Halo::tagsFromText(m_tagsEdit->text()));
}

bool SiteDetailsEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_notesEdit) {
        if (event->type() == QEvent::FocusOut) {
            commit();
        } else if (event->type() == QEvent::KeyPress) {
            const auto *key = static_cast<QKeyEvent *>(event);
            if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
                key->modifiers().testFlag(Qt::ControlModifier)) {
                commit();
                return true;
            }
        }
    }
    return QGroupBox::eventFilter(watched, event);
}
