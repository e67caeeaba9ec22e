// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QAbstractItemView;
class QAction;
class QModelIndex;

// "Open FHIR Patient" on a results grid of a Best Practice site: a cell of a column that holds
// the patient's internal id (PatientLinks decides which) opens Patient/{id} in the FHIR tab,
// from the grid's context menu, with Ctrl+click, or with Ctrl+Shift+F on the current cell.
// "Patient id columns…" sets which column names count.
class PatientLinkActions : public QObject
{
    Q_OBJECT
public:
    explicit PatientLinkActions(QAbstractItemView *grid);

    void setPmsType(const QString &pmsType);
    // The FHIR id the cell at `index` links to, or empty when it links nowhere.
    QString patientIdAt(const QModelIndex &index) const;
    QAction *openAction() const { return m_open; }

signals:
    void openPatientRequested(const QString &fhirId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateAction();
    void openCurrent();
    void chooseColumns();

    QAbstractItemView *m_grid;
    QObject *m_viewport; // compared only, never called: see eventFilter()
    QAction *m_separator;
    QAction *m_open;
    QAction *m_columns;
    QString m_pmsType;
};
