using System.Globalization;
using System.Text;

namespace Dormant.Core.Notices;

/// <summary>One Slack message per run: the accounts about to be acted on, grouped by the date each may be.</summary>
public static class SlackSummary
{
    public const int MaxListed = 50;

    public static string Text(string platform, string tenant, string action, string contact, IReadOnlyList<(string Label, DateOnly Date)> accounts)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Dormant will {action} {accounts.Count} {platform} account{(accounts.Count == 1 ? "" : "s")} on {Plain(tenant)} unless they keep their access:\n");
        var listed = 0;
        foreach (var day in accounts.GroupBy(a => a.Date).OrderBy(g => g.Key))
        {
            if (listed >= MaxListed) break;
            text.Append(CultureInfo.InvariantCulture, $"*on or after {day.Key:yyyy-MM-dd}*\n");
            foreach (var (label, _) in day.OrderBy(a => a.Label, StringComparer.Ordinal).Take(MaxListed - listed))
            {
                listed++;
                text.Append("• ").Append(Plain(label)).Append('\n');
            }
        }
        if (accounts.Count > MaxListed) text.Append(CultureInfo.InvariantCulture, $"…and {accounts.Count - MaxListed} more (see the run's report)\n");
        text.Append("To keep someone's access, ask ").Append(Plain(contact)).Append('.');
        return text.ToString();
    }

    /// <summary>Slack reads &lt;…&gt; as links and mentions: a label like "&lt;!channel&gt;" must stay text.</summary>
    private static string Plain(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
