namespace Dormant.Core.Notices;

/// <summary>How people hear of an action before it happens: their own email, the team's Slack channel, both or neither.</summary>
[Flags]
public enum NoticeChannels
{
    None = 0,
    Email = 1,
    Slack = 2,
}

public static class NoticeChannelNames
{
    public const string Email = "email";
    public const string Slack = "slack";

    /// <summary>"email", "slack", "email,slack" (either order) or "none"; null for anything else.</summary>
    public static NoticeChannels? Parse(string text)
    {
        var result = NoticeChannels.None;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var one = part.ToLowerInvariant() switch
            {
                Email => NoticeChannels.Email,
                Slack => NoticeChannels.Slack,
                "none" when text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) => NoticeChannels.None,
                _ => (NoticeChannels?)null,
            };
            if (one is null) return null;
            result |= one.Value;
        }
        return result;
    }

    public static IReadOnlyList<string> Names(this NoticeChannels channels) =>
        [.. channels.HasFlag(NoticeChannels.Email) ? [Email] : Array.Empty<string>(), .. channels.HasFlag(NoticeChannels.Slack) ? [Slack] : Array.Empty<string>()];

    public static string Describe(this NoticeChannels channels) => channels == NoticeChannels.None ? "none" : string.Join(",", channels.Names());
}
