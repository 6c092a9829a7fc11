using System.Net;
using System.Text;
using Dormant.Connectors.GitHub;
using Dormant.Core.Errors;

namespace Dormant.Tests.GitHub;

/// <summary>GitHub's waiting rules and the link guard, as pure functions.</summary>
public sealed class GitHubRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static HttpResponseMessage Answer(HttpStatusCode status, string message, params (string, string)[] headers)
    {
        var r = new HttpResponseMessage(status) { Content = new StringContent($"{{\"message\":\"{message}\"}}", Encoding.UTF8, "application/json") };
        foreach (var (k, v) in headers) r.Headers.TryAddWithoutValidation(k, v);
        return r;
    }

    [Fact]
    public async Task A_secondary_limit_waits_retry_after_else_the_reset_when_spent_else_a_minute()
    {
        var wait = GitHubErrors.Wait(TimeSpan.FromMinutes(1));
        var reset = Now.AddSeconds(300).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(TimeSpan.FromSeconds(7), await wait(Answer(HttpStatusCode.Forbidden, "You have exceeded a secondary rate limit", ("retry-after", "7")), Now, default));
        Assert.Equal(TimeSpan.FromSeconds(300), await wait(Answer(HttpStatusCode.Forbidden, "API rate limit exceeded",
            ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset)), Now, default));
        Assert.Equal(TimeSpan.FromMinutes(1), await wait(Answer(HttpStatusCode.Forbidden, "You have exceeded a secondary rate limit", ("x-ratelimit-remaining", "4000")), Now, default));
        Assert.Equal(TimeSpan.FromMinutes(1), await wait(Answer(HttpStatusCode.TooManyRequests, "slow down"), Now, default));
        Assert.Null(await wait(Answer(HttpStatusCode.Forbidden, "Resource not accessible by integration"), Now, default));
        Assert.Null(await wait(Answer(HttpStatusCode.NotFound, "secondary rate limit"), Now, default));
    }

    [Fact]
    public void A_next_link_outside_the_api_is_refused_so_the_token_never_goes_there()
    {
        var baseUrl = new Uri("https://ghe.example.com/api/v3/");
        using var inside = new HttpResponseMessage();
        inside.Headers.TryAddWithoutValidation("Link", "<https://ghe.example.com/api/v3/orgs/a/members?page=2>; rel=\"next\", <https://ghe.example.com/api/v3/orgs/a/members?page=9>; rel=\"last\"");
        using var outside = new HttpResponseMessage();
        outside.Headers.TryAddWithoutValidation("Link", "<https://evil.example.net/api/v3/orgs/a/members?page=2>; rel=\"next\"");
        using var otherPath = new HttpResponseMessage();
        otherPath.Headers.TryAddWithoutValidation("Link", "<https://ghe.example.com/other/orgs/a/members?page=2>; rel=\"next\"");

        Assert.Equal("https://ghe.example.com/api/v3/orgs/a/members?page=2", GitHubLinks.Next(inside, baseUrl, "github"));
        Assert.Throws<VendorException>(() => GitHubLinks.Next(outside, baseUrl, "github"));
        Assert.Throws<VendorException>(() => GitHubLinks.Next(otherPath, baseUrl, "github"));
        Assert.Null(GitHubLinks.Next(new HttpResponseMessage(), baseUrl, "github"));
    }
}
