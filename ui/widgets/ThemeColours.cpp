// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ThemeColours.h"

#include <QEvent>
#include <QWidget>
#include <QtMath>

namespace ThemeColours {

namespace {

double channel(double value)
{
    value /= 255.0;
    return value <= 0.04045 ? value / 12.92 : qPow((value + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &colour)
{
    const QColor rgb = colour.toRgb();
    return 0.2126 * channel(rgb.red()) + 0.7152 * channel(rgb.green()) +
           0.0722 * channel(rgb.blue());
}

QColor pick(const QPalette &palette, QPalette::ColorRole background, QColor light, QColor dark)
{
    const QColor base = palette.color(background);
    return readableOn(isDark(palette) ? dark : light, base);
}

} // namespace

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QColor readableOn(const QColor &colour, const QColor &background, double minimum)
{
    QColor result = colour.toHsl();
    const bool lighten = luminance(background) < 0.18;
    for (int step = 0; step < 40 && contrastRatio(result, background) < minimum; ++step) {
        const int lightness = result.lightness();
        result.setHsl(result.hslHue(), result.hslSaturation(),
                      lighten ? qMin(255, lightness + 8) : qMax(0, lightness - 8));
    }
    return result.toRgb();
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor good(const QPalette &palette, QPalette::ColorRole background)
{
    return pick(palette, background, QColor(0x2e, 0x7d, 0x32), QColor(0x81, 0xc7, 0x84));
}

QColor warning(const QPalette &palette, QPalette::ColorRole background)
{
    return pick(palette, background, QColor(0x9a, 0x5b, 0x00), QColor(0xff, 0xb7, 0x4d));
}

QColor bad(const QPalette &palette, QPalette::ColorRole background)
{
    return pick(palette, background, QColor(0xc6, 0x28, 0x28), QColor(0xef, 0x9a, 0x9a));
}

QColor muted(const QPalette &palette, QPalette::ColorRole background)
{
    return pick(palette, background, QColor(0x61, 0x61, 0x61), QColor(0xb0, 0xb0, 0xb0));
}

Band environmentBand(Halo::Environment environment)
{
    // White text on saturated backgrounds reads in light and dark themes alike (>= 5:1).
    switch (environment) {
    case Halo::Environment::Production:
        return {QColor(0xb3, 0x1b, 0x1b), Qt::white};
    case Halo::Environment::Stage:
        return {QColor(0x1f, 0x5f, 0xa8), Qt::white};
    case Halo::Environment::Sandbox:
        return {QColor(0x2e, 0x7d, 0x32), Qt::white};
    case Halo::Environment::Custom:
        break;
    }
    return {QColor(0x6a, 0x4c, 0x93), Qt::white};
}

Band notice(const QPalette &palette)
{
    if (isDark(palette))
        return {QColor(0x4a, 0x36, 0x1c), QColor(0xff, 0xe0, 0xb2)};
    return {QColor(0xff, 0xf3, 0xe0), QColor(0x4e, 0x34, 0x2e)};
}

QColor notFoundBackground(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x6b, 0x22, 0x2a) : QColor(0xf8, 0xd7, 0xda);
}

QColor timeline(TimelineState state, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (state) {
    // Distinct in hue and in lightness, so the parts stay apart for colour-blind readers too;
    // on a dark window the dark blue and green give way to lighter ones.
    case TimelineState::Initialising:
        return dark ? QColor(0x78, 0x90, 0x9c) : QColor(0x90, 0xa4, 0xae);
    case TimelineState::Queued:
        return QColor(0xff, 0xb3, 0x00);
    case TimelineState::Executing:
        return dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x1e, 0x63, 0xc4);
    case TimelineState::Downloading:
        return dark ? QColor(0x4d, 0xb6, 0xac) : QColor(0x26, 0xa6, 0x9a);
    case TimelineState::Uploading:
        return dark ? QColor(0x66, 0xbb, 0x6a) : QColor(0x2e, 0x7d, 0x32);
    case TimelineState::Other:
        break;
    }
    return dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x75, 0x75, 0x75);
}

SqlColours sql(const QPalette &palette)
{
    const QColor paper = palette.color(QPalette::Base);
    const bool dark = paper.lightness() < 128;
    SqlColours colours;
    colours.keyword = readableOn(dark ? QColor(0x82, 0xaa, 0xff) : QColor(0x00, 0x00, 0xa0), paper);
    colours.string = readableOn(dark ? QColor(0xc3, 0xe8, 0x8d) : QColor(0xa3, 0x15, 0x15), paper);
    colours.comment = readableOn(dark ? QColor(0x9e, 0xa7, 0xb3) : QColor(0x3d, 0x7b, 0x3d), paper);
    colours.number = readableOn(dark ? QColor(0xf7, 0x8c, 0x6c) : QColor(0x09, 0x86, 0x58), paper);
    colours.caretLine = dark ? paper.lighter(135) : paper.darker(106);
    return colours;
}

QColor colour(Role role, const QPalette &palette, QPalette::ColorRole background)
{
    switch (role) {
    case Role::Good:
        return good(palette, background);
    case Role::Warning:
        return warning(palette, background);
    case Role::Bad:
        return bad(palette, background);
    case Role::Muted:
        break;
    }
    return muted(palette, background);
}

QString labelStyleSheet(const QColor &colour, const QString &extra)
{
    return QStringLiteral("QLabel { color: %1; %2}").arg(colour.name(), extra);
}

namespace {

// Re-styles its label on a palette change; the sheet is set only when it differs, so the
// palette change that setting it causes ends there.
class LabelStyler : public QObject
{
public:
    LabelStyler(QWidget *label, Role role, const QString &extra)
        : QObject(label)
        , m_label(label)
        , m_role(role)
        , m_extra(extra)
    {
        label->installEventFilter(this);
        apply();
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_label && (event->type() == QEvent::PaletteChange ||
                                   event->type() == QEvent::ApplicationPaletteChange))
            apply();
        return false;
    }

private:
    void apply()
    {
        const QString sheet = labelStyleSheet(colour(m_role, m_label->palette()), m_extra);
        if (m_label->styleSheet() != sheet)
            m_label->setStyleSheet(sheet);
    }

    QWidget *m_label;
    Role m_role;
    QString m_extra;
};

} // namespace

void styleLabel(QWidget *label, Role role, const QString &extra)
{
    // LabelStyler has no meta-object of its own: found by its name, not by findChildren<T>.
    const QString name = QStringLiteral("themeLabelStyler");
    for (QObject *old : label->findChildren<QObject *>(name, Qt::FindDirectChildrenOnly))
        delete old;
    (new LabelStyler(label, role, extra))->setObjectName(name);
}

} // namespace ThemeColours
