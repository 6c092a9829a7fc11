using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Cli.Rendering;
using Dormant.Core.Apply;
using Dormant.Core.Errors;
using Dormant.Core.Policy;

namespace Dormant.Cli.Commands;

/// <summary>The audit trail of one run: who, when, which policy and plan, and every step.</summary>
public sealed class ShowCommand : DormantCommand
{
    private readonly StoreOptions _store;
    private readonly Argument<string> _run = new("run-id") { Description = "The run to show" };

    public ShowCommand(CliEnvironment env, StoreOptions store) : base("show", "Show a run's audit trail", env)
    {
        HelpExamples.Add(this,
            "dormant show RUN-ID",
            "dormant show RUN-ID --output json");
        _store = store;
        Arguments.Add(_run);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var id = parse.GetValue(_run)!;
        using var store = StoreAccess.OpenExisting(_store, parse, ctx);
        var r = await store.GetRunAsync(id, ct) ?? throw new UsageException($"no run {id} in {store.Location}; list runs with 'dormant runs'");
        var w = ctx.Text;
        w.WriteLine($"run       {r.RunId} ({r.Kind}, {r.Status})");
        w.WriteLine($"tenant    {r.Platform} {TerminalText.Escape(r.Tenant)}");
        w.WriteLine($"by        {TerminalText.Escape(r.RunBy)}");
        w.WriteLine($"started   {r.StartedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}  finished {r.FinishedAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ") ?? "-"}");
        if (r.PlanId is not null) w.WriteLine($"plan      {r.PlanId} {r.PlanDigest}");
        if (r.ParentRunId is not null) w.WriteLine($"restores  {r.ParentRunId}");
        var restores = r.Kind == "apply" ? await LaterRestore.OfAsync(store, r.RunId, ct) : [];
        foreach (var later in restores) w.WriteLine($"restored  by {later.Describe()}");
        if (r.PolicyJson is not null) RunTextRenderer.Policy(w, r.PolicyJson, PlatformWording.Of(r.Platform));
        if (r.SummaryJson is not null) RunTextRenderer.Summary(w, r.SummaryJson);
        var population = await store.GetSnapshotAsync(id, ct);
        if (population is not null) PopulationText.Write(w, population);
        var verification = await store.GetVerificationsAsync(id, ct);
        if (verification.Count > 0)
        {
            w.WriteLine(VerificationText.Summary(verification, r.Platform));
            foreach (var line in VerificationText.Problems(verification, r.Platform)) w.WriteLine(line);
        }
        var decisions = await store.GetDecisionsAsync(id, ct);
        var acted = decisions.Where(d => d.Category is Category.Inactive or Category.Error).ToList();
        if (acted.Count > 0) w.WriteLine("decisions (inactive and errors):");
        foreach (var d in acted)
            w.WriteLine($"  {d.Category.ToWire(),-9} {TerminalText.Escape(d.Label)} ({TerminalText.Escape(d.AccountId)}): {TerminalText.Escape(d.Reason)}");
        var journal = await store.GetJournalAsync(id, ct);
        var backups = (await store.GetBackupsAsync(id, ct)).Select(b => b.AccountId).ToHashSet(StringComparer.Ordinal);
        if (journal.Count > 0) w.WriteLine("journal:");
        foreach (var j in journal)
            w.WriteLine($"  {j.At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} {OutcomeRenderer.Word(j.Phase),-9} {j.Action} {TerminalText.Escape(j.AccountId)}: {TerminalText.Escape(j.Detail)}{(backups.Contains(j.AccountId) && j.Phase == Core.Store.JournalPhase.Intent ? " [backup kept]" : "")}");
        if (ctx.Json) JsonOutput.Write(ctx, "dormant.run/v2", new { run = RunJson.Of(r), restoredBy = restores, population, verification, decisions, journal, backups });
        return ExitCodes.Done;
    }
}
