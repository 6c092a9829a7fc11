using Dormant.Cli.Infrastructure;

namespace Dormant.Cli.Evidence;

/// <summary>
/// manifest.json: what the pack is about and where it came from, and the SHA-256 and size of every
/// other file, so a reader can tell that none was changed after the pack was made.
/// </summary>
internal static class EvidenceManifest
{
    public const string Name = "manifest.json";

    public static string Write(EvidenceContext context, IReadOnlyList<PackedFile> files, Core.Store.Chain.ChainReport chain)
    {
        var run = context.Run;
        var body = new
        {
            tool = new { name = "dormant", version = ToolVersion.Current },
            context.CreatedAt,
            store = context.Store.Location,
            run.RunId,
            run.Platform,
            run.Tenant,
            run.PlanId,
            run.PlanDigest,
            // The store's hash-chain head when the pack was made (docs/store-chain.md): quoted elsewhere, it makes cutting rows off evident.
            chain = new { links = chain.Head.Links, head = chain.Head.Hash, intact = chain.Intact, broken = chain.Break?.Message },
            files = files.Select(f => new { f.Name, f.Sha256, f.Size }).ToList(),
        };
        return EvidenceJson.Document("manifest", body);
    }
}
