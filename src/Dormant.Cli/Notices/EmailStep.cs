using System.Text.RegularExpressions;
using Dormant.Cli.Infrastructure;
using Dormant.Core.Notices;
using Dormant.Core.Plans;
using MimeKit;

namespace Dormant.Cli.Notices;

/// <summary>One email per account that has none delivered, over one SMTP session; every attempt journaled.</summary>
internal static partial class EmailStep
{
    public static async Task SendAsync(CliContext ctx, NoticeJournal journal, NoticeBook book, Plan plan, List<PlannedAction> targets,
        NoticeSettings settings, NoticeTally tally, CancellationToken ct)
    {
        var needed = new List<PlannedAction>();
        foreach (var a in targets)
        {
            if (book.Delivered(a.AccountId, NoticeChannelNames.Email) is not null) tally.Already++;
            else needed.Add(a);
        }
        if (needed.Count == 0) return;
        await using var sender = new EmailSender(settings);
        var down = await sender.ConnectAsync(ct);
        var due = NoticeGate.DueOn(ctx.Clock.GetUtcNow(), plan.Policy.NoticeDays);
        foreach (var a in needed)
        {
            if (down is not null)
            {
                // The server is the problem, not the person: every remaining account is journaled, the line is said once.
                await journal.OutcomeAsync(a, NoticeChannelNames.Email, null, false, down, due, tally);
                continue;
            }
            ct.ThrowIfCancellationRequested();
            if (!IsPlainAddress(a.Label))
            {
                await journal.OutcomeAsync(a, NoticeChannelNames.Email, null, false,
                    $"no email address ('{a.Label}' is not one); add a Slack channel (--notify email,slack) or keep the account with 'dormant keep'", due, tally);
                continue;
            }
            var id = book.MessageId(a.AccountId, NoticeChannelNames.Email) ?? NewMessageId(settings.SmtpFrom!);
            await journal.IntentAsync(a, NoticeChannelNames.Email, id, ct);
            var (sent, detail, lost) = await sender.SendAsync(Message(settings, plan, a, due, id), ct);
            await journal.OutcomeAsync(a, NoticeChannelNames.Email, id, sent, detail, due, tally);
            if (lost) down = detail;
        }
        if (down is not null) ctx.Error.WriteLine($"error: email notices not delivered: {ctx.Redactor.Redact(down)}");
        foreach (var (label, channel, detail) in tally.Failures.Where(f => f.Channel == NoticeChannelNames.Email && f.Detail != down))
            ctx.Error.WriteLine($"error: email to {Rendering.TerminalText.Escape(label)} not delivered: {Rendering.TerminalText.Escape(detail)}");
    }

    private static MimeMessage Message(NoticeSettings settings, Plan plan, PlannedAction a, DateOnly due, string id)
    {
        var facts = new NoticeFacts(a.Label, a.AccountId, plan.Platform, plan.Tenant, plan.Policy.Action!, due, plan.Policy.InactiveDays, settings.Contact, a.Reason);
        var (subject, text, html) = settings.Template.Render(facts);
        var message = new MimeMessage { Subject = subject, MessageId = id };
        message.From.Add(MailboxAddress.Parse(settings.SmtpFrom!));
        message.To.Add(new MailboxAddress("", a.Label));
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    private static string NewMessageId(string from) =>
        $"dormant-notice-{Guid.NewGuid():N}@{(MailboxAddress.TryParse(from, out var m) && m.Domain.Length > 0 ? m.Domain : "dormant.invalid")}";

    /// <summary>Only a bare address: a label is the vendor's data, and "Name &lt;a@b&gt;, c@d" must not become two recipients.</summary>
    internal static bool IsPlainAddress(string label) => PlainAddress().IsMatch(label);

    [GeneratedRegex(@"^[^\s@<>,;:""()\[\]\\]+@[^\s@<>,;:""()\[\]\\]+\.[^\s@<>,;:""()\[\]\\]+$")]
    private static partial Regex PlainAddress();
}
