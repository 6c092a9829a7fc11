using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;

namespace Dormant.Cli.Commands;

/// <summary>The store itself: create or migrate its schema, and move a history from a file to a server.</summary>
public sealed class StoreCommand : Command
{
    public StoreCommand(CliEnvironment env, StoreOptions store) : base("store", "Create or migrate the store, or copy a SQLite history to PostgreSQL")
    {
        HelpExamples.Add(this, "dormant store migrate --store postgres://dormant@db.example.com:5432/dormant",
            "dormant store copy --from dormant.db --to postgres://dormant@db.example.com:5432/dormant");
        Subcommands.Add(new StoreMigrateCommand(env, store));
        Subcommands.Add(new StoreCopyCommand(env));
    }
}
