using System.Globalization;
using NokoBot.Delivery;
using NokoBot.Domain.Councils;
using NokoBot.Storage;
using Quartz;

namespace NokoBot.Scheduling;

/// <summary>
/// Keeps one council-local cron trigger per council for its weekly digest, and catches up a missed one. Digests are
/// email: without the email channel there are none.
/// </summary>
public sealed class DigestSchedule(DeliveryDispatcher dispatcher)
{
    private const string Group = "nokobot";

    public static TriggerKey TriggerKeyOf(string slug) => new($"digest-{slug}", Group);

    /// <summary>
    /// Adds the digest trigger of every council that has none yet, or whose trigger no longer fires when its settings
    /// say (changed, or the whole service was down past it): one listing of the store, then only those are written.
    /// When the latest scheduled digest passed less than the catch-up grace ago (the service was down at the time),
    /// it fires once now: the ledger keeps it to once a day.
    /// </summary>
    public async Task SyncAsync(IScheduler scheduler, IEnumerable<CouncilSchedule> councils, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        if (!dispatcher.Has(Channels.Email)) return;
        var stored = await StoredTriggers.NextFireTimesAsync(scheduler, Group, ct);
        foreach (var council in councils)
        {
            var key = TriggerKeyOf(council.Council.Slug);
            var settings = council.Settings;
            var cron = string.Create(CultureInfo.InvariantCulture,
                $"0 {settings.DigestTime.Minute} {settings.DigestTime.Hour} ? * {settings.DigestDay.ToString()[..3].ToUpperInvariant()}");
            var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
                .WithIdentity(key).ForJob(DigestJob.Key)
                .UsingJobData(DigestJob.CouncilSlugKey, council.Council.Slug)
                .WithCronSchedule(cron, c => c.InTimeZone(council.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .StartAt(now)
                .Build();
            var has = stored.TryGetValue(key, out var next);
            if (has && next is not null && next == trigger.GetFireTimeAfter(now)) continue;
            if (has) await scheduler.RescheduleJob(key, trigger, ct);
            else await ScheduleOnceAsync(scheduler, trigger, ct);

            var last = LastScheduled(council, now);
            if (now - last < settings.CatchUpGrace && now > last)
            {
                var catchUp = TriggerBuilder.Create(scheduler.TimeProvider)
                    .WithIdentity($"digest-{council.Council.Slug}-catch-up", Group).ForJob(DigestJob.Key)
                    .UsingJobData(DigestJob.CouncilSlugKey, council.Council.Slug)
                    .StartAt(last).Build();
                await ScheduleOnceAsync(scheduler, catchUp, ct);
            }
        }
    }

    /// <summary>The latest digest instant at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset LastScheduled(CouncilSchedule council, DateTimeOffset now)
    {
        var today = CouncilClock.LocalDate(now, council.Zone);
        var back = ((int)today.DayOfWeek - (int)council.Settings.DigestDay + 7) % 7;
        var instant = CouncilClock.ToInstant(today.AddDays(-back), council.Settings.DigestTime, council.Zone);
        return instant <= now ? instant : CouncilClock.ToInstant(today.AddDays(-back - 7), council.Settings.DigestTime, council.Zone);
    }

    /// <summary>Adds a trigger unless another node starting at the same moment added it first.</summary>
    private static async Task ScheduleOnceAsync(IScheduler scheduler, ITrigger trigger, CancellationToken ct)
    {
        try
        {
            await scheduler.ScheduleJob(trigger, cancellationToken: ct);
        }
        catch (ObjectAlreadyExistsException)
        {
        }
    }
}
