using Microsoft.Extensions.Options;
using NokoBot.Scheduling;
using NokoBot.Telegram;
using NokoBot.Web;

namespace NokoBot.Tests.Scheduling;

/// <summary>The cluster's settings, each wrong one named by the environment variable that sets it.</summary>
public sealed class ClusterOptionsTests
{
    [Fact]
    public void The_defaults_pass()
    {
        Assert.True(new ClusterOptionsValidator().Validate(null, new ClusterOptions()).Succeeded);
        Assert.True(Telegram(new TelegramOptions { BotToken = "123456789:AAFakeTokenForNokoBotTests_abcdefghij" }).Succeeded);
    }

    [Fact]
    public void Each_bad_setting_is_named_by_its_variable()
    {
        var cluster = new ClusterOptionsValidator().Validate(null, new ClusterOptions
        {
            CheckinInterval = TimeSpan.FromMilliseconds(100), CheckinMisfireThreshold = TimeSpan.FromMilliseconds(50), MisfireThreshold = TimeSpan.Zero,
        });
        var telegram = Telegram(new TelegramOptions { BotToken = "123456789:AAFakeTokenForNokoBotTests_abcdefghij", PollingLeaseSeconds = 0 });

        Assert.True(cluster.Failed);
        Assert.Contains("Scheduling__Cluster__CheckinInterval", cluster.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Scheduling__Cluster__CheckinMisfireThreshold", cluster.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Scheduling__Cluster__MisfireThreshold", cluster.FailureMessage, StringComparison.Ordinal);
        Assert.True(telegram.Failed);
        Assert.Contains("Telegram__PollingLeaseSeconds", telegram.FailureMessage, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Telegram(TelegramOptions options) =>
        new TelegramOptionsValidator(Options.Create(new WebOptions())).Validate(null, options);
}
