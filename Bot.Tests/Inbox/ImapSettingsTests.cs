using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NokoBot.Hosting;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Inbox;

/// <summary>The mailbox settings are checked when the service starts, every problem by the environment variable that fixes it.</summary>
public sealed class ImapSettingsTests
{
    [Fact]
    public async Task A_service_told_to_read_a_mailbox_without_its_settings_does_not_start_and_says_what_to_set_without_the_password()
    {
        var ct = TestContext.Current.CancellationToken;
        using var db = new TempDatabase();
        var builder = NokoBotHost.CreateServiceBuilder(new Dictionary<string, string?>
        {
            ["Storage:Path"] = db.Path,
            ["Telegram:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "None",
            ["Imap:Enabled"] = "true",
            ["Imap:Port"] = "0",
            ["Imap:Password"] = "imap-s3cret",
            ["Imap:Folder"] = "INBOX",
            ["Imap:DoneFolder"] = "inbox",
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(ct));

        Assert.Contains("Imap__Host", error.Message, StringComparison.Ordinal);
        Assert.Contains("Imap__Port", error.Message, StringComparison.Ordinal);
        Assert.Contains("Imap__User", error.Message, StringComparison.Ordinal);
        Assert.Contains("Imap__DoneFolder", error.Message, StringComparison.Ordinal);
        Assert.Contains("Smtp__Enabled", error.Message, StringComparison.Ordinal); // answers go by email
        Assert.DoesNotContain("imap-s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_not_told_to_read_a_mailbox_starts_without_any_imap_settings()
    {
        var ct = TestContext.Current.CancellationToken;
        using var db = new TempDatabase();
        var builder = NokoBotHost.CreateServiceBuilder(new Dictionary<string, string?>
        {
            ["Storage:Path"] = db.Path,
            ["Telegram:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "None",
            ["Calendar:Path"] = Path.Combine(db.Folder, "calendar.txt"),
        });
        await File.WriteAllTextAsync(Path.Combine(db.Folder, "calendar.txt"), "# weekends only\n", ct);
        using var host = builder.Build();

        await host.StartAsync(ct);
        await host.StopAsync(ct);
    }
}
