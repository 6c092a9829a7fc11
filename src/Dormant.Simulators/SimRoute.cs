using System.Text.RegularExpressions;

namespace Dormant.Simulators;

/// <summary>A route as a method and a pattern over the whole path, to arm faults on it and to count requests to it.</summary>
public sealed record SimRoute(string Method, string PathPattern)
{
    public bool Matches(string method, string path) =>
        string.Equals(Method, method, StringComparison.OrdinalIgnoreCase) && Regex.IsMatch(path, PathPattern, RegexOptions.CultureInvariant);

    public override string ToString() => $"{Method} {PathPattern}";
}
