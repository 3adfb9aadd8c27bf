using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgRestructure.Messaging.Deadlines;
using OrgRestructure.Messaging.Email;
using OrgRestructure.Messaging.Health;
using OrgRestructure.EventStore.Leadership;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Relay;
using OrgRestructure.Messaging.Storage;

namespace OrgRestructure.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ (<paramref name="rabbitMqUri"/>) or the in-memory transport (null),
    /// the outbox relay, the notification consumer with its feed and e-mail, the deadline scheduler
    /// (firing the registered <see cref="IDueTimerFirer"/> or <c>IWorkflowEngine</c>'s due timers) and the
    /// "messaging" health check, which /health includes.
    /// Needs an <c>IEventStore</c> registered by the caller, and the <c>WorkflowDefinitionRegistry</c> for notices
    /// that number and name their steps and reach the audiences the definitions give.
    /// </summary>
    public static IServiceCollection AddOrgRestructureMessaging(this IServiceCollection services, string? rabbitMqUri, Action<MessagingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new MessagingOptions();
        configure?.Invoke(options);
        var database = options.PostgresConnectionString is { } pg
            ? MessagingDatabase.Postgres(pg)
            : MessagingDatabase.Sqlite(options.SqlitePath ?? Path.Combine("data", "orgrestructure.db"));

        services.AddSingleton(options);
        services.AddSingleton(database);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IParticipantDirectory, InMemoryParticipantDirectory>();
        services.AddSingleton<RecipientResolver>();
        services.AddSingleton<INotificationFeed, SqlNotificationFeed>();
        services.AddSingleton<RelayStatus>();
        services.AddSingleton<BusHealthState>();
        services.AddSingleton<EmailSignal>();
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<IRelayCheckpointStore>(options.EventStoreInMemory
            ? new InMemoryRelayCheckpointStore()
            : new SqlRelayCheckpointStore(database));
        services.TryAddSingleton<ILeaderLock>(options.PostgresConnectionString is { } lockDb
            ? new PostgresAdvisoryLeaderLock(lockDb)
            : options.EventStoreInMemory
                ? new InProcessLeaderLock()
                : new FileLeaderLock(Path.GetDirectoryName(Path.GetFullPath(options.SqlitePath ?? Path.Combine("data", "orgrestructure.db")))!));
        if (rabbitMqUri is not null)
        {
            services.AddSingleton(new QueueConsumerProbe(new Uri(rabbitMqUri)));
        }

        if (options.Smtp is { } smtp)
        {
            services.AddSingleton(new SmtpEmailSender(smtp));
            services.AddHostedService<EmailDispatcher>();
        }

        services.AddMassTransit(x =>
        {
            x.AddConsumer<NotificationConsumer>();
            x.AddConsumer<BusProbeConsumer>();
            if (rabbitMqUri is null)
            {
                x.UsingInMemory((context, cfg) => ConfigureEndpoints(context, cfg, options));
            }
            else
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(rabbitMqUri), h =>
                    {
                        h.PublisherConfirmation = true;
                        h.Heartbeat(TimeSpan.FromSeconds(10));
                        h.RequestedConnectionTimeout(TimeSpan.FromSeconds(5));
                    });
                    ConfigureEndpoints(context, cfg, options);
                });
            }
        });

        // The node must start (and keep committing commands) while the broker is down.
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });

        if (options.RunRelay)
        {
            services.AddHostedService<OutboxRelay>();
        }

        if (options.RunBusHealthMonitor)
        {
            services.AddHostedService<BusHealthMonitor>();
        }

        if (options.RunDeadlineScheduler)
        {
            services.AddHostedService<DeadlineScheduler>();
        }

        services.AddHealthChecks().AddCheck<MessagingHealthCheck>(MessagingHealthCheck.Name, tags: ["ready", "messaging"]);
        return services;
    }

    private static void ConfigureEndpoints(IBusRegistrationContext context, IBusFactoryConfigurator cfg, MessagingOptions options)
    {
        if (options.RunConsumers)
        {
            cfg.ReceiveEndpoint(options.NotificationQueue, e =>
            {
                // Immediate retries with back-off inside the consumer; after the last one the message
                // goes to the queue's _error queue (operators: orgrestructure messages errors/retry).
                e.UseMessageRetry(r => r.Exponential(options.RetryLimit, options.RetryMinInterval, options.RetryMaxInterval, options.RetryMinInterval));
                e.PrefetchCount = 16;
                options.ConfigureNotificationEndpoint?.Invoke(e);
                e.ConfigureConsumer<NotificationConsumer>(context);
            });
        }

        cfg.ReceiveEndpoint(BusHealthMonitor.ProbeQueue(options), e =>
        {
            if (e is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.AutoDelete = true;
                rabbit.Durable = false;
            }

            e.ConfigureConsumer<BusProbeConsumer>(context);
            context.GetRequiredService<BusHealthState>().ProbeAddress = e.InputAddress;
        });
    }
}
