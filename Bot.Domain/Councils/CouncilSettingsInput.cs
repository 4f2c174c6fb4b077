using System.Globalization;
using System.Text.RegularExpressions;

namespace NokoBot.Domain.Councils;

/// <summary>A council setting the secretary changes in chat.</summary>
/// <remarks>The public status page switch belongs to the web issue's own column (migration 008), not here.</remarks>
public enum CouncilSetting { ReminderTime, BeforeDays, QuietHours, DigestRecipients }

/// <summary>Why a typed value was refused; Texts words it.</summary>
public enum SettingRefusal { NotATime, NotDays, DaysOutOfRange, TooManyDays, NotQuietHours, QuietHoursTooLong, NotEmails, TooManyEmails }

/// <summary>A typed value read: the settings with it, or why not.</summary>
public sealed record SettingInput(CouncilSettings? Settings, IReadOnlyList<string>? Addresses, SettingRefusal? Refusal, IReadOnlyList<string> Bad)
{
    public static SettingInput Refuse(SettingRefusal why, params string[] bad) => new(null, null, why, bad);
}

/// <summary>
/// Reads what the secretary types for a council setting («9:00», «7, 1», «21:00-08:00»). Pure: the settings with the
/// new value, or a refusal the channel words. Addresses are checked for shape only here; the channel may check more.
/// </summary>
public static partial class CouncilSettingsInput
{
    public const int MaxBeforeDays = 60;
    public const int MaxBeforeDayCount = 5;
    public const int MaxRecipients = 20;

    public static SettingInput Read(CouncilSetting setting, string text, CouncilSettings current)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(current);
        var value = text.Trim();
        return setting switch
        {
            CouncilSetting.ReminderTime => Time(value) is { } t ? Ok(current with { ReminderTime = t }) : SettingInput.Refuse(SettingRefusal.NotATime, value),
            CouncilSetting.BeforeDays => BeforeDays(value, current),
            CouncilSetting.QuietHours => QuietHours(value, current),
            _ => Recipients(value),
        };
    }

    /// <summary>«9», «9:30», «09.30».</summary>
    public static TimeOnly? Time(string text)
    {
        var s = text.Trim().Replace('.', ':');
        if (s.Length <= 2 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and <= 23) return new TimeOnly(hour, 0);
        return TimeOnly.TryParseExact(s, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }

    private static SettingInput Ok(CouncilSettings settings) => new(settings, null, null, []);

    private static SettingInput BeforeDays(string value, CouncilSettings current)
    {
        var parts = value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var days = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day)) return SettingInput.Refuse(SettingRefusal.NotDays, part);
            if (day is < 1 or > MaxBeforeDays) return SettingInput.Refuse(SettingRefusal.DaysOutOfRange, part);
            days.Add(day);
        }
        if (days.Count == 0) return SettingInput.Refuse(SettingRefusal.NotDays, value);
        var distinct = days.Distinct().OrderDescending().ToList();
        if (distinct.Count > MaxBeforeDayCount) return SettingInput.Refuse(SettingRefusal.TooManyDays, value);
        return Ok(current with { BeforeDays = distinct });
    }

    private static SettingInput QuietHours(string value, CouncilSettings current)
    {
        var m = Range().Match(value);
        if (!m.Success || Time(m.Groups["a"].Value) is not { } start || Time(m.Groups["b"].Value) is not { } end || start == end)
            return SettingInput.Refuse(SettingRefusal.NotQuietHours, value);
        // Quiet hours longer than 16 hours would leave no time to remind anyone.
        var length = end > start ? end - start : TimeSpan.FromHours(24) - (start - end);
        if (length > TimeSpan.FromHours(16)) return SettingInput.Refuse(SettingRefusal.QuietHoursTooLong, value);
        return Ok(current with { QuietHoursStart = start, QuietHoursEnd = end });
    }

    private static SettingInput Recipients(string value)
    {
        if (value is "-" or "—" or "нет" or "none") return new(null, [], null, []);
        var addresses = value.Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var bad = addresses.Where(a => !Email().IsMatch(a)).ToArray();
        if (addresses.Count == 0 || bad.Length > 0) return SettingInput.Refuse(SettingRefusal.NotEmails, bad.Length > 0 ? bad : [value]);
        if (addresses.Count > MaxRecipients) return SettingInput.Refuse(SettingRefusal.TooManyEmails, value);
        return new(null, addresses, null, []);
    }

    [GeneratedRegex(@"^(?<a>\d{1,2}(?:[:.]\d{2})?)\s*[-–—]\s*(?<b>\d{1,2}(?:[:.]\d{2})?)$")]
    private static partial Regex Range();

    [GeneratedRegex(@"^[^@\s,;<>""]+@[^@\s,;<>""]+\.[^@\s,;<>""]+$")]
    private static partial Regex Email();
}
