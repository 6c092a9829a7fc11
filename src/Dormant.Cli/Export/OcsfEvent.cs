using System.Text.Json.Nodes;
using Dormant.Cli.Infrastructure;

namespace Dormant.Cli.Export;

/// <summary>
/// --format ocsf: an OCSF 1.3.0 Account Change event (class 3001, category 3 Identity &amp; Access
/// Management). Every field and where it comes from is listed in docs/siem-export.md.
/// </summary>
internal static class OcsfEvent
{
    public const string SchemaVersion = "1.3.0";
    public const int CategoryUid = 3;
    public const int ClassUid = 3001;

    public static JsonObject Of(AccountEvent e)
    {
        var failed = e.Outcome != EventOutcome.Success;
        var user = new JsonObject { ["uid"] = e.Entry.AccountId, ["name"] = e.Label ?? e.Entry.AccountId };
        return new JsonObject
        {
            ["activity_id"] = e.Activity.Id,
            ["activity_name"] = e.Activity.Name,
            ["category_uid"] = CategoryUid,
            ["category_name"] = "Identity & Access Management",
            ["class_uid"] = ClassUid,
            ["class_name"] = "Account Change",
            ["type_uid"] = ClassUid * 100 + e.Activity.Id,
            ["type_name"] = $"Account Change: {e.Activity.Name}",
            ["time"] = e.Entry.At.ToUnixTimeMilliseconds(),
            // A failed or unanswered change leaves an idle account open: someone should look.
            ["severity_id"] = failed ? 3 : 1,
            ["severity"] = failed ? "Medium" : "Informational",
            ["status_id"] = (int)e.Outcome,
            ["status"] = e.Outcome.ToString(),
            ["status_detail"] = e.Entry.Detail,
            ["message"] = $"{e.Run.Kind} run {e.Run.RunId}: {e.Activity.Name} {e.Label ?? e.Entry.AccountId} on {e.Run.Platform} {e.Run.Tenant}: {e.Outcome}",
            ["metadata"] = new JsonObject
            {
                ["version"] = SchemaVersion,
                ["product"] = new JsonObject { ["name"] = "Dormant", ["vendor_name"] = "Dormant", ["version"] = ToolVersion.Current },
                ["uid"] = e.Uid,
                ["correlation_uid"] = e.Run.RunId,
                ["tenant_uid"] = e.Run.Tenant,
            },
            ["actor"] = new JsonObject { ["user"] = new JsonObject { ["name"] = e.Run.RunBy } },
            ["user"] = user,
            ["unmapped"] = new JsonObject
            {
                ["platform"] = e.Run.Platform,
                ["tenant"] = e.Run.Tenant,
                ["action"] = e.Entry.Action,
                ["undoes"] = e.Undoes,
                ["phase"] = System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(e.Entry.Phase.ToString()),
                ["run_kind"] = e.Run.Kind,
                ["plan_id"] = e.Run.PlanId,
            },
        };
    }
}
