namespace NokoBot.Bench;

/// <summary>
/// 1 000 reminder messages (one item each, to 1 000 members) falling due at random instants within one minute →
/// lateness of each send after its instant.
/// </summary>
internal static class TimingScenario
{
    private const int Messages = 1_000;

    public static async Task RunAsync()
    {
        var time = TimeProvider.System;
        await using var rig = await ServiceRig.CreateAsync(time, ServiceRig.UndatedPlan(1), time.GetUtcNow().Year);
        rig.Api.EnforceLimits = true;
        var members = await rig.AddMembersAsync(Messages, 2_000_000);
        var item = (await rig.ItemIdsAsync())[0];
        var random = new Random(1000);
        var start = time.GetUtcNow() + TimeSpan.FromSeconds(5);
        var due = members.ToDictionary(m => m, _ => start + TimeSpan.FromMilliseconds(random.Next(0, 60_000)));
        await rig.EnqueueAsync(due.Select(d => (item, d.Key, d.Value)));
        await rig.MarkSweptUntilAsync(time.GetUtcNow());

        await rig.StartAsync(30);
        await rig.WaitUntilDeliveredAsync(TimeSpan.FromMinutes(3));
        var lateness = rig.AcceptedReminders().Select(r => (r.At - due[r.Member]).TotalSeconds).Order().ToList();
        if (lateness.Count < Messages) throw new InvalidOperationException($"only {lateness.Count} of {Messages} accepted");
        Report.Line("timing.p50_lateness", Percentile(lateness, 0.50), "s");
        Report.Line("timing.p99_lateness", Percentile(lateness, 0.99), "s", goal: 1);
        Report.Line("timing.max_lateness", lateness[^1], "s");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
