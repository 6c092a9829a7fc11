using Dormant.Cli.Infrastructure;
using Dormant.Core.Store;

namespace Dormant.Cli.Rendering;

/// <summary>The read-back after apply in people's words: a closing count, and each account that did not read back as expected.</summary>
public static class VerificationText
{
    /// <summary>"verified: 36 of 36 accounts read back in the expected state (suspended)", or how many did not.</summary>
    public static string Summary(IReadOnlyList<AccountVerification> checks, string platform)
    {
        var matched = checks.Count(c => c.Matches);
        var state = Expected(checks.FirstOrDefault(), platform);
        var unverified = checks.Count(c => c.Seen == AccountVerification.Unverified);
        var mismatched = checks.Count - matched - unverified;
        var line = $"verified: {matched} of {checks.Count} accounts read back in the expected state{(state is null ? "" : $" ({state})")}";
        if (mismatched > 0) line += $"; {mismatched} not";
        if (unverified > 0) line += $"; {unverified} could not be read back";
        return line;
    }

    /// <summary>One line per account that did not read back as expected; none when all did.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<AccountVerification> checks, string platform) =>
        checks.Where(c => !c.Matches).Select(c =>
            $"  {(c.Seen == AccountVerification.Unverified ? "unverified" : "MISMATCH"),-12} {TerminalText.Escape(c.Label)} ({TerminalText.Escape(c.AccountId)}): "
            + (c.Seen == AccountVerification.Unverified
                ? TerminalText.Escape(c.Error ?? "")
                : $"expected {Expected(c, platform) ?? c.Expected}, read back {Seen(c, platform)}"));

    public static void Write(CliContext ctx, IReadOnlyList<AccountVerification> checks, string platform)
    {
        if (checks.Count == 0) return;
        foreach (var line in Problems(checks, platform)) ctx.Text.WriteLine(line);
        var summary = Summary(checks, platform);
        ctx.Text.WriteLine(summary);
        if (checks.Any(c => !c.Matches)) ctx.Say("warning: " + summary + "; see the lines above, and 'dormant show' for the run");
    }

    /// <summary>What was read back in the platform's words: its own word for an account that cannot sign in ("disabled", "suspended").</summary>
    public static string Seen(AccountVerification c, string platform) =>
        c.Seen == SuspendedWire ? PlatformWording.Of(platform).Inactive : c.Seen;

    private static readonly string SuspendedWire = System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(nameof(Core.Accounts.AccountStatus.Suspended));

    /// <summary>The platform's word for the action's end ("suspended"), or the end's neutral name for a platform this build does not know.</summary>
    public static string? Expected(AccountVerification? c, string platform) =>
        c is null ? null : PlatformWording.Action(platform, c.Action)?.PastTense ?? c.Expected.Replace('-', ' ');
}
