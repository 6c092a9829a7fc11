using System.Text.Json;
using System.Text.Json.Nodes;
using Dormant.Cli.Infrastructure;
using Dormant.Core.Apply;
using Dormant.Core.Store;

namespace Dormant.Cli.Evidence;

/// <summary>
/// actions.json: each account the run touched, its state before (the backup, as the vendor returned it
/// just before the action), every journal entry in order with the vendor's answers, the state it was
/// left in, and every later restore of the run with its own journal.
/// </summary>
internal sealed class ActionsFile : IEvidenceFile
{
    public string Name => "actions.json";

    public async Task<EvidenceText> BuildAsync(EvidenceContext context, CancellationToken ct)
    {
        var run = context.Run;
        var journal = await context.Store.GetJournalAsync(run.RunId, ct);
        var backups = (await context.Store.GetBackupsAsync(run.RunId, ct)).ToDictionary(b => b.AccountId, StringComparer.Ordinal);
        var labels = await RunAccounts.LabelsAsync(context.Store, context.Run.RunId, ct);
        var accounts = journal.GroupBy(e => e.AccountId, StringComparer.Ordinal).Select(g => new
        {
            accountId = g.Key,
            label = labels.GetValueOrDefault(g.Key) ?? backups.GetValueOrDefault(g.Key)?.Label,
            before = backups.GetValueOrDefault(g.Key) is not { } b ? null : new { at = b.At, account = Parse(b.Json) },
            journal = g.Select(Entry).ToList(),
            after = RunAccounts.End(g) is { } last ? new { last.Phase, last.Detail, last.At } : null,
        }).ToList();
        var restores = new List<object>();
        foreach (var later in await LaterRestore.OfAsync(context.Store, run.RunId, ct))
        {
            var record = await context.Store.GetRunAsync(later.RunId, ct);
            var entries = await context.Store.GetJournalAsync(later.RunId, ct);
            restores.Add(new { run = record is null ? null : Rendering.RunJson.Of(record), restored = later.Restored, journal = entries.Select(Entry).ToList() });
        }
        var body = new
        {
            run.RunId,
            action = ReportActionName(run),
            journalEntries = journal.Count,
            accounts,
            restores,
        };
        var summary = $"{accounts.Count} accounts, {journal.Count} journal entries, {backups.Count} backups, {restores.Count} later restores";
        return new EvidenceText(EvidenceJson.Document("actions", body), summary);
    }

    private static object Entry(JournalEntry e) => new { e.Seq, e.Phase, e.Action, e.Detail, e.At };

    private static string? ReportActionName(RunRecord run) => Reports.ReportPolicy.Parse(run.PolicyJson)?.Action;

    /// <summary>The backup as JSON when it is JSON (the vendor's own), else as the text it is.</summary>
    private static JsonNode? Parse(string json)
    {
        try { return JsonNode.Parse(json); }
        catch (JsonException) { return JsonValue.Create(json); }
    }
}
