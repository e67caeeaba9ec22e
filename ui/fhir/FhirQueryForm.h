// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

#include "fhir/FhirCapabilities.h"
#include "fhir/FhirRequest.h"

class QComboBox;
class QGridLayout;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

// The FHIR query as a form: resource type, search parameters (parameter, modifier, value) and
// page size, all offered from the site's CapabilityStatement; and a resource id to read, with
// the operations the CapabilityStatement lists. It edits a FhirRequest and shows one; the FHIR
// tab keeps it and the query line in sync.
class FhirQueryForm : public QWidget
{
    Q_OBJECT
public:
    explicit FhirQueryForm(QWidget *parent = nullptr);

    void setCapabilities(const Halo::FhirCapabilities &capabilities);
    const Halo::FhirCapabilities &capabilities() const { return m_capabilities; }
    // Shows `request` in the fields without emitting edited().
    void setRequest(const Halo::FhirRequest &request);

    Halo::FhirRequest searchRequest() const;    // type, parameters, _count
    Halo::FhirRequest readRequest() const;      // type and id
    Halo::FhirRequest operationRequest() const; // chosen operation (instance when an id is set)

    void addTermRow(const Halo::FhirSearchTerm &term = {});
    int termRowCount() const { return int(m_rows.size()); }
    QComboBox *typeBox() const { return m_type; }
    QSpinBox *countBox() const { return m_count; }
    QLineEdit *idField() const { return m_id; }
    QComboBox *operationBox() const { return m_operation; }
    QComboBox *parameterBox(int row) const { return m_rows.at(row).name; }
    QComboBox *modifierBox(int row) const { return m_rows.at(row).modifier; }
    QLineEdit *valueField(int row) const { return m_rows.at(row).value; }

signals:
    void edited(); // a search field changed: the query line follows
    void readRequested();
    void operationRequested();

private:
    struct TermRow {
        QComboBox *name = nullptr;
        QComboBox *modifier = nullptr;
        QLineEdit *value = nullptr;
        QToolButton *remove = nullptr;
    };

    void typeChanged();
    void fillParameterNames(TermRow &row);
    void fillModifiers(TermRow &row);
    void fillOperations();
    void removeRow(int index);
    void renumberRows();
    void setRows(const QList<Halo::FhirSearchTerm> &terms);
    QList<Halo::FhirSearchTerm> terms() const;
    void changed();

    Halo::FhirCapabilities m_capabilities;
    bool m_updating = false;
    QComboBox *m_type;
    QSpinBox *m_count;
    QGridLayout *m_termGrid;
    QList<TermRow> m_rows;
    QPushButton *m_addTerm;
    QLineEdit *m_id;
    QPushButton *m_read;
    QComboBox *m_operation;
    QPushButton *m_call;
};
