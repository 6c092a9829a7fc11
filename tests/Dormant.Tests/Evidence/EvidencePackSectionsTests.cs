using System.Net;
using Dormant.Core.Apply;
using Dormant.Store.Sqlite;
using Dormant.Tests.Support;

namespace Dormant.Tests.Evidence;

/// <summary>
/// The pack's approvals, population snapshot and read-back, after a plan needing one approval was
/// approved by another person, applied and partly restored: every figure equals the store's, and the
/// page for people shows who approved, read against the vendor's total, and how many matched.
/// </summary>
public sealed class EvidencePackSectionsTests(EvidenceRuns runs) : IClassFixture<EvidenceRuns>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Approvals_snapshot_and_verification_equal_the_store()
    {
        await runs.MustAsync("evidence", runs.ApplyRunId, "-o", "sections.zip", "--force");
        var pack = EvidencePack.Open(runs.File("sections.zip"));
        using var store = SqliteRunStore.Open(runs.StorePath);
        var plan = (await store.GetPlanAsync(runs.PlanDigest, Ct))!.Plan;
        var recorded = await store.GetApprovalsAsync(runs.PlanDigest, Ct);

        // The approval: one required, one recorded by someone else, counted, bound to the plan's digest
        var approvals = pack.Json("approvals.json");
        Assert.Equal(runs.PlanDigest, (string?)approvals["planDigest"]);
        Assert.Equal(plan.CreatedBy, (string?)approvals["planner"]);
        Assert.Equal(1, plan.Policy.Approvals);
        Assert.Equal(plan.Policy.Approvals, (int)approvals["required"]!);
        Assert.Equal(ApprovalGate.Counted(plan, recorded).Count, (int)approvals["counted"]!);
        var approval = Assert.Single(recorded);
        var packed = Assert.Single(approvals["approvals"]!.AsArray())!;
        Assert.Equal((EvidenceRuns.Approver, EvidenceRuns.ApprovalComment), (approval.Approver, approval.Comment));
        Assert.Equal(approval.Approver, (string?)packed["approver"]);
        Assert.Equal(approval.Comment, (string?)packed["comment"]);
        Assert.Equal(approval.At, (DateTimeOffset)packed["at"]!);
        Assert.True((bool)packed["counted"]!);

        // The snapshot of the scan the plan was made from: its requests, count and the vendor's total
        var snapshot = pack.Json("snapshot.json");
        var scanRunId = (string)snapshot["scanRunId"]!;
        var stored = (await store.GetSnapshotAsync(scanRunId, Ct))!;
        Assert.Equal("scan", (await store.GetRunAsync(scanRunId, Ct))!.Kind);
        Assert.Equal(stored.AccountsRead, (int)snapshot["accountsRead"]!);
        Assert.NotNull(stored.VendorTotal);
        Assert.Equal(stored.VendorTotal, (int?)snapshot["vendorTotal"]);
        Assert.Equal(stored.TotalSource, (string?)snapshot["totalSource"]);
        Assert.Equal(stored.Difference, (int?)snapshot["difference"]);
        Assert.False((bool)snapshot["differs"]!);
        Assert.Equal(stored.ToolVersion, (string?)snapshot["toolVersion"]);
        Assert.Equal(stored.ReadAt, (DateTimeOffset)snapshot["readAt"]!);
        Assert.Equal(stored.Requests.Select(r => (r.Method, r.Path, r.Parameters)),
            snapshot["requests"]!.AsArray().Select(r => ((string)r!["method"]!, (string)r["path"]!, (string)r["parameters"]!)));
        Assert.Equal((await store.GetDecisionsAsync(runs.ApplyRunId, Ct)).Count, stored.AccountsRead);

        // Each acted-on account read back, and the later restore's read-back of the one it brought back
        var verification = pack.Json("verification.json");
        var checks = await store.GetVerificationsAsync(runs.ApplyRunId, Ct);
        Assert.NotEmpty(checks);
        Assert.Equal(checks.Count, (int)verification["count"]!);
        Assert.Equal(checks.Count(c => c.Matches), (int)verification["matched"]!);
        Assert.Equal(checks.Select(c => (c.AccountId, c.Expected, c.Seen, c.Matches, c.Error, c.At)),
            verification["checks"]!.AsArray().Select(c => ((string)c!["accountId"]!, (string)c["expected"]!, (string)c["seen"]!, (bool)c["matches"]!,
                (string?)c["error"], (DateTimeOffset)c["at"]!)));
        var restore = Assert.Single(verification["restores"]!.AsArray())!;
        var restored = await store.GetVerificationsAsync((string)restore["runId"]!, Ct);
        Assert.Equal(runs.RestoredAccount, Assert.Single(restored).AccountId);
        Assert.Equal(restored.Select(c => (c.AccountId, c.Seen, c.Matches)),
            restore["checks"]!.AsArray().Select(c => ((string)c!["accountId"]!, (string)c["seen"]!, (bool)c["matches"]!)));

        // And the page shows them, every value as text
        var page = pack.Text("index.html");
        Assert.Contains("<h2>Approvals (1 of 1 required)</h2>", page);
        Assert.Contains($"<td>{WebUtility.HtmlEncode(EvidenceRuns.Approver)}</td>", page);
        Assert.Contains(WebUtility.HtmlEncode(EvidenceRuns.ApprovalComment), page);
        Assert.DoesNotContain(EvidenceRuns.ApprovalComment, page);
        Assert.Contains(WebUtility.HtmlEncode(stored.Describe()), page);
        Assert.Contains($"<h2>Verification ({checks.Count(c => c.Matches)} of {checks.Count} matched)</h2>", page);
        Assert.Contains($"<td><code>{WebUtility.HtmlEncode(checks[0].AccountId)}</code></td><td>{checks[0].Expected}</td>", page);
    }

    [Fact]
    public async Task The_manifest_vouches_for_the_three_files()
    {
        await runs.MustAsync("evidence", runs.ApplyRunId, "-o", "listed.zip", "--force");
        var pack = EvidencePack.Open(runs.File("listed.zip"));

        var listed = pack.Json("manifest.json")["files"]!.AsArray().ToDictionary(f => (string)f!["name"]!, f => (string)f!["sha256"]!);
        foreach (var name in new[] { "approvals.json", "snapshot.json", "verification.json" })
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pack.Files[name])), listed[name]);

        // The chain head it quotes is the one verify finds.
        var chain = pack.Json("manifest.json")["chain"]!;
        var verify = await runs.MustAsync("verify");
        Assert.True((bool)chain["intact"]!);
        Assert.Contains($"chain intact, {(long)chain["links"]!} links, head {(string)chain["head"]!}", verify.Out);
    }
}
