using System.Globalization;
using System.Text.Json;
using NokoBot.Domain.Deadlines;

namespace NokoBot.Cli;

/// <summary>The deadline JSON contract: <c>kind</c> plus the fields of that kind, and nothing else.</summary>
internal static class DeadlineJson
{
    public static void WriteFields(Utf8JsonWriter json, Deadline deadline)
    {
        json.WriteString("kind", DeadlineNames.Of(deadline.Kind));
        switch (deadline)
        {
            case WindowDeadline w:
                json.WriteString("start", Format(w.Start));
                json.WriteString("end", Format(w.End));
                break;
            case DateDeadline d:
                json.WriteString("date", Format(d.Date));
                break;
            case RecurringDeadline r:
                json.WriteString("every", DeadlineNames.Of(r.Every));
                break;
            case RelativeDeadline r:
                json.WriteNumber("amount", r.Amount);
                json.WriteString("unit", DeadlineNames.Of(r.Unit));
                json.WriteString("anchor", r.Anchor);
                break;
        }
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
