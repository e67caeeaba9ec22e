// SPDX-License-Identifier: GPL-3.0-or-later
#include "SiteListDelegates.h"

#include "sites/SiteListModel.h"
#include "sites/SiteMarks.h"
#include "widgets/ThemeColours.h"

namespace {

enum class Tone { Neutral, Good, Warning, Bad };

QColor colourOf(Tone tone, const QPalette &palette, const QColor &neutral)
{
    switch (tone) {
    case Tone::Good:
        return ThemeColours::good(palette, QPalette::Base);
    case Tone::Warning:
        return ThemeColours::warning(palette, QPalette::Base);
    case Tone::Bad:
        return ThemeColours::bad(palette, QPalette::Base);
    case Tone::Neutral:
        break;
    }
    return neutral;
}

Tone availabilityTone(const QModelIndex &index)
{
    const auto availability = static_cast<Halo::SiteInfo::Availability>(
        index.data(Halo::SiteListModel::AvailabilityRole).toInt());
    const bool failed = !index.data(Halo::SiteListModel::ProblemRole).toString().isEmpty();
    if (failed || availability == Halo::SiteInfo::Availability::Offline ||
        availability == Halo::SiteInfo::Availability::Unreachable)
        return Tone::Bad;
    if (availability == Halo::SiteInfo::Availability::Online)
        return Tone::Good;
    return Tone::Neutral;
}

Tone heartbeatTone(const QModelIndex &index)
{
    switch (static_cast<Halo::SiteMarks::Heartbeat>(
        index.data(Halo::SiteListModel::HeartbeatRole).toInt())) {
    case Halo::SiteMarks::Heartbeat::Red:
        return Tone::Bad;
    case Halo::SiteMarks::Heartbeat::Amber:
        return Tone::Warning;
    default:
        return Tone::Neutral;
    }
}

} // namespace

void SiteMarksDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(Halo::SiteListModel::IsGroupRole).toBool())
        return;
    const QColor neutral = option->palette.color(QPalette::Text);
    QColor colour = neutral;
    switch (index.column()) {
    case Halo::SiteListModel::PracticeColumn:
        // Seen even when the list is too narrow for the Marks column; the words are there.
        if (index.data(Halo::SiteListModel::NeedsAttentionRole).toBool())
            option->text = QStringLiteral("\u26a0 ") + option->text;
        return;
    case Halo::SiteListModel::AvailabilityColumn:
        colour = colourOf(availabilityTone(index), option->palette,
                          ThemeColours::muted(option->palette, QPalette::Base));
        option->text = QStringLiteral("\u25cf ") + option->text;
        break;
    case Halo::SiteListModel::HeardColumn:
        colour = colourOf(heartbeatTone(index), option->palette, neutral);
        break;
    case Halo::SiteListModel::MarksColumn:
        if (option->text.isEmpty())
            return;
        colour = colourOf(availabilityTone(index) == Tone::Bad || heartbeatTone(index) == Tone::Bad
                              ? Tone::Bad
                              : Tone::Warning,
                          option->palette, neutral);
        option->text = QStringLiteral("\u26a0 ") + option->text;
        break;
    default:
        return;
    }
    option->palette.setColor(QPalette::Text, colour);
    option->palette.setColor(QPalette::HighlightedText, colour.lighter(170));
}
