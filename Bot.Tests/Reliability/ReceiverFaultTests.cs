using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;
using NokoBot.Tests.Telegram;

namespace NokoBot.Tests.Reliability;

/// <summary>The update receiver keeps going when answering a member fails below the Bot API (a broken connection).</summary>
public sealed class ReceiverFaultTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_connection_dropped_while_answering_loses_that_answer_only_and_the_bot_answers_the_next_message()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(601, "Общественный совет");
        var dropped = 0;
        // Every answer attempt to the first /help breaks (the gateway retries answers a few times), then the line heals.
        rig.Api.Disrupt = (method, body) => method == "sendMessage" && body["text"]?.GetValue<string>().Contains("<b>Команды</b>", StringComparison.Ordinal) == true
            && Interlocked.Increment(ref dropped) <= 4 ? FakeTelegramBotApi.Disruption.Drop : FakeTelegramBotApi.Disruption.None;

        rig.Api.PushText(601, "/help");
        await Eventually.TrueAsync(() => Volatile.Read(ref dropped) >= 4, "the answer's connection dropped", TimeSpan.FromSeconds(20));
        rig.Api.PushText(601, "/my");

        var answer = await rig.WaitForTextAsync(601, t => t.Contains("п. 4", StringComparison.Ordinal), skip: 1);
        Assert.Contains("п. 4", answer, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => rig.Api.PendingUpdates == 0, "both updates confirmed");
    }
}
