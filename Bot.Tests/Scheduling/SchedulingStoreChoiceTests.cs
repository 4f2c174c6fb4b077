using Microsoft.Extensions.DependencyInjection;
using NokoBot.Hosting;
using NokoBot.Scheduling;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;
using Quartz;

namespace NokoBot.Tests.Scheduling;

/// <summary>
/// The service's composition root chooses Quartz's store from <c>Storage:Provider</c>: memory for SQLite, the
/// clustered store for PostgreSQL. The host is built, not started: only the scheduler's make-up is looked at.
/// </summary>
public sealed class SchedulingStoreChoiceTests(PostgresServerFixture postgres) : IDisposable
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Sqlite_keeps_the_schedule_in_memory()
    {
        var metadata = await MetadataAsync(new Dictionary<string, string?> { ["Storage:Path"] = _db.Path });

        Assert.False(metadata.JobStorePersistent);
        Assert.False(metadata.JobStoreClustered);
    }

    [Fact]
    public async Task Postgres_shares_one_clustered_schedule_in_that_database()
    {
        var pg = await postgres.CreateDatabaseAsync(_ct);

        var metadata = await MetadataAsync(new Dictionary<string, string?>
        {
            ["Storage:Path"] = _db.Path,
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = pg,
            ["Scheduling:Cluster:CheckinInterval"] = "00:00:02",
        });

        Assert.True(metadata.JobStorePersistent);
        Assert.True(metadata.JobStoreClustered);
        Assert.Equal(QuartzStore.ClusterName, metadata.SchedulerName);
        Assert.StartsWith(Environment.MachineName + "-", metadata.SchedulerInstanceId, StringComparison.Ordinal);
    }

    private async Task<SchedulerMetadata> MetadataAsync(Dictionary<string, string?> settings)
    {
        settings["Telegram:Enabled"] = "false";
        settings["Web:Enabled"] = "false";
        using var host = NokoBotHost.CreateServiceBuilder(settings).Build();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(_ct);
        try
        {
            return await scheduler.GetMetadata(_ct);
        }
        finally
        {
            await scheduler.Shutdown(false, _ct);
        }
    }
}
