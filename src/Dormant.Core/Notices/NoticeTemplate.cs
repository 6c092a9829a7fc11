using System.Net;
using System.Text.RegularExpressions;
using Dormant.Core.Errors;

namespace Dormant.Core.Notices;

/// <summary>
/// The email a person gets: a subject, a plain-text body and an HTML body, with {placeholders}
/// (see <see cref="NoticeFacts.Placeholders"/>). A plain template may begin with a "Subject:" line.
/// Values are HTML-escaped in the HTML body: a display name is whatever its owner typed.
/// </summary>
public sealed partial record NoticeTemplate(string Subject, string Text, string Html)
{
    public static NoticeTemplate Default { get; } = new(
        "Dormant will {action} your {platform} account on or after {date}",
        """
        Hello {name},

        Your {platform} account {account} on {tenant} has not been used for more than {days} days
        ({reason}), so Dormant will {action} it on or after {date}.

        If you still need it, ask {contact} to keep your access before that date, or simply use the
        account: anyone active again is left alone.

        This message was sent by Dormant on behalf of your IT team.
        """,
        """
        <p>Hello {name},</p>
        <p>Your {platform} account <b>{account}</b> on {tenant} has not been used for more than {days} days
        ({reason}), so Dormant will <b>{action}</b> it on or after <b>{date}</b>.</p>
        <p>If you still need it, ask {contact} to keep your access before that date, or simply use the
        account: anyone active again is left alone.</p>
        <p><small>This message was sent by Dormant on behalf of your IT team.</small></p>
        """);

    /// <summary>A template from files' text; an unknown {placeholder} is refused, so a typo never reaches a person.</summary>
    public static NoticeTemplate From(string text, string? html, string source)
    {
        var subject = Default.Subject;
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length > 0 && lines[0].StartsWith("Subject:", StringComparison.OrdinalIgnoreCase))
        {
            subject = lines[0]["Subject:".Length..].Trim();
            text = string.Join('\n', lines.Skip(1)).TrimStart('\n');
        }
        var template = new NoticeTemplate(subject, text, html ?? Default.Html);
        foreach (var part in new[] { template.Subject, template.Text, template.Html })
            foreach (Match m in Placeholder().Matches(part))
                if (!NoticeFacts.Placeholders.Contains(m.Groups[1].Value))
                    throw new UsageException($"{source}: unknown placeholder {{{m.Groups[1].Value}}}; known: {string.Join(", ", NoticeFacts.Placeholders.Select(p => "{" + p + "}"))}");
        return template;
    }

    public (string Subject, string Text, string Html) Render(NoticeFacts facts)
    {
        var values = facts.Values();
        // A subject is one header line: a name with a line break must not add headers.
        var subject = Fill(Subject, v => v.ReplaceLineEndings(" "), values);
        return (subject, Fill(Text, v => v, values), Fill(Html, WebUtility.HtmlEncode, values));
    }

    private static string Fill(string template, Func<string, string> encode, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? encode(v) : m.Value);

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex Placeholder();
}
