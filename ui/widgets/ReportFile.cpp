// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReportFile.h"

#include "services/VerificationReport.h"
#include "storage/AtomicFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPrinter>
#include <QTemporaryDir>
#include <QTextDocument>

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ReportFile)
};

// The report page printed to a PDF file in a private temporary folder, read back: QPrinter
// writes only to a named file, and the user's file is replaced atomically afterwards.
bool printToPdf(const QByteArray &html, QByteArray *pdf, QString *error)
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        *error = Text::tr("no temporary folder to print in: %1").arg(dir.errorString());
        return false;
    }
    const QString printed = dir.filePath(QStringLiteral("report.pdf"));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(printed);
    // Portrait: each site's evidence is a block of narrow tables that wraps to the page.
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                      QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
    printer.setDocName(Text::tr("Halo site verification"));
    printer.setCreator(QCoreApplication::applicationName());
    QTextDocument document;
    document.setMetaInformation(QTextDocument::CssMedia, QStringLiteral("print"));
    document.setHtml(QString::fromUtf8(html));
    document.print(&printer);
    QFile file(printed);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Text::tr("the report could not be printed to PDF: %1").arg(file.errorString());
        return false;
    }
    *pdf = file.readAll();
    if (!pdf->startsWith("%PDF")) {
        *error = Text::tr("the report could not be printed to PDF");
        return false;
    }
    return true;
}

} // namespace

bool ReportFile::write(const QString &path, const Halo::VerificationRun &run, QString *error)
{
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        return Halo::VerificationReport::write(path, run, error);
    QString problem;
    QByteArray pdf;
    if (!printToPdf(Halo::VerificationReport::html(run), &pdf, &problem)) {
        if (error)
            *error = problem;
        return false;
    }
    // A document the user chose to write: the umask decides who may read it.
    return Halo::writeFileAtomically(path, pdf, error, Halo::MissingFolder::Fail,
                                     Halo::FileAccess::UserDefault);
}

QString ReportFile::fileFilters()
{
    return Text::tr("HTML report (*.html);;JSON report (*.json);;PDF report (*.pdf)");
}

QString ReportFile::suggestedName(const Halo::VerificationRun &run, const QString &what)
{
    const QDateTime when = run.startedAt.isValid() ? run.startedAt : QDateTime::currentDateTime();
    return QStringLiteral("%1-%2.html")
        .arg(what, when.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
}
