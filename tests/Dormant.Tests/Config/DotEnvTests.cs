using Dormant.Cli.Infrastructure;
using Dormant.Simulators.Port;
using Dormant.Tests.Support;

namespace Dormant.Tests.Config;

/// <summary>.env values are read as python-dotenv reads them, so the seed scripts' files work unchanged.</summary>
public sealed class DotEnvTests
{
    [Fact]
    public async Task An_inline_comment_after_an_unquoted_value_is_not_part_of_it()
    {
        // Given the credentials in a .env file, each with a comment after it
        using var dir = new TempDir();
        var tenant = PortTenant.Generate(10, seed: 4, DateTimeOffset.UtcNow);
        await using var host = await PortSimulator.StartAsync(tenant);
        File.WriteAllLines(dir.File(".env"),
        [
            $"PORT_CLIENT_ID={tenant.ClientId} # from the portal",
            $"PORT_CLIENT_SECRET='{tenant.ClientSecret}'   # quoted, then a comment",
            $"PORT_API_URL={host.BaseUrl}\t# the simulator",
        ]);
        var cli = new CliHarness(dir.Path);
        cli.Variables["DORMANT_STORE"] = dir.File("s.db");

        // When scanning with nothing else set
        var r = await cli.RunAsync("scan", "--connector", "port");

        // Then the values reached Port without their comments
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Contains("Total users        10", r.Out);
    }

    [Theory]
    [InlineData("K=v # note", "v")]
    [InlineData("K=v#not-a-comment", "v#not-a-comment")]
    [InlineData("K=\"v # kept\" # dropped", "v # kept")]
    [InlineData("K='a#b' #c", "a#b")]
    [InlineData("export K = plain ", "plain")]
    public void Values_follow_python_dotenv(string line, string expected) =>
        Assert.Equal(expected, DotEnv.Parse([line])["K"]);
}
