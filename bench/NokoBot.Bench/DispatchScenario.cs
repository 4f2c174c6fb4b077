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

    /// <summary>Three instances with the limits enforced: fewer messages, since they take Messages / 30 seconds.</summary>
    private const int LimitedMessagesOverInstances = 1_500;

    public static async Task RunAsync()
    {
        var (limited, refused, perChat, _) = await DispatchAsync(enforceLimits: true, instances: 1, Messages);
        Report.Line("dispatch.sustained", limited, "messages/s", TelegramLimit, "limit enforced by the fake Bot API (messages/s)", goal: 0.95);
        Report.Line("dispatch.429_received", refused, "429 answers (all retried; 0 left pending)");
        Report.Line("dispatch.per_chat_violations", perChat, "sends refused for 1/s per chat", goal: 0);
        var (raw, _, _, _) = await DispatchAsync(enforceLimits: false, instances: 1, Messages);
        Report.Line("dispatch.raw", raw, "messages/s", TelegramLimit, "Telegram's limit (messages/s)");

        // Several instances over one database (delivery leases): the same load, limits lifted, one instance against three.
        var (one, _, _, oneRepeated) = await DispatchAsync(enforceLimits: false, instances: 1, Messages);
        var (three, _, _, threeRepeated) = await DispatchAsync(enforceLimits: false, instances: 3, Messages);
        Report.Line("dispatch.raw_1_instance", one, "messages/s", TelegramLimit, "Telegram's limit (messages/s)");
        Report.Line("dispatch.raw_3_instances", three, "messages/s", one, "one instance, same run (messages/s)");
        Report.Line("dispatch.instances_repeated", oneRepeated + threeRepeated, "messages accepted twice", goal: 0);
        // And with Telegram's limits enforced: the three together must still keep to 30/s and 1/s per chat.
        var (shared, refusedShared, perChatShared, sharedRepeated) = await DispatchAsync(enforceLimits: true, instances: 3, LimitedMessagesOverInstances);
        Report.Line("dispatch.sustained_3_instances", shared, "messages/s", TelegramLimit, "limit for the bot as a whole (messages/s)", goal: 0.95);
        Report.Line("dispatch.429_received_3_instances", refusedShared, "429 answers (global rate exceeded)", goal: 0);
        Report.Line("dispatch.per_chat_violations_3_instances", perChatShared, "sends refused for 1/s per chat", goal: 0);
        Report.Line("dispatch.repeated_3_instances", sharedRepeated, "messages accepted twice", goal: 0);
    }

    private static async Task<(double Rate, int Refused, int PerChat, int Repeated)> DispatchAsync(bool enforceLimits, int instances, int messages)
    {
        var time = TimeProvider.System;
        await using var rig = await ServiceRig.CreateAsync(time, ServiceRig.UndatedPlan(1), time.GetUtcNow().Year);
        rig.Api.EnforceLimits = enforceLimits;
        var members = await rig.AddMembersAsync(messages, 1_000_000);
        var item = (await rig.ItemIdsAsync())[0];
        var now = time.GetUtcNow();
        // One reminder per member, all due now: one message each.
        await rig.EnqueueAsync(members.Select(m => (item, m, now)));
        await rig.MarkSweptUntilAsync(now);

        await rig.StartAsync(enforceLimits ? TelegramLimit : 1_000_000, instances);
        await rig.WaitUntilDeliveredAsync(TimeSpan.FromMinutes(8));
        var accepted = rig.AcceptedReminders();
        var distinct = accepted.Select(a => a.Member).Distinct().Count();
        if (distinct < messages) throw new InvalidOperationException($"only {distinct} of {messages} accepted");
        var span = (accepted[^1].At - accepted[0].At).TotalSeconds;
        // n sends span n - 1 intervals.
        return ((accepted.Count - 1) / span, rig.Api.LimitViolations, rig.Api.PerChatViolations, accepted.Count - distinct);
    }
}
