using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Replies;
using NokoBot.Replies;
using NokoBot.Storage;
using NokoBot.Texts;
using Spectre.Console;

namespace NokoBot.Cli;

internal static class MeetingCommands
{
    private static readonly string[] TimeFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "dd.MM.yyyy HH:mm"];

    public static Command Build(CliContextFactory contexts)
    {
        var council = CliOptions.Council();
        var id = new Argument<long>("id") { Description = "The meeting's number (see 'meeting list')" };
        var at = new Option<string>("--at") { Description = "Council-local start, \"2020-06-15 15:00\"", Required = true };
        at.Validators.Add(r => { if (ParseAt(r.GetValueOrDefault<string>()) is null) r.AddError("--at must look like \"2020-06-15 15:00\"."); });
        var place = new Option<string?>("--place") { Description = "Where the meeting takes place" };
        var items = new Option<string[]>("--item") { Description = "Add a plan item to the agenda (repeatable)", AllowMultipleArgumentsPerToken = true };
        var drop = new Option<string[]>("--drop") { Description = "Remove a proposed item from the agenda (repeatable)", AllowMultipleArgumentsPerToken = true };
        var topics = new Option<string[]>("--topic") { Description = "A free agenda topic (repeatable)" };
        var json = CliOptions.Json();

        var add = new Command("add", "Schedule a meeting; prints the agenda proposed from the plan") { council, at, place, items, topics };
        add.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            var target = await FindAsync(context, parse, council, ct);
            if (target is null) return await context.RefuseAsync(CliTexts.CouncilNotFound(parse.GetValue(council)!));
            if (string.IsNullOrWhiteSpace(parse.GetValue(place))) return await context.RefuseAsync(MeetingCliTexts.PlaceRequired);
            var store = context.Get<MeetingStore>();
            var meetingId = await store.AddAsync(target.Id, ParseAt(parse.GetValue(at))!.Value, parse.GetValue(place)!.Trim(), ct);
            await store.EditAgendaAsync(meetingId, parse.GetValue(items) ?? [], [], parse.GetValue(topics) ?? [], ct);
            await context.Out.WriteLineAsync(MeetingCliTexts.Scheduled(meetingId));
            return await ShowAgendaAsync(context, target, meetingId, json: false, ct);
        });

        var list = new Command("list", "List the council's meetings") { council, json };
        list.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            var target = await FindAsync(context, parse, council, ct);
            if (target is null) return await context.RefuseAsync(CliTexts.CouncilNotFound(parse.GetValue(council)!));
            var meetings = await context.Get<MeetingStore>().ListAsync(target.Id, ct);
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(meetings.Select(m => new
                {
                    id = m.Id, start = m.LocalStart.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), place = m.Place,
                    cancelled = m.Cancelled, sequence = m.Sequence, protocol = m.ProtocolName,
                }), CliJson.Options));
                return NokoBotCli.Ok;
            }
            if (meetings.Count == 0)
            {
                await context.Out.WriteLineAsync(MeetingCliTexts.NoneYet);
                return NokoBotCli.Ok;
            }
            var table = new Table().AddColumns(MeetingCliTexts.NumberColumn, MeetingCliTexts.WhenColumn, MeetingCliTexts.WhereColumn, MeetingCliTexts.StateColumn);
            foreach (var m in meetings)
                table.AddRow(m.Id.ToString(CultureInfo.InvariantCulture), MeetingCliTexts.When(m.LocalStart), Markup.Escape(m.Place),
                    m.Cancelled ? MeetingCliTexts.StateCancelled : m.ProtocolName is { } p ? Markup.Escape(MeetingCliTexts.StateProtocol(p)) : MeetingCliTexts.StateScheduled);
            context.Console.Write(table);
            return NokoBotCli.Ok;
        });

        var agenda = new Command("agenda", "Show the agenda; --item/--drop/--topic edit it before it goes out") { id, council, items, drop, topics, json };
        agenda.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            var target = await FindAsync(context, parse, council, ct);
            if (target is null) return await context.RefuseAsync(CliTexts.CouncilNotFound(parse.GetValue(council)!));
            var store = context.Get<MeetingStore>();
            if (await store.FindAsync(target.Id, parse.GetValue(id), ct) is null) return await context.RefuseAsync(MeetingCliTexts.NoMeeting(parse.GetValue(id)));
            await store.EditAgendaAsync(parse.GetValue(id), parse.GetValue(items) ?? [], parse.GetValue(drop) ?? [], parse.GetValue(topics) ?? [], ct);
            return await ShowAgendaAsync(context, target, parse.GetValue(id), parse.GetValue(json), ct);
        });

        var move = new Command("move", "Move a meeting (members get an updated invitation)") { id, council, at, place };
        move.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            var target = await FindAsync(context, parse, council, ct);
            if (target is null) return await context.RefuseAsync(CliTexts.CouncilNotFound(parse.GetValue(council)!));
            var store = context.Get<MeetingStore>();
            var meeting = await store.FindAsync(target.Id, parse.GetValue(id), ct);
            if (meeting is null || meeting.Cancelled) return await context.RefuseAsync(meeting is null ? MeetingCliTexts.NoMeeting(parse.GetValue(id)) : MeetingCliTexts.AlreadyCancelled);
            await store.MoveAsync(meeting.Id, ParseAt(parse.GetValue(at))!.Value, parse.GetValue(place), ct);
            await context.Out.WriteLineAsync(MeetingCliTexts.Moved(meeting.Id, ParseAt(parse.GetValue(at))!.Value));
            return NokoBotCli.Ok;
        });

        var cancel = new Command("cancel", "Cancel a meeting (members get a cancellation)") { id, council };
        cancel.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            var target = await FindAsync(context, parse, council, ct);
            if (target is null) return await context.RefuseAsync(CliTexts.CouncilNotFound(parse.GetValue(council)!));
            var store = context.Get<MeetingStore>();
            if (await store.FindAsync(target.Id, parse.GetValue(id), ct) is null) return await context.RefuseAsync(MeetingCliTexts.NoMeeting(parse.GetValue(id)));
            await store.CancelAsync(parse.GetValue(id), ct);
            await context.Out.WriteLineAsync(MeetingCliTexts.Cancelled(parse.GetValue(id)));
            return NokoBotCli.Ok;
        });

        var file = new Argument<string>("file") { Description = "The protocol document (PDF, Word, …; up to 20 MB)" };
        var protocol = new Command("protocol", "Attach the meeting's protocol: recorded on its agenda items, closing those whose result is a protocol") { id, file, council };
        protocol.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            var target = await FindAsync(context, parse, council, ct);
            if (target is null) return await context.RefuseAsync(CliTexts.CouncilNotFound(parse.GetValue(council)!));
            var meetings = context.Get<MeetingStore>();
            var meeting = await meetings.FindAsync(target.Id, parse.GetValue(id), ct);
            if (meeting is null) return await context.RefuseAsync(MeetingCliTexts.NoMeeting(parse.GetValue(id)));
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) return await context.RefuseAsync(MeetingCliTexts.FileNotFound(path));
            var replies = context.Get<ReplyService>();
            var before = await context.Get<CouncilSnapshotStore>().LoadAsync(target, ct);
            var stored = await replies.StoreProtocolAsync(Path.GetFileName(path), async (output, token) =>
            {
                await using var source = File.OpenRead(path);
                await source.CopyToAsync(output, token);
            }, ReplyService.MaxProtocolBytes, ct);
            if (stored is null) return await context.RefuseAsync(MeetingCliTexts.ProtocolTooBig(ReplyService.MaxProtocolBytes));
            var outcome = await replies.ApplyAsync(target, Actor.Administrator, new ReplyRequest.MeetingProtocol(meeting.Id, stored), ct);
            if (outcome.Refusal is { } refusal) return await context.RefuseAsync(ReplyTexts.Refusal(refusal));
            await context.Out.WriteLineAsync(MeetingCliTexts.ProtocolStored(meeting.Id, stored.Sha256));
            await context.Out.WriteLineAsync(outcome.Recorded.Count == 0 ? MeetingCliTexts.NoOpenAgendaItems : MeetingCliTexts.RecordedOn(outcome.Recorded));
            if (outcome.Closed.Count > 0) await context.Out.WriteLineAsync(MeetingCliTexts.Closed(outcome.Closed));
            foreach (var (number, due) in await replies.DatedSinceAsync(before, ct)) await context.Out.WriteLineAsync(ReplyTexts.ItemDated(number, due));
            return NokoBotCli.Ok;
        });
        return new Command("meeting", "Council meetings: agenda from the plan, invitations, protocols") { add, list, agenda, move, cancel, protocol };
    }

    private static async Task<int> ShowAgendaAsync(CliContext context, Council council, long meetingId, bool json, CancellationToken ct)
    {
        var snapshot = await context.Get<CouncilSnapshotStore>().LoadAsync(council, ct);
        var record = snapshot.Meeting(meetingId)!;
        var meeting = record.Meeting;
        var lines = snapshot.Agenda(record);
        if (json)
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(new
            {
                id = meeting.Id, start = meeting.LocalStart.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), place = meeting.Place,
                agenda = lines.Select(l => new { item = l.ItemNumber, text = l.Text, reason = l.Reason?.ToString() }),
            }, CliJson.Options));
            return NokoBotCli.Ok;
        }
        context.Console.WriteLine(MeetingCliTexts.AgendaHeading(meeting.Id, meeting.LocalStart, meeting.Place));
        var table = new Table().AddColumns(MeetingCliTexts.NumberColumn, MeetingCliTexts.AgendaTopicColumn, MeetingCliTexts.AgendaWhyColumn);
        var n = 0;
        foreach (var line in lines)
            table.AddRow((++n).ToString(CultureInfo.InvariantCulture), Markup.Escape(line.ItemNumber is null ? line.Text : MeetingCliTexts.AgendaItem(line.ItemNumber, line.Text)), Markup.Escape(MeetingCliTexts.Why(line.Reason)));
        context.Console.Write(table);
        return NokoBotCli.Ok;
    }

    private static async Task<Council?> FindAsync(CliContext context, ParseResult parse, Option<string> council, CancellationToken ct)
    {
        await context.OpenDatabaseAsync(ct);
        return await context.Get<CouncilStore>().FindAsync(parse.GetValue(council)!, ct);
    }

    private static DateTime? ParseAt(string? text) =>
        DateTime.TryParseExact(text?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

}
