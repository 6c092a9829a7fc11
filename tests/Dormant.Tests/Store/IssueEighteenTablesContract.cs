using Dormant.Core.Connectors;
using Dormant.Core.Store;
using static Dormant.Tests.Store.StoreSamples;

namespace Dormant.Tests.Store;

/// <summary>Approvals, population snapshots and verifications read back as written, on each backend.</summary>
public abstract partial class RunStoreContract
{
    [SkippableFact]
    public async Task Approvals_are_appended_in_order_per_digest_and_read_back_whole()
    {
        using var store = Open();
        await store.SaveApprovalAsync(new Approval("p1", "d1", "ann", "looks right", T0), _ct);
        await store.SaveApprovalAsync(new Approval("p2", "d2", "bob", null, T0.AddMinutes(1)), _ct);
        await store.SaveApprovalAsync(new Approval("p1", "d1", "cy", null, T0.AddMinutes(2)), _ct);

        using var again = Open();
        var d1 = await again.GetApprovalsAsync("d1", _ct);

        Assert.Equal(["ann", "cy"], d1.Select(a => a.Approver));
        Assert.Equal(new Approval("p1", "d1", "ann", "looks right", T0) { Seq = d1[0].Seq, Login = ServerLogin }, d1[0]);
        Assert.All(d1, a => Assert.Equal(ServerLogin, a.Login));
        Assert.Null(d1[1].Comment);
        Assert.True(d1[1].Seq > d1[0].Seq);
        Assert.Empty(await again.GetApprovalsAsync("missing", _ct));
    }

    [SkippableFact]
    public async Task A_snapshot_round_trips_and_saving_it_again_replaces_it()
    {
        using var store = Open();
        var snapshot = new PopulationSnapshot
        {
            RunId = "r1", Platform = "port", Tenant = "acme", ReadAt = T0, ToolVersion = "1.2.3",
            Requests = [new ListingRequest("GET", "/v1/users", "page=1", "members")], AccountsRead = 42, VendorTotal = 43, TotalSource = "header",
        };
        await store.SaveSnapshotAsync(snapshot, _ct);
        await store.SaveSnapshotAsync(snapshot with { AccountsRead = 7, VendorTotal = null, TotalSource = null }, _ct);

        using var again = Open();
        var read = await again.GetSnapshotAsync("r1", _ct);

        Assert.NotNull(read);
        Assert.Equal(7, read.AccountsRead);
        Assert.Null(read.VendorTotal);
        Assert.Null(read.TotalSource);
        Assert.Equal(T0, read.ReadAt);
        Assert.Equal(snapshot.Requests, read.Requests);
        Assert.Null(await again.GetSnapshotAsync("missing", _ct));
    }

    [SkippableFact]
    public async Task Verifications_are_replaced_whole_per_run_and_read_in_account_order()
    {
        using var store = Open();
        AccountVerification Check(string run, string account, bool matches) =>
            new(run, account, "Label " + account, "deactivate", "inactive", matches ? "inactive" : "active", matches, matches ? null : "still active", T0);
        await store.SaveVerificationsAsync("r1", [Check("r1", "b", true), Check("r1", "a", true)], _ct);
        await store.SaveVerificationsAsync("r2", [Check("r2", "z", true)], _ct);
        await store.SaveVerificationsAsync("r1", [Check("r1", "c", false), Check("r1", "B", true)], _ct);

        using var again = Open();

        Assert.Equal([Check("r1", "B", true), Check("r1", "c", false)], await again.GetVerificationsAsync("r1", _ct));
        Assert.Single(await again.GetVerificationsAsync("r2", _ct));
        Assert.Empty(await again.GetVerificationsAsync("missing", _ct));
    }
}
