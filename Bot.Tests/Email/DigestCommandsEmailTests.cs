using MimeKit;
using Microsoft.Extensions.Time.Testing;
using NokoBot.Storage;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Email;

public sealed class DigestCommandsEmailTests
{
    [Fact(Timeout = 20_000)]
    public async Task Preview_prints_the_digest_text_or_writes_an_eml_without_sending()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(new DateTimeOffset(2020, 6, 1, 6, 0, 0, TimeSpan.Zero));
        using var db = await TempDatabase.CreateMigratedAsync(time, ct);
        var council = await new CouncilStore(db.Database, time).AddAsync("desnogorsk", "Общественный совет г. Десногорск", "Europe/Moscow", ct);
        await DigestPlanState.StoreAsync(db.Database, time, council!.Id, ct);
        var eml = Path.Combine(db.Folder, "digest.eml");

        var set = await CliRunner.RunAsync("council", "set", "--council", "desnogorsk", "--digest-recipients", "chair@example.org, committee@example.org", "--db", db.Path);
        var bad = await CliRunner.RunAsync("council", "set", "--council", "desnogorsk", "--digest-recipients", "not-an-address", "--db", db.Path);
        var text = await CliRunner.RunAsync("digest", "preview", "--council", "desnogorsk", "--date", "2020-06-01", "--db", db.Path);
        var file = await CliRunner.RunAsync("digest", "preview", "--council", "desnogorsk", "--date", "2020-06-01", "--out", eml, "--db", db.Path);
        await new CouncilStore(db.Database, time).AddAsync("zeya", "Общественный совет города Зеи", "Asia/Yakutsk", ct);
        var quiet = await CliRunner.RunAsync("digest", "preview", "--council", "zeya", "--date", "2020-06-01", "--db", db.Path);
        var badDate = await CliRunner.RunAsync("digest", "preview", "--council", "desnogorsk", "--date", "01.06.2020", "--db", db.Path);

        Assert.Equal((0, 1, 0, 0, 0, 2), (set.ExitCode, bad.ExitCode, text.ExitCode, file.ExitCode, quiet.ExitCode, badDate.ExitCode));
        Assert.Equal(["chair@example.org", "committee@example.org"], await new CouncilMailSettings(db.Database).DigestRecipientsAsync(council.Id, ct));
        Assert.Contains("Тема: Сводка по плану НОКО на 01.06.2020", text.Out, StringComparison.Ordinal);
        Assert.Contains("Просрочено (1)", text.Out, StringComparison.Ordinal);
        Assert.Contains("Перенесено (1)", text.Out, StringComparison.Ordinal);
        var message = await MimeMessage.LoadAsync(eml, ct);
        Assert.Contains("Ждёт протокола (2)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("сообщать нечего", quiet.Out, StringComparison.Ordinal);
        Assert.Empty(await new DeliveryLedger(db.Database, time).PendingAsync(DateTimeOffset.MaxValue, 10, ct));
    }
}
