using System.Globalization;
using MimeKit;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Digest;
using NokoBot.Domain.Meetings;
using NokoBot.Domain.Reminders;
using NokoBot.Meetings;
using NokoBot.Scheduling;
using NokoBot.Storage;

namespace NokoBot.Email;

/// <summary>What sending a digest did: null digest means an empty week (nothing sent).</summary>
public sealed record DigestSendReport(Digest? Digest, int Recipients, int Enqueued, DispatchReport Dispatch);

/// <summary>Assembles a council's digest from storage, renders it and sends it to the council's digest list.</summary>
public sealed class DigestMailer(
    SqliteDatabase database, EmailComposer composer, EmailOutbox outbox, ProductionCalendar calendar, TimeProvider time, AgendaService? agendas = null)
{
    /// <returns>null when the council has no plan or nothing to report that day.</returns>
    public async Task<Digest?> BuildAsync(Council council, DateOnly today, CancellationToken ct, Meeting? nextMeeting = null)
    {
        ArgumentNullException.ThrowIfNull(council);
        var plan = await new PlanStore(database, time).FindAsync(council.Id, null, ct);
        if (plan is null) return null;
        var replies = await new ReplyStore(database).ForPlanAsync(plan.Id, ct);
        var events = await new EventReader(database).ForCouncilAsync(council.Id, ct);
        var items = plan.Items.Select(i => new DigestPlanItem(
            i.Id, i.Number, i.Title, i.Parties, i.Deadline, i.Result, i.DueOverride, i.AnchorItemId)).ToList();
        nextMeeting ??= await NextMeetingAsync(council, today, ct);
        var held = agendas is null ? [] : (await new MeetingStore(database, time).ListAsync(council.Id, ct))
            .Where(m => m.ProtocolName is null && !m.Cancelled && DateOnly.FromDateTime(m.LocalStart) < today)
            .Select(m => AgendaService.ToMeeting(m, []))
            .ToList();
        return DigestBuilder.Build(council.Name, items, replies, events, Zone(council), today, calendar, nextMeeting, held);
    }

    /// <summary>The council's next meeting that is not cancelled, with its agenda as it stands.</summary>
    private async Task<Meeting?> NextMeetingAsync(Council council, DateOnly today, CancellationToken ct)
    {
        if (agendas is null) return null;
        var meetings = new MeetingStore(database, time);
        var next = (await meetings.ListAsync(council.Id, ct)).FirstOrDefault(m => !m.Cancelled && DateOnly.FromDateTime(m.LocalStart) >= today);
        if (next is null) return null;
        var snapshot = await new CouncilSnapshotStore(database, time).LoadAsync(council, ct);
        return AgendaService.ToMeeting(next, agendas.Agenda(snapshot, next, await meetings.EditsAsync(next.Id, ct)));
    }

    public RenderedEmail Render(Digest digest, Council council)
    {
        ArgumentNullException.ThrowIfNull(council);
        return DigestEmail.Render(digest, council.TimeZone, composer.From.Address);
    }

    /// <summary>The council-local today.</summary>
    public DateOnly Today(Council council) => CouncilClock.LocalDate(time.GetUtcNow(), Zone(council));

    /// <summary>
    /// Builds the digest for <paramref name="today"/> and sends it to every address on the council's list, once per
    /// address and day (the ledger key includes both), then dispatches the queue.
    /// </summary>
    public async Task<DigestSendReport> SendAsync(Council council, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(council);
        var recipients = await new CouncilMailSettings(database).DigestRecipientsAsync(council.Id, ct);
        var digest = await BuildAsync(council, today, ct);
        if (digest is null || recipients.Count == 0)
            return new DigestSendReport(digest, recipients.Count, 0, DispatchReport.Empty);

        var content = Render(digest, council);
        var occurrence = string.Create(CultureInfo.InvariantCulture, $"digest:{council.Id}@{today:yyyy-MM-dd}");
        var enqueued = 0;
        foreach (var address in recipients)
        {
            var key = DeliveryKey.Create(occurrence, ReminderKind.Digest, $"mail:{address}", EmailOutbox.Channel);
            var message = composer.Compose(key, MailboxAddress.Parse(address), content);
            var request = new DeliveryRequest(key, council.Id, null, null, ReminderKind.Digest, EmailOutbox.Channel, address, time.GetUtcNow());
            if (await outbox.EnqueueAsync(request, message, ct)) enqueued++;
        }
        return new DigestSendReport(digest, recipients.Count, enqueued, await outbox.DispatchAsync(ct));
    }

    private static TimeZoneInfo Zone(Council council) => TimeZoneInfo.FindSystemTimeZoneById(council.TimeZone);
}
