using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NokoBot.Delivery;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Plans;
using NokoBot.Domain.Replies;
using NokoBot.Email;
using NokoBot.Hosting;
using NokoBot.Replies;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Simulation;

public sealed record SimulationOptions(
    PlanImport Plan, string PlanFileName, int Year, CouncilDefinition Council, DateOnly From, DateOnly To,
    IReadOnlyList<ScriptAction> Script, string OutFolder, string? KeepDatabase = null);

public sealed record SimulationResult(
    CouncilDefinition Council, DateOnly From, DateOnly To, IReadOnlyList<SimulatedDelivery> Deliveries, int Messages,
    IReadOnlyList<string> Warnings, string TranscriptPath, string MailFolder);

/// <summary>
/// Plays a plan's year in virtual time through the service's own parts — the composition root's reply service,
/// reminder policy, outbox, dispatcher and message texts — on a throw-away SQLite file, with the clock swapped for a
/// virtual one and the channels for ones writing files (the file is kept when asked, for <c>report</c> to read). Quartz is what wakes the real service; here the loop jumps
/// straight to the next instant anything is due.
/// </summary>
public sealed class Simulator(TextWriter progress)
{
    public const string CommitteeAddress = "committee@example.invalid";

    /// <param name="overrides">The command line's settings over the files (the production calendar's path, say).</param>
    public async Task<SimulationResult> RunAsync(SimulationOptions options, IReadOnlyDictionary<string, string?> overrides, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Council.TimeZone);
        var start = CouncilClock.ToInstant(options.From, TimeOnly.MinValue, zone);
        var end = CouncilClock.ToInstant(options.To.AddDays(1), TimeOnly.MinValue, zone);
        var clock = new VirtualClock(start);
        var recorder = new SimulationRecorder(clock, zone);
        var warnings = new List<string>();

        var transcriptPath = Path.Combine(options.OutFolder, "telegram.txt");
        var mailFolder = Path.Combine(options.OutFolder, "mail");
        PrepareOutput(options.OutFolder, transcriptPath, mailFolder);
        var work = Directory.CreateTempSubdirectory("nokobot-simulate-");
        try
        {
            await using var transcript = new StreamWriter(transcriptPath);
            using var host = Build(overrides, options.KeepDatabase ?? Path.Combine(work.FullName, "simulate.db"), clock, transcript, mailFolder, recorder);
            var services = host.Services;
            await services.GetRequiredService<MigrationRunner>().ApplyAsync(ct);
            var council = await services.GetRequiredService<CouncilStore>().AddAsync(options.Council.Slug, options.Council.Name, options.Council.TimeZone, ct)
                ?? throw new InvalidOperationException("A fresh database already had the council.");
            var plans = services.GetRequiredService<PlanStore>();
            await plans.ImportAsync(council.Id, options.Year, options.PlanFileName, "simulation", options.Plan, ct);
            var plan = (await plans.FindAsync(council.Id, options.Year, ct))!;
            await AddStandInsAsync(services.GetRequiredService<MemberDirectory>(), council.Id, plan, ct);
            await services.GetRequiredService<CouncilMailSettings>().SetDigestRecipientsAsync(council.Id, [CommitteeAddress], ct);

            var settings = CouncilSettings.Default;
            var nextDigest = NextDigest(start, settings, zone);
            // Scripted meetings are known from the start, as a secretary schedules them ahead: their agendas go out on time.
            var meetings = services.GetRequiredService<MeetingStore>();
            foreach (var meeting in options.Script.OfType<ScriptAction.Meeting>())
                await meetings.AddAsync(council.Id, DateOnly.FromDateTime(meeting.LocalTime).ToDateTime(meeting.Start), meeting.Place, ct);
            await services.GetRequiredService<StateStore>().SetInstantAsync(StateKeys.SweptUntil, start, ct);

            var sweep = services.GetRequiredService<DeliverySweep>();
            var script = new Queue<ScriptAction>(options.Script);
            var month = options.From.Month - 1;
            var next = (await sweep.RunAsync(ct)).NextWakeUp;
            while (true)
            {
                DateTimeOffset? scripted = script.TryPeek(out var action) ? Instant(action.LocalTime, zone) : null;
                var wake = Min(Min(next, scripted), nextDigest);
                if (wake is not { } at || at >= end) break;
                clock.MoveTo(Max(at, clock.GetUtcNow()));
                while (script.TryPeek(out action) && Instant(action.LocalTime, zone) <= clock.GetUtcNow())
                    await ApplyAsync(script.Dequeue(), services.GetRequiredService<ReplyService>(), council, warnings, ct);
                if (clock.GetUtcNow() >= nextDigest)
                {
                    // The service's digest job: the committee's digest into the outbox; the sweep below sends it.
                    var snapshot = await services.GetRequiredService<CouncilSnapshotStore>().LoadAsync(council, ct);
                    await services.GetRequiredService<Outbox>().EnqueueDigestAsync(snapshot, CouncilClock.LocalDate(nextDigest, zone), [CommitteeAddress], clock.GetUtcNow(), ct);
                    nextDigest = NextDigest(nextDigest.AddMinutes(1), settings, zone);
                }
                next = (await sweep.RunAsync(ct)).NextWakeUp;
                ReportProgress(recorder, ref month);
            }
            await progress.WriteLineAsync(SimulationTexts.Finished(recorder.Messages, options.From, options.To));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
        return new SimulationResult(options.Council, options.From, options.To, recorder.Deliveries, recorder.Messages, warnings, transcriptPath, mailFolder);
    }

    /// <summary>The composition root with the clock swapped for the virtual one and the channels for files.</summary>
    private static IHost Build(
        IReadOnlyDictionary<string, string?> overrides, string databasePath, VirtualClock clock, TextWriter transcript, string mailFolder, SimulationRecorder recorder)
    {
        var settings = new Dictionary<string, string?>(overrides)
        {
            // A throwaway SQLite file whatever the service is configured with: the simulation writes a year of rows.
            ["Storage:Provider"] = nameof(StorageProvider.Sqlite),
            ["Storage:Path"] = databasePath,
            ["Telegram:Enabled"] = "false",
            ["Smtp:Enabled"] = "false",
            ["Smtp:From"] = "nokobot@example.invalid",
            ["Smtp:FromName"] = "NokoBot",
            ["Logging:LogLevel:Default"] = "None",
        };
        var builder = NokoBotHost.CreateBuilder(settings);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        builder.Services.RemoveAll<IDeliveryChannel>();
        builder.Services.AddSingleton(recorder);
        builder.Services.AddSingleton<IDeliveryChannel>(new TranscriptTelegramChannel(transcript, recorder));
        builder.Services.AddSingleton<IDeliveryChannel>(sp => new MaildirEmailChannel(mailFolder, sp.GetRequiredService<EmailRenderer>(), recorder,
            new Dictionary<string, string> { [CommitteeAddress] = SimulationTexts.CommitteeName }));
        return builder.Build();
    }

    /// <summary>The first digest instant after <paramref name="from"/>.</summary>
    private static DateTimeOffset NextDigest(DateTimeOffset from, CouncilSettings settings, TimeZoneInfo zone)
    {
        var day = CouncilClock.LocalDate(from, zone);
        for (var i = 0; ; i++)
        {
            var candidate = day.AddDays(i);
            if (candidate.DayOfWeek != settings.DigestDay) continue;
            var at = CouncilClock.ToInstant(candidate, settings.DigestTime, zone);
            if (at >= from) return at;
        }
    }

    /// <summary>One stand-in member per party (Telegram and email), plus a secretary and a chair.</summary>
    private static async Task AddStandInsAsync(MemberDirectory members, long councilId, StoredPlan plan, CancellationToken ct)
    {
        var parties = plan.Items.SelectMany(i => i.Parties).Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < parties.Count; i++)
            await members.AddAsync(councilId, parties[i], MemberRole.Member, 1001 + i, $"party{i + 1}@example.invalid", [parties[i]], ct);
        await members.AddAsync(councilId, SimulationTexts.SecretaryName, MemberRole.Secretary, 1901, "secretary@example.invalid", [], ct);
        await members.AddAsync(councilId, SimulationTexts.ChairName, MemberRole.Chair, 1902, "chair@example.invalid", [], ct);
    }

    /// <summary>A scripted reply goes through the reply service as the administrator would send it; a refusal is a warning.</summary>
    private static async Task ApplyAsync(ScriptAction action, ReplyService replies, Council council, List<string> warnings, CancellationToken ct)
    {
        ReplyRequest? request = action switch
        {
            ScriptAction.Done done => new ReplyRequest.Done(done.Item, ReplyTexts.ScriptComment, done.Party),
            ScriptAction.Postpone postpone => new ReplyRequest.Postpone(postpone.Item, postpone.To, postpone.Reason),
            ScriptAction.SetDue setDue => new ReplyRequest.SetDue(setDue.Item, setDue.Due),
            ScriptAction.RecordEvent recorded => new ReplyRequest.RecordEvent(recorded.Name, DateOnly.FromDateTime(recorded.LocalTime)),
            _ => null, // meetings are scheduled at the start of the simulation
        };
        if (request is null) return;
        var outcome = await replies.ApplyAsync(council, Actor.Administrator, request, ct);
        switch (outcome.Refusal)
        {
            case ReplyRefusal.NoSuchItem missing:
                throw new FormatException(SimulationTexts.NoItem(action.Line, missing.Number));
            case { } refusal:
                warnings.Add(SimulationTexts.ScriptRefused(action.Line, ReplyTexts.Refusal(refusal)));
                break;
        }
    }

    private void ReportProgress(SimulationRecorder recorder, ref int month)
    {
        var local = recorder.LocalNow;
        if (local.Month == month) return;
        month = local.Month;
        progress.WriteLine(SimulationTexts.Progress(local, recorder.Messages));
    }

    private static void PrepareOutput(string folder, string transcript, string mail)
    {
        Directory.CreateDirectory(folder);
        File.Delete(transcript);
        if (Directory.Exists(mail))
            foreach (var eml in Directory.EnumerateFiles(mail, "*.eml")) File.Delete(eml);
    }

    private static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone) =>
        CouncilClock.ToInstant(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), zone);

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
