using System.CommandLine;
using System.Globalization;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Cli.Rendering;
using Dormant.Core.Errors;
using Dormant.Core.Notices;

namespace Dormant.Cli.Commands;

/// <summary>The keep-access register: people who asked to keep an account they rarely use, until a date.</summary>
public sealed class KeepCommand : DormantCommand
{
    private const int MaxYears = 5;
    private readonly ConnectionOptions _connection = new();
    private readonly StoreOptions _store;
    private readonly Argument<string?> _account = new("account") { Description = "Account id or email to keep", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _until = new("--until") { Description = "Last day (UTC, YYYY-MM-DD) the account is protected" };
    private readonly Option<string?> _reason = new("--reason") { Description = "Why it is kept, shown in plans, reports and notices" };
    private readonly Option<string?> _by = new("--by") { Description = "Who asked (default: you)" };
    private readonly Option<bool> _list = new("--list") { Description = "List the register" };
    private readonly Option<string?> _remove = new("--remove") { Description = "End an account's entry now" };

    public KeepCommand(CliEnvironment env, StoreOptions store) : base("keep", "Let someone keep their access until a date: never planned, noticed or acted on", env)
    {
        HelpExamples.Add(this,
            $"dormant keep ann@example.com -c {PlatformWording.Example(0)} --until 2026-03-31 --reason leave --by bob",
            "dormant keep --list",
            $"dormant keep --remove ann@example.com -c {PlatformWording.Example(0)}");
        _store = store;
        Arguments.Add(_account);
        Options.Add(_connection.Connector);
        foreach (var o in new Option[] { _until, _reason, _by, _list, _remove }) Options.Add(o);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var platform = _connection.Name(parse) is { } name ? ConnectionOptions.PlatformOf(name, ConfigOptions.Load(parse, ctx)).Platform : null;
        if (parse.GetValue(_list)) return await ListAsync(parse, ctx, platform, ct);
        var now = ctx.Clock.GetUtcNow();
        if (parse.GetValue(_remove) is { } gone)
        {
            using var store = StoreAccess.OpenExisting(_store, parse, ctx);
            var platforms = platform is null ? (await store.GetKeepsAsync(null, ct)).Select(e => e.Platform).Distinct().ToList() : [platform];
            var removed = 0;
            foreach (var p in platforms) removed += await store.RemoveKeepAsync(p, gone.Trim(), now, ct) ? 1 : 0;
            if (removed == 0) throw new UsageException($"{gone} has no keep-access entry{(platform is null ? "" : " on " + platform)}; see 'dormant keep --list'");
            ctx.Text.WriteLine($"{TerminalText.Escape(gone)} no longer keeps access; the policy decides for it again");
            return ExitCodes.Done;
        }
        var account = parse.GetValue(_account)?.Trim() is { Length: > 0 } a ? a
            : throw new UsageException("name the account to keep: dormant keep ACCOUNT -c PLATFORM --until YYYY-MM-DD --reason TEXT (or --list, --remove ACCOUNT)");
        if (platform is null) throw new UsageException("--connector is needed: which platform's account to keep");
        var until = Until(parse.GetValue(_until), now);
        var reason = parse.GetValue(_reason)?.Trim() is { Length: > 0 } r ? r : throw new UsageException("--reason is needed: it is shown to whoever reviews a plan");
        var entry = new KeepEntry(platform, account, until, reason, parse.GetValue(_by)?.Trim() is { Length: > 0 } by ? by : ctx.Env.RunBy, now);
        using (var store = StoreAccess.Open(_store, parse, ctx)) await store.SaveKeepAsync(entry, ct);
        ctx.Text.WriteLine($"{TerminalText.Escape(account)} keeps access on {platform} until {entry.UntilText} (asked by {TerminalText.Escape(entry.By)})");
        return ExitCodes.Done;
    }

    private async Task<int> ListAsync(ParseResult parse, CliContext ctx, string? platform, CancellationToken ct)
    {
        using var store = StoreAccess.OpenExisting(_store, parse, ctx);
        var entries = await store.GetKeepsAsync(platform, ct);
        var now = ctx.Clock.GetUtcNow();
        if (ctx.Json)
        {
            JsonOutput.Write(ctx, "dormant.keep/v1", new { entries = entries.Select(e => new { e.Platform, e.Account, until = e.UntilText, e.Reason, e.By, e.CreatedAt, live = e.LiveAt(now) }) });
            return ExitCodes.Done;
        }
        if (entries.Count == 0) ctx.Text.WriteLine("the keep-access register is empty");
        foreach (var e in entries)
            ctx.Text.WriteLine(string.Join('\t', e.Platform, TerminalText.Escape(e.Account), e.UntilText, e.LiveAt(now) ? "live" : "expired",
                TerminalText.Escape(e.By), TerminalText.Escape(e.Reason)));
        return ExitCodes.Done;
    }

    private static DateOnly Until(string? text, DateTimeOffset now)
    {
        if (text is null) throw new UsageException("--until is needed: the last day the account is protected (YYYY-MM-DD)");
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
            throw new UsageException($"--until must be a date as YYYY-MM-DD (got '{text}')");
        var today = NoticeGate.Today(now);
        if (until < today) throw new UsageException($"--until {text} is in the past; today is {today:yyyy-MM-dd} (UTC)");
        if (until > today.AddYears(MaxYears)) throw new UsageException($"--until {text} is more than {MaxYears} years away; keep access for a shorter time and renew it");
        return until;
    }
}
