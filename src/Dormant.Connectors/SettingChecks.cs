using System.Globalization;
using Dormant.Connectors.Http;
using Dormant.Core.Errors;

namespace Dormant.Connectors;

/// <summary>The validations settings declare: each returns the problem in words, or null.</summary>
public static class SettingChecks
{
    /// <summary>An http(s) URL, plain http only to this machine (the rule every connector applies).</summary>
    public static Func<string, string?> Url { get; } = value =>
    {
        try
        {
            BaseUrlRule.Parse(value, "URL");
            return null;
        }
        catch (UsageException e) { return e.Message; }
    };

    public static Func<string, string?> WholeNumber(int min, int max) => value =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? null : $"expected a whole number from {min} to {max}, got '{value}'";

    /// <summary>One of a few words, in any letter case.</summary>
    public static Func<string, string?> OneOf(params string[] allowed) => value =>
        allowed.Contains(value, StringComparer.OrdinalIgnoreCase) ? null : $"expected one of {string.Join(", ", allowed)}, got '{value}'";

    public static Func<string, string?> Guid(string what) => value =>
        System.Guid.TryParse(value, out _) ? null : $"expected {what} (a GUID), got '{value}'";
}
