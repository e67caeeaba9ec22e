// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqlResultsArea.h"

#include "ExportRunner.h"
#include "FilterHeader.h"
#include "ResultFilterRunner.h"
#include "ResultGrid.h"
#include "ResultSummary.h"
#include "net/ApiError.h"
#include "privacy/PatientDataMaskModel.h"
#include "privacy/RevealConsent.h"
#include "results/ResultDecoder.h"
#include "results/ResultTableModel.h"
#include "widgets/AccessibleControls.h"
#include "widgets/ProblemLabel.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace {

QString errorTypeName(const QString &errorType)
{
    if (errorType == QLatin1String("mssql"))
        return SqlResultsArea::tr("SQL Server");
    if (errorType == QLatin1String("fbsql"))
        return SqlResultsArea::tr("Firebird");
    if (errorType == QLatin1String("haloLink"))
        return SqlResultsArea::tr("Halo Link");
    if (errorType == QLatin1String("http"))
        return SqlResultsArea::tr("HTTP");
    return errorType;
}

} // namespace

SqlResultsArea::SqlResultsArea(QWidget *parent)
    : QWidget(parent)
    , m_model(new Halo::ResultTableModel(this))
    , m_mask(new Halo::PatientDataMaskModel(this))
    , m_status(new QLabel(this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_runAsAsync(new QPushButton(tr("Run as &async"), this))
    , m_problem(new ProblemLabel(tr("Query problem"), this))
    , m_filter(new QLineEdit(this))
    , m_grid(new ResultGrid(this))
    , m_export(new QPushButton(tr("&Export results…"), this))
    , m_summary(new ResultSummary(this))
    , m_exporter(new ExportRunner(this))
    , m_filtering(new QLabel(tr("Filtering…"), this))
    , m_count(new QLabel(this))
{
    // The model sorts and filters its typed cells itself, faster than a proxy could; the mask
    // in between only hides cells.
    m_grid->setModels(m_model, m_mask);

    m_status->setAccessibleName(tr("Query status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_stop->setAccessibleName(tr("Stop"));
    m_stop->setToolTip(tr("Stop waiting for the query; an async query carries on at Halo and "
                          "can be resumed"));
    m_stop->setEnabled(false);
    m_runAsAsync->setAccessibleName(tr("Run as async"));
    m_runAsAsync->setToolTip(tr("Send the same query again as an async query"));
    m_runAsAsync->hide();
    m_filter->setAccessibleName(tr("Filter results"));
    m_filter->setPlaceholderText(tr("Filter results"));
    m_filter->setClearButtonEnabled(true);
    m_export->setAccessibleName(tr("Export results"));
    m_export->setToolTip(tr("Save the results as CSV or JSON"));
    m_export->setEnabled(false);
    m_filtering->setAccessibleName(tr("Filtering results"));
    AccessibleControls::makeSelectable(m_filtering);
    m_filtering->hide();
    m_count->setAccessibleName(tr("Rows shown"));
    AccessibleControls::makeSelectable(m_count);

    connect(m_stop, &QPushButton::clicked, this, &SqlResultsArea::stopRequested);
    connect(m_runAsAsync, &QPushButton::clicked, this, [this]() {
        m_runAsAsync->hide();
        emit runAsAsyncRequested();
    });
    ResultFilterRunner *filterRunner = m_grid->filterRunner();
    connect(m_filter, &QLineEdit::textChanged, filterRunner, &ResultFilterRunner::setText);
    connect(filterRunner, &ResultFilterRunner::busyChanged, m_filtering, &QLabel::setVisible);
    connect(m_model, &Halo::ResultTableModel::countsChanged, this, &SqlResultsArea::showCounts);
    // The column filters come after the global one in the tab order.
    connect(m_grid->filterHeader(), &FilterHeader::editorsChanged, this, [this]() {
        QWidget *previous = m_filter;
        for (int column = 0; QLineEdit *editor = m_grid->filterHeader()->filterEditor(column);
             ++column) {
            QWidget::setTabOrder(previous, editor);
            previous = editor;
        }
    });
    connect(m_export, &QPushButton::clicked, this, &SqlResultsArea::chooseExportFile);
    connect(m_exporter, &ExportRunner::finished, this,
            [this](const QString &path, const QString &error) {
                m_export->setEnabled(m_model->totalRowCount() > 0);
                if (error.isEmpty())
                    m_problem->showNote(tr("Exported the results to %1.").arg(path));
                else
                    m_problem->showProblem(tr("Export failed"), error);
                emit exportFinished(path, error);
            });
    connect(m_model, &QAbstractItemModel::modelReset, this,
            [this]() { m_export->setEnabled(m_model->totalRowCount() > 0); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this]() { m_export->setEnabled(!m_exporter->isRunning()); });

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_runAsAsync);
    statusRow->addWidget(m_stop);

    auto *gridArea = new QWidget(this);
    auto *gridLayout = new QVBoxLayout(gridArea);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("&Filter:"), gridArea);
    filterLabel->setBuddy(m_filter);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_filtering);
    filterRow->addWidget(m_count);
    filterRow->addWidget(m_export);
    gridLayout->addLayout(filterRow);
    gridLayout->addWidget(m_grid, 1);

    auto *resultsSplitter = new QSplitter(Qt::Horizontal, this);
    resultsSplitter->setChildrenCollapsible(false);
    resultsSplitter->addWidget(gridArea);
    resultsSplitter->addWidget(m_summary);
    resultsSplitter->setStretchFactor(0, 3);
    resultsSplitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(statusRow);
    layout->addWidget(m_problem);
    layout->addWidget(resultsSplitter, 1);
}

void SqlResultsArea::setPrivacy(bool on)
{
    m_mask->setMasking(on);
}

void SqlResultsArea::clear()
{
    m_serverRows.reset();
    m_model->clear();
    m_summary->clear();
    m_problem->clearProblem();
    m_runAsAsync->hide();
}

void SqlResultsArea::setStatus(const QString &text)
{
    m_statusHasRows = false;
    m_status->setText(text);
    m_status->setAccessibleDescription(text);
}

void SqlResultsArea::setStatusWithRows(const QString &pattern)
{
    const qsizetype at = pattern.lastIndexOf(QLatin1String("%1"));
    if (at < 0) {
        setStatus(pattern);
        return;
    }
    m_statusBefore = pattern.left(at);
    m_statusAfter = pattern.mid(at + 2);
    m_statusHasRows = true;
    showCounts();
}

void SqlResultsArea::setServerRows(std::optional<qint64> rows)
{
    m_serverRows = rows;
    showCounts();
}

QString SqlResultsArea::rowsText(qint64 shown, qint64 loaded, bool filtered)
{
    if (!filtered)
        return tr("%Ln row(s)", nullptr, int(qMin<qint64>(loaded, INT_MAX)));
    return tr("%1 of %Ln row(s)", nullptr, int(qMin<qint64>(loaded, INT_MAX)))
        .arg(QLocale().toString(shown));
}

// Wherever rows are counted (beside the filter, in the summary, in the status), the same words.
void SqlResultsArea::showCounts()
{
    const qint64 shown = m_model->rowCount();
    const qint64 loaded = m_model->totalRowCount();
    const bool filtered = m_model->isFiltered();
    const QString rows = rowsText(shown, loaded, filtered);
    const bool hasResult = m_model->columnCount() > 0;
    m_count->setText(hasResult ? rows : QString());
    m_count->setAccessibleDescription(m_count->text());
    if (hasResult || m_serverRows)
        m_summary->showRows(rows, loaded, m_serverRows);
    if (m_statusHasRows) {
        const QString text = m_statusBefore + rows + m_statusAfter;
        m_status->setText(text);
        m_status->setAccessibleDescription(text);
    }
}

void SqlResultsArea::showDecoded(const Halo::DecodedResult &result, bool firstPage)
{
    if (result.isTable()) {
        m_model->appendPage(result.table);
        if (firstPage)
            m_grid->fitColumns();
        if (!result.note.isEmpty() && firstPage)
            m_problem->showNote(result.note);
        return;
    }
    const QString shown =
        m_mask->isMasking() ? tr("hidden in privacy mode")
        : result.shape == Halo::DecodedResult::RawText
            ? result.rawText.left(2000)
            : tr("%n byte(s) of binary data", nullptr, int(result.rawBytes.size()));
    m_problem->showNote(tr("The result is not a table (%1): %2").arg(result.note, shown));
}

// An immediate query that was too large (413) or too slow (504) may well work as async.
bool SqlResultsArea::asyncMayHelp(const Halo::ApiError &error)
{
    for (int code : {error.httpStatus, error.errorCode}) {
        if (code == 413 || code == 504)
            return true;
    }
    return false;
}

void SqlResultsArea::offerAsync(bool offered)
{
    m_runAsAsync->setVisible(offered);
}

void SqlResultsArea::showFailure(const Halo::ApiError &error, bool immediate)
{
    QString title = error.title();
    if (error.httpStatus >= 300)
        title = tr("HTTP %1 — %2").arg(error.httpStatus).arg(title);
    QString explanation = error.explanation();
    if (error.kind == Halo::ApiError::Kind::QueryFailed) {
        const QString source = errorTypeName(error.errorType);
        explanation += QLatin1Char(' ');
        explanation +=
            source.isEmpty()
                ? tr("Error %1: “%2”").arg(error.errorCode).arg(error.serverMessage)
                : tr("%1 error %2: “%3”").arg(source).arg(error.errorCode).arg(error.serverMessage);
        if (!error.queryStatus.isEmpty())
            explanation += QLatin1Char(' ') + tr("(query status %1)").arg(error.queryStatus);
    } else if (!error.serverMessage.isEmpty()) {
        explanation += QLatin1Char(' ') + tr("Halo Cloud says: “%1”").arg(error.serverMessage);
    }
    QString next = error.nextStep();
    if (asyncMayHelp(error) && immediate)
        next = tr("Run it as an async query: async results have no 8 MB or 30 s limit.");
    m_problem->showProblem(title, explanation, next);
}

bool SqlResultsArea::exportMayReveal()
{
    if (!m_mask->isMasking())
        return true;
    const QStringList hidden = m_mask->patientColumnNames();
    if (hidden.isEmpty())
        return true;
    if (askToReveal(this, tr("Export results"),
                    tr("This exports %1 values from %2 hidden columns (%3).")
                        .arg(QString::number(qint64(m_model->rowCount()) * hidden.size()),
                             QString::number(hidden.size()), hidden.join(QStringLiteral(", ")))))
        return true;
    m_problem->showNote(tr("Not exported: the hidden columns stay hidden."));
    return false;
}

void SqlResultsArea::chooseExportFile()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export results"), QString(),
                                                      tr("CSV (*.csv);;JSON (*.json);;Excel "
                                                         "(.xlsx) (*.xlsx)"),
                                                      &filter);
    if (path.isEmpty())
        return;
    QString withSuffix = path;
    if (QFileInfo(path).suffix().isEmpty())
        withSuffix += filter.contains(QLatin1String("json"))   ? QStringLiteral(".json")
                      : filter.contains(QLatin1String("xlsx")) ? QStringLiteral(".xlsx")
                                                               : QStringLiteral(".csv");
    exportResults(withSuffix);
}

bool SqlResultsArea::exportResults(const QString &path)
{
    if (m_model->totalRowCount() == 0) {
        m_problem->showNote(tr("There are no results to export yet."));
        return false;
    }
    if (!exportMayReveal())
        return false;
    if (!m_exporter->start(*m_model, path))
        return false;
    m_export->setEnabled(false);
    return true;
}
