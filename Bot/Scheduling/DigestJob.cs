using Microsoft.Extensions.Logging;
using NokoBot.Domain.Councils;
using NokoBot.Email;
using NokoBot.Storage;
using Quartz;

namespace NokoBot.Scheduling;

/// <summary>The weekly digest of one council, fired by a cron trigger in the council's own time zone.</summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(CouncilStore councils, DigestMailer mailer, ILogger<DigestJob> logger) : IJob
{
    public const string CouncilSlugKey = "council";
    public static readonly JobKey Key = new("digest", "nokobot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var slug = context.MergedJobDataMap.GetString(CouncilSlugKey) ?? "";
        var council = await councils.FindAsync(slug, cancellationToken);
        if (council is null) return;
        // The day it was due, not the day it ran: a digest caught up after downtime reports that Monday.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(council.TimeZone);
        var day = CouncilClock.LocalDate(context.ScheduledFireTimeUtc ?? context.FireTimeUtc, zone);
        var report = await mailer.SendAsync(council, day, cancellationToken);
        SchedulingLog.DigestSent(logger, council.Slug, day, report.Digest is not null, report.Enqueued);
    }
}
