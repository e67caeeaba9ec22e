// SPDX-License-Identifier: GPL-3.0-or-later
#include "FhirIssuesView.h"

#include <QHeaderView>
#include <QStyle>

namespace {

QIcon iconFor(const QStyle *style, const QString &severity)
{
    if (severity == QLatin1String("fatal") || severity == QLatin1String("error"))
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    if (severity == QLatin1String("warning"))
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    return style->standardIcon(QStyle::SP_MessageBoxInformation);
}

QString severityText(const QString &severity)
{
    if (severity == QLatin1String("fatal"))
        return FhirIssuesView::tr("Fatal");
    if (severity == QLatin1String("error"))
        return FhirIssuesView::tr("Error");
    if (severity == QLatin1String("warning"))
        return FhirIssuesView::tr("Warning");
    if (severity == QLatin1String("information"))
        return FhirIssuesView::tr("Information");
    return severity;
}

} // namespace

FhirIssuesView::FhirIssuesView(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("fhirIssues"));
    setAccessibleName(tr("FHIR issues"));
    setColumnCount(4);
    setHeaderLabels({tr("Severity"), tr("Code"), tr("What the server says"), tr("Where")});
    setRootIsDecorated(false);
    setUniformRowHeights(false);
    setWordWrap(true);
    setAlternatingRowColors(true);
    header()->setSectionResizeMode(2, QHeaderView::Stretch);
    header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(false);
    setMaximumHeight(140);
    hide();
}

void FhirIssuesView::setIssues(const QList<Halo::FhirIssue> &issues)
{
    m_issues = issues;
    clear();
    for (const Halo::FhirIssue &issue : issues) {
        QString text = issue.text;
        if (!issue.diagnostics.isEmpty() && issue.diagnostics != issue.text)
            text +=
                text.isEmpty() ? issue.diagnostics : QStringLiteral(" (%1)").arg(issue.diagnostics);
        QString code = issue.code;
        if (!issue.detailCode.isEmpty())
            code += QStringLiteral(" · %1").arg(issue.detailCode);
        auto *item =
            new QTreeWidgetItem(this, {severityText(issue.severity), code, text, issue.location});
        item->setIcon(0, iconFor(style(), issue.severity));
        item->setToolTip(2, text);
    }
    resizeColumnToContents(0);
    resizeColumnToContents(1);
    setVisible(!issues.isEmpty());
}
