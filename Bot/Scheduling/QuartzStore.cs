using NokoBot.Delivery;
using NokoBot.Storage;
using Quartz;

namespace NokoBot.Scheduling;

/// <summary>
/// Where Quartz keeps the schedule. SQLite: in memory, rebuilt at each start by <see cref="SchedulerStartup"/> (one
/// process). PostgreSQL: Quartz's clustered store in the same database, so every node shares one schedule and each
/// trigger fires on exactly one node; a node that stops checking in has its work taken over by the others.
/// </summary>
public static class QuartzStore
{
    /// <summary>Every node of the cluster must carry this name: Quartz keeps each scheduler's rows under it.</summary>
    public const string ClusterName = "NokoBot";

    public static bool IsClustered(StorageOptions storage) => storage.Provider == StorageProvider.Postgres;

    public static void Configure(IQuartzBuilder q, StorageOptions storage, ClusterOptions cluster, string? instanceId = null)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(cluster);
        if (!IsClustered(storage)) return;
        var connectionString = storage.ConnectionString ?? throw new InvalidOperationException("Storage:ConnectionString is not set.");
        var id = instanceId ?? DispatchInstance.DefaultId();
        q.ConfigureScheduler(o =>
        {
            o.InstanceName = ClusterName;
            o.InstanceId = id;
        });
        q.UsePersistentStore(s =>
        {
            s.UsePostgres(connectionString);
            s.UseClustering(c =>
            {
                c.CheckinInterval = cluster.CheckinInterval;
                c.CheckinMisfireThreshold = cluster.CheckinMisfireThreshold;
            });
            // Job data is primitive only (a council id, a slug), which System.Text.Json round-trips as such.
            s.UseSystemTextJsonSerializer();
            // Creates the qrtz_ tables when missing; nodes starting at once race harmlessly (the loser finds them made).
            s.ProvisionSchema();
            s.ConfigureStore(o => o.MisfireThreshold = cluster.MisfireThreshold);
        });
    }
}
