// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <optional>

#include "services/VerificationResult.h"

namespace Halo {

class HaloApiClient;
class SiteVerification;

// Bulk verification, shared by the window and `halo-cli verify`: each input row is checked by a
// SiteVerification, at most maxConcurrent() at a time (each has one request in flight at most,
// so that bounds the requests too; 429s are waited out by ApiCall as Retry-After says). Rows
// finish in any order; results() gives them in input order. cancel() drops the rows not yet
// finished and keeps those that are: a partial run keeps what it found.
class VerificationService : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxConcurrent = 4;

    explicit VerificationService(HaloApiClient *client, QObject *parent = nullptr);
    ~VerificationService() override;

    // 1..kMaxConcurrent; takes effect for rows started after it.
    void setMaxConcurrent(int rows);
    int maxConcurrent() const { return m_maxConcurrent; }

    // Starts a run over `inputs` (a run in progress is cancelled first). An empty list
    // finishes at once, on the next turn of the event loop.
    void start(const QList<VerificationInput> &inputs);
    void cancel();
    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }

    int total() const { return int(m_inputs.size()); }
    int done() const { return m_done; }
    // The rows finished so far, in input order.
    QList<VerificationResult> results() const;

signals:
    void rowFinished(int index, const Halo::VerificationResult &result);
    void progress(int done, int total);
    // Every row finished, or the run was cancelled; results() holds what was found.
    void finished(bool cancelled);

private:
    void startMore();
    void onRowFinished(int index, SiteVerification *row);
    void stopRows();

    HaloApiClient *m_client;
    int m_maxConcurrent = kMaxConcurrent;
    QList<VerificationInput> m_inputs;
    QList<std::optional<VerificationResult>> m_results;
    QHash<int, SiteVerification *> m_active;
    int m_next = 0;
    int m_done = 0;
    quint64 m_run = 0; // which run a row's answer belongs to
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace Halo
