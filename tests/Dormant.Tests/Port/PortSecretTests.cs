using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Dormant.Cli;
using Dormant.Cli.Infrastructure;
using Dormant.Simulators.Port;

namespace Dormant.Tests.Port;

public sealed class PortSecretTests
{
    [Fact]
    public async Task The_client_secret_never_leaves_the_process_in_output_plans_backups_or_the_store()
    {
        // Given a simulated organization reached through the seed script's variables
        var tenant = PortTenant.Generate(40, seed: 5, DateTimeOffset.UtcNow);
        await using var host = await PortSimulator.StartAsync(tenant);
        var dir = Directory.CreateTempSubdirectory("dormant-port-secret-").FullName;
        try
        {
            var vars = new Dictionary<string, string>
            {
                ["PORT_CLIENT_ID"] = tenant.ClientId, ["PORT_CLIENT_SECRET"] = tenant.ClientSecret, ["PORT_API_URL"] = host.BaseUrl.ToString(),
            };
            var store = Path.Combine(dir, "dormant.db");
            var output = new StringBuilder();
            async Task<int> Run(params string[] args)
            {
                using var stdout = new StringWriter();
                using var stderr = new StringWriter();
                var env = new CliEnvironment
                {
                    Out = stdout, Error = stderr, In = new StringReader(""), Variable = vars.GetValueOrDefault,
                    WorkingDirectory = dir, Interactive = false, ErrorIsTerminal = false, HttpTuning = PortKit.Fast,
                };
                var code = await DormantCli.RunAsync(args, env);
                output.Append(stdout).Append(stderr);
                return code;
            }

            // When scanning, planning, acting, and restoring through the CLI
            Assert.Equal(0, await Run("plan", "--connector", "port", "-o", Path.Combine(dir, "plan.json"), "--store", store));
            Assert.Equal(0, await Run("run", "--connector", "port", "--no-dry-run", "--yes", "--store", store, "--backup-dir", dir));
            var runId = Regex.Match(output.ToString(), @"dormant restore (\S+)").Groups[1].Value;
            Assert.Equal(0, await Run("restore", runId, "--store", store));
            Assert.Equal(0, await Run("show", runId, "--store", store));

            // Then the secret is nowhere: not in what was printed, nor in any file written, zipped or stored
            var secret = tenant.ClientSecret;
            Assert.Contains("disabled", output.ToString());
            Assert.DoesNotContain(secret, output.ToString());
            var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).ToList();
            Assert.Contains(files, f => f.EndsWith(".zip", StringComparison.Ordinal));
            Assert.Contains(files, f => f.EndsWith("dormant.db", StringComparison.Ordinal));
            foreach (var file in files)
            {
                Assert.False(Contains(await File.ReadAllBytesAsync(file), secret), file);
                if (file.EndsWith(".zip", StringComparison.Ordinal))
                {
                    using var zip = ZipFile.OpenRead(file);
                    foreach (var entry in zip.Entries)
                    {
                        using var reader = new StreamReader(entry.Open());
                        Assert.DoesNotContain(secret, await reader.ReadToEndAsync());
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static bool Contains(byte[] bytes, string text) =>
        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;
}
