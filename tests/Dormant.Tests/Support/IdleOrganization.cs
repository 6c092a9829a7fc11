namespace Dormant.Tests.Support;

/// <summary>
/// A simulated Atlassian organization whose first <c>idle</c> people were last active 400 days ago and the
/// rest 3 days ago, its own folder, and a CLI pointed at it: the setting of the tests that act and undo.
/// </summary>
public sealed class IdleOrganization : IAsyncDisposable
{
    private IdleOrganization(TempDir dir, AtlassianFixture sim, CliHarness cli)
    {
        Dir = dir;
        Sim = sim;
        Cli = cli;
    }

    public TempDir Dir { get; }
    public AtlassianFixture Sim { get; }
    public CliHarness Cli { get; }

    public static async Task<IdleOrganization> StartAsync(int people, int idle)
    {
        var dir = new TempDir();
        var idleSince = DateTimeOffset.UtcNow.AddDays(-400);
        var users = Enumerable.Range(0, people)
            .Select(i => Users.Person($"u{i:00}", i < idle ? idleSince : DateTimeOffset.UtcNow.AddDays(-3))).ToArray();
        var sim = await AtlassianFixture.StartAsync(Users.Tenant(users));
        var cli = new CliHarness(dir.Path);
        sim.Expose(cli);
        return new IdleOrganization(dir, sim, cli);
    }

    public async ValueTask DisposeAsync()
    {
        await Sim.DisposeAsync();
        Dir.Dispose();
    }
}
