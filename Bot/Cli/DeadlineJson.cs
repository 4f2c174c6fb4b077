using System.Globalization;
using System.Text.Json;
using NokoBot.Domain.Deadlines;

namespace NokoBot.Cli;

/// <summary>
/// The deadline JSON contract: <c>kind</c> plus the fields of that kind, and nothing else. <c>window</c>: start, end;
/// <c>date</c>: date; <c>series</c>: windows [{start, end}…]; <c>recurring</c>: every (week, month, quarter, half-year,
/// year), and only when they apply day (1–31), following (true) and atLeast (true); <c>relative</c>: amount, unit, anchor.
/// </summary>
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
            case SeriesDeadline s:
                json.WriteStartArray("windows");
                foreach (var w in s.Windows)
                {
                    json.WriteStartObject();
                    json.WriteString("start", Format(w.Start));
                    json.WriteString("end", Format(w.End));
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                break;
            case RecurringDeadline r:
                json.WriteString("every", DeadlineNames.Of(r.Every));
                if (r.Day is { } day) json.WriteNumber("day", day);
                if (r.Following) json.WriteBoolean("following", true);
                if (r.AtLeast) json.WriteBoolean("atLeast", true);
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
