using System.Globalization;
using Dormant.Core.Accounts;
using Dormant.Core.Connectors;

namespace Dormant.Core.Policy;

/// <summary>Pure: account + rules + now → decision. No I/O, no clock of its own.</summary>
public sealed class PolicyEvaluator
{
    private readonly PolicyRules _rules;
    private readonly ExclusionMatcher _exclusions;
    private readonly PlatformWords _words;

    /// <param name="words">The platform's words for the reasons a reviewer reads; neutral ones when none is given.</param>
    public PolicyEvaluator(PolicyRules rules, PlatformWords? words = null)
    {
        _rules = rules;
        _words = words ?? PlatformWords.Neutral;
        _exclusions = new ExclusionMatcher(rules.Exclusions);
    }

    public PolicyRules Rules => _rules;

    public Decision Evaluate(Account account, DateTimeOffset now)
    {
        var last = LastActivity(account);
        Decision Make(Category c, string reason, int? days = null) =>
            new(account.Id, account.Label, c, reason, last?.At, days, last?.Source, account.Status);

        if (account.Error is { } error)
            return Make(Category.Error, $"could not be read completely: {error.Message}");
        if (account.Status == AccountStatus.Closed)
            return Make(Category.AlreadyInactive, "account is closed");
        var suspended = account.Status == AccountStatus.Suspended;
        if (suspended && _rules.Targets == TargetStatus.Active)
            return Make(Category.AlreadyInactive, $"already {_words.Inactive}");
        if (!suspended && _rules.Targets == TargetStatus.Suspended)
            return Make(Category.Active, $"status {account.Status.ToString().ToLowerInvariant()}; this policy only acts on {_words.Inactive} accounts");
        if (_exclusions.Match(account) is { } pattern)
            return Make(Category.Excluded, $"on the exclusion list ({pattern})");
        if (ProtectionReason(account) is { } why)
            return Make(Category.Protected, why);
        // Without its groups a person in an excluded group would look like anyone else: never act on a guess.
        if (_exclusions.HasGroupPatterns && account.Groups is null)
            return Make(Category.Error, "could not be read completely: its groups are unknown, so the group: exclusions cannot be checked");

        // A platform without products has one signal for everything: "in any product" would invent some.
        var product = _words.ActivityIn(_rules.Product);
        DateTimeOffset since;
        string basis;
        if (last is { } l)
        {
            since = l.At;
            basis = $"last active{product} on {Day(l.At)}";
        }
        else if (_rules.NoData == NoDataRule.CountFromCreation && account.CreatedAt is { } created)
        {
            since = created;
            basis = $"no activity{product} since creation on {Day(created)}";
        }
        else
        {
            return Make(Category.NoActivityData, $"no activity recorded{product}");
        }

        var idle = now - since;
        var days = Math.Max(0, (int)Math.Floor(idle.TotalDays));
        var threshold = TimeSpan.FromDays(_rules.InactiveDays);
        var inactive = _rules.InclusiveThreshold ? idle >= threshold : idle > threshold;
        var rule = _rules.InclusiveThreshold ? "at least" : "more than";
        return inactive
            ? Make(Category.Inactive, $"{basis}: {days} days ago, {rule} {_rules.InactiveDays}", days)
            : Make(Category.Active, $"{basis}: {days} days ago, within {_rules.InactiveDays}", days);
    }

    private static string? ProtectionReason(Account a)
    {
        if (a.IsOwner) return "protected: owner of the organization";
        if (a.IsCaller) return "protected: the account running Dormant";
        if (a.IsAdmin) return "protected: administrator";
        if (a.ProtectedBecause is { } why) return "protected: " + why;
        if (a.Kind == AccountKind.Service) return "protected: app, bot or service account";
        return null;
    }

    /// <summary>
    /// The latest activity for the policy's product across all its instances (several sites of one
    /// product each report their own timestamp; the person is active if any of them is recent).
    /// </summary>
    public (DateTimeOffset At, string Source)? LastActivity(Account account)
    {
        (DateTimeOffset At, string Source)? best = null;
        foreach (var e in account.Evidence)
        {
            if (e.LastActive is not { } at || !ProductKey.Matches(_rules.Product, e.Product)
                || (_rules.Signal is { } signal && !string.Equals(signal, e.Signal, StringComparison.OrdinalIgnoreCase))) continue;
            if (best is null || at > best.Value.At) best = (at, e.Source);
        }
        return best;
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
