using System.Net;
using System.Text.Json;
using Dormant.Connectors.Http;

namespace Dormant.Connectors.GitHub;

/// <summary>
/// GitHub's basic-error {message, documentation_url}, and its rate limits (docs §3): over the primary
/// limit a 403 or 429 with x-ratelimit-remaining 0 (wait for x-ratelimit-reset); over a secondary
/// limit a 403 or 429 whose message says so — wait retry-after if given, else the reset when
/// remaining is 0, else at least a minute. A 403 of that kind is a wait, not a refusal of the token.
/// </summary>
internal static class GitHubErrors
{
    public static string? Message(JsonElement root) => root.Str("message") is { } m
        ? root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
            ? $"{m} ({string.Join("; ", errors.EnumerateArray().Select(e => e.Str("message") ?? $"{e.Str("field")}: {e.Str("code")}"))})"
            : m.ReplaceLineEndings(" ")
        : null;

    public static bool SaysRateLimited(string? message) => message is not null
        && (message.Contains("rate limit", StringComparison.OrdinalIgnoreCase) || message.Contains("abuse", StringComparison.OrdinalIgnoreCase));

    /// <param name="minute">GitHub's "at least one minute"; shorter only when a benchmark runs time faster.</param>
    public static Func<HttpResponseMessage, DateTimeOffset, CancellationToken, ValueTask<TimeSpan?>> Wait(TimeSpan minute) =>
        async (response, now, ct) =>
        {
            if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests)) return null;
            if (response.Headers.RetryAfter?.Delta is { } after) return after;
            var spent = response.Headers.TryGetValues("x-ratelimit-remaining", out var r) && r.FirstOrDefault()?.Trim() == "0";
            if (spent && response.Headers.TryGetValues("x-ratelimit-reset", out var reset) && RetryDelay.ParseReset(reset.FirstOrDefault(), now) is { } at)
                return at > now ? at - now : TimeSpan.Zero;
            if (response.StatusCode == HttpStatusCode.TooManyRequests) return minute;
            // A 403 is a rate limit only when its message says so; otherwise it is the token's rights.
            await response.Content.LoadIntoBufferAsync(ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            try
            {
                using var doc = JsonDocument.Parse(body);
                return SaysRateLimited(Message(doc.RootElement)) ? minute : null;
            }
            catch (JsonException) { return null; }
        };
}
