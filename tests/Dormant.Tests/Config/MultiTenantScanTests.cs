using Dormant.Simulators;
using Dormant.Tests.Support;

namespace Dormant.Tests.Config;

public sealed class MultiTenantScanTests
{
    [Fact]
    public async Task One_scan_covers_three_tenants_of_different_platforms()
    {
        using var dir = new TempDir();
        var now = DateTimeOffset.UtcNow;
        await using var atl = await SimulatorCatalog.Find("atlassian").StartAsync(30, 1, 0, now, null, default);
        await using var port = await SimulatorCatalog.Find("port").StartAsync(30, 2, 0, now, null, default);
        await using var docs = await SimulatorCatalog.Find("docspace").StartAsync(30, 3, 0, now, null, default);
        var cli = new CliHarness(dir.Path);
        cli.Variables["CORP_ATL_KEY"] = atl.Environment["ATLASSIAN_API_KEY"];
        cli.Variables["CORP_PORT_SECRET"] = port.Environment["PORT_CLIENT_SECRET"];
        cli.Variables["CORP_DOCS_KEY"] = docs.Environment["DOCSPACE_API_KEY"];
        // A stray seed variable must not override a tenant's own secret.
        cli.Variables["ATLASSIAN_API_KEY"] = "wrong-key-from-the-seed-variable";
        File.WriteAllText(dir.File("dormant.yaml"), $"""
            version: 1
            defaults:
              max-share: 80
            tenants:
              corp-atl:
                connector: atlassian
                settings:
                  org-id: {atl.Environment["ATLASSIAN_ORG_ID"]}
                  base-url: {atl.Environment["ATLASSIAN_API_URL"]}
                secrets:
                  api-key: CORP_ATL_KEY
                policy:
                  inactive-days: 90
                  exclude: [ "*@example.com" ]
              corp-port:
                connector: port
                settings:
                  client-id: {port.Environment["PORT_CLIENT_ID"]}
                  base-url: {port.Environment["PORT_API_URL"]}
                secrets: {"{"} client-secret: CORP_PORT_SECRET {"}"}
              corp-docs:
                connector: docspace
                settings:
                  host: {docs.Environment["DOCSPACE_API_HOST"]}
                secrets:
                  key: CORP_DOCS_KEY
            """);

        var check = await cli.RunAsync("config", "check");
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("corp-atl: atlassian, confluence, inactive after 90 days", check.Out);

        var r = await cli.RunAsync("scan", "--store", "s.db");
        Assert.Equal(0, r.ExitCode);
        foreach (var name in new[] { "corp-atl", "corp-port", "corp-docs" }) Assert.Contains($"== {name}", r.Out);
        Assert.Contains("Excluded           ", r.Out);
        Assert.Equal(1 + 3, (await cli.RunAsync("runs", "--store", "s.db")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // the header row, then one row per tenant
        Assert.True(atl.Host.Requests.Count > 0 && port.Host.Requests.Count > 0 && docs.Host.Requests.Count > 0);
        Assert.DoesNotContain(atl.Host.Requests.All, q => q.Status == 401);
    }
}
