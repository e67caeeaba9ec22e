// SPDX-License-Identifier: GPL-3.0-or-later
#include "RequestLogView.h"

#include "net/RequestLog.h"
#include "net/RequestLogModel.h"
#include "privacy/JsonMasking.h"
#include "privacy/PatientDataRules.h"
#include "privacy/RevealConsent.h"
#include "widgets/AccessibleControls.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QString headerLines(const Halo::HeaderList &headers)
{
    QStringList lines;
    for (const auto &header : headers)
        lines << QString::fromLatin1(header.first) + QStringLiteral(": ") +
                     QString::fromUtf8(header.second);
    return lines.isEmpty() ? RequestLogView::tr("(none)") : lines.join(QLatin1Char('\n'));
}

// `size`: the whole body's bytes, of which `body` may be the start.
QString bodyText(const QByteArray &body, qint64 size, bool privacy)
{
    if (body.isEmpty())
        return RequestLogView::tr("(empty)");
    if (privacy) {
        // When in doubt, hide: a body that cannot be masked member by member is hidden whole.
        if (std::optional<QString> masked = Halo::JsonMasking::maskedLogBody(body))
            return *masked;
        return RequestLogView::tr("Body hidden in privacy mode (%1 bytes)")
            .arg(QLocale().toString(size));
    }
    // JSON is indented for reading; anything else (a cut-off preview too) is shown as it came.
    QJsonParseError error{};
    const QJsonDocument json = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError)
        return QString::fromUtf8(json.toJson(QJsonDocument::Indented)).trimmed();
    return QString::fromUtf8(body);
}

QString detailsText(const Halo::LoggedExchange &exchange, bool privacy)
{
    const QLocale locale;
    QStringList parts;
    parts << QString::fromLatin1(exchange.method) + QLatin1Char(' ') +
                 (privacy ? Halo::PatientDataRules::maskedUrl(exchange.url)
                          : exchange.url.toDisplayString());
    parts << RequestLogView::tr("Started %1, attempt %2, %3 ms")
                 .arg(locale.toString(exchange.startedAt.toLocalTime(), QLocale::LongFormat))
                 .arg(exchange.attempt)
                 .arg(exchange.durationMs);
    parts << RequestLogView::tr("Outcome: %1").arg(exchange.outcome);
    parts << QString() << RequestLogView::tr("Request headers")
          << headerLines(exchange.requestHeaders);
    parts << QString() << RequestLogView::tr("Request body")
          << bodyText(exchange.requestBody, exchange.requestBody.size(), privacy);
    parts << QString()
          << (exchange.httpStatus > 0
                  ? RequestLogView::tr("Response: HTTP %1").arg(exchange.httpStatus)
                  : RequestLogView::tr("Response: none"));
    parts << RequestLogView::tr("Response headers") << headerLines(exchange.responseHeaders);
    parts << QString();
    if (exchange.bytesReceived > exchange.responseBodyPreview.size())
        parts << RequestLogView::tr("Response body (first %1 of %2 bytes)")
                     .arg(locale.toString(exchange.responseBodyPreview.size()),
                          locale.toString(exchange.bytesReceived));
    else
        parts << RequestLogView::tr("Response body");
    parts << bodyText(exchange.responseBodyPreview,
                      std::max<qint64>(exchange.bytesReceived, exchange.responseBodyPreview.size()),
                      privacy);
    return parts.join(QLatin1Char('\n'));
}

} // namespace

RequestLogView::RequestLogView(Halo::RequestLog *log, QWidget *parent)
    : QWidget(parent)
    , m_model(new Halo::RequestLogModel(log, this))
    , m_filtered(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_copyCurl(new QPushButton(tr("Copy as cURL"), this))
    , m_clear(new QPushButton(tr("Clear log"), this))
    , m_notice(new QLabel(this))
    , m_table(new QTableView(this))
    , m_details(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("requestLogView"));
    m_filtered->setSourceModel(m_model);
    m_filtered->setFilterKeyColumn(-1);
    m_filtered->setFilterCaseSensitivity(Qt::CaseInsensitive);
    configureTable();

    m_details->setObjectName(QStringLiteral("exchangeDetails"));
    m_details->setAccessibleName(tr("Exchange details"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select an exchange to see its headers and bodies."));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createToolbar());
    layout->addWidget(splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, m_filtered,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_copyCurl, &QPushButton::clicked, this, &RequestLogView::copySelectedAsCurl);
    connect(m_clear, &QPushButton::clicked, m_model, &Halo::RequestLogModel::clearLog);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RequestLogView::showSelected);
    // A reset (Clear log) drops the selection without selectionChanged; so can removed rows.
    connect(m_filtered, &QAbstractItemModel::modelReset, this, &RequestLogView::showSelected);
    connect(m_filtered, &QAbstractItemModel::layoutChanged, this, &RequestLogView::showSelected);
    connect(m_filtered, &QAbstractItemModel::rowsRemoved, this, &RequestLogView::showSelected);
    connect(m_filtered, &QAbstractItemModel::rowsInserted, this, &RequestLogView::updateButtons);
    updateButtons();
}

QWidget *RequestLogView::createToolbar()
{
    m_filter->setObjectName(QStringLiteral("logFilter"));
    m_filter->setAccessibleName(tr("Filter log"));
    m_filter->setPlaceholderText(tr("Filter by time, method, URL, status or outcome"));
    m_filter->setClearButtonEnabled(true);
    m_copyCurl->setObjectName(QStringLiteral("copyAsCurl"));
    m_copyCurl->setAccessibleName(tr("Copy as cURL"));
    m_copyCurl->setToolTip(tr("Copy the selected request as a cURL command; it reads the "
                              "subscription key from $HALO_KEY."));
    m_clear->setObjectName(QStringLiteral("clearLog"));
    m_clear->setAccessibleName(tr("Clear log"));
    m_notice->setObjectName(QStringLiteral("logNotice"));
    m_notice->setAccessibleName(tr("Log notice"));
    AccessibleControls::makeSelectable(m_notice);

    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter, 1);
    layout->addWidget(m_notice);
    layout->addWidget(m_copyCurl);
    layout->addWidget(m_clear);
    return bar;
}

void RequestLogView::configureTable()
{
    m_table->setObjectName(QStringLiteral("requestLog"));
    m_table->setAccessibleName(tr("Request log"));
    m_table->setModel(m_filtered);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    for (int column : {Halo::RequestLogModel::TimeColumn, Halo::RequestLogModel::MethodColumn,
                       Halo::RequestLogModel::StatusColumn, Halo::RequestLogModel::DurationColumn,
                       Halo::RequestLogModel::BytesColumn})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->resizeSection(Halo::RequestLogModel::UrlColumn, 420);
}

const Halo::LoggedExchange *RequestLogView::selectedExchange() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    const QModelIndex source = m_filtered->mapToSource(rows.first());
    return source.isValid() ? &m_model->exchange(source.row()) : nullptr;
}

void RequestLogView::showSelected()
{
    updateButtons();
    const Halo::LoggedExchange *exchange = selectedExchange();
    const quint64 id = exchange ? exchange->id : 0;
    if (id == m_shownId)
        return;
    m_shownId = id;
    m_details->setPlainText(exchange ? detailsText(*exchange, m_privacy) : QString());
    m_notice->clear();
}

void RequestLogView::setPrivacy(bool on)
{
    if (on == m_privacy)
        return;
    m_privacy = on;
    m_model->setMasksPatientData(on);
    m_shownId = 0; // shown again, masked or not
    showSelected();
}

void RequestLogView::updateButtons()
{
    m_copyCurl->setEnabled(selectedExchange() != nullptr);
    m_clear->setEnabled(m_model->rowCount() > 0);
}

void RequestLogView::copySelectedAsCurl()
{
    const Halo::LoggedExchange *exchange = selectedExchange();
    if (!exchange)
        return;
    // The command carries the request body (a query's SQL and parameters) as it was sent.
    if (m_privacy && !exchange->requestBody.isEmpty() &&
        !askToReveal(this, tr("Copy as cURL"),
                     tr("This copies the request body (%1 bytes), hidden in privacy mode.")
                         .arg(QLocale().toString(exchange->requestBody.size()))))
        return;
    QGuiApplication::clipboard()->setText(exchange->toCurl());
    m_notice->setText(tr("Copied; set HALO_KEY before running it."));
}
