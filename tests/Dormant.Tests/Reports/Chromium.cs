using System.Diagnostics;

namespace Dormant.Tests.Reports;

/// <summary>
/// Debian's headless chromium, to see the report as a browser does: --dump-dom prints the DOM after
/// the page's script ran. CI installs it (.ci/run); elsewhere the tests that need it are skipped.
/// </summary>
internal static class Chromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>DORMANT_CHROMIUM, else /usr/bin/chromium; null when neither exists.</summary>
    public static string? Path =>
        Environment.GetEnvironmentVariable("DORMANT_CHROMIUM") is { Length: > 0 } given ? (File.Exists(given) ? given : null)
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    public static string MissingReason =>
        "chromium not found (neither DORMANT_CHROMIUM nor /usr/bin/chromium); install it with 'apt-get install -y chromium' to run the browser check";

    /// <summary>
    /// Skips the calling test when chromium is missing, except in CI (CI=true), where .ci/run installs
    /// it: there a missing browser is a broken install step, not a reason to pass quietly.
    /// </summary>
    public static void Require()
    {
        if (Path is not null) return;
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(MissingReason + " (CI=true: .ci/run should have installed it)");
        Skip.If(true, MissingReason);
    }

    public static async Task<string> DumpDomAsync(string file, string fragment = "")
    {
        var profile = Directory.CreateTempSubdirectory("dormant-chromium-").FullName;
        try
        {
            var info = new ProcessStartInfo(Path ?? throw new InvalidOperationException(MissingReason))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", "--dump-dom", new Uri(file).AbsoluteUri + fragment,
            }) info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish within {Timeout.TotalSeconds}s: {await error}");
            }
            var dom = await output;
            return process.ExitCode == 0 && dom.Length > 0 ? dom
                : throw new InvalidOperationException($"chromium exited {process.ExitCode} with no page: {await error}");
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
