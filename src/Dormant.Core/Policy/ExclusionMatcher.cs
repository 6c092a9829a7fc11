using System.Text.RegularExpressions;
using Dormant.Core.Accounts;

namespace Dormant.Core.Policy;

/// <summary>
/// Matches an account against the exclusion list, ignoring case: a plain pattern against its id,
/// email and display name; <c>group:NAME</c> against its groups (or teams). Both take * and ? globs.
/// </summary>
public sealed class ExclusionMatcher
{
    private const string GroupPrefix = "group:";

    public static bool IsGroupPattern(string pattern) => pattern.Trim().StartsWith(GroupPrefix, StringComparison.OrdinalIgnoreCase);
    private readonly List<(string Pattern, bool Group, Func<string, bool> Matches)> _patterns;

    public ExclusionMatcher(IEnumerable<string> patterns)
    {
        _patterns = patterns
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .Select(p =>
            {
                var group = IsGroupPattern(p);
                return (p, group, Matcher(group ? p[GroupPrefix.Length..].Trim() : p));
            })
            .ToList();
        HasGroupPatterns = _patterns.Any(p => p.Group);
    }

    /// <summary>Whether any pattern needs the account's groups to be known.</summary>
    public bool HasGroupPatterns { get; }

    /// <summary>The pattern that matched, or null.</summary>
    public string? Match(Account account)
    {
        foreach (var (pattern, group, matches) in _patterns)
        {
            var values = group ? account.Groups ?? [] : new[] { account.Id, account.Email ?? "", account.DisplayName };
            if (values.Any(v => v.Length > 0 && matches(v.Trim()))) return pattern;
        }
        return null;
    }

    private static Func<string, bool> Matcher(string pattern)
    {
        if (pattern.IndexOfAny(['*', '?']) < 0)
            return value => string.Equals(value, pattern, StringComparison.OrdinalIgnoreCase);
        var regex = new Regex("^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return regex.IsMatch;
    }
}
