using Dormant.Core.Errors;
using Dormant.Core.Notices;

namespace Dormant.Cli.Notices;

/// <summary>The two policy values of warning first, checked together: a grace needs somewhere to send its notice, and a notice a date.</summary>
internal static class NoticeRules
{
    public const int MaxNoticeDays = 365;

    public static NoticeChannels ParseChannels(string text) => NoticeChannelNames.Parse(text)
        ?? throw new UsageException($"--notify must be email, slack, email,slack or none (got '{text}')");

    public static (int Days, NoticeChannels Channels) Resolve(int days, NoticeChannels channels)
    {
        if (days is < 0 or > MaxNoticeDays) throw new UsageException($"--notice-days must be from 0 to {MaxNoticeDays} (got {days})");
        if (days > 0 && channels == NoticeChannels.None)
            throw new UsageException($"--notice-days {days} needs somewhere to send the notice: add --notify email, slack or email,slack");
        if (days == 0 && channels != NoticeChannels.None)
            throw new UsageException($"--notify {channels.Describe()} needs a grace to announce: add --notice-days N (1 or more)");
        return (days, channels);
    }
}
