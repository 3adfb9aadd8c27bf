using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgRestructure.EventStore.Hosting;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.Hosting.Configuration;
using OrgRestructure.Messaging;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Hosting;
using OrgRestructure.Workflows.ReadModels;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Hosting.Composition;

/// <summary>
/// One place that decides which event store, engine and bus the process runs on, so the server
/// and the CLI can never disagree about the configuration keys.
/// </summary>
public static class OrgRestructureComposition
{
    /// <summary>
    /// The event store per settings (SQLite file or PostgreSQL), the workflow engine over the
    /// definitions in workflows/, and messaging (in-memory bus, or RabbitMQ when configured; its
    /// deadline scheduler fires the engine's due timers; e-mail when Smtp:Host is set), and the case
    /// read model every list reads, kept inline with the events.
    /// Register an <c>IParticipantDirectory</c> before this call to replace the in-memory one.
    /// </summary>
    public static IServiceCollection AddOrgRestructure(this IServiceCollection services, OrgRestructureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.TryAddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new DemoData(DemoData.LocateSurvey(settings.DataDirectory)));
        Directory.CreateDirectory(settings.DataDirectory);
        services.AddInlineProjection<CaseReadModelProjection>();
        services.AddEventStore(settings.EventStoreConnectionString, settings.SqlitePath);
        services.TryAddSingleton(sp => new CaseReadModel(sp.GetRequiredService<IRelationalEventStore>()));
        services.TryAddSingleton<IDueCaseIndex>(sp => sp.GetRequiredService<CaseReadModel>());
        services.AddWorkflowEngine(WorkflowsDirectory(settings));
        services.AddOrgRestructureMessaging(settings.RabbitMqUri, o =>
        {
            o.PostgresConnectionString = settings.EventStoreConnectionString;
            o.SqlitePath = settings.SqlitePath;
            o.Smtp = settings.Smtp;
            o.PublicBaseUrl = settings.PublicBaseUrl;
        });
        return services;
    }

    /// <summary>
    /// <see cref="OrgRestructureSettings.WorkflowsDirectory"/> when set, else the engine's search:
    /// $ORGRESTRUCTURE_WORKFLOWS_DIR, the copy next to the binaries (the server's csproj copies
    /// workflows/*.json), the nearest workflows/ above the working directory (the content root of `dotnet run`).
    /// </summary>
    public static string WorkflowsDirectory(OrgRestructureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.WorkflowsDirectory ?? WorkflowDefinitionRegistry.LocateDefaultDirectory();
    }
}
