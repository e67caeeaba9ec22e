#include "services/VerificationReport.h"

#include "net/ServerText.h"
#include "storage/AtomicFile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Halo {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Halo::VerificationReport", text);
}

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

QString requestsText(const VerificationResult &row)
{
    QStringList lines;
    for (const VerificationRequest &request : row.requests) {
        QString line =
            QStringLiteral("%1 %2 → %3, %4 ms")
                .arg(QString::fromLatin1(request.method), request.path,
                     request.httpStatus ? QString::number(request.httpStatus) : tr("no answer"))
                .arg(request.durationMs);
        if (request.attempts > 1)
            line += tr(" (%1 attempts)").arg(request.attempts);
        if (request.logId)
            line += tr(", request log #%1").arg(request.logId);
        if (!request.serverRequestId.isEmpty())
            line += tr(", server request id %1").arg(request.serverRequestId);
        lines.append(h(line));
    }
    return lines.join(QStringLiteral("<br>"));
}

QString rowHtml(const VerificationResult &row)
{
    const QString verdict = verdictId(row.verdict);
    QString html = QStringLiteral("<tr>");
    html += cell(row.input.line > 0 ? QString::number(row.input.line) : QString());
    html += cell(row.input.pms) + cell(row.input.pmsId);
    html += QStringLiteral("<td class=\"verdict %1\">%2</td>")
                .arg(row.isOk() ? QStringLiteral("ok") : QStringLiteral("attention"), h(verdict));
    html += cell(row.input.expectedGuid, QStringLiteral("guid")) +
            cell(row.guid, QStringLiteral("guid"));
    html += cell(row.recordedName) + cell(row.practiceName);
    html += cell(row.recordedPmsVersion) + cell(row.pmsVersion);
    html += cell(row.recordedHaloLinkVersion) + cell(row.haloLinkVersion);
    html += cell(row.availability);
    html +=
        cell(row.heartbeatAgeSeconds < 0 ? QString() : QString::number(row.heartbeatAgeSeconds));
    html += cell(row.message);
    html += QStringLiteral("<td class=\"requests\">") + requestsText(row) + QStringLiteral("</td>");
    return html + QStringLiteral("</tr>\n");
}

const char *kStyle = R"(body{font-family:sans-serif;font-size:10pt;margin:1.5em}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #999;padding:3px 5px;vertical-align:top;text-align:left}
th{background:#eee}
td.guid,td.requests{font-family:monospace;font-size:8.5pt}
td.verdict.ok{color:#0a5c0a;font-weight:bold}
td.verdict.attention{color:#a00000;font-weight:bold}
dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}
dt{font-weight:bold}
@page{size:A4 landscape;margin:12mm}
@media print{body{margin:0;font-size:8pt}th{background:none}tr{page-break-inside:avoid}
thead{display:table-header-group}a{color:inherit;text-decoration:none}}
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
            .arg(h(tr("Halo site verification")));
    html += QString::fromLatin1(kStyle);
    html += QStringLiteral("</style></head><body>\n<h1>%1</h1>\n<dl>")
                .arg(h(tr("Halo site verification")));
    const QList<QPair<QString, QString>> facts{
        {tr("Environment"), run.environment},
        {tr("Sites from"), run.source},
        {tr("Run by"), run.user.isEmpty() ? tr("not known") : run.user},
        {tr("Started"), timeText(run.startedAt)},
        {tr("Finished"), timeText(run.finishedAt)},
        {tr("Rows"), tr("%1 checked of %2; %3 ok, %4 need attention")
                         .arg(run.rows.size())
                         .arg(run.total)
                         .arg(ok)
                         .arg(run.rows.size() - ok)},
        {tr("Halo Explorer version"), run.appVersion},
    };
    for (const auto &fact : facts)
        html += QStringLiteral("<dt>%1</dt><dd>%2</dd>").arg(h(fact.first), h(fact.second));
    html += QStringLiteral("</dl>\n");
    if (run.cancelled)
        html += QStringLiteral("<p><strong>%1</strong></p>\n")
                    .arg(h(tr("The run was stopped before every row was checked: only the rows "
                              "below were checked.")));
    html += QStringLiteral("<table>\n<thead><tr>");
    for (const QString &header :
         {tr("Line"), tr("PMS"), tr("PMS ID"), tr("Verdict"), tr("Expected GUID"),
          tr("Authoritative GUID now"), tr("Name recorded"), tr("Name now"),
          tr("PMS version recorded"), tr("PMS version now"), tr("Halo Link recorded"),
          tr("Halo Link now"), tr("Availability"), tr("Heartbeat age (s)"), tr("Message"),
          tr("Requests")})
        html += QStringLiteral("<th>%1</th>").arg(h(header));
    html += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (const VerificationResult &row : run.rows)
        html += rowHtml(row);
    html += QStringLiteral("</tbody></table>\n<p>%1</p>\n</body></html>\n")
                .arg(h(tr("Requests are shown without their headers: the subscription key is "
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
