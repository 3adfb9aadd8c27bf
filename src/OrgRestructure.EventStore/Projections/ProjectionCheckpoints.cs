using System.Data.Common;
using System.Globalization;
using OrgRestructure.EventStore.Storage;

namespace OrgRestructure.EventStore.Projections;

/// <summary>The <c>projection_checkpoints</c> table: the last global position each projection applied.</summary>
internal static class ProjectionCheckpoints
{
    public static async Task<long> ReadAsync(DbConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand("SELECT position FROM projection_checkpoints WHERE name = @n");
        var value = await command.With("n", name).ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public static async Task EnsureAsync(WriteScope scope, string name, CancellationToken cancellationToken)
    {
        await using var command = scope.CreateCommand(
            "INSERT INTO projection_checkpoints (name, position, updated_at) VALUES (@n, 0, @t) ON CONFLICT (name) DO NOTHING");
        await command.With("n", name).With("t", Now(scope)).ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<bool> AdvanceAsync(WriteScope scope, string name, long from, long to, CancellationToken cancellationToken)
    {
        await using var command = scope.CreateCommand(
            "UPDATE projection_checkpoints SET position = @to, updated_at = @t WHERE name = @n AND position = @from");
        var rows = await command.With("to", to).With("t", Now(scope)).With("n", name).With("from", from).ExecuteNonQueryAsync(cancellationToken);
        return rows == 1;
    }

    public static async Task SetAsync(WriteScope scope, string name, long position, CancellationToken cancellationToken)
    {
        await using var command = scope.CreateCommand("UPDATE projection_checkpoints SET position = @p, updated_at = @t WHERE name = @n");
        await command.With("p", position).With("t", Now(scope)).With("n", name).ExecuteNonQueryAsync(cancellationToken);
    }

    private static object Now(WriteScope scope) => scope.Backend == EventStoreBackend.Postgres
        ? DateTime.UtcNow
        : DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
