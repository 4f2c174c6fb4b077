using Dapper;
using Npgsql;

namespace NokoBot.Tests.Fakes;

public sealed class PostgresServerFixtureTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Each_test_database_is_its_own_on_one_real_server()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await postgres.CreateDatabaseAsync(ct);
        var second = await postgres.CreateDatabaseAsync(ct);

        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.ExecuteAsync("CREATE TABLE notes (text text NOT NULL); INSERT INTO notes VALUES ('только здесь')");
            Assert.Equal("только здесь", await connection.ExecuteScalarAsync<string>("SELECT text FROM notes"));
            Assert.StartsWith("PostgreSQL ", await connection.ExecuteScalarAsync<string>("SELECT version()"), StringComparison.Ordinal);
        }
        await using (var connection = new NpgsqlConnection(second))
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'notes'"));
        }
    }
}
