using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrgRestructure.EventStore.Storage;

namespace OrgRestructure.Hosting.SharedState;

public static class SharedStateServiceCollectionExtensions
{
    /// <summary>Application name of the data-protection keys: every node must use the same one.</summary>
    public const string ApplicationName = "OrgRestructure";

    /// <summary>
    /// Accounts (and their history, a stream of the store), bearer tokens, idempotency records and the data-protection key ring in the event
    /// store's database (register the store first, e.g. with AddOrgRestructure).
    /// </summary>
    public static IServiceCollection AddSharedState(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new SharedStateDatabase(sp.GetRequiredService<IRelationalEventStore>()));
        services.TryAddSingleton<AccountStore>();
        services.TryAddSingleton<IdempotencyStore>();
        services.TryAddSingleton<AccountHistory>();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new StoreXmlRepository(sp.GetRequiredService<SharedStateDatabase>(), sp.GetRequiredService<TimeProvider>())));
        return services;
    }
}
