using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dormant.Connectors.Http;

/// <summary>Vendor wire JSON: web defaults (camelCase, case-insensitive), nulls left out of requests.</summary>
public static class WireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
