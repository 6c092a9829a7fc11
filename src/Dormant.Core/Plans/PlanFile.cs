using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dormant.Core.Errors;

namespace Dormant.Core.Plans;

/// <summary>
/// Reads and writes plan files. The digest covers the plan's bytes exactly as written, so any edit
/// (even of white space inside the plan) is caught; the file is written to a temporary name and
/// moved into place so a crash never leaves half a plan under the real name.
/// </summary>
public static class PlanFile
{
    public static string Serialize(Plan plan, out string digest)
    {
        var body = JsonSerializer.Serialize(plan, DormantJson.Options);
        digest = Digest(body);
        return "{\n  \"digest\": \"" + digest + "\",\n  \"plan\": " + body.Replace("\n", "\n  ") + "\n}\n";
    }

    public static string Write(Plan plan, string path)
    {
        var text = Serialize(plan, out var digest);
        WriteText(text, path);
        return digest;
    }

    /// <summary>Writes what <see cref="Serialize"/> made, for a caller that records the plan before its file exists.</summary>
    public static void WriteText(string text, string path)
    {
        var full = Path.GetFullPath(path);
        var tmp = full + ".tmp-" + Environment.ProcessId;
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            fs.Write(Encoding.UTF8.GetBytes(text));
            fs.Flush(flushToDisk: true);
        }
        File.Move(tmp, full, overwrite: true);
    }

    public static (Plan Plan, string Digest) Read(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read plan file {path}: {e.Message}");
        }
        return Parse(text, path);
    }

    public static (Plan Plan, string Digest) Parse(string text, string name)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new UsageException($"{name} is not a Dormant plan (a JSON {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object); make one with 'dormant plan -o FILE'");
            if (!doc.RootElement.TryGetProperty("digest", out var d) || d.ValueKind != JsonValueKind.String
                || !doc.RootElement.TryGetProperty("plan", out var body))
                throw new UsageException($"{name} is not a Dormant plan (no digest or plan); make one with 'dormant plan -o FILE'");
            // The indentation added around the body is undone before hashing, exactly as written.
            var raw = body.GetRawText().Replace("\n  ", "\n");
            var digest = d.GetString()!;
            if (Digest(raw) != digest)
                throw new UsageException($"{name} was modified after it was made (digest mismatch); make a new plan with 'dormant plan'");
            var plan = JsonSerializer.Deserialize<Plan>(raw, DormantJson.Options)
                ?? throw new UsageException($"{name} holds an empty plan");
            // The digest is no signature: whoever edits a plan can recompute it. An id of "." or ".."
            // would become a dot segment of the vendor's path and name a different resource.
            if (plan.Actions.FirstOrDefault(a => a.AccountId is "." or ".." || string.IsNullOrWhiteSpace(a.AccountId)) is { } bad)
                throw new UsageException($"{name} names an account '{bad.AccountId}', which is no account identifier; make a new plan");
            return (plan, digest);
        }
        catch (JsonException e)
        {
            throw new UsageException($"{name} is not valid plan JSON ({e.Message.Split('.')[0]}); it may be truncated — make a new plan");
        }
    }

    public static string Digest(string body) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
