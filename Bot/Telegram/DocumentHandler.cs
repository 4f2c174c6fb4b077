using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NokoBot.Domain.Commands;
using NokoBot.Domain.Reminders;
using NokoBot.Domain.Replies;
using NokoBot.Replies;
using NokoBot.Storage;
using NokoBot.Texts;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace NokoBot.Telegram;

/// <summary>
/// Protocols: a document with the caption «/protocol N», or sent in reply to a reminder about one item or to a
/// meeting's agenda. A .docx or .txt with neither is a plan upload (<see cref="PlanDeskHandler"/>). Size and type are checked before anything is downloaded; the file is kept under the data folder
/// by its SHA-256, owner-readable only; the reply service records it.
/// </summary>
public sealed class DocumentHandler(
    TelegramSession session, TelegramGateway gateway, DeliveryLedger ledger, ReplyService replies, MessageHandler messages,
    PlanDeskHandler desk, IOptions<TelegramOptions> options, ILogger<DocumentHandler> logger)
{
    /// <summary>What a document is for.</summary>
    private abstract record Target
    {
        public sealed record Item(StoredPlanItem Value) : Target;
        public sealed record Meeting(long Id) : Target;
        public sealed record Unclear(ChatText Why) : Target;
    }

    public async Task HandleAsync(Message message, UpdateEffects effects, CancellationToken ct)
    {
        var chatId = message.Chat.Id;
        var view = await session.LoadAsync(message.From!.Id, ct);
        if (view is null)
        {
            TelegramLog.Stranger(logger, message.From.Id);
            Answer(effects, chatId, ChatTexts.Stranger);
            return;
        }
        if (message.ReplyToMessage is null && PlanDeskHandler.LooksLikePlanFile(message.Document!.FileName)
            && ChatCommandParser.Parse(message.Caption, view.Today) is not ChatCommand.Protocol)
        {
            await desk.UploadAsync(message, view, effects, ct);
            return;
        }
        var target = await TargetAsync(message, view, ct);
        if (target is Target.Unclear unclear)
        {
            Answer(effects, chatId, unclear.Why);
            return;
        }
        // Refuse before downloading what could not be recorded anyway.
        if (target is Target.Item { Value: var stored } && !view.Actor.CanActOn(stored.Parties))
        {
            Answer(effects, chatId, ReplyTexts.Refusal(new ReplyRefusal.NotYours(stored.Number, stored.Parties)));
            return;
        }
        if (target is Target.Meeting && !view.Actor.ActsOnAllItems)
        {
            Answer(effects, chatId, ChatTexts.AdminOnly);
            return;
        }
        var document = message.Document!;
        var fileName = Path.GetFileName(document.FileName ?? "protocol");
        var maxBytes = Math.Min(options.Value.MaxUploadBytes, ReplyService.MaxProtocolBytes);
        if (document.FileSize is null or <= 0 || document.FileSize > maxBytes)
        {
            TelegramLog.Refused(logger, "document", view.Member.MemberId, "too large or size unknown");
            Answer(effects, chatId, ChatTexts.ProtocolTooBig(maxBytes));
            return;
        }
        if (!ReplyService.IsProtocolType(fileName))
        {
            TelegramLog.Refused(logger, "document", view.Member.MemberId, "file type");
            Answer(effects, chatId, ChatTexts.ProtocolType(fileName));
            return;
        }

        var file = await gateway.Bot.GetFile(document.FileId, ct);
        var protocol = await replies.StoreProtocolAsync(fileName, (target, token) => gateway.Bot.DownloadFile(file, target, token), maxBytes, ct);
        if (protocol is null)
        {
            Answer(effects, chatId, ChatTexts.ProtocolTooBig(maxBytes));
            return;
        }
        TelegramLog.ProtocolStored(logger, view.Member.MemberId, protocol.Size, protocol.Sha256);
        switch (target)
        {
            case Target.Item item:
                Answer(effects, chatId, messages.Reply(view, new ReplyRequest.Protocol(item.Value.Number, protocol, message.Caption), effects));
                break;
            case Target.Meeting meeting:
                MeetingProtocol(view, meeting.Id, protocol, chatId, effects);
                break;
        }
    }

    /// <summary>A protocol sent in reply to a meeting's agenda: recorded on the agenda's items with the update.</summary>
    private void MeetingProtocol(MemberView view, long meetingId, ProtocolFile protocol, long chatId, UpdateEffects effects)
    {
        var outcome = replies.Decide(view.Snapshot, view.Actor, new ReplyRequest.MeetingProtocol(meetingId, protocol));
        if (outcome.Refusal is { } refusal)
        {
            Answer(effects, chatId, ReplyTexts.Refusal(refusal));
            return;
        }
        effects.Change(view.Member.CouncilId, (c, tx, ct) => replies.WriteAsync(c, tx, outcome, ct));
        var start = view.Snapshot.Meeting(meetingId)!.Meeting.LocalStart;
        effects.Answer(async token =>
        {
            var dated = await replies.DatedSinceAsync(view.Snapshot, token);
            var text = ReplyTexts.MeetingProtocolStored(start, protocol.FileName, outcome.Closed, dated);
            await gateway.ReplyAsync(chatId, TelegramHtml.Render(text), null, token);
        });
    }

    /// <summary>The caption's «/protocol N», else the reminder or agenda the document replies to.</summary>
    private async Task<Target> TargetAsync(Message message, MemberView view, CancellationToken ct)
    {
        var caption = ChatCommandParser.Parse(message.Caption, view.Today);
        if (caption is ChatCommand.Protocol protocol)
            return view.Item(protocol.Number) is { } item ? new Target.Item(item) : new Target.Unclear(ReplyTexts.Refusal(new ReplyRefusal.NoSuchItem(protocol.Number)));
        var usage = new Target.Unclear(ChatTexts.Usage(ChatCommandParser.Usage.Protocol));
        if (message.ReplyToMessage is not { } replied) return usage;
        var sent = await ledger.FindSentAsync(view.Member.MemberId, replied.MessageId.ToString(CultureInfo.InvariantCulture), ct);
        var items = sent.Where(r => r.ItemId is not null).Select(r => r.ItemId!.Value).Distinct().ToList();
        if (items.Count == 1) return view.Snapshot.Item(items[0]) is { } one ? new Target.Item(one) : usage;
        if (items.Count > 1) return new Target.Unclear(ChatTexts.ProtocolWhichItem);
        var meeting = sent.FirstOrDefault(r => r.Kind == ReminderKind.Agenda.ToName());
        return meeting is not null && DeliveryKey.TryParseOccurrence(meeting.Key, "meeting", out var meetingId, out _) ? new Target.Meeting(meetingId) : usage;
    }

    private void Answer(UpdateEffects effects, long chatId, ChatText text)
    {
        var html = TelegramHtml.Render(text);
        effects.Answer(ct => gateway.ReplyAsync(chatId, html, null, ct));
    }
}
