using System.CommandLine;
using System.Data.Common;
using OrgRestructure.EventStore.Migrations;
using OrgRestructure.Workflows.ReadModels;

namespace OrgRestructure.Cli.Commands.Migrate;

/// <summary>orgrestructure migrate: brings the configured event store to this build's schema.</summary>
internal sealed class MigrateCommand : ICliCommand
{
    public string Name => "migrate";

    public Command Create(CliContext context)
    {
        var command = new Command("migrate", """
            Apply event store schema migrations (PostgreSQL or the SQLite file)

            Applies the numbered schema migrations the event store lacks (recorded in schema_migrations).
            Safe to run again and from several nodes at once. Uses ConnectionStrings__EventStore
            (PostgreSQL) when set, else the SQLite file under ORGRESTRUCTURE_DATA_DIR.
            """);
        command.SetAction((_, cancellationToken) => RunAsync(context, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var store = StoreCommandSupport.Open(context);
        try
        {
            var migrator = new EventStoreMigrator(store, [new CaseReadModelProjection()]);
            var applied = await migrator.MigrateAsync(cancellationToken);
            foreach (var migration in applied)
            {
                await context.Output.WriteLineAsync($"  applied {migration.Version:D3} {migration.Name}");
            }

            var versions = await migrator.GetAppliedVersionsAsync(cancellationToken);
            await context.Output.WriteLineAsync(
                $"{store.Description}: {applied.Count} migration(s) applied, schema at version {versions.DefaultIfEmpty().Max()}.");
            return 0;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException)
        {
            return await StoreCommandSupport.FailAsync(context, store, ex);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }
}
