// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class ExportRunner;
class ProblemLabel;
class ResultGrid;
class ResultSummary;

namespace Halo {
class PatientDataMaskModel;
class ResultTableModel;
struct ApiError;
struct DecodedResult;
} // namespace Halo

// The lower half of the SQL tab: the run's status with Stop and Run as async, problems in
// place, the results grid with its filter and export, and the summary beside it. It shows what
// it is given and says what the user asks for; running queries is the SqlRunController's.
class SqlResultsArea : public QWidget
{
    Q_OBJECT
public:
    explicit SqlResultsArea(QWidget *parent = nullptr);

    Halo::ResultTableModel *model() const { return m_model; }
    // Privacy mode: patient-data columns hidden in the grid; copy and export ask first.
    void setPrivacy(bool on);
    ResultSummary *summary() const { return m_summary; }
    ProblemLabel *problem() const { return m_problem; }
    ResultGrid *grid() const { return m_grid; }
    QPushButton *stopButton() const { return m_stop; }

    void clear(); // the results, the summary and any problem
    void setStatus(const QString &text);
    // A status that ends in the rows shown: `pattern` holds %1 where "24 of 60,000 rows" goes,
    // kept up to date as filters change and pages arrive.
    void setStatusWithRows(const QString &pattern);
    // How many rows the query has in all, as Halo said (an async result comes page by page).
    void setServerRows(std::optional<qint64> rows);
    // "60,000 rows", or with a filter "24 of 60,000 rows" (locale digits).
    static QString rowsText(qint64 shown, qint64 loaded, bool filtered);
    // `firstPage`: the columns are fitted and a decoding note is shown.
    void showDecoded(const Halo::DecodedResult &result, bool firstPage);
    // `immediate`: a query too large or slow is pointed to async.
    void showFailure(const Halo::ApiError &error, bool immediate);
    void offerAsync(bool offered); // Run as async, after an immediate query failed
    static bool asyncMayHelp(const Halo::ApiError &error);
    // Writes the results shown to `path` (CSV or JSON by extension) on a worker thread, with a
    // progress dialog. Returns false with the reason in place when it could not start.
    bool exportResults(const QString &path);

signals:
    void stopRequested();
    void runAsAsyncRequested();
    // An export ended; `error` is empty when the file was written.
    void exportFinished(const QString &path, const QString &error);

private:
    void chooseExportFile();
    void showCounts();
    // In privacy mode, whether the user lets an export write the hidden columns.
    bool exportMayReveal();

    Halo::ResultTableModel *m_model;
    Halo::PatientDataMaskModel *m_mask;
    QLabel *m_status;
    QPushButton *m_stop;
    QPushButton *m_runAsAsync;
    ProblemLabel *m_problem;
    QLineEdit *m_filter;
    ResultGrid *m_grid;
    QPushButton *m_export;
    ResultSummary *m_summary;
    ExportRunner *m_exporter;
    QLabel *m_filtering;    // "Filtering…" while a large result is filtered
    QLabel *m_count;        // rows shown, of all
    QString m_statusBefore; // a status with rows: the text around them
    QString m_statusAfter;
    bool m_statusHasRows = false;
    std::optional<qint64> m_serverRows;
};
