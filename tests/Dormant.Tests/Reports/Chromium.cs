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
        var dom = await RunAsync(["--dump-dom", new Uri(file).AbsoluteUri + fragment]);
        return dom.Length > 0 ? dom : throw new InvalidOperationException("chromium printed no page");
    }

    /// <summary>A PNG of the page in a window of the given size, as a reader with that screen sees it.</summary>
    public static Task<string> ScreenshotAsync(string file, string png, int width, int height) =>
        RunAsync([$"--window-size={width},{height}", "--hide-scrollbars", $"--screenshot={png}", new Uri(file).AbsoluteUri]);

    /// <summary>
    /// The page in a viewport <paramref name="width"/> px wide, measured by <paramref name="probe"/>:
    /// a script given the page's document as <c>doc</c> whose returned string is handed back. The
    /// page is framed (srcdoc, so the probe may read it) rather than altered, so its own
    /// Content-Security-Policy and script run untouched; a frame because headless chromium lays
    /// --dump-dom out no narrower than 500 px, whatever --window-size says.
    /// </summary>
    public static async Task<string> ProbeAsync(string file, int width, int height, string probe)
    {
        var harness = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file)!, System.IO.Path.GetFileNameWithoutExtension(file) + $"-probe-{width}.html");
        var page = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(harness, $$"""
            <!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
            <iframe id="page" width="{{width}}" height="{{height}}" style="border:0;display:block" srcdoc="{{System.Net.WebUtility.HtmlEncode(page)}}"></iframe>
            <script>
            var frame = document.getElementById("page");
            function measure() {
              var doc = frame.contentDocument;
              var result;
              try { result = (function (doc) { {{probe}} })(doc); } catch (e) { result = "probe failed: " + e; }
              document.documentElement.setAttribute("data-probe", String(result));
            }
            frame.addEventListener("load", measure);
            </script></body></html>
            """);
        var dom = await DumpDomAsync(harness);
        var m = System.Text.RegularExpressions.Regex.Match(dom, "<html[^>]* data-probe=\"([^\"]*)\"");
        return m.Success ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("the probe wrote no result; the framed page did not load");
    }

    private static async Task<string> RunAsync(IEnumerable<string> args)
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
                "--disable-sync", "--no-first-run", $"--user-data-dir={profile}",
            }.Concat(args)) info.ArgumentList.Add(arg);
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
            var text = await output;
            return process.ExitCode == 0 ? text
                : throw new InvalidOperationException($"chromium exited {process.ExitCode}: {await error}");
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
