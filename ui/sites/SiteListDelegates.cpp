#include "SiteListDelegates.h"

#include "sites/SiteListModel.h"
#include "sites/SiteMarks.h"

namespace {

const QColor kRed(0xc6, 0x28, 0x28);
const QColor kAmber(0xa8, 0x5d, 0x00); // dark enough to read on a light background
const QColor kGreen(0x2e, 0x7d, 0x32);

QColor availabilityColour(const QModelIndex &index, const QColor &neutral)
{
    const auto availability = static_cast<Halo::SiteInfo::Availability>(
        index.data(Halo::SiteListModel::AvailabilityRole).toInt());
    const bool failed = !index.data(Halo::SiteListModel::ProblemRole).toString().isEmpty();
    if (failed || availability == Halo::SiteInfo::Availability::Offline ||
        availability == Halo::SiteInfo::Availability::Unreachable)
        return kRed;
    if (availability == Halo::SiteInfo::Availability::Online)
        return kGreen;
    return neutral;
}

QColor heartbeatColour(const QModelIndex &index, const QColor &neutral)
{
    switch (static_cast<Halo::SiteMarks::Heartbeat>(
        index.data(Halo::SiteListModel::HeartbeatRole).toInt())) {
    case Halo::SiteMarks::Heartbeat::Red:
        return kRed;
    case Halo::SiteMarks::Heartbeat::Amber:
        return kAmber;
    default:
        return neutral;
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
        colour = availabilityColour(index, option->palette.color(QPalette::PlaceholderText));
        option->text = QStringLiteral("\u25cf ") + option->text;
        break;
    case Halo::SiteListModel::HeardColumn:
        colour = heartbeatColour(index, neutral);
        break;
    case Halo::SiteListModel::MarksColumn:
        if (option->text.isEmpty())
            return;
        colour = kAmber;
        if (availabilityColour(index, neutral) == kRed || heartbeatColour(index, neutral) == kRed)
            colour = kRed;
        option->text = QStringLiteral("\u26a0 ") + option->text;
        break;
    default:
        return;
    }
    option->palette.setColor(QPalette::Text, colour);
    option->palette.setColor(QPalette::HighlightedText, colour.lighter(170));
}
