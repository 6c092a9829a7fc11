using System.Text;
using Dormant.Simulators.Atlassian;
using Dormant.Tests.Support;

namespace Dormant.Tests.Evidence;

/// <summary>
/// A scan, a plan needing one approval, its approval by another person, its apply and a restore of one account, made through the real command line against
/// the Atlassian simulator. Among the idle people: a hostile HTML name, and names that carry the API key
/// itself (plain, base64, URL-encoded), as a vendor that echoes what it was sent might store them.
/// </summary>
public sealed class EvidenceRuns : IAsyncLifetime
{
    public const string ScriptName = "<script>alert('pwned')</script><img src=\"https://evil.example/x.png\">";

    /// <summary>The second person, with a comment that must stay text on the page.</summary>
    public const string Approver = "auditor-bob";
    public const string ApprovalComment = "checked <b>every</b> row";

    private readonly TempDir _dir = new();

    public CliHarness Cli { get; private set; } = null!;
    public string Folder => _dir.Path;
    public string StorePath => _dir.File("store.db");
    public string ApiKey { get; private set; } = "";
    public string ApplyRunId { get; private set; } = "";
    public string PlanDigest { get; private set; } = "";
    public string RestoredAccount { get; private set; } = "";

    /// <summary>Every spelling of the key a leak could take.</summary>
    public IEnumerable<string> KeyForms =>
        [ApiKey, Convert.ToBase64String(Encoding.UTF8.GetBytes(ApiKey)), Uri.EscapeDataString(ApiKey), System.Net.WebUtility.UrlEncode(ApiKey)];

    public async Task InitializeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var generated = AtlassianTenant.Generate(40, 11, now);
        ApiKey = generated.ApiKey;
        var site = generated.Users.SelectMany(u => u.ProductAccess).First(p => p.Key == "confluence").SiteId;
        SimUser Idle(string id, string name) => Users.Person(id, now.AddDays(-400)) with
        {
            Email = "", // the label falls back to the display name
            Name = name,
            Nickname = name,
            ProductAccess = [new SimProductAccess("confluence", site, now.AddDays(-400))],
        };
        var planted = new[]
        {
            Idle("evil-html", ScriptName),
            Idle("echo-plain", "token " + ApiKey),
            Idle("echo-base64", "b64 " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ApiKey))),
            Idle("echo-url", "url " + Uri.EscapeDataString(ApiKey + "/&?")),
        };
        var tenant = new AtlassianTenant(generated.OrgId, generated.ApiKey, generated.Users.Concat(planted), generated.DirectoryIds);
        Cli = new CliHarness(_dir.Path);
        Cli.Variables["DORMANT_STORE"] = StorePath;
        await using var sim = await AtlassianFixture.StartAsync(tenant);
        sim.Expose(Cli);
        await MustAsync("scan", "--connector", "atlassian");
        var plan = await MustAsync("plan", "--connector", "atlassian", "--max-share", "100", "--approvals", "1", "-o", "plan.json", "--output", "json");
        PlanDigest = plan.Out.Split("\"digest\": \"")[1].Split('"')[0];
        ApplyRunId = plan.Out.Split("\"planId\": \"")[1].Split('"')[0];
        await MustAsync("approve", "plan.json", "--yes", "--as", Approver, "--comment", ApprovalComment);
        await MustAsync("apply", "plan.json", "--yes");
        RestoredAccount = "evil-html";
        await MustAsync("restore", ApplyRunId, "--account", RestoredAccount);
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }

    public string File(string name) => _dir.File(name);

    public async Task<CliResult> MustAsync(params string[] args)
    {
        var result = await Cli.RunAsync(args);
        return result.ExitCode == 0 ? result
            : throw new InvalidOperationException($"dormant {string.Join(' ', args)} failed ({result.ExitCode}): {result.All}");
    }
}
