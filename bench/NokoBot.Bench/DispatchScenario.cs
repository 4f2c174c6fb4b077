namespace NokoBot.Bench;

/// <summary>
/// 5 000 reminder messages, one item each, to 5 000 members through the real dispatcher, gateway and Telegram.Bot
/// client to the fake Bot API enforcing Telegram's limits (30 messages/s overall, 1/s per chat) → sustained rate ÷ the
/// enforced limit; then the same with the limits lifted → the raw rate the pipeline can push.
/// </summary>
/// <remarks>
/// Everything due for one person at one moment is one message, so the unit is a member: before the one-message rule
/// this was 5 000 reminders to 2 000 members (two or three each), which now would be 2 000 messages.
/// </remarks>
internal static class DispatchScenario
{
    private const int Messages = 5_000;
    private const int TelegramLimit = 30;

    public static async Task RunAsync()
    {
        var (limited, refused, perChat) = await DispatchAsync(enforceLimits: true);
        Report.Line("dispatch.sustained", limited, "messages/s", TelegramLimit, "limit enforced by the fake Bot API (messages/s)", goal: 0.95);
        Report.Line("dispatch.429_received", refused, "429 answers (all retried; 0 left pending)");
        Report.Line("dispatch.per_chat_violations", perChat, "sends refused for 1/s per chat", goal: 0);
        var (raw, _, _) = await DispatchAsync(enforceLimits: false);
        Report.Line("dispatch.raw", raw, "messages/s", TelegramLimit, "Telegram's limit (messages/s)");
    }

    private static async Task<(double Rate, int Refused, int PerChat)> DispatchAsync(bool enforceLimits)
    {
        var time = TimeProvider.System;
        await using var rig = await ServiceRig.CreateAsync(time, ServiceRig.UndatedPlan(1), time.GetUtcNow().Year);
        rig.Api.EnforceLimits = enforceLimits;
        var members = await rig.AddMembersAsync(Messages, 1_000_000);
        var item = (await rig.ItemIdsAsync())[0];
        var now = time.GetUtcNow();
        // One reminder per member, all due now: 5 000 messages.
        await rig.EnqueueAsync(members.Select(m => (item, m, now)));
        await rig.MarkSweptUntilAsync(now);

        await rig.StartAsync(enforceLimits ? TelegramLimit : 1_000_000);
        await rig.WaitUntilDeliveredAsync(TimeSpan.FromMinutes(8));
        var accepted = rig.AcceptedReminders();
        if (accepted.Count < Messages) throw new InvalidOperationException($"only {accepted.Count} of {Messages} accepted");
        var span = (accepted[^1].At - accepted[0].At).TotalSeconds;
        // n sends span n - 1 intervals.
        return ((accepted.Count - 1) / span, rig.Api.LimitViolations, rig.Api.PerChatViolations);
    }
}
