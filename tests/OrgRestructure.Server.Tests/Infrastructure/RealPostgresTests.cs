using Npgsql;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Infrastructure;

public sealed class RealPostgresTests
{
    [Fact]
    public async Task a_row_written_to_the_real_postgresql_reads_back_unchanged()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync("roundtrip");

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var create = dataSource.CreateCommand("CREATE TABLE committees (id int PRIMARY KEY, name text NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var insert = dataSource.CreateCommand("INSERT INTO committees VALUES ($1, $2)"))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = 47 });
            insert.Parameters.Add(new NpgsqlParameter { Value = "Đảng bộ cơ sở Huyện Đại Lộc" });
            await insert.ExecuteNonQueryAsync();
        }

        await using var select = dataSource.CreateCommand("SELECT name, version() FROM committees WHERE id = 47");
        await using var reader = await select.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("Đảng bộ cơ sở Huyện Đại Lộc", reader.GetString(0));
        Assert.StartsWith("PostgreSQL 15", reader.GetString(1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task each_created_database_is_empty_and_separate()
    {
        var server = await PostgresServer.GetAsync();
        var first = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync("Separate Class!"));
        var second = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync("Separate Class!"));

        Assert.NotEqual(first.Database, second.Database);
        Assert.StartsWith("separate_class__", first.Database, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(second.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }
}
