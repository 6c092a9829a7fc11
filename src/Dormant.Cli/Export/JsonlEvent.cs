using System.Text.Json.Nodes;
using Dormant.Cli.Reports;

namespace Dormant.Cli.Export;

/// <summary>--format jsonl: Dormant's own event, one JSON object a line (schema dormant.event/v1, docs/siem-export.md).</summary>
internal static class JsonlEvent
{
    public const string Schema = "dormant.event/v1";

    public static JsonObject Of(AccountEvent e) => new()
    {
        ["schema"] = Schema,
        ["uid"] = e.Uid,
        ["time"] = ReportTime.Iso(e.Entry.At),
        ["runId"] = e.Run.RunId,
        ["runKind"] = e.Run.Kind,
        ["planId"] = e.Run.PlanId,
        ["platform"] = e.Run.Platform,
        ["tenant"] = e.Run.Tenant,
        ["actor"] = e.Run.RunBy,
        ["accountId"] = e.Entry.AccountId,
        ["label"] = e.Label,
        ["action"] = e.Entry.Action,
        ["undoes"] = e.Undoes,
        ["activity"] = e.Activity.Name,
        ["phase"] = Kebab(e.Entry.Phase.ToString()),
        ["outcome"] = Kebab(e.Outcome.ToString()),
        ["detail"] = e.Entry.Detail,
    };

    private static string Kebab(string name) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
