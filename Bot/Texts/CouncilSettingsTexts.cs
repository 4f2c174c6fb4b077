using System.Globalization;
using NokoBot.Domain.Councils;

namespace NokoBot.Texts;

/// <summary>What <c>/settings</c> says to the secretary about the council's own settings, and why a value is refused.</summary>
public static class CouncilSettingsTexts
{
    public static ChatText Council(string council, CouncilSettings settings, IReadOnlyList<string> digestRecipients)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(digestRecipients);
        return ChatText.Heading($"Настройки совета «{council}»",
        [
            $"Час напоминаний: {Time(settings.ReminderTime)}",
            $"Напоминать до срока за: {Days(settings.BeforeDays)}",
            $"Тихие часы: {Time(settings.QuietHoursStart)}–{Time(settings.QuietHoursEnd)} (сообщения не отправляются)",
            $"Еженедельная сводка по почте: {(digestRecipients.Count == 0 ? "никому" : string.Join(", ", digestRecipients))}",
            "",
            "Чтобы изменить, нажмите кнопку и пришлите новое значение ответным сообщением.",
        ]);
    }

    public static string Button(CouncilSetting setting) => setting switch
    {
        CouncilSetting.ReminderTime => "Час напоминаний",
        CouncilSetting.BeforeDays => "Дни до срока",
        CouncilSetting.QuietHours => "Тихие часы",
        _ => "Адреса сводки",
    };

    public static string Ask(CouncilSetting setting) => setting switch
    {
        CouncilSetting.ReminderTime => "Пришлите час напоминаний совета, например 9:00.",
        CouncilSetting.BeforeDays => $"Пришлите, за сколько дней до срока напоминать: одно-{CouncilSettingsInput.MaxBeforeDayCount} чисел от 1 до {CouncilSettingsInput.MaxBeforeDays} через запятую, например 7, 1.",
        CouncilSetting.QuietHours => "Пришлите тихие часы, например 21:00-08:00.",
        _ => $"Пришлите адреса для еженедельной сводки через запятую (до {CouncilSettingsInput.MaxRecipients}), или «нет», чтобы никому не отправлять.",
    };

    public static string Saved(CouncilSetting setting, CouncilSettings settings, IReadOnlyList<string>? recipients)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return "Сохранено: " + setting switch
        {
            CouncilSetting.ReminderTime => $"напоминания совета приходят в {Time(settings.ReminderTime)}.",
            CouncilSetting.BeforeDays => $"напоминать до срока за {Days(settings.BeforeDays)}.",
            CouncilSetting.QuietHours => $"тихие часы {Time(settings.QuietHoursStart)}–{Time(settings.QuietHoursEnd)}.",
            _ => recipients is { Count: > 0 } list ? $"сводку получают {string.Join(", ", list)}." : "сводка никому не отправляется.",
        };
    }

    public static string Refused(SettingRefusal why, IReadOnlyList<string> bad)
    {
        ArgumentNullException.ThrowIfNull(bad);
        var what = string.Join(", ", bad.Select(b => $"«{b}»"));
        return why switch
        {
            SettingRefusal.NotATime => $"{what} — не время: пришлите, например, 9:00.",
            SettingRefusal.NotDays => $"{what} — не число дней: пришлите, например, 7, 1.",
            SettingRefusal.DaysOutOfRange => $"{what}: число дней должно быть от 1 до {CouncilSettingsInput.MaxBeforeDays}.",
            SettingRefusal.TooManyDays => $"Слишком много напоминаний: не больше {CouncilSettingsInput.MaxBeforeDayCount} чисел.",
            SettingRefusal.NotQuietHours => $"{what} — не промежуток времени: пришлите, например, 21:00-08:00 (начало и конец разные).",
            SettingRefusal.QuietHoursTooLong => $"{what}: тихие часы длиннее 16 часов не оставят времени для напоминаний.",
            SettingRefusal.NotEmails => $"{what} — не адрес электронной почты.",
            _ => $"Слишком много адресов: не больше {CouncilSettingsInput.MaxRecipients}.",
        } + " Настройка не изменена; пришлите значение ещё раз или /settings.";
    }

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Days(IReadOnlyList<int> days) =>
        days.Count == 0 ? "не напоминать" : string.Join(", ", days) + " дн.";
}
