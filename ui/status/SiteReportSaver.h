// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

namespace Halo {
class HaloApiClient;
class SiteReportRunner;
struct SiteRecord;
} // namespace Halo

class QWidget;

// The status panel's Save report: verifies the site shown through the core (SiteReportRunner;
// never waiting on the network), then asks where to save (a file dialog, or the chooser a test
// sets) and writes the report as HTML, JSON or PDF (ReportFile). Says how it went by signals.
class SiteReportSaver : public QObject
{
    Q_OBJECT
public:
    // Given a suggested file name, returns the path chosen; empty when the user cancelled.
    using PathChooser = std::function<QString(const QString &suggestedName)>;

    SiteReportSaver(Halo::HaloApiClient *client, QWidget *dialogParent);
    ~SiteReportSaver() override;

    void setPathChooser(PathChooser chooser) { m_chooser = std::move(chooser); }
    void save(const Halo::SiteRecord &site);
    void cancel(); // nothing more is said for a report asked for before
    bool isBusy() const;

signals:
    void verifying();
    void saved(const QString &path);
    void failed(const QString &reason);
    void abandoned(); // no file was chosen
    void busyChanged(bool busy);

private:
    void onVerified();
    QString choosePath(const QString &suggestedName);

    QPointer<QWidget> m_dialogParent;
    Halo::SiteReportRunner *m_runner;
    PathChooser m_chooser;
    bool m_busy = false; // from save() until the site is verified, or the report cancelled
};
