using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OrgRestructure.EventStore.Hosting;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Workflows.Calendar;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Hosting;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IWorkflowEngine"/> over the registered <see cref="IEventStore"/>, the
    /// definitions of <paramref name="definitionsDirectory"/> (default: the shipped workflows/),
    /// and the case fold for replay. The definitions are read and validated now, so an invalid
    /// file stops start-up with <see cref="InvalidWorkflowDefinitionException"/> naming file, path and reason.
    /// So does the holiday calendar (the directory's holidays/, else the shipped one): a bad date
    /// stops start-up with <see cref="InvalidHolidayCalendarException"/>.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, string? definitionsDirectory = null)
    {
        var directory = definitionsDirectory ?? WorkflowDefinitionRegistry.LocateDefaultDirectory();
        var registry = WorkflowDefinitionRegistry.LoadFromDirectory(directory);
        services.TryAddSingleton(registry);
        services.TryAddSingleton(HolidayCalendar.ForDefinitions(directory));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWorkflowEngine>(sp => new WorkflowEngine(
            sp.GetRequiredService<IEventStore>(),
            sp.GetRequiredService<WorkflowDefinitionRegistry>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<WorkflowEngine>>(),
            sp.GetService<IDueCaseIndex>(),
            sp.GetRequiredService<HolidayCalendar>()));
        services.AddStreamFolder<CaseStreamFolder>();
        return services;
    }
}
