using System.IO.Compression;
using System.Text.Json;
using Dormant.Connectors.Port;
using Dormant.Core.Apply;
using Dormant.Core.Plans;
using Dormant.Core.Store;
using Dormant.Simulators;
using Dormant.Simulators.Port;
using Dormant.Core.Backups;
using Dormant.Store.Sqlite;
using Dormant.Tests.Store;

namespace Dormant.Tests.Port;

public sealed class PortSeedTests
{
    private static readonly DateTimeOffset s_now = DateTimeOffset.UtcNow;
    private static readonly string s_old = PortKit.At(s_now.AddDays(-400));

    // The original rule: status inactive/disabled in any case, and updatedAt (else createdAt)
    // more than 30 days ago. Each line says why the original selects it or not.
    private static PortTenant SeedTenant() => PortKit.Tenant(
        PortKit.Person("dana+old@example.com", "disabled", s_old, PortKit.At(s_now.AddDays(-40))),              // delete: '@' and '+'
        PortKit.Person("eve@example.com", "INACTIVE", PortKit.At(s_now.AddDays(-100)), null),                     // delete: never updated, created long ago
        PortKit.Person("ivy@example.com", "Inactive", s_old, PortKit.At(s_now.AddDays(-31), "-08:00")),          // delete
        // +02:00: dropping the offset would read this 2 hours late, i.e. inside the window; it is not.
        PortKit.Person("jack@example.com", "DISABLED", s_old, PortKit.At(s_now.AddDays(-30).AddHours(-1), "+02:00")),
        // -05:00: dropping the offset would read this 5 hours early, i.e. outside the window; it is inside.
        PortKit.Person("frank@example.com", "Disabled", s_old, PortKit.At(s_now.AddDays(-30).AddHours(2), "-05:00")),
        PortKit.Person("gina@example.com", "Active", s_old, PortKit.At(s_now.AddDays(-200))),                     // keep: active
        PortKit.Person("hank@example.com", "Disabled", s_old, PortKit.At(s_now.AddDays(-10))),                    // keep: recent
        PortKit.Person("kim@example.com", "Invited", s_old, null),                                                 // keep: not disabled
        PortKit.Person("fail+me@example.com", "disabled", s_old, PortKit.At(s_now.AddDays(-60))));                // selected; delete fails

    [Fact]
    public async Task Seed_preset_deletes_exactly_the_original_rule_and_archives_only_what_was_deleted()
    {
        // Given the seed tenant, and a refused delete for one selected user
        var tenant = SeedTenant();
        await using var host = await PortSimulator.StartAsync(tenant);
        var fault = host.Faults.Add(new Fault
        {
            Method = "DELETE", PathContains = "fail+me@", Status = 422, Times = 1,
            Body = "{\"ok\":false,\"error\":\"entity_has_dependents\",\"message\":\"Entity has dependents\"}",
        });
        using var port = PortKit.Connect(host, tenant);
        using var temp = new TempStore();
        using var store = temp.Open();
        var backups = Path.Combine(temp.Folder, "backups");

        // When planning with the seed preset and applying with file backups
        var plan = await new Planner(TimeProvider.System).MakeAsync(port.Connector, port.Source, PortDefinition.Seed with { MaxShare = 1 }, "test", Planner.DefaultValidity, null, default);
        var sink = new FileBackupSink(backups, TimeProvider.System, plan, port.Connector.Actions);
        var result = await new ApplyEngine(port.Connector, port.Source, port.Actor, store, TimeProvider.System, sink)
            .ApplyAsync(plan, "digest", new ApplyOptions("test"), null, default);

        // Then the plan is exactly the original's selection
        string[] deleted = ["dana+old@example.com", "eve@example.com", "ivy@example.com", "jack@example.com"];
        Assert.Equal(deleted.Append("fail+me@example.com").Order(StringComparer.Ordinal), plan.Actions.Select(a => a.AccountId).Order(StringComparer.Ordinal));
        // And those four are gone (once each, by URL-encoded identifier), the failed one and the rest stay
        Assert.Equal(1, fault.Fired);
        foreach (var id in deleted)
        {
            Assert.Null(tenant.FindEntity("_user", id));
            Assert.Equal(1, tenant.DeleteCount(id));
        }
        Assert.Equal(5, tenant.Entities.Count);
        Assert.NotNull(tenant.FindEntity("_user", "fail+me@example.com"));
        Assert.Contains(result.Outcomes, o => o.AccountId == "fail+me@example.com" && o.Phase == JournalPhase.Failed && o.Detail.Contains("dependents"));
        // And the archive holds exactly the deleted users, each the entity as it was read
        using var zip = ZipFile.OpenRead(sink.ArchivePath!);
        Assert.EndsWith("_deleted_users.zip", sink.ArchivePath);
        Assert.Equal(deleted.Select(BackupNames.Account).Order(StringComparer.Ordinal), zip.Entries.Select(e => e.Name).Order(StringComparer.Ordinal));
        foreach (var entry in zip.Entries)
        {
            using var doc = await JsonDocument.ParseAsync(entry.Open());
            Assert.Equal(entry.Name, BackupNames.Account(doc.RootElement.GetProperty("identifier").GetString()!));
            Assert.StartsWith(doc.RootElement.GetProperty("identifier").GetString()! + "-", entry.Name);
        }
    }

    [Fact]
    public async Task Restoring_a_delete_recreates_the_entity_and_says_what_does_not_come_back()
    {
        // Given a seed run that deleted dana+old@example.com
        var tenant = SeedTenant();
        await using var host = await PortSimulator.StartAsync(tenant);
        using var port = PortKit.Connect(host, tenant);
        using var temp = new TempStore();
        using var store = temp.Open();
        var plan = await new Planner(TimeProvider.System).MakeAsync(port.Connector, port.Source, PortDefinition.Seed with { MaxShare = 1 }, "test", Planner.DefaultValidity, null, default);
        var run = await new ApplyEngine(port.Connector, port.Source, port.Actor, store, TimeProvider.System)
            .ApplyAsync(plan, "digest", new ApplyOptions("test"), null, default);

        // When restoring that one account
        var restore = await new RestoreEngine(port.Connector, port.Actor, store, TimeProvider.System)
            .RestoreAsync(run.RunId, ["dana+old@example.com"], "test", null, default);

        // Then its entity exists again with its properties, and the detail is honest about the rest
        var outcome = Assert.Single(restore.Outcomes);
        Assert.Equal(JournalPhase.Done, outcome.Phase);
        Assert.Contains("role and team links must be redone", outcome.Detail);
        Assert.Contains("invited again", outcome.Detail);
        var back = tenant.FindEntity("_user", "dana+old@example.com");
        Assert.NotNull(back);
        Assert.Equal("disabled", EntityStatus(back));
        Assert.Null(tenant.FindUser("dana+old@example.com"));
    }

    [Fact]
    public async Task A_delete_names_the_entities_the_user_created_and_leaves_behind()
    {
        // Given a disabled user who created a service entity
        var (user, entity) = PortKit.Person("olga+dev@example.com", "Disabled", s_old, null);
        var tenant = new PortTenant("id", "secret-value-1", [user], [entity, new SimEntity
        {
            Blueprint = "service", Identifier = "billing-api", CreatedAt = s_old, CreatedBy = user.Id,
        }]);
        await using var host = await PortSimulator.StartAsync(tenant);
        using var port = PortKit.Connect(host, tenant);
        var account = await port.Source.GetAccountAsync("olga+dev@example.com", new Dormant.Core.Connectors.ScanRequest(null), default);

        // When deleting the user
        var result = await port.Actor.ApplyAsync("delete", account!, default);

        // Then the answer lists what stays behind, found with one search by creator
        Assert.Contains("left behind 1 entities this user created: billing-api", result.Detail);
        var search = Assert.Single(host.Requests.All, r => r.Path == "/v1/entities/search");
        Assert.Contains("$createdBy", search.Body);
        Assert.NotNull(tenant.FindEntity("service", "billing-api"));
    }

    private static string? EntityStatus(SimEntity e) => JsonDocument.Parse(e.PropertiesJson).RootElement.GetProperty("status").GetString();
}
