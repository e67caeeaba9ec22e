// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "fhir/FhirResponse.h"

class QLabel;
class QPushButton;
class QTableView;
class FhirIssuesView;

namespace Halo {
class FhirEntryTableModel;
class PatientDataMaskModel;
} // namespace Halo

// What a FHIR answer holds, at a glance: its OperationOutcome issues, a line on the Bundle
// (type, total, page), the entries as a table, and Previous / Next page from the Bundle's own
// links. Selecting an entry asks the resource view to show it.
class FhirResultsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FhirResultsPanel(QWidget *parent = nullptr);

    void showResponse(const Halo::FhirResponse &response, int page);
    void clear();
    void setBusy(bool busy); // paging is disabled while a request runs
    // Privacy mode: the patient-data columns (name, birth date, Medicare…) hidden.
    void setPrivacy(bool on);
    // The headers of the columns privacy mode hides in the entries shown now.
    QStringList hiddenColumnNames() const;

    const Halo::FhirResponse &response() const { return m_response; }
    QTableView *table() const { return m_table; }
    Halo::FhirEntryTableModel *model() const { return m_model; }
    FhirIssuesView *issuesView() const { return m_issues; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *nextButton() const { return m_next; }
    QPushButton *previousButton() const { return m_previous; }
    void selectEntry(int row);

signals:
    void entrySelected(int row);
    void wholeResponseRequested();
    void pageRequested(const QString &url, int page);
    void saveResponseRequested();

private:
    void updateButtons();

    Halo::FhirResponse m_response;
    int m_page = 1;
    bool m_busy = false;
    FhirIssuesView *m_issues;
    QLabel *m_summary;
    Halo::FhirEntryTableModel *m_model;
    Halo::PatientDataMaskModel *m_mask;
    QTableView *m_table;
    QPushButton *m_previous;
    QPushButton *m_next;
    QPushButton *m_whole;
    QPushButton *m_save;
};
