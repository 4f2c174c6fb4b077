using Dapper;
using System.Data.Common;
using NokoBot.Domain.Councils;

namespace NokoBot.Storage;

public sealed class CouncilStore(Database database, TimeProvider time)
{
    private const string Columns = "id AS Id, slug AS Slug, name AS Name, time_zone AS TimeZone";

    /// <returns>The new council, or null when the slug is taken.</returns>
    public async Task<Council?> AddAsync(string slug, string name, string timeZone, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        try
        {
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO councils (slug, name, time_zone, created_at) VALUES (@slug, @name, @timeZone, @at) RETURNING id",
                new { slug, name, timeZone, at = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: ct));
            return new Council(id, slug, name, timeZone);
        }
        catch (DbException e) when (e.IsUniqueViolation())
        {
            return null;
        }
    }

    public async Task<Council?> FindAsync(string slug, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Council>(new CommandDefinition(
            $"SELECT {Columns} FROM councils WHERE slug = @slug", new { slug }, cancellationToken: ct));
    }

    public async Task<Council?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Council>(new CommandDefinition(
            $"SELECT {Columns} FROM councils WHERE id = @id", new { id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<Council>> ListAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return [.. await connection.QueryAsync<Council>(new CommandDefinition(
            $"SELECT {Columns} FROM councils ORDER BY slug", cancellationToken: ct))];
    }
}
