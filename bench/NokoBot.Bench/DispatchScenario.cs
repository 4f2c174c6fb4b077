namespace NokoBot.Bench;

/// <summary>
/// 5 000 reminders to 2 000 members through the real dispatcher, gateway and Telegram.Bot client to the fake Bot API
/// enforcing Telegram's limits (30 messages/s overall, 1/s per chat) → sustained rate ÷ the enforced limit; then the
/// same with the limits lifted → the raw rate the pipeline can push.
/// </summary>
internal static class DispatchScenario
{
    private const int Members = 2_000;
    private const int Reminders = 5_000;
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
        await using var rig = await ServiceRig.CreateAsync(time, ServiceRig.UndatedPlan(3), time.GetUtcNow().Year);
        rig.Api.EnforceLimits = enforceLimits;
        var members = await rig.AddMembersAsync(Members, 1_000_000);
        var items = await rig.ItemIdsAsync();
        var now = time.GetUtcNow();
        // Every member gets two reminders, every other one a third: 5 000 in all.
        var reminders = members.SelectMany((m, i) => items.Take(i % 2 == 0 ? 3 : 2).Select(item => (item, m, now))).Take(Reminders).ToList();
        await rig.EnqueueAsync(reminders);
        await rig.MarkSweptUntilAsync(now);

        await rig.StartAsync(enforceLimits ? TelegramLimit : 1_000_000);
        await rig.WaitUntilDeliveredAsync(TimeSpan.FromMinutes(8));
        var accepted = rig.AcceptedReminders();
        if (accepted.Count < Reminders) throw new InvalidOperationException($"only {accepted.Count} of {Reminders} accepted");
        var span = (accepted[^1].At - accepted[0].At).TotalSeconds;
        // n sends span n - 1 intervals.
        return ((accepted.Count - 1) / span, rig.Api.LimitViolations, rig.Api.PerChatViolations);
    }
}
