// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>
#include <QString>
#include <QStringList>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Halo {
struct SiteRecord;
}

// The user's own details of the selected site: label, notes and tags. An edit is handed on when
// the field is left (Tab, a click elsewhere), on Return in a line, on Ctrl+Return in the notes,
// or with Save details; nothing typed is lost by moving on.
class SiteDetailsEditor : public QGroupBox
{
    Q_OBJECT
public:
    explicit SiteDetailsEditor(QWidget *parent = nullptr);

    // Null: no site chosen, the fields are cleared and disabled.
    void setRecord(const Halo::SiteRecord *record);
    void commit(); // hands on the fields if they differ from the record

signals:
    void detailsEdited(const QString &environment, const QString &guid, const QString &label,
                       const QString &notes, const QStringList &tags);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateSaveButton();
    bool differs() const;

    QString m_environment;
    QString m_guid;
    QString m_label;
    QString m_notes;
    QStringList m_tags;
    QLabel *m_recorded;
    QLineEdit *m_labelEdit;
    QPlainTextEdit *m_notesEdit;
    QLineEdit *m_tagsEdit;
    QPushButton *m_save;
};
