// SPDX-License-Identifier: GPL-3.0-or-later
#include "FhirResultsPanel.h"

#include "FhirIssuesView.h"
#include "fhir/FhirEntryTableModel.h"
#include "privacy/PatientDataMaskModel.h"
#include "widgets/FlowLayout.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

FhirResultsPanel::FhirResultsPanel(QWidget *parent)
    : QWidget(parent)
    , m_issues(new FhirIssuesView(this))
    , m_summary(new QLabel(this))
    , m_model(new Halo::FhirEntryTableModel(this))
    , m_mask(new Halo::PatientDataMaskModel(this))
    , m_table(new QTableView(this))
    , m_previous(new QPushButton(tr("◀ P&revious page"), this))
    , m_next(new QPushButton(tr("&Next page ▶"), this))
    , m_whole(new QPushButton(tr("&Whole response"), this))
    , m_save(new QPushButton(tr("Save respo&nse…"), this))
{
    m_summary->setObjectName(QStringLiteral("fhirResultSummary"));
    m_summary->setAccessibleName(tr("FHIR result summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_table->setObjectName(QStringLiteral("fhirResults"));
    m_table->setAccessibleName(tr("FHIR results"));
    m_mask->setSourceModel(m_model);
    m_table->setModel(m_mask);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setTabKeyNavigation(false); // Tab leaves the table, arrows move inside it
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    emit entrySelected(current.row());
            });

    m_previous->setAccessibleName(tr("Previous page"));
    m_next->setAccessibleName(tr("Next page"));
    m_whole->setAccessibleName(tr("Show whole response"));
    m_whole->setToolTip(tr("Shows the whole answer (the Bundle itself) in the JSON view"));
    m_save->setAccessibleName(tr("Save response"));
    m_save->setToolTip(tr("Saves the whole answer as a JSON file. Nothing is saved unless "
                          "you ask."));
    connect(m_previous, &QPushButton::clicked, this, [this]() {
        emit pageRequested(m_response.link(QStringLiteral("previous")), std::max(1, m_page - 1));
    });
    connect(m_next, &QPushButton::clicked, this,
            [this]() { emit pageRequested(m_response.link(QStringLiteral("next")), m_page + 1); });
    connect(m_whole, &QPushButton::clicked, this, &FhirResultsPanel::wholeResponseRequested);
    connect(m_save, &QPushButton::clicked, this, &FhirResultsPanel::saveResponseRequested);

    // Wraps when the panel is narrow rather than widen the window.
    QWidget *buttons = FlowLayout::row(this, {m_previous, m_next, m_whole, m_save});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_issues);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    clear();
}

void FhirResultsPanel::showResponse(const Halo::FhirResponse &response, int page)
{
    m_response = response;
    m_page = page;
    m_issues->setIssues(response.issues);
    m_model->setEntries(response.entries);
    m_table->resizeColumnsToContents();

    QString summary;
    switch (response.kind) {
    case Halo::FhirResponse::Kind::Bundle: {
        const QString type = response.bundleType.isEmpty()
                                 ? tr("Bundle")
                                 : tr("Bundle (%1)").arg(response.bundleType);
        QStringList parts{type};
        if (response.total)
            parts << (*response.total == 1 ? tr("1 match in total")
                                           : tr("%1 matches in total").arg(*response.total));
        const bool paged = !response.link(QStringLiteral("next")).isEmpty() ||
                           !response.link(QStringLiteral("previous")).isEmpty() || page > 1;
        if (paged)
            parts << tr("page %1").arg(page);
        parts << (response.entries.size() == 1
                      ? tr("1 entry shown")
                      : tr("%1 entries shown").arg(response.entries.size()));
        summary = parts.join(QStringLiteral(" · "));
        break;
    }
    case Halo::FhirResponse::Kind::Resource:
        summary = response.entries.isEmpty()
                      ? QString()
                      : tr("%1/%2").arg(response.entries.first().resourceType,
                                        response.entries.first().id);
        break;
    case Halo::FhirResponse::Kind::Outcome:
        summary = response.issues.size() == 1
                      ? tr("OperationOutcome: 1 issue")
                      : tr("OperationOutcome: %1 issues").arg(response.issues.size());
        break;
    case Halo::FhirResponse::Kind::NotFhir:
        summary = tr("Not a FHIR answer: %1").arg(response.parseError);
        break;
    }
    m_summary->setText(summary);
    m_summary->setAccessibleDescription(summary);
    updateButtons();
    if (!response.entries.isEmpty())
        selectEntry(0);
}

void FhirResultsPanel::clear()
{
    m_response = {};
    m_page = 1;
    m_issues->setIssues({});
    m_model->clear();
    m_summary->setText(tr("No answer yet: build a query above and press Search."));
    updateButtons();
}

void FhirResultsPanel::setPrivacy(bool on)
{
    m_mask->setMasking(on);
}

QStringList FhirResultsPanel::hiddenColumnNames() const
{
    return m_mask->patientColumnNames();
}

void FhirResultsPanel::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void FhirResultsPanel::selectEntry(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_table->setCurrentIndex(m_mask->index(row, 0));
    m_table->selectRow(row);
}

void FhirResultsPanel::updateButtons()
{
    m_previous->setEnabled(!m_busy && !m_response.link(QStringLiteral("previous")).isEmpty());
    m_next->setEnabled(!m_busy && !m_response.link(QStringLiteral("next")).isEmpty());
    const bool hasAnswer = !m_response.root.isEmpty() || !m_response.rawBody.isEmpty();
    m_whole->setEnabled(!m_response.root.isEmpty());
    m_save->setEnabled(hasAnswer);
}
