// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/VerificationReport.h"

#include "net/ServerText.h"
#include "storage/AtomicFile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Halo {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Halo::VerificationReport)
};

// Text for HTML: made safe to show, then escaped.
QString h(const QString &text)
{
    return shownServerText(text).toHtmlEscaped();
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QStringLiteral("-");
}

QString cell(const QString &text, const QString &cssClass = QString())
{
    const QString open = cssClass.isEmpty() ? QStringLiteral("<td>")
                                            : QStringLiteral("<td class=\"%1\">").arg(cssClass);
    return open + h(text) + QStringLiteral("</td>");
}

QString headerRow(const QStringList &headers)
{
    QString html = QStringLiteral("<tr>");
    for (const QString &header : headers)
        html += QStringLiteral("<th>%1</th>").arg(h(header));
    return html + QStringLiteral("</tr>\n");
}

QString verdictHtml(const VerificationResult &row)
{
    return QStringLiteral("<span class=\"verdict %1\">%2</span>")
        .arg(row.isOk() ? QStringLiteral("ok") : QStringLiteral("attention"),
             h(verdictId(row.verdict)));
}

QString siteTitle(const VerificationResult &row)
{
    QStringList parts;
    if (row.input.line > 0)
        parts << Text::tr("Line %1").arg(row.input.line);
    parts << QStringLiteral("%1 %2").arg(row.input.pms, row.input.pmsId).trimmed();
    return h(parts.join(QStringLiteral(" · ")));
}

// One line of the summary: which practice, its verdict, and what Halo says now.
QString summaryRow(const VerificationResult &row)
{
    QString html = QStringLiteral("<tr class=\"site\">");
    html += cell(row.input.line > 0 ? QString::number(row.input.line) : QString());
    html += cell(row.input.pms) + cell(row.input.pmsId);
    html += QStringLiteral("<td>") + verdictHtml(row) + QStringLiteral("</td>");
    html +=
        cell(row.guid, QStringLiteral("guid")) + cell(row.practiceName) + cell(row.availability);
    return html + QStringLiteral("</tr>\n");
}

QString evidenceRow(const QString &field, const QString &then, const QString &now,
                    const QString &cssClass = QString())
{
    return QStringLiteral("<tr><th>%1</th>").arg(h(field)) + cell(then, cssClass) +
           cell(now, cssClass) + QStringLiteral("</tr>\n");
}

QString heardText(const VerificationResult &row)
{
    if (row.heartbeatAgeSeconds < 0)
        return QString();
    return Text::tr("%1 s ago (%2)").arg(row.heartbeatAgeSeconds).arg(timeText(row.heartbeatAt));
}

QString requestRow(const VerificationRequest &request)
{
    QString time = Text::tr("%1 ms").arg(request.durationMs);
    if (request.attempts > 1)
        time += Text::tr(" (%1 attempts)").arg(request.attempts);
    QString html = QStringLiteral("<tr>");
    html += cell(QStringLiteral("%1 %2").arg(QString::fromLatin1(request.method), request.path),
                 QStringLiteral("path"));
    html += cell(request.httpStatus ? QString::number(request.httpStatus) : Text::tr("no answer"));
    html += cell(time);
    html += cell(request.logId ? Text::tr("request log #%1").arg(request.logId) : QString());
    html += cell(request.serverRequestId, QStringLiteral("guid"));
    return html + QStringLiteral("</tr>\n");
}

// A site's evidence, in a block that prints whole: identifiers then and now, the requests.
QString evidenceHtml(const VerificationResult &row)
{
    QString html = QStringLiteral("<div class=\"evidence\">\n<h3>%1 — %2</h3>\n")
                       .arg(siteTitle(row), verdictHtml(row));
    if (!row.message.isEmpty())
        html += QStringLiteral("<p>%1</p>\n").arg(h(row.message));
    html += QStringLiteral("<table class=\"identifiers\" width=\"100%\" cellspacing=\"0\">\n");
    html += headerRow({QString(), Text::tr("Expected or recorded"), Text::tr("Now")});
    html += evidenceRow(Text::tr("Halo GUID"), row.input.expectedGuid, row.guid,
                        QStringLiteral("guid"));
    html += evidenceRow(Text::tr("Practice name"), row.recordedName, row.practiceName);
    html += evidenceRow(Text::tr("PMS version"), row.recordedPmsVersion, row.pmsVersion);
    html += evidenceRow(Text::tr("Halo Link version"), row.recordedHaloLinkVersion,
                        row.haloLinkVersion);
    QStringList availability{row.availability, row.status};
    availability.removeAll(QString());
    html +=
        evidenceRow(Text::tr("Availability"), QString(), availability.join(QStringLiteral(", ")));
    html += evidenceRow(Text::tr("Last heard"), QString(), heardText(row));
    html += evidenceRow(Text::tr("Checked"), QString(), timeText(row.checkedAt));
    html += QStringLiteral("</table>\n");
    if (!row.requests.isEmpty()) {
        html += QStringLiteral("<table class=\"requests\" width=\"100%\" cellspacing=\"0\">\n");
        html += headerRow({Text::tr("Request"), Text::tr("Status"), Text::tr("Time"),
                           Text::tr("Request log"), Text::tr("Server request id")});
        for (const VerificationRequest &request : row.requests)
            html += requestRow(request);
        html += QStringLiteral("</table>\n");
    }
    return html + QStringLiteral("</div>\n");
}

// Made for browsers and for Qt's rich text alike (the PDF is printed from this page): plain
// tables at full width, no grid or flex layout. Its colours are fixed on purpose, not taken from
// the desktop theme (ui/widgets/ThemeColours): the report is a document read on white paper.
const char *kStyle = R"(body{font-family:sans-serif;font-size:10pt;margin:1.5em}
table{border-collapse:collapse;margin-bottom:6px}
th,td{border:1px solid #999;padding:3px 5px;vertical-align:top;text-align:left}
th{background-color:#eee}
table.facts th,table.facts td{border:none;padding:1px 12px 1px 0}
table.facts th{background-color:transparent}
table.identifiers th{width:22%}
td.guid,td.path{font-family:monospace;font-size:8.5pt}
span.verdict.ok,span.ok{color:#0a5c0a;font-weight:bold}
span.verdict.attention,span.attention{color:#a00000;font-weight:bold}
h3{margin-top:14px;margin-bottom:4px}
div.evidence{page-break-inside:avoid}
@page{size:A4;margin:12mm}
@media print{body{margin:0;font-size:8pt}th{background-color:transparent}
tr{page-break-inside:avoid}thead{display:table-header-group}}
)";

} // namespace

QString VerificationReport::currentUser()
{
    for (const char *name : {"USER", "LOGNAME", "USERNAME"}) {
        const QString user = qEnvironmentVariable(name).trimmed();
        if (!user.isEmpty())
            return user;
    }
    return QString();
}

QByteArray VerificationReport::html(const VerificationRun &run)
{
    int ok = 0;
    for (const VerificationResult &row : run.rows)
        ok += row.isOk() ? 1 : 0;
    QString html =
        QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                       "<title>%1</title><style>")
            .arg(h(Text::tr("Halo site verification")));
    html += QString::fromLatin1(kStyle);
    html += QStringLiteral("</style></head><body>\n<h1>%1</h1>\n")
                .arg(h(Text::tr("Halo site verification")));
    const QList<QPair<QString, QString>> facts{
        {Text::tr("Environment"), run.environment},
        {Text::tr("Sites from"), run.source},
        {Text::tr("Run by"), run.user.isEmpty() ? Text::tr("not known") : run.user},
        {Text::tr("Started"), timeText(run.startedAt)},
        {Text::tr("Finished"), timeText(run.finishedAt)},
        {Text::tr("Rows"), Text::tr("%1 checked of %2; %3 ok, %4 need attention")
                               .arg(run.rows.size())
                               .arg(run.total)
                               .arg(ok)
                               .arg(run.rows.size() - ok)},
        {Text::tr("Halo Explorer version"), run.appVersion},
    };
    html += QStringLiteral("<table class=\"facts\">\n");
    for (const auto &fact : facts)
        html +=
            QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(h(fact.first), h(fact.second));
    html += QStringLiteral("</table>\n");
    if (run.cancelled)
        html +=
            QStringLiteral("<p><strong>%1</strong></p>\n")
                .arg(h(Text::tr("The run was stopped before every row was checked: only the rows "
                                "below were checked.")));
    html += QStringLiteral("<h2>%1</h2>\n<table class=\"summary\" width=\"100%\" "
                           "cellspacing=\"0\">\n<thead>")
                .arg(h(Text::tr("Verdicts")));
    html += headerRow({Text::tr("Line"), Text::tr("PMS"), Text::tr("PMS ID"), Text::tr("Verdict"),
                       Text::tr("Halo GUID now"), Text::tr("Practice name now"),
                       Text::tr("Availability")});
    html += QStringLiteral("</thead>\n<tbody>\n");
    for (const VerificationResult &row : run.rows)
        html += summaryRow(row);
    html += QStringLiteral("</tbody></table>\n<h2>%1</h2>\n").arg(h(Text::tr("Evidence")));
    for (const VerificationResult &row : run.rows)
        html += evidenceHtml(row);
    html += QStringLiteral("<p>%1</p>\n</body></html>\n")
                .arg(h(Text::tr("Requests are shown without their headers: the subscription key is "
                                "never part of this report.")));
    return html.toUtf8();
}

QByteArray VerificationReport::json(const VerificationRun &run)
{
    QJsonArray rows;
    for (const VerificationResult &row : run.rows)
        rows.append(row.toJson(true));
    const QJsonObject object{
        {QStringLiteral("environment"), run.environment},
        {QStringLiteral("source"), run.source},
        {QStringLiteral("user"), run.user},
        {QStringLiteral("app_version"), run.appVersion},
        {QStringLiteral("started_at"), timeText(run.startedAt)},
        {QStringLiteral("finished_at"), timeText(run.finishedAt)},
        {QStringLiteral("cancelled"), run.cancelled},
        {QStringLiteral("total"), run.total},
        {QStringLiteral("rows"), rows},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

bool VerificationReport::write(const QString &path, const VerificationRun &run, QString *error)
{
    const bool asJson = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    // A report is a document the user chose to write: the umask decides who may read it.
    return writeFileAtomically(path, asJson ? json(run) : html(run), error, MissingFolder::Fail,
                               FileAccess::UserDefault);
}

} // namespace Halo
