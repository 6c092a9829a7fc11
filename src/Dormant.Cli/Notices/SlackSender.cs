using System.Net.Http.Json;
using Dormant.Connectors.Http;

namespace Dormant.Cli.Notices;

/// <summary>
/// Posts the run's summary to a Slack incoming webhook through the same HTTP pipeline the connectors
/// use. A post is a write: it is not repeated on a 5xx or a timeout (the message may be there).
/// </summary>
internal static class SlackSender
{
    /// <param name="root">The process's HTTP root: its clock is the wire's (tests freeze only the commands' clock).</param>
    public static async Task<(bool Sent, string Detail)> PostAsync(VendorHttp root, NoticeSettings settings, string text, CancellationToken ct)
    {
        var webhook = settings.SlackWebhook!;
        using var connection = root.Open("slack", new HttpSettings
        {
            BaseUrl = new Uri(webhook.GetLeftPart(UriPartial.Authority) + "/"),
            RequestsPerSecond = 1,
            MaxConcurrency = 1,
            MaxRetries = 2,
            AttemptTimeout = settings.SlackTimeout,
        });
        var http = connection.Client;
        try
        {
            using var response = await http.PostAsJsonAsync(webhook, new { text }, ct);
            var body = (await response.Content.ReadAsStringAsync(ct)).Trim();
            if (response.IsSuccessStatusCode) return (true, $"Slack answered {(int)response.StatusCode} {Short(body)}");
            var hint = (int)response.StatusCode is 403 or 404 or 410 ? "; the webhook was revoked or mistyped: make a new one in the Slack app" : "";
            return (false, $"Slack answered {(int)response.StatusCode} {Short(body)}{hint}");
        }
        catch (Exception e) when (!ct.IsCancellationRequested
            && (e is HttpRequestException or IOException or OperationCanceledException or TimeoutException || e.GetType().Name == "TimeoutRejectedException"))
        {
            var what = e is HttpRequestException h && RetryRule.NeverSent(h) ? $"cannot reach Slack ({e.Message.Split('\n')[0]})"
                : e is HttpRequestException ? $"the post to Slack failed ({e.Message.Split('\n')[0]})"
                : $"Slack did not answer within {settings.SlackTimeout.TotalSeconds:0} seconds (the summary may or may not have been posted)";
            return (false, what);
        }
    }

    private static string Short(string body) => body.Length == 0 ? "" : body.Length <= 80 ? body.ReplaceLineEndings(" ") : body[..80].ReplaceLineEndings(" ") + "…";
}
