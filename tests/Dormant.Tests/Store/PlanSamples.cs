using System.Text.Json;
using Dormant.Core;
using Dormant.Core.Plans;
using Dormant.Core.Store;

namespace Dormant.Tests.Store;

internal static class PlanSamples
{
    public static string Json(Plan plan) => JsonSerializer.Serialize(plan, DormantJson.Compact);

    public static PlanRecord Record(Plan plan) => new(Digest(plan), plan, StoreSamples.T0.AddMinutes(1));

    public static string Digest(Plan plan)
    {
        PlanFile.Serialize(plan, out var digest);
        return digest;
    }
}
