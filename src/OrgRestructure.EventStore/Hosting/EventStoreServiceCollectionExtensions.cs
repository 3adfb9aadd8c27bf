using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrgRestructure.EventStore.Migrations;
using OrgRestructure.EventStore.Projections;
using OrgRestructure.EventStore.Replay;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.EventStore.Verification;

namespace OrgRestructure.EventStore.Hosting;

public static class EventStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store (PostgreSQL when <paramref name="postgresConnectionString"/> is set, else
    /// SQLite at <paramref name="sqlitePath"/>) as <see cref="IEventStore"/> and
    /// <see cref="IRelationalEventStore"/>, the migrator (run at host start, before anything else
    /// registered after this call), the verifier, the stream folders and the projection daemon.
    /// Register projections and folders with the Add* methods below, before or after this call.
    /// </summary>
    public static IServiceCollection AddEventStore(
        this IServiceCollection services,
        string? postgresConnectionString,
        string sqlitePath,
        Action<EventStoreOptions>? configure = null,
        Action<ProjectionDaemonOptions>? configureDaemon = null)
    {
        services.TryAddSingleton(sp =>
        {
            var options = new EventStoreOptions();
            foreach (var projection in sp.GetServices<IInlineProjection>())
            {
                options.InlineProjections.Add(projection);
            }

            configure?.Invoke(options);
            return EventStoreFactory.Create(postgresConnectionString, sqlitePath, options);
        });
        services.TryAddSingleton<IEventStore>(sp => sp.GetRequiredService<IRelationalEventStore>());
        services.TryAddSingleton(sp => new EventStoreMigrator(
            sp.GetRequiredService<IRelationalEventStore>(), sp.GetServices<IInlineProjection>(), sp.GetServices<IAsyncProjection>()));
        services.TryAddSingleton<IStoreVerifier>(sp => new ChainVerifier(sp.GetRequiredService<IEventStore>()));
        services.TryAddSingleton(sp => new StreamFolderRegistry(sp.GetServices<IStreamFolder>()));
        services.TryAddSingleton(sp =>
        {
            var options = new ProjectionDaemonOptions();
            configureDaemon?.Invoke(options);
            return new ProjectionDaemon(
                sp.GetRequiredService<IRelationalEventStore>(),
                sp.GetServices<IAsyncProjection>(),
                options,
                logger: sp.GetService<ILogger<ProjectionDaemon>>());
        });
        services.AddHostedService<EventStoreMigrationService>();
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionDaemon>());
        return services;
    }

    public static IServiceCollection AddInlineProjection<T>(this IServiceCollection services)
        where T : class, IInlineProjection => services.AddSingleton<IInlineProjection, T>();

    public static IServiceCollection AddAsyncProjection<T>(this IServiceCollection services)
        where T : class, IAsyncProjection => services.AddSingleton<IAsyncProjection, T>();

    public static IServiceCollection AddStreamFolder<T>(this IServiceCollection services)
        where T : class, IStreamFolder => services.AddSingleton<IStreamFolder, T>();
}

/// <summary>Applies schema migrations when the host starts, before the projection daemon runs.</summary>
internal sealed class EventStoreMigrationService(EventStoreMigrator migrator, IRelationalEventStore store, ILogger<EventStoreMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await migrator.MigrateAsync(cancellationToken);
        logger.LogInformation(
            "Event store {Store}: {Count} migration(s) applied ({Versions})",
            store.Description,
            applied.Count,
            string.Join(", ", applied.Select(m => m.Version)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
