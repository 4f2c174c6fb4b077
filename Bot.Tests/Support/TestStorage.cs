using NokoBot.Storage;
using NokoBot.Tests.Fakes;

namespace NokoBot.Tests.Support;

/// <summary>
/// The provider a test class runs on: the suites that hold for both are abstract classes taking one of these, with a
/// sealed SQLite subclass and a sealed PostgreSQL one (which takes the run's server).
/// </summary>
public sealed class TestStorage
{
    private readonly PostgresServerFixture? _postgres;

    private TestStorage(PostgresServerFixture? postgres) => _postgres = postgres;

    public static TestStorage Sqlite { get; } = new(null);

    public static TestStorage Postgres(PostgresServerFixture postgres) => new(postgres ?? throw new ArgumentNullException(nameof(postgres)));

    public StorageProvider Provider => _postgres is null ? StorageProvider.Sqlite : StorageProvider.Postgres;

    public Task<TempDatabase> CreateMigratedAsync(TimeProvider time, CancellationToken ct) =>
        _postgres is null ? TempDatabase.CreateMigratedAsync(time, ct) : TempDatabase.CreateMigratedPostgresAsync(_postgres, ct);

    /// <summary>A database with no schema yet.</summary>
    public async Task<TempDatabase> CreateEmptyAsync(CancellationToken ct) =>
        _postgres is null ? new TempDatabase() : await TempDatabase.CreatePostgresAsync(_postgres, ct);

    public override string ToString() => Provider.ToString();
}
