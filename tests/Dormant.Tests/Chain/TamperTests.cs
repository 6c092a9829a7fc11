namespace Dormant.Tests.Chain;

/// <summary>
/// One byte changed by hand in any row the store vouches for fails 'dormant verify', naming the row and its
/// link, and apply and restore refuse before asking the vendor anything.
/// </summary>
public sealed class TamperTests : IAsyncLifetime
{
    private ChainedStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await ChainedStore.StartAsync();
        await _store.FillAsync();
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Theory]
    [InlineData("runs", "status", "run_id = '{plan}'", "run", "run {plan}")]
    [InlineData("decisions", "reason", "account_id = 'idle'", "decisions", "decisions run {decisions}")]
    [InlineData("journal", "at", "account_id = 'idle' AND run_id = '{plan}' AND phase = 'done'", "journal", "journal seq {seq} (run {plan}, account idle)")]
    [InlineData("plans", "plan_json", "plan_id = '{plan}'", "plan", "plan digest {digest} (plan {plan})")]
    [InlineData("backups", "json", "account_id = 'idle'", "backup", "backup run {plan} account idle")]
    [InlineData("notices", "detail", "account_id = 'idle'", "notice", "notice seq {seq} (plan {plan}, account idle)")]
    [InlineData("keeps", "reason", "account = 'keeper@example.com'", "keep", "keep id {seq} (account keeper@example.com)")]
    public async Task One_byte_changed_in_a_row_fails_verify_naming_the_row_and_apply_and_restore_refuse(
        string table, string column, string where, string kind, string label)
    {
        // Given an intact store, and one byte of one row changed by hand
        await _store.Ok("verify");
        where = Fill(where, table, "");
        var expected = Fill(label, table, where);
        var unit = table == "decisions" ? $"[\"{_store.Scalar("SELECT run_id FROM decisions WHERE " + where)}\"]" : Key(table, kind, where);
        var link = _store.Scalar($"SELECT max(seq) FROM chain WHERE kind = '{kind}' AND key = '{unit.Replace("'", "''")}'");
        Assert.NotNull(link);
        _store.FlipOneByte(table, column, where);

        // When it is verified
        var verify = await _store.Cli.RunAsync("verify");

        // Then verify names the row and its latest link, in one line, and fails
        Assert.Equal(1, verify.ExitCode);
        Assert.True(verify.Error.Contains($"chain broken at link {link}: {expected} does not match its recorded hash"), $"expected {expected} at link {link}: {verify.Error}");
        Assert.Single(verify.Error.Trim().Split('\n'));
        await AssertWritersRefuseAsync();
    }

    [Fact]
    public async Task A_link_edited_by_hand_is_named()
    {
        _store.FlipOneByte("chain", "content", "seq = 3");

        var verify = await _store.Cli.RunAsync("verify");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("chain broken at link 3: the link for ", verify.Error);
        Assert.Contains("does not match its own hash", verify.Error);
    }

    [Fact]
    public async Task Links_swapped_in_order_are_caught_at_the_first_moved_one()
    {
        Assert.Equal(3, _store.Sql("UPDATE chain SET seq = -1 WHERE seq = 2; UPDATE chain SET seq = 2 WHERE seq = 3; UPDATE chain SET seq = 3 WHERE seq = -1;"));

        var verify = await _store.Cli.RunAsync("verify");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("chain broken at link 2: the link for ", verify.Error);
        Assert.Contains("does not follow the link before it", verify.Error);
    }

    [Fact]
    public async Task A_deleted_row_is_named_missing_at_its_link()
    {
        var seq = _store.Scalar("SELECT max(seq) FROM journal");
        var link = _store.Scalar($"SELECT max(seq) FROM chain WHERE kind = 'journal' AND key = '[{seq}]'");
        Assert.Equal(1, _store.Sql($"DELETE FROM journal WHERE seq = {seq}"));

        var verify = await _store.Cli.RunAsync("verify");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"chain broken at link {link}: journal seq {seq} is missing", verify.Error);
        await AssertWritersRefuseAsync();
    }

    [Fact]
    public async Task A_row_slipped_in_by_hand_is_named_not_linked()
    {
        var at = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ");
        Assert.Equal(1, _store.Sql($"INSERT INTO journal (run_id, account_id, action, phase, detail, at) VALUES ('{_store.PlanId}', 'busy1', 'suspend', 'done', '', '{at}')"));
        var seq = _store.Scalar("SELECT max(seq) FROM journal");

        var verify = await _store.Cli.RunAsync("verify");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"chain broken: journal seq {seq} (run {_store.PlanId}, account busy1) is not linked", verify.Error);
        await AssertWritersRefuseAsync();
    }

    [Fact]
    public async Task Json_names_the_break_for_scripts()
    {
        _store.FlipOneByte("keeps", "reason", "id = 1");

        var verify = await _store.Cli.RunAsync("verify", "--output", "json");

        Assert.Equal(1, verify.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(verify.Out);
        Assert.Equal("dormant.verify/v1", doc.RootElement.GetProperty("schema").GetString());
        Assert.False(doc.RootElement.GetProperty("intact").GetBoolean());
        var broken = doc.RootElement.GetProperty("broken");
        Assert.Equal("row-altered", broken.GetProperty("problem").GetString());
        Assert.Equal("keep id 1 (account keeper@example.com)", broken.GetProperty("row").GetString());
    }

    private async Task AssertWritersRefuseAsync()
    {
        _store.Sim.Host.Requests.Clear();
        foreach (var args in new[] { new[] { "apply", "plan.json", "--yes" }, ["restore", _store.PlanId], ["run", "-c", "atlassian", "--no-dry-run", "--yes"] })
        {
            var r = await _store.Cli.RunAsync(args);
            Assert.True(r.ExitCode == 1, $"{args[0]}: {r.All}");
            Assert.Contains("chain broken", r.Error);
            Assert.Contains("see 'dormant verify'", r.Error);
        }

        Assert.Equal(0, _store.Sim.Host.Requests.Count);
    }

    private string Key(string table, string kind, string where) => kind switch
    {
        "run" => $"[\"{_store.PlanId}\"]",
        "plan" => $"[\"{_store.Scalar("SELECT digest FROM plans WHERE " + where)}\"]",
        "backup" => $"[\"{_store.PlanId}\",\"idle\"]",
        _ => $"[{_store.Scalar($"SELECT rowid FROM {table} WHERE {where} LIMIT 1")}]",
    };

    private string Fill(string text, string table, string where)
    {
        text = text.Replace("{plan}", _store.PlanId);
        if (text.Contains("{decisions}")) text = text.Replace("{decisions}", Convert.ToString(_store.Scalar($"SELECT run_id FROM decisions WHERE {where}")));
        if (text.Contains("{digest}")) text = text.Replace("{digest}", Convert.ToString(_store.Scalar("SELECT digest FROM plans WHERE " + where)));
        if (text.Contains("{seq}")) text = text.Replace("{seq}", Convert.ToString(_store.Scalar($"SELECT rowid FROM {table} WHERE {where} LIMIT 1")));
        return text;
    }
}
