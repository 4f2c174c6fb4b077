using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using NokoBot.Domain.Reminders;
using NokoBot.Email;
using NokoBot.Meetings;
using NokoBot.Delivery;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Domain.Replies;
using NokoBot.Scheduling;
using NokoBot.Storage;

namespace NokoBot.Simulation;

public sealed record SimulationOptions(
    PlanImport Plan, string PlanFileName, int Year, CouncilDefinition Council, DateOnly From, DateOnly To,
    IReadOnlyList<ScriptAction> Script, string OutFolder);

public sealed record SimulationResult(
    CouncilDefinition Council, DateOnly From, DateOnly To, IReadOnlyList<SimulatedDelivery> Deliveries,
    IReadOnlyList<string> Warnings, string TranscriptPath, string MailFolder);

/// <summary>
/// Plays a plan's year in virtual time through the real reminder policy, ledger, dispatcher and message texts, on a
/// throw-away SQLite file, with the channels writing files instead of talking to servers. Quartz is what wakes the
/// real service; here the loop jumps straight to the next instant anything is due.
/// </summary>
public sealed class Simulator(ProductionCalendar calendar, TextWriter progress)
{
    public const string CommitteeName = "Комитет (рассылка дайджеста)";
    public const string CommitteeAddress = "committee@example.invalid";

    public async Task<SimulationResult> RunAsync(SimulationOptions options, CancellationToken ct)
    {
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
            var db = new SqliteDatabase(Path.Combine(work.FullName, "simulate.db"));
            await new MigrationRunner(db, clock).ApplyAsync(ct);
            var council = await new CouncilStore(db, clock).AddAsync(options.Council.Slug, options.Council.Name, options.Council.TimeZone, ct)
                ?? throw new InvalidOperationException("A fresh database already had the council.");
            var plans = new PlanStore(db, clock);
            await plans.ImportAsync(council.Id, options.Year, options.PlanFileName, "simulation", options.Plan, ct);
            var plan = (await plans.FindAsync(council.Id, options.Year, ct))!;
            await AddStandInsAsync(db, clock, council.Id, plan, ct);

            await using var transcript = new StreamWriter(transcriptPath);
            var planner = new ReminderPlanner(calendar);
            var ledger = new DeliveryLedger(db, clock);
            var state = new StateStore(db, clock);
            var smtp = Options.Create(new SmtpOptions { From = "nokobot@example.invalid", FromName = "NokoBot" });
            var composer = new EmailComposer(smtp, clock);
            var mail = new MaildirEmailChannel(mailFolder, composer, recorder);
            var dispatcher = new DeliveryDispatcher(ledger, new MemberChannels(db),
                [new TranscriptTelegramChannel(transcript, recorder), mail], clock, NullLogger<DeliveryDispatcher>.Instance);
            // Only its builder and renderer are used: the simulated digest is written, not sent.
            var digests = new DigestMailer(db, composer,
                new EmailOutbox(ledger, new EmailOutboxStore(db, clock), new EmailSender(smtp, NullLogger<EmailSender>.Instance), clock, NullLogger<EmailOutbox>.Instance),
                calendar, clock, new AgendaService(planner));
            var settings = CouncilSettings.Default;
            var nextDigest = NextDigest(start, settings, zone);
            var meetingStore = new MeetingStore(db, clock);
            var meetings = new MeetingDispatcher(meetingStore, new AgendaService(planner), ledger,
                [new TranscriptMeetingChannel(transcript, recorder), new MaildirMeetingChannel(mail, composer, recorder)], clock, NullLogger<MeetingDispatcher>.Instance);
            // Scripted meetings are known from the start, as a secretary schedules them ahead: their agendas go out on time.
            foreach (var meeting in options.Script.OfType<ScriptAction.Meeting>())
                await meetingStore.AddAsync(council.Id, DateOnly.FromDateTime(meeting.LocalTime).ToDateTime(meeting.Start), meeting.Place, ct);
            var sweep = new ReminderSweep(new CouncilSnapshotStore(db, clock), dispatcher, planner, ledger, state, clock, [], meetings);
            await state.SetInstantAsync(ReminderSweep.SweptUntilKey, start, ct);

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
                    await ApplyAsync(script.Dequeue(), db, clock, council.Id, plan, warnings, ct);
                next = (await sweep.RunAsync(ct)).NextWakeUp;
                if (clock.GetUtcNow() >= nextDigest)
                {
                    await WriteDigestAsync(digests, composer, council, CouncilClock.LocalDate(nextDigest, zone), mail, recorder, ct);
                    nextDigest = NextDigest(nextDigest.AddMinutes(1), settings, zone);
                }
                ReportProgress(recorder, ref month);
            }
            await progress.WriteLineAsync($"Симуляция завершена: {recorder.Deliveries.Count} сообщений с {options.From:dd.MM.yyyy} по {options.To:dd.MM.yyyy}.");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
        return new SimulationResult(options.Council, options.From, options.To, recorder.Deliveries, warnings, transcriptPath, mailFolder);
    }

    /// <summary>The committee's weekly digest, rendered by the real builder and written as an .eml (none for an empty week).</summary>
    private static async Task WriteDigestAsync(
        DigestMailer digests, EmailComposer composer, Council council, DateOnly day, MaildirEmailChannel mail, SimulationRecorder recorder, CancellationToken ct)
    {
        if (await digests.BuildAsync(council, day, ct) is not { } digest) return;
        var key = DeliveryKey.Create($"digest:{council.Id}@{day:yyyy-MM-dd}", ReminderKind.Digest, $"mail:{CommitteeAddress}", Channels.Email);
        var message = composer.Compose(key, new MailboxAddress(CommitteeName, CommitteeAddress), digests.Render(digest, council));
        await mail.WriteAsync(message, "digest", ct);
        recorder.Add("digest", null, CommitteeName, Channels.Email, late: false);
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
    private static async Task AddStandInsAsync(SqliteDatabase db, TimeProvider clock, long councilId, StoredPlan plan, CancellationToken ct)
    {
        var members = new MemberDirectory(db, clock);
        var parties = plan.Items.SelectMany(i => i.Parties).Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < parties.Count; i++)
            await members.AddAsync(councilId, parties[i], MemberRole.Member, 1001 + i, $"party{i + 1}@example.invalid", [parties[i]], ct);
        await members.AddAsync(councilId, "Секретарь совета", MemberRole.Secretary, 1901, "secretary@example.invalid", [], ct);
        await members.AddAsync(councilId, "Председатель совета", MemberRole.Chair, 1902, "chair@example.invalid", [], ct);
    }

    private static async Task ApplyAsync(
        ScriptAction action, SqliteDatabase db, TimeProvider clock, long councilId, StoredPlan plan, List<string> warnings, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        StoredPlanItem Item(string number) => plan.Items.FirstOrDefault(i => i.Number == number)
            ?? throw new FormatException($"Сценарий ответов, строка {action.Line}: в плане нет пункта {number}.");
        var replies = new ReplyStore(db);
        switch (action)
        {
            case ScriptAction.Done done:
                await replies.AppendAsync(new Reply(Item(done.Item).Id, ReplyKind.Done, now, Party: done.Party, Comment: "сценарий"), ct);
                break;
            case ScriptAction.Postpone postpone:
                await replies.AppendAsync(new Reply(Item(postpone.Item).Id, ReplyKind.Postponed, now, NewDate: postpone.To, Comment: postpone.Reason), ct);
                break;
            case ScriptAction.SetDue setDue:
                await new PlanStore(db, clock).SetDueAsync(Item(setDue.Item).Id, setDue.Due, ct);
                break;
            case ScriptAction.RecordEvent recorded:
                await new CouncilEventStore(db, clock).AddAsync(councilId, recorded.Name, DateOnly.FromDateTime(recorded.LocalTime), null, ct);
                break;
            case ScriptAction.Meeting:
                break; // scheduled at the start of the simulation

        }
    }

    private void ReportProgress(SimulationRecorder recorder, ref int month)
    {
        var local = recorder.LocalNow;
        if (local.Month == month) return;
        month = local.Month;
        progress.WriteLine($"Симуляция: {local:yyyy-MM}, отправлено сообщений: {recorder.Deliveries.Count}");
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
