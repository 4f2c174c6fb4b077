using Microsoft.Extensions.Logging;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Reminders;
using NokoBot.Domain.Replies;
using NokoBot.Scheduling;
using NokoBot.Storage;

namespace NokoBot.Delivery;

/// <summary>
/// The delivery pipeline: planned reminders become ledger rows (written before sending), pending rows are
/// rendered from the current plan state and sent through their channel, and each outcome is recorded. It is the
/// one owner of retries: channels only classify what happened.
/// </summary>
public sealed class DeliveryDispatcher(
    DeliveryLedger ledger,
    MemberChannels memberChannels,
    IEnumerable<IReminderChannel> channels,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger)
{
    /// <summary>A reminder sent this long after its planned instant is marked late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(5);

    public const int MaxAttempts = 12;

    private readonly Dictionary<string, IReminderChannel> _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>
    /// Writes to the ledger every reminder planned in (<paramref name="since"/>, <paramref name="now"/>]. Reminders
    /// missed for longer than the council's catch-up grace are recorded as skipped: the digest reports their items
    /// instead of flooding people with stale notices.
    /// </summary>
    /// <param name="planned">The council's planned reminders, at least up to <paramref name="now"/>.</param>
    /// <returns>How many deliveries were written.</returns>
    public async Task<int> EnqueueDueAsync(
        CouncilSnapshot snapshot, IEnumerable<PlannedReminder> planned, DateTimeOffset since, DateTimeOffset now, CancellationToken ct)
    {
        var written = 0;
        foreach (var reminder in planned.Where(r => r.At > since && r.At <= now))
        {
            var lateness = now - reminder.At;
            foreach (var (member, channel) in ReminderPlanner.Recipients(snapshot, reminder))
            {
                var request = ReminderPlanner.Request(snapshot, reminder, member, channel);
                if (!await ledger.EnqueueAsync(request, ct, late: lateness > LateAfter)) continue;
                written++;
                if (lateness > snapshot.Settings.CatchUpGrace)
                    await SkipAsync(request.Key, "пропущено во время простоя, попадёт в дайджест", ct);
            }
        }
        return written;
    }

    /// <summary>
    /// Sends the pending deliveries due by <paramref name="now"/> (up to <see cref="BatchSize"/> per channel; the sweep
    /// comes back at once for the rest). One send is in flight at a time, so a crash can repeat at most one message.
    /// </summary>
    /// <returns>How many were sent.</returns>
    public async Task<int> SendPendingAsync(IReadOnlyDictionary<long, CouncilSnapshot> snapshots, DateTimeOffset now, CancellationToken ct)
    {
        var sent = 0;
        foreach (var channelName in new[] { Channels.Telegram, Channels.Email })
        {
            foreach (var entry in Interleave(await ledger.PendingAsync(channelName, now, BatchSize, ct)))
            {
                ct.ThrowIfCancellationRequested();
                // A batch can take a minute under the rate limits: staleness and retry times count from the send itself.
                if (await SendOneAsync(entry, snapshots, time.GetUtcNow(), ct)) sent++;
            }
        }
        return sent;
    }

    public const int BatchSize = 1000;

    /// <summary>
    /// Round-robin over recipients, oldest first within each: one member's ten reminders do not hold everyone else
    /// behind Telegram's one-message-per-second-per-chat limit.
    /// </summary>
    public static IEnumerable<DeliveryEntry> Interleave(IReadOnlyList<DeliveryEntry> entries)
    {
        var queues = entries.GroupBy(e => e.Recipient, StringComparer.Ordinal).Select(g => new Queue<DeliveryEntry>(g)).ToList();
        while (queues.Count > 0)
        {
            foreach (var queue in queues) yield return queue.Dequeue();
            queues.RemoveAll(q => q.Count == 0);
        }
    }

    private async Task<bool> SendOneAsync(DeliveryEntry entry, IReadOnlyDictionary<long, CouncilSnapshot> snapshots, DateTimeOffset now, CancellationToken ct)
    {
        if (!snapshots.TryGetValue(entry.CouncilId, out var snapshot)) return false;
        if (now - entry.DueAt > snapshot.Settings.CatchUpGrace)
            return await SkipAsync(entry.Key, "устарело (сервис не работал), попадёт в дайджест", ct);
        var member = snapshot.Members.FirstOrDefault(m => m.Id == entry.MemberId);
        var item = entry.ItemId is { } itemId ? snapshot.Item(itemId) : null;
        if (member is null || item is null) return await SkipAsync(entry.Key, "участник или пункт удалены", ct);
        if (ItemProgress.Of(item.Parties, snapshot.RepliesOf(item.Id), item.Result).IsClosed && entry.Kind != ReminderKind.AskDate.ToName())
            return await SkipAsync(entry.Key, "пункт уже закрыт", ct);
        if (!_channels.TryGetValue(entry.Channel, out var channel))
        {
            // Left pending it would wake the scheduler again at once, forever.
            DeliveryLog.NoChannel(logger, entry.Key, entry.Channel);
            return await SkipAsync(entry.Key, $"канал {entry.Channel} не настроен", ct);
        }

        var notice = Notice(snapshot, item, entry, now);
        SendOutcome outcome;
        try
        {
            outcome = await channel.SendReminderAsync(notice, member, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = new SendOutcome.Retry(e.GetType().Name + ": " + e.Message);
        }

        switch (outcome)
        {
            case SendOutcome.Sent s:
                await ledger.MarkSentAsync(entry.Key, s.ExternalId, ct);
                DeliveryLog.Sent(logger, entry.Kind, entry.ItemId, entry.MemberId, entry.Channel, entry.Late);
                return true;
            case SendOutcome.Retry r when entry.Attempts + 1 < MaxAttempts:
                var retryAt = now + (r.After ?? Backoff(entry.Attempts));
                await ledger.MarkFailedAsync(entry.Key, r.Error, permanent: false, retryAt, ct);
                DeliveryLog.WillRetry(logger, entry.Key, r.Error, retryAt);
                return false;
            case SendOutcome.Retry r:
                await FailAsync(entry.Key, r.Error, ct);
                return false;
            case SendOutcome.Unreachable u:
                await FailAsync(entry.Key, u.Error, ct);
                await FallBackAsync(entry, member, u.Error, ct);
                return false;
            case SendOutcome.Failed f:
                await FailAsync(entry.Key, f.Error, ct);
                return false;
            default:
                throw new InvalidOperationException($"Unknown outcome {outcome}");
        }
    }

    /// <summary>The member blocked the bot: stop using Telegram for them and send this one by email, if they have one.</summary>
    private async Task FallBackAsync(DeliveryEntry entry, MemberContact member, string error, CancellationToken ct)
    {
        if (entry.Channel == Channels.Telegram) await memberChannels.MarkTelegramUnreachableAsync(member.Id, ct);
        if (entry.Channel == Channels.Email || member.Email is null) return;
        DeliveryLog.Unreachable(logger, member.Id, entry.Channel, error, Channels.Email);
        await ledger.EnqueueAsync(new DeliveryRequest(
            DeliveryKey.WithChannel(entry.Key, Channels.Email), entry.CouncilId, entry.ItemId, member.Id,
            ParseKind(entry.Kind), Channels.Email, entry.Recipient, entry.DueAt), ct, entry.Late);
    }

    /// <summary>30 s, 1 min, 2 min … capped at 1 h.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Min(attempts, 12))));

    /// <summary>What the reminder says, from the plan as it is now; the due date is the occurrence the reminder was planned for.</summary>
    private static ReminderNotice Notice(CouncilSnapshot snapshot, StoredPlanItem item, DeliveryEntry entry, DateTimeOffset now)
    {
        var kind = ParseKind(entry.Kind);
        var today = CouncilClock.LocalDate(now, snapshot.Zone);
        DateOnly? due = kind is ReminderKind.Before or ReminderKind.Due or ReminderKind.Overdue or ReminderKind.Escalation
            && DeliveryKey.TryParseItemOccurrence(entry.Key, out _, out var occurrence) ? occurrence : null;
        var overdue = due is { } d && d < today ? today.DayNumber - d.DayNumber : 0;
        return new ReminderNotice(entry.Key, kind, snapshot.Council.Name, item.Id, item.Number, item.Title, item.Parties,
            item.Deadline.Text, due, item.Result, overdue, entry.Late);
    }

    private async Task<bool> SkipAsync(string key, string reason, CancellationToken ct)
    {
        await ledger.MarkSkippedAsync(key, reason, ct);
        DeliveryLog.Skipped(logger, key, reason);
        return false;
    }

    private async Task FailAsync(string key, string error, CancellationToken ct)
    {
        await ledger.MarkFailedAsync(key, error, permanent: true, null, ct);
        DeliveryLog.Failed(logger, key, error);
    }

    private static ReminderKind ParseKind(string name) => Enum.GetValues<ReminderKind>().First(k => k.ToName() == name);
}
