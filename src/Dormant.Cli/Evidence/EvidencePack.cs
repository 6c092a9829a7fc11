using System.IO.Compression;
using Dormant.Cli.Infrastructure;

namespace Dormant.Cli.Evidence;

/// <summary>
/// Builds every file of the pack, masks every secret the invocation knows in each (backups hold the
/// vendor's raw JSON), hashes them into manifest.json and writes the zip whole or not at all.
/// </summary>
internal static class EvidencePack
{
    public static async Task<IReadOnlyList<PackedFile>> WriteAsync(EvidenceContext context, SecretRedactor redactor, string path, bool overwrite,
        CancellationToken ct)
    {
        var files = new List<PackedFile>();
        foreach (var file in EvidenceFiles.All)
        {
            var text = await file.BuildAsync(context, ct);
            files.Add(PackedFile.Of(file.Name, redactor.Redact(text.Content), redactor.Redact(text.Summary)));
        }
        files.Add(PackedFile.Of(IndexPage.Name, redactor.Redact(await IndexPage.WriteAsync(context, files, ct)), "this page"));
        // Checked, not only read: a pack quoting the head of a chain broken below it would vouch for edited rows.
        var chain = await context.Store.VerifyChainAsync(ct);
        files.Add(PackedFile.Of(EvidenceManifest.Name, redactor.Redact(EvidenceManifest.Write(context, files, chain)), "the SHA-256 and size of every other file"));
        await ZipAsync(files, context.CreatedAt, path, overwrite, ct);
        return files;
    }

    private static Task ZipAsync(IReadOnlyList<PackedFile> files, DateTimeOffset at, string path, bool overwrite, CancellationToken ct) =>
        AtomicFile.WriteAsync(path, "the evidence pack", overwrite, async stream =>
        {
            await using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
            foreach (var f in files)
            {
                var entry = zip.CreateEntry(f.Name, CompressionLevel.Optimal);
                entry.LastWriteTime = at;
                await using var body = await entry.OpenAsync(ct);
                await body.WriteAsync(f.Bytes, ct);
            }
        });
}
