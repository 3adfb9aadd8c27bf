using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgRestructure.EventStore.Hosting;
using OrgRestructure.Hosting.Configuration;

namespace OrgRestructure.Hosting.Composition;

/// <summary>
/// One place that decides which event store, engine and bus the process runs on, so the server
/// and the CLI can never disagree about the configuration keys.
/// </summary>
public static class OrgRestructureComposition
{
    public static IServiceCollection AddOrgRestructure(this IServiceCollection services, OrgRestructureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.TryAddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new DemoData(DemoData.LocateSurvey(settings.DataDirectory)));
        Directory.CreateDirectory(settings.DataDirectory);
        services.AddEventStore(settings.EventStoreConnectionString, settings.SqlitePath);
        return services;
    }
}
