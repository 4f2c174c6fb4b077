using NokoBot.Domain.Councils;

namespace NokoBot.Tests.Domain.Councils;

/// <summary>What the secretary types for a council setting: read into the setting, or refused with the reason.</summary>
public sealed class CouncilSettingsInputTests
{
    [Theory]
    [InlineData(CouncilSetting.ReminderTime, "9", null)]
    [InlineData(CouncilSetting.ReminderTime, "09.30", null)]
    [InlineData(CouncilSetting.ReminderTime, "25:00", SettingRefusal.NotATime)]
    [InlineData(CouncilSetting.ReminderTime, "утром", SettingRefusal.NotATime)]
    [InlineData(CouncilSetting.BeforeDays, "7, 1", null)]
    [InlineData(CouncilSetting.BeforeDays, "0", SettingRefusal.DaysOutOfRange)]
    [InlineData(CouncilSetting.BeforeDays, "61", SettingRefusal.DaysOutOfRange)]
    [InlineData(CouncilSetting.BeforeDays, "неделя", SettingRefusal.NotDays)]
    [InlineData(CouncilSetting.BeforeDays, "1 2 3 4 5 6", SettingRefusal.TooManyDays)]
    [InlineData(CouncilSetting.QuietHours, "21:00-08:00", null)]
    [InlineData(CouncilSetting.QuietHours, "22 – 7", null)]
    [InlineData(CouncilSetting.QuietHours, "08:00-08:00", SettingRefusal.NotQuietHours)]
    [InlineData(CouncilSetting.QuietHours, "18:00-12:00", SettingRefusal.QuietHoursTooLong)]
    [InlineData(CouncilSetting.DigestRecipients, "a@b.ru; c@d.org", null)]
    [InlineData(CouncilSetting.DigestRecipients, "нет", null)]
    [InlineData(CouncilSetting.DigestRecipients, "a@b.ru, комитет", SettingRefusal.NotEmails)]
    public void A_value_is_read_or_refused_with_its_reason(CouncilSetting setting, string text, SettingRefusal? refusal) =>
        Assert.Equal(refusal, CouncilSettingsInput.Read(setting, text, CouncilSettings.Default).Refusal);

    [Fact]
    public void Days_are_kept_distinct_latest_first_and_other_settings_untouched()
    {
        var current = CouncilSettings.Default with { ReminderTime = new TimeOnly(9, 0) };

        var read = CouncilSettingsInput.Read(CouncilSetting.BeforeDays, "1, 14, 1, 3", current).Settings!;

        Assert.Equal([14, 3, 1], read.BeforeDays);
        Assert.Equal(new TimeOnly(9, 0), read.ReminderTime);
    }

    [Fact]
    public void No_recipients_is_an_empty_list_not_a_refusal() =>
        Assert.Equal([], CouncilSettingsInput.Read(CouncilSetting.DigestRecipients, "—", CouncilSettings.Default).Addresses!);
}
