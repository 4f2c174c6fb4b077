using System.Text.Json;
using NokoBot.Domain.Councils;
using NokoBot.Storage;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Telegram;

/// <summary>
/// The secretary's <c>/settings</c>: the council's reminder hour, days before a deadline, quiet hours and digest list
/// shown with their values, changed by a button and a reply, a bad value refused with its reason and nothing changed.
/// </summary>
public sealed class TelegramCouncilSettingsTests
{
    private const long Secretary = 700;
    private const long Member = 701;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<CouncilSettings> StoredSettingsAsync(TelegramRig rig) =>
        JsonSerializer.Deserialize<CouncilSettings>(
            await ScalarAsync(rig, "SELECT settings FROM councils WHERE id = @id", rig.CouncilId), Json)!;

    private static async Task<string> ScalarAsync(TelegramRig rig, string sql, long id)
    {
        await using var connection = await rig.Db.Database.OpenAsync(TestContext.Current.CancellationToken);
        return await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, sql, new { id }) ?? "";
    }

    [Fact]
    public async Task The_secretary_sees_the_councils_settings_and_changes_days_and_quiet_hours_by_button_and_reply_a_bad_value_refused_with_its_reason()
    {
        await using var rig = await TelegramRig.StartAsync(TestContext.Current.CancellationToken);
        await rig.LinkAsync(Secretary, null, MemberRole.Secretary);

        rig.Api.PushText(Secretary, "/settings");
        var shown = await rig.WaitForTextAsync(Secretary, t => t.Contains("Настройки совета", StringComparison.Ordinal));
        Assert.Contains("Час напоминаний: 10:00", shown, StringComparison.Ordinal);
        Assert.Contains("за: 7, 1 дн.", shown, StringComparison.Ordinal);
        Assert.Contains("Тихие часы: 21:00–08:00", shown, StringComparison.Ordinal);
        Assert.Contains("сводка по почте: никому", shown, StringComparison.Ordinal);

        rig.Api.PushCallback(Secretary, "cs:BeforeDays", 1, "Настройки совета");
        await rig.WaitForTextAsync(Secretary, t => t.StartsWith("Пришлите, за сколько дней", StringComparison.Ordinal));
        rig.Api.PushText(Secretary, "14, 100");
        var refused = await rig.WaitForTextAsync(Secretary, t => t.Contains("«100»: число дней должно быть от 1 до 60", StringComparison.Ordinal));
        Assert.Contains("Настройка не изменена", refused, StringComparison.Ordinal);
        Assert.Equal([7, 1], (await StoredSettingsAsync(rig)).BeforeDays);
        rig.Api.PushText(Secretary, "3, 14");
        await rig.WaitForTextAsync(Secretary, t => t.Contains("Сохранено: напоминать до срока за 14, 3 дн.", StringComparison.Ordinal));
        Assert.Equal([14, 3], (await StoredSettingsAsync(rig)).BeforeDays);

        rig.Api.PushCallback(Secretary, "cs:QuietHours", 1, "Настройки совета");
        rig.Api.PushText(Secretary, "22-07");
        await rig.WaitForTextAsync(Secretary, t => t.Contains("тихие часы 22:00–07:00", StringComparison.Ordinal));
        Assert.Equal(new TimeOnly(22, 0), (await StoredSettingsAsync(rig)).QuietHoursStart);
        Assert.Equal([14, 3], (await StoredSettingsAsync(rig)).BeforeDays);
    }

    /// <summary>A separate conversation: the bot answers a person at most 10 times a minute.</summary>
    [Fact]
    public async Task The_secretary_sets_the_digest_list_and_the_reminder_hour_each_change_keeping_the_others()
    {
        await using var rig = await TelegramRig.StartAsync(TestContext.Current.CancellationToken);
        await rig.LinkAsync(Secretary, null, MemberRole.Secretary);

        rig.Api.PushCallback(Secretary, "cs:DigestRecipients", 1, "Настройки совета");
        rig.Api.PushText(Secretary, "komitet@desnogorsk.ru, комитет");
        await rig.WaitForTextAsync(Secretary, t => t.Contains("«комитет» — не адрес электронной почты", StringComparison.Ordinal));
        rig.Api.PushText(Secretary, "komitet@desnogorsk.ru; chair@desnogorsk.ru");
        await rig.WaitForTextAsync(Secretary, t => t.Contains("сводку получают komitet@desnogorsk.ru, chair@desnogorsk.ru", StringComparison.Ordinal));
        Assert.Equal(["komitet@desnogorsk.ru", "chair@desnogorsk.ru"],
            await new CouncilMailSettings(rig.Db.Database).DigestRecipientsAsync(rig.CouncilId, TestContext.Current.CancellationToken));

        rig.Api.PushCallback(Secretary, "cs:ReminderTime", 1, "Настройки совета");
        rig.Api.PushText(Secretary, "9:30");
        await rig.WaitForTextAsync(Secretary, t => t.Contains("напоминания совета приходят в 09:30", StringComparison.Ordinal));
        var after = await StoredSettingsAsync(rig);
        Assert.Equal(new TimeOnly(9, 30), after.ReminderTime);
        // Every change kept the others.
        Assert.Equal([7, 1], after.BeforeDays);
        Assert.Equal(new TimeOnly(21, 0), after.QuietHoursStart);
        Assert.Equal(["komitet@desnogorsk.ru", "chair@desnogorsk.ru"],
            await new CouncilMailSettings(rig.Db.Database).DigestRecipientsAsync(rig.CouncilId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_member_sees_only_their_own_settings_and_cannot_press_a_council_settings_button()
    {
        await using var rig = await TelegramRig.StartAsync(TestContext.Current.CancellationToken);
        await rig.LinkAsync(Member, "Комитет по образованию");

        rig.Api.PushText(Member, "/settings");
        await rig.WaitForTextAsync(Member, t => t.Contains("Ваши настройки", StringComparison.Ordinal));
        rig.Api.PushCallback(Member, "cs:QuietHours", 1, "Настройки совета");
        await Eventually.TrueAsync(() => rig.Api.CallsTo("answerCallbackQuery").Any(c => c.Body["text"]?.GetValue<string>().Contains("только секретарю", StringComparison.Ordinal) == true),
            "the refusal", TimeSpan.FromSeconds(15));
        rig.Api.PushText(Member, "00-23");
        await rig.WaitForTextAsync(Member, t => !t.Contains("Ваши настройки", StringComparison.Ordinal) && !t.Contains("Здравствуйте", StringComparison.Ordinal));

        Assert.DoesNotContain(rig.Api.TextsTo(Member), t => t.Contains("Настройки совета", StringComparison.Ordinal) || t.Contains("Сохранено", StringComparison.Ordinal));
        Assert.Equal(new TimeOnly(21, 0), (await StoredSettingsAsync(rig)).QuietHoursStart);
    }
}
