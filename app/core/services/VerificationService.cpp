// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/VerificationService.h"

#include "services/SiteVerification.h"

#include <QTimer>

namespace Halo {

VerificationService::VerificationService(HaloApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

VerificationService::~VerificationService()
{
    stopRows();
}

void VerificationService::setMaxConcurrent(int rows)
{
    m_maxConcurrent = qBound(1, rows, kMaxConcurrent);
}

void VerificationService::start(const QList<VerificationInput> &inputs)
{
    stopRows();
    ++m_run;
    m_inputs = inputs;
    m_results = QList<std::optional<VerificationResult>>(inputs.size());
    m_next = 0;
    m_done = 0;
    m_running = true;
    m_cancelled = false;
    if (inputs.isEmpty()) {
        const quint64 run = m_run;
        QTimer::singleShot(0, this, [this, run]() {
            if (run != m_run || !m_running)
                return;
            m_running = false;
            emit finished(false);
        });
        return;
    }
    startMore();
}

void VerificationService::cancel()
{
    if (!m_running)
        return;
    stopRows();
    ++m_run;
    m_running = false;
    m_cancelled = true;
    emit finished(true);
}

QList<VerificationResult> VerificationService::results() const
{
    QList<VerificationResult> rows;
    for (const auto &result : m_results) {
        if (result)
            rows.append(*result);
    }
    return rows;
}

void VerificationService::stopRows()
{
    const QList<SiteVerification *> rows = m_active.values();
    m_active.clear();
    for (SiteVerification *row : rows) {
        row->disconnect(this);
        row->cancel();
        row->deleteLater();
    }
}

void VerificationService::startMore()
{
    while (m_running && m_active.size() < m_maxConcurrent && m_next < m_inputs.size()) {
        const int index = m_next++;
        auto *row = new SiteVerification(m_client, m_inputs.at(index), this);
        m_active.insert(index, row);
        const quint64 run = m_run;
        connect(row, &SiteVerification::finished, this, [this, run, index, row]() {
            if (run == m_run)
                onRowFinished(index, row);
        });
        row->start();
    }
}

void VerificationService::onRowFinished(int index, SiteVerification *row)
{
    m_active.remove(index);
    m_results[index] = row->result();
    row->deleteLater();
    ++m_done;
    const quint64 run = m_run;
    emit rowFinished(index, *m_results.at(index));
    if (run != m_run)
        return; // a slot cancelled or restarted the run
    emit progress(m_done, total());
    if (run != m_run)
        return;
    if (m_done == total()) {
        m_running = false;
        emit finished(false);
        return;
    }
    startMore();
}

} // namespace Halo
