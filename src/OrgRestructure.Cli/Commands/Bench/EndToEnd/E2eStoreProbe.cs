using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using OrgRestructure.EventStore.Hosting;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.Messaging.Relay;

namespace OrgRestructure.Cli.Commands.Bench.EndToEnd;

/// <summary>
/// What the bench reads from the store the server runs on, beside the server (never through it): how
/// far its outbox relay is behind, the log's last position, the timestamps of the events appended
/// since, the open tasks.
/// </summary>
internal sealed class E2eStoreProbe(string? postgres, string dataDirectory)
{
    private static readonly TimeSpan RelayCatchUpLimit = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Waits until the server's outbox relay has published every event of the log (the seeded
    /// campaign's task notifications): timed before that, every request would share the machine with
    /// a one-off catch-up of ~150,000 events. Returns how long the catch-up took.
    /// </summary>
    public async Task<double> WaitForRelayAsync(TextWriter log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var reported = TimeSpan.Zero;
        while (clock.Elapsed < RelayCatchUpLimit)
        {
            var behind = await ScalarAsync(
                "SELECT count(*) FROM events WHERE position > coalesce((SELECT position FROM messaging_checkpoints WHERE name = @name), 0)",
                c => c.With("name", OutboxRelay.CheckpointName), cancellationToken);
            if (behind == 0)
            {
                return clock.Elapsed.TotalSeconds;
            }

            if (clock.Elapsed - reported > TimeSpan.FromSeconds(15))
            {
                reported = clock.Elapsed;
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  the server's relay is {behind:N0} events behind"));
            }

            await Task.Delay(500, cancellationToken);
        }

        throw new InvalidOperationException($"The server's relay did not publish the seeded events within {RelayCatchUpLimit.TotalMinutes} minutes.");
    }

    /// <summary>
    /// Waits until the server's consumers have worked through what the relay published: the relay only
    /// hands events to the bus, and after a bulk launch the notification consumer (recipients, feed
    /// rows, e-mails) is minutes behind it. Quiet means no message recorded as processed for 2 s.
    /// Returns how long it took.
    /// </summary>
    public async Task<double> WaitForConsumersAsync(TextWriter log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var reported = TimeSpan.Zero;
        var (last, quiet) = (-1L, 0);
        while (clock.Elapsed < RelayCatchUpLimit)
        {
            var processed = await ScalarAsync("SELECT count(*) FROM messaging_processed", _ => { }, cancellationToken);
            quiet = processed == last ? quiet + 1 : 0;
            if (quiet >= 4)
            {
                return clock.Elapsed.TotalSeconds;
            }

            if (clock.Elapsed - reported > TimeSpan.FromSeconds(15))
            {
                reported = clock.Elapsed;
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  the server's consumers have processed {processed:N0} messages"));
            }

            last = processed;
            await Task.Delay(500, cancellationToken);
        }

        throw new InvalidOperationException($"The server's consumers did not go quiet within {RelayCatchUpLimit.TotalMinutes} minutes.");
    }

    public Task<long> LastPositionAsync(CancellationToken cancellationToken) =>
        ScalarAsync("SELECT coalesce(max(position), 0) FROM events", _ => { }, cancellationToken);

    public async Task<int> OpenTasksAsync(CancellationToken cancellationToken) =>
        (int)await ScalarAsync("SELECT count(*) FROM open_tasks", _ => { }, cancellationToken);

    /// <summary>Each event appended after <paramref name="position"/>: its id and the time the store stamped it with.</summary>
    public async Task<Dictionary<Guid, DateTimeOffset>> EventTimesAfterAsync(long position, CancellationToken cancellationToken)
    {
        var times = new Dictionary<Guid, DateTimeOffset>();
        await UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand("SELECT event_id, timestamp FROM events WHERE position > @from").With("from", position);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // SQLite keeps text ids and Unix milliseconds; PostgreSQL a uuid and a timestamptz.
                var id = reader.GetValue(0) is Guid g ? g : Guid.Parse(reader.GetString(0));
                times[id] = reader.GetValue(1) switch
                {
                    long ms => DateTimeOffset.FromUnixTimeMilliseconds(ms),
                    DateTimeOffset at => at,
                    DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
                    var other => throw new InvalidOperationException($"Unexpected event timestamp {other}."),
                };
            }
        }, cancellationToken);
        return times;
    }

    private async Task<long> ScalarAsync(string sql, Action<DbCommand> parameters, CancellationToken cancellationToken)
    {
        long value = 0;
        await UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand(sql);
            parameters(command);
            value = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }, cancellationToken);
        return value;
    }

    private async Task UseAsync(Func<DbConnection, Task> work, CancellationToken cancellationToken)
    {
        var store = EventStoreFactory.Create(postgres, Path.Combine(dataDirectory, "orgrestructure.db"));
        try
        {
            await using var connection = await store.OpenConnectionAsync(cancellationToken);
            await work(connection);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }
}
