// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTreeWidget>

#include "fhir/FhirIssue.h"

// The issues of an OperationOutcome as a person reads them: severity (with an icon), code,
// what it says and where. Hidden when there is nothing to show.
class FhirIssuesView : public QTreeWidget
{
    Q_OBJECT
public:
    explicit FhirIssuesView(QWidget *parent = nullptr);

    void setIssues(const QList<Halo::FhirIssue> &issues);
    const QList<Halo::FhirIssue> &issues() const { return m_issues; }

private:
    QList<Halo::FhirIssue> m_issues;
};
