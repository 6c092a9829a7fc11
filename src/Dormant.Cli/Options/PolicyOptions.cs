using System.CommandLine;
using Dormant.Core.Errors;
using Dormant.Core.Policy;

namespace Dormant.Cli.Options;

/// <summary>The policy flags; each overrides the platform's seed default.</summary>
public sealed class PolicyOptions
{
    public Option<int?> InactiveDays { get; } = new("--inactive-days", "-d") { Description = "Days idle before an account counts as inactive (" + Defaults(p => p.InactiveDays.ToString(System.Globalization.CultureInfo.InvariantCulture)) + ")" };
    public Option<string?> Product { get; } = new("--product", "--product-key") { Description = "Product whose activity counts, on a platform with products (" + Defaults(p => p.Product ?? "any", withProducts: true) + ")" };
    public Option<string[]> Exclude { get; } = new("--exclude-user", "-e")
    {
        Description = "Account id, email or display name never to act on (repeatable; * and ? globs)",
        AllowMultipleArgumentsPerToken = false,
    };
    public Option<string?> ExcludeFrom { get; } = new("--exclude-from")
    {
        Description = "File of accounts never to act on: one id, email, glob or group:NAME a line, or a CSV with an 'account' column",
    };
    public Option<string?> Preset { get; } = new("--preset") { Description = "Named policy of the platform ('seed': the original script's)" };
    public Option<int?> MaxActions { get; } = new("--max-actions") { Description = "Cap: most accounts one run may act on (default 500)" };
    public Option<double?> MaxShare { get; } = new("--max-share") { Description = "Cap: most % of all accounts one run may act on (default 25)" };
    public Option<string?> Action { get; } = new("--action") { Description = "What to do to inactive accounts (default: the reversible one)" };

    public Option<int?> NoticeDays { get; } = new("--notice-days") { Description = "Warn first: days from notice delivered to action (0: none)" };
    public Option<string?> Notify { get; } = new("--notify") { Description = "Where notices go: email, slack, email,slack or none" };

    /// <summary>Added by the commands that make a plan to apply (plan, run), not by scan.</summary>
    public Option<int?> Approvals { get; } = new("--approvals") { Description = "Approvals by others needed before apply (default 0)" };

    public const int MaxInactiveDays = 36_500;
    /// <summary>More sign-offs than any team gathers: a typo, not a policy.</summary>
    public const int MaxApprovals = 20;

    /// <summary>Where a relative --exclude-from is found: the invocation's folder, not the process's.</summary>
    public string WorkingDirectory { get; set; } = Environment.CurrentDirectory;

    private IReadOnlyList<string> FromFile(ParseResult parse) => parse.GetValue(ExcludeFrom) is { } file
        ? Config.ExclusionFile.Read(Path.GetFullPath(file, WorkingDirectory), ExcludeFrom.Name)
        : [];

    private static string Defaults(Func<PolicyRules, string> value, bool withProducts = false) =>
        string.Join(", ", Dormant.Connectors.PlatformCatalog.All.Where(p => !withProducts || p.Words.HasProducts)
            .Select(p => $"{p.Platform} {value(p.DefaultPolicy)}"));

    public void AddTo(Command command)
    {
        command.Options.Add(InactiveDays);
        command.Options.Add(Product);
        command.Options.Add(Exclude);
        command.Options.Add(ExcludeFrom);
        command.Options.Add(Action);
        command.Options.Add(Preset);
        command.Options.Add(MaxActions);
        command.Options.Add(MaxShare);
        command.Options.Add(NoticeDays);
        command.Options.Add(Notify);
    }

    /// <summary>Platform default (or preset) ← the config file's policy ← flags.</summary>
    public PolicyRules Resolve(ParseResult parse, Dormant.Connectors.IPlatformDefinition platform, Config.PolicyConfig? config = null)
    {
        config ??= new Config.PolicyConfig();
        var rules = platform.DefaultPolicy;
        if ((parse.GetValue(Preset) ?? config.Preset) is { } preset)
            rules = platform.Presets.FirstOrDefault(kv => string.Equals(kv.Key, preset, StringComparison.OrdinalIgnoreCase)).Value
                ?? throw new UsageException($"{platform.Platform} has no preset '{preset}'; it has: {string.Join(", ", platform.Presets.Keys)}");
        var days = parse.GetValue(InactiveDays) ?? config.InactiveDays ?? rules.InactiveDays;
        // A century is past any account's life; beyond it "now minus the days" leaves the calendar.
        if (days is < 1 or > MaxInactiveDays) throw new UsageException($"--inactive-days must be from 1 to {MaxInactiveDays} (got {days})");
        var maxActions = parse.GetValue(MaxActions) ?? config.MaxActions ?? rules.MaxActions;
        if (maxActions < 0) throw new UsageException($"--max-actions must be 0 or more (got {maxActions})");
        var percent = parse.GetValue(MaxShare) ?? config.MaxSharePercent;
        var maxShare = percent is { } p ? p / 100 : rules.MaxShare;
        if (!double.IsFinite(maxShare) || maxShare is < 0 or > 1) throw new UsageException($"--max-share is a percentage from 0 to 100 (got {maxShare * 100})");
        var (noticeDays, notify) = Notices.NoticeRules.Resolve(parse.GetValue(NoticeDays) ?? config.NoticeDays ?? rules.NoticeDays,
            parse.GetValue(Notify) is { } given ? Notices.NoticeRules.ParseChannels(given) : config.Notify ?? rules.Notify);
        var approvals = (parse.GetResult(Approvals) is null ? null : parse.GetValue(Approvals)) ?? config.Approvals ?? rules.Approvals;
        if (approvals is < 0 or > MaxApprovals) throw new UsageException($"--approvals must be from 0 to {MaxApprovals} (got {approvals})");
        return rules with
        {
            Approvals = approvals,
            NoticeDays = noticeDays,
            Notify = notify,
            InactiveDays = days,
            MaxActions = maxActions,
            MaxShare = maxShare,
            Product = parse.GetValue(Product) ?? config.Product ?? rules.Product,
            Exclusions = [.. rules.Exclusions, .. config.Exclude, .. FromFile(parse), .. parse.GetValue(Exclude) ?? []],
            Action = parse.GetValue(Action) ?? config.Action ?? rules.Action,
            SeatPrice = config.SeatPrice ?? rules.SeatPrice,
        };
    }
}
