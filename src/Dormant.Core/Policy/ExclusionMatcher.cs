using System.Text.RegularExpressions;
using Dormant.Core.Accounts;

namespace Dormant.Core.Policy;

/// <summary>Matches an account's id, email and display name against the exclusion list, ignoring case.</summary>
public sealed class ExclusionMatcher
{
    private readonly List<(string Pattern, Regex? Glob)> _patterns;

    public ExclusionMatcher(IEnumerable<string> patterns)
    {
        _patterns = patterns
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .Select(p => (p, p.IndexOfAny(['*', '?']) >= 0 ? ToRegex(p) : null))
            .ToList();
    }

    /// <summary>The pattern that matched, or null.</summary>
    public string? Match(Account account)
    {
        foreach (var (pattern, glob) in _patterns)
        {
            foreach (var value in new[] { account.Id, account.Email, account.DisplayName })
            {
                if (string.IsNullOrEmpty(value)) continue;
                var hit = glob is null
                    ? string.Equals(value.Trim(), pattern, StringComparison.OrdinalIgnoreCase)
                    : glob.IsMatch(value.Trim());
                if (hit) return pattern;
            }
        }
        return null;
    }

    private static Regex ToRegex(string glob) => new(
        "^" + Regex.Escape(glob).Replace(@"\*", ".*").Replace(@"\?", ".") + "$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
