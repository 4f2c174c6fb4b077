using Microsoft.Extensions.Options;

namespace NokoBot.Scheduling;

/// <summary>
/// Quartz's cluster timing, used only with <c>Storage:Provider=Postgres</c> (on SQLite the one process keeps its
/// schedule in memory). Environment: <c>Scheduling__Cluster__CheckinInterval=00:00:10</c> and so on.
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "Scheduling:Cluster";

    /// <summary>
    /// How often each node writes its check-in row. 10 s: one tiny UPDATE per node every 10 s costs nothing, and
    /// with the threshold below a dead node's work moves within half a minute — well inside the minute our triggers
    /// are accurate to (members' hours, the check for new councils each minute).
    /// </summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How late a check-in may be before the other nodes recover that node's work. 20 s: longer than a long
    /// garbage-collection or VM pause or a database fail-over blip (a live node written off would have its firings
    /// run twice), and the bound on the clock difference between nodes (it must stay well under this; see README).
    /// </summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How late a trigger may fire before it counts as misfired. 60 s (Quartz's own): our one-shot triggers fire at
    /// once on a misfire anyway, so this only decides when a digest cron takes its misfire path.
    /// </summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Names every bad setting by the environment variable that sets it.</summary>
public sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.CheckinInterval < TimeSpan.FromMilliseconds(500))
            failures.Add("Scheduling__Cluster__CheckinInterval must be at least 00:00:00.5, e.g. 00:00:10.");
        if (options.CheckinMisfireThreshold < options.CheckinInterval)
            failures.Add("Scheduling__Cluster__CheckinMisfireThreshold must be at least the check-in interval, e.g. 00:00:20.");
        if (options.MisfireThreshold < TimeSpan.FromSeconds(1))
            failures.Add("Scheduling__Cluster__MisfireThreshold must be at least 00:00:01, e.g. 00:01:00.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
