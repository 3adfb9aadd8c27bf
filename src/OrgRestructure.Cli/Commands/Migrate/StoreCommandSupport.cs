using System.Data.Common;
using OrgRestructure.EventStore.Hosting;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.Workflows.ReadModels;

namespace OrgRestructure.Cli.Commands.Migrate;

/// <summary>What the store commands share: opening the configured store and reporting its failures.</summary>
internal static class StoreCommandSupport
{
    /// <summary>The configured store with the server's inline projections, so what the CLI migrates or appends keeps the read models too.</summary>
    public static IRelationalEventStore Open(CliContext context)
    {
        var options = new EventStoreOptions();
        options.InlineProjections.Add(new CaseReadModelProjection());
        return EventStoreFactory.Create(context.Settings.EventStoreConnectionString, context.Settings.SqlitePath, options);
    }

    /// <summary>Read-only commands must not create an empty SQLite file where none was.</summary>
    public static async Task<IRelationalEventStore?> OpenExistingAsync(CliContext context)
    {
        if (!context.Settings.UsesPostgres && !File.Exists(context.Settings.SqlitePath))
        {
            await context.Error.WriteLineAsync(
                $"No event store at {context.Settings.SqlitePath}; run 'orgrestructure migrate' first. / Chưa có kho sự kiện; hãy chạy 'orgrestructure migrate'.");
            return null;
        }

        return Open(context);
    }

    /// <summary>
    /// Opens the existing store, brings its schema (and the read models' tables) up to date, runs
    /// <paramref name="body"/>, and reports a database failure as exit code 1.
    /// </summary>
    public static async Task<int> RunMigratedAsync(CliContext context, Func<IRelationalEventStore, Task> body, CancellationToken cancellationToken)
    {
        if (await OpenExistingAsync(context) is not { } store)
        {
            return 1;
        }

        try
        {
            await store.MigrateAsync(cancellationToken);
            await body(store);
            return 0;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException)
        {
            return await FailAsync(context, store, ex);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    public static async Task<int> FailAsync(CliContext context, IRelationalEventStore store, Exception ex)
    {
        var detail = ex is DbException or InvalidOperationException or IOException ? ex.Message : ex.ToString();
        await context.Error.WriteLineAsync($"Event store {store.Description} failed: {detail} / Lỗi kho sự kiện.");
        return 1;
    }
}
