// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusTimeline.h"
#include "widgets/ThemeColours.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace {

constexpr int kBarHeight = 14;
constexpr int kMinSegmentWidth = 4; // a state that took 0 ms is still seen to have happened
constexpr int kSwatch = 10;

} // namespace

StatusTimeline::StatusTimeline(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Query timeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    describe();
}

void StatusTimeline::setTiming(const QList<Halo::StateTiming> &timing, const QDateTime &end)
{
    m_segments.clear();
    for (qsizetype i = 0; i < timing.size(); ++i) {
        const Halo::StateTiming &state = timing.at(i);
        QDateTime stateEnd = state.end;
        if (!stateEnd.isValid() && i + 1 < timing.size())
            stateEnd = timing.at(i + 1).start;
        const bool ongoing = !stateEnd.isValid() && !end.isValid();
        if (!stateEnd.isValid())
            stateEnd = end.isValid() ? end : QDateTime::currentDateTimeUtc();
        const qint64 ms =
            state.start.isValid() ? std::max<qint64>(0, state.start.msecsTo(stateEnd)) : 0;
        m_segments.append({state.state, ms, ongoing});
    }
    describe();
    updateGeometry();
    update();
}

void StatusTimeline::clear()
{
    m_segments.clear();
    describe();
    update();
}

QString StatusTimeline::stateName(const QString &state)
{
    if (state == QLatin1String("initialising"))
        return tr("Initialising");
    if (state == QLatin1String("queued"))
        return tr("Queued");
    if (state == QLatin1String("executing"))
        return tr("Executing");
    if (state == QLatin1String("downloading"))
        return tr("Downloading");
    if (state == QLatin1String("uploading"))
        return tr("Uploading");
    return state;
}

QString StatusTimeline::durationText(qint64 ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60000)
        return tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
    const qint64 seconds = ms / 1000;
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QColor StatusTimeline::colourFor(const QString &state) const
{
    using State = ThemeColours::TimelineState;
    State which = State::Other;
    if (state == QLatin1String("initialising"))
        which = State::Initialising;
    else if (state == QLatin1String("queued"))
        which = State::Queued;
    else if (state == QLatin1String("executing"))
        which = State::Executing;
    else if (state == QLatin1String("downloading"))
        which = State::Downloading;
    else if (state == QLatin1String("uploading"))
        which = State::Uploading;
    return ThemeColours::timeline(which, palette());
}

void StatusTimeline::describe()
{
    if (m_segments.isEmpty()) {
        setAccessibleDescription(tr("No timing yet."));
        setToolTip(QString());
        return;
    }
    QStringList parts;
    for (const Segment &segment : std::as_const(m_segments)) {
        parts << (segment.ongoing ? tr("%1 %2 so far") : tr("%1 %2"))
                     .arg(stateName(segment.state), durationText(segment.durationMs));
    }
    const QString sentence = parts.join(QStringLiteral(", ")) + QLatin1Char('.');
    setAccessibleDescription(sentence);
    setToolTip(sentence);
}

QSize StatusTimeline::sizeHint() const
{
    return {280, minimumSizeHint().height()};
}

QSize StatusTimeline::minimumSizeHint() const
{
    return {120, kBarHeight + 6 + 2 * fontMetrics().lineSpacing()};
}

void StatusTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF bar(0.5, 0.5, width() - 1.0, kBarHeight);
    if (m_segments.isEmpty()) {
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawRoundedRect(bar, 3, 3);
        return;
    }

    // Each state gets a sliver, the rest is shared in proportion to how long it lasted.
    qint64 total = 0;
    for (const Segment &segment : std::as_const(m_segments))
        total += segment.durationMs;
    const qreal spare = std::max<qreal>(0, bar.width() - kMinSegmentWidth * m_segments.size());
    QPainterPath clip;
    clip.addRoundedRect(bar, 3, 3);
    painter.setClipPath(clip);
    qreal x = bar.left();
    for (const Segment &segment : std::as_const(m_segments)) {
        const qreal share =
            total > 0 ? qreal(segment.durationMs) / qreal(total) : 1.0 / qreal(m_segments.size());
        const qreal w = kMinSegmentWidth + spare * share;
        painter.fillRect(QRectF(x, bar.top(), w, bar.height()), colourFor(segment.state));
        x += w;
    }
    painter.setClipping(false);
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(bar, 3, 3);

    // The legend under the bar, wrapping onto a second line when it must.
    const QFontMetrics metrics = fontMetrics();
    painter.setPen(palette().color(QPalette::WindowText));
    int lx = 0;
    int ly = kBarHeight + 6;
    for (const Segment &segment : std::as_const(m_segments)) {
        const QString label =
            QStringLiteral("%1 %2").arg(stateName(segment.state), durationText(segment.durationMs));
        const int itemWidth = kSwatch + 4 + metrics.horizontalAdvance(label) + 10;
        if (lx > 0 && lx + itemWidth > width()) {
            lx = 0;
            ly += metrics.lineSpacing();
        }
        const int swatchTop = ly + (metrics.height() - kSwatch) / 2;
        painter.fillRect(QRect(lx, swatchTop, kSwatch, kSwatch), colourFor(segment.state));
        painter.drawText(QPoint(lx + kSwatch + 4, ly + metrics.ascent()), label);
        lx += itemWidth;
    }
}
