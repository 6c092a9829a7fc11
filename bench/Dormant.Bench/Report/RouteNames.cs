using Dormant.Simulators;

namespace Dormant.Bench.Report;

/// <summary>Requests per route, with ids taken out of paths ("GET …/users/{id}/last-active-dates").</summary>
internal static class RouteNames
{
    public static IReadOnlyDictionary<string, int> Count(IEnumerable<RecordedRequest> log) =>
        log.GroupBy(r => $"{r.Method} {Normalize(r.Path)}").OrderByDescending(g => g.Count())
            .ToDictionary(g => g.Key, g => g.Count());

    private static string Normalize(string path) =>
        string.Join('/', path.Split('/').Select(s => IsId(s) ? "{id}" : s));

    private static bool IsId(string segment) =>
        segment.Contains('@') || segment.Contains("%40", StringComparison.OrdinalIgnoreCase) || Guid.TryParse(segment, out _)
        || (segment.Length >= 12 && segment.Any(char.IsDigit));
}
