using System.Globalization;
using Quartz;

namespace NokoBot.Scheduling;

/// <summary>
/// Each council's own durable job and its one trigger, set for the next instant the council needs planning.
/// <para>
/// Misfire instruction: <see cref="SimpleTriggerMisfireInstruction.FireNow"/>. A misfire is a trigger whose instant
/// passed while Quartz could not run it: the instant the service was down (in memory the trigger is rebuilt at
/// start-up from <c>council_schedule.next_at</c>, in the past; a shared store keeps it as it was) or all worker
/// threads were busy.
/// Firing once, at once, is right either way: the job plans from the council's own swept-until mark, so whatever fell
/// due meanwhile is enqueued under the council's catch-up grace (sent late within it, written as skipped past it) —
/// the catch-up policy of the single sweep before, council by council. Firing once per missed instant would add
/// nothing (the mark already covers them) and never firing would lose them.
/// </para>
/// </summary>
public static class CouncilTriggers
{
    public const string Group = "nokobot-council";
    public const string CouncilIdKey = "councilId";

    /// <summary>
    /// Even with nothing due, a council is planned again within this: changes made outside the service (the CLI's
    /// plan import, meetings, due dates) are not announced to it. Each council's interval is shortened by a few minutes
    /// of its own so that councils planned together at start-up do not stay in step.
    /// </summary>
    public static readonly TimeSpan IdleInterval = TimeSpan.FromHours(1);

    /// <summary>A council's durable job may be there without a trigger: storing it again replaces it, under Quartz's one lock.</summary>
    private static readonly ScheduleJobOptions Replace = new() { Replace = true };

    private static readonly TimeSpan Spread = TimeSpan.FromMinutes(10);

    public static JobKey JobKeyOf(long councilId) => new(Name(councilId), Group);

    public static TriggerKey TriggerKeyOf(long councilId) => new(Name(councilId), Group);

    /// <summary>The instant the council's trigger is set for after planning at <paramref name="now"/>.</summary>
    public static DateTimeOffset NextAt(long councilId, DateTimeOffset? nextDue, DateTimeOffset now)
    {
        var idle = now + IdleInterval - TimeSpan.FromSeconds(councilId * 7919 % (long)Spread.TotalSeconds);
        return nextDue is { } due && due < idle ? due : idle;
    }

    public static IJobDetail JobOf(long councilId) =>
        JobBuilder.Create<CouncilPlanJob>().WithIdentity(JobKeyOf(councilId)).UsingJobData(CouncilIdKey, councilId).StoreDurably().RequestRecovery().Build();

    public static ITrigger TriggerOf(IScheduler scheduler, long councilId, DateTimeOffset at) =>
        TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(TriggerKeyOf(councilId)).ForJob(JobKeyOf(councilId)).StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();

    /// <summary>Points the council's trigger at <paramref name="at"/>, creating its job the first time.</summary>
    public static async Task ScheduleAtAsync(IScheduler scheduler, long councilId, DateTimeOffset at, CancellationToken ct)
    {
        var trigger = TriggerOf(scheduler, councilId, at);
        if (await scheduler.GetTrigger(trigger.Key, ct) is not null)
            await scheduler.RescheduleJob(trigger.Key, trigger, ct);
        else
            await scheduler.ScheduleJob(JobOf(councilId), trigger, Replace, ct);
    }

    /// <summary>
    /// Councils' jobs and triggers at once (start-up: ten thousand councils are one call, not ten thousand). The jobs
    /// ask for recovery: a plan cut short by a node's death runs again on another node.
    /// </summary>
    public static async Task ScheduleAllAsync(IScheduler scheduler, IEnumerable<(long CouncilId, DateTimeOffset At)> councils, CancellationToken ct)
    {
        var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>();
        foreach (var (councilId, at) in councils) jobs[JobOf(councilId)] = [TriggerOf(scheduler, councilId, at)];
        if (jobs.Count > 0) await scheduler.ScheduleJobs(jobs, Replace, ct);
    }

    private static string Name(long councilId) => councilId.ToString(CultureInfo.InvariantCulture);
}
