// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QWidget>

#include "sql/QueryTypes.h"

// A query's statusTiming as one horizontal bar split by state (initialising, queued,
// executing, uploading, …), each part as long as the state lasted, with the durations written
// under it. People read a bar faster than four timestamps; screen readers get the durations as
// a sentence in the accessible description.
class StatusTimeline : public QWidget
{
    Q_OBJECT
public:
    struct Segment {
        QString state;
        qint64 durationMs = 0;
        bool ongoing = false; // the state has not ended yet
    };

    explicit StatusTimeline(QWidget *parent = nullptr);

    // `end` closes the last state when it has no end time (completedAt, or now while it runs).
    void setTiming(const QList<Halo::StateTiming> &timing, const QDateTime &end);
    void clear();
    const QList<Segment> &segments() const { return m_segments; }

    static QString stateName(const QString &state); // translated: "Queued"
    static QString durationText(qint64 ms);         // "850 ms", "1.2 s", "3 min 5 s"

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor colourFor(const QString &state) const; // ThemeColours::timeline
    void describe();

    QList<Segment> m_segments;
};
