using System.Globalization;

namespace NokoBot.Domain.Reminders;

/// <summary>
/// The idempotency key of a delivery: (occurrence, reminder kind, recipient, channel, sequence). The same planned
/// reminder always yields the same key, so the ledger can tell it was already written.
/// </summary>
public static class DeliveryKey
{
    /// <param name="occurrence">What the reminder is about: e.g. <c>item:42@2020-06-30</c>, <c>digest:1@2020-06-01</c>.</param>
    /// <param name="recipient">e.g. <c>member:7</c>, <c>mail:a@b.ru</c>, <c>chat:-100123</c>.</param>
    /// <param name="sequence">Distinguishes repeats of the same kind (the 1st, 3rd, 7th day overdue…).</param>
    public static string Create(string occurrence, ReminderKind kind, string recipient, string channel, int sequence = 0) =>
        string.Create(CultureInfo.InvariantCulture, $"{occurrence}|{kind.ToName()}|{recipient}|{channel}|{sequence}");

    public static string ItemOccurrence(long itemId, DateOnly due) =>
        string.Create(CultureInfo.InvariantCulture, $"item:{itemId}@{due:yyyy-MM-dd}");
}
