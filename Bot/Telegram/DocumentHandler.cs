using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NokoBot.Domain.Commands;
using NokoBot.Domain.Replies;
using NokoBot.Meetings;
using NokoBot.Scheduling;
using NokoBot.Storage;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace NokoBot.Telegram;

/// <summary>
/// Protocols: a document with the caption «/protocol N», or sent in reply to a reminder. Size and type are checked
/// before anything is downloaded; the file is kept under the data folder by its SHA-256, owner-readable only.
/// </summary>
public sealed class DocumentHandler(
    TelegramSession session, TelegramGateway gateway, DeliveryLedger ledger, ProtocolFiles protocols, MeetingStore meetings,
    MeetingProtocols meetingProtocols, IOptions<TelegramOptions> options, TimeProvider time, ILogger<DocumentHandler> logger)
{
    private static readonly HashSet<string> AllowedExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".doc", ".docx", ".odt", ".rtf", ".txt", ".jpg", ".jpeg", ".png", ".tif", ".tiff",
    };

    public async Task HandleAsync(Message message, UpdateEffects effects, CancellationToken ct)
    {
        var chatId = message.Chat.Id;
        var view = await session.LoadAsync(message.From!.Id, ct);
        if (view is null)
        {
            TelegramLog.Stranger(logger, message.From.Id);
            Answer(effects, chatId, TelegramTexts.Stranger);
            return;
        }
        var (item, meetingId) = await TargetAsync(message, view, ct);
        if (item is null && meetingId is null)
        {
            Answer(effects, chatId, ChatCommandParser.Parse(message.Caption, view.Today) is ChatCommand.Protocol p
                ? TelegramTexts.NoItem(p.Number) : TelegramTexts.Usage(ChatCommandParser.Usage.Protocol));
            return;
        }
        if (item is not null ? !view.CanActOn(item) : !view.Member.ActsOnAllItems)
        {
            Answer(effects, chatId, item is not null ? TelegramTexts.NotYours(item.Number, item.Parties) : TelegramTexts.AdminOnly);
            return;
        }
        var document = message.Document!;
        var fileName = Path.GetFileName(document.FileName ?? "protocol");
        if (document.FileSize is null or <= 0 || document.FileSize > options.Value.MaxUploadBytes)
        {
            TelegramLog.Refused(logger, "document", view.Member.MemberId, "too large or size unknown");
            Answer(effects, chatId, TelegramTexts.ProtocolTooBig(options.Value.MaxUploadBytes));
            return;
        }
        if (!AllowedExtensions.Contains(Path.GetExtension(fileName)))
        {
            TelegramLog.Refused(logger, "document", view.Member.MemberId, "file type");
            Answer(effects, chatId, TelegramTexts.ProtocolType(fileName));
            return;
        }

        var file = await gateway.Bot.GetFile(document.FileId, ct);
        Task Download(Stream target, CancellationToken token) => gateway.Bot.DownloadFile(file, target, token);
        if (meetingId is { } id)
        {
            await MeetingProtocolAsync(view, id, fileName, Download, chatId, effects, ct);
            return;
        }
        var stored = await protocols.SaveAsync(Download, Path.GetExtension(fileName), options.Value.MaxUploadBytes, ct);
        if (stored is null)
        {
            Answer(effects, chatId, TelegramTexts.ProtocolTooBig(options.Value.MaxUploadBytes));
            return;
        }
        var protocol = new ProtocolFile(fileName, stored.Size, stored.Sha256, stored.Path);
        var reply = new Reply(item!.Id, ReplyKind.Protocol, time.GetUtcNow(), null, view.Member.MemberId, message.Caption, File: protocol);
        effects.Write((c, tx, token) => ReplyStore.AppendAsync(c, tx, reply, token));
        TelegramLog.ProtocolStored(logger, item.Id, protocol.Size, protocol.Sha256);
        Answer(effects, chatId, TelegramTexts.ProtocolStored(item.Number, item.Title, fileName, ItemProgress.ProtocolClosesItem(item.Result)));
    }

    /// <summary>A protocol sent in reply to a meeting's agenda: recorded on the agenda's items with the update.</summary>
    private async Task MeetingProtocolAsync(
        MemberView view, long meetingId, string fileName, Func<Stream, CancellationToken, Task> download, long chatId, UpdateEffects effects, CancellationToken ct)
    {
        var meeting = await meetings.FindAsync(view.Member.CouncilId, meetingId, ct);
        if (meeting is null)
        {
            Answer(effects, chatId, TelegramTexts.Usage(ChatCommandParser.Usage.Protocol));
            return;
        }
        var prepared = await meetingProtocols.PrepareAsync(view.Snapshot.Council, meeting, fileName, download, ct);
        if (prepared is null)
        {
            Answer(effects, chatId, TelegramTexts.ProtocolTooBig(options.Value.MaxUploadBytes));
            return;
        }
        effects.Write(prepared.WriteAsync);
        effects.Answer(async token =>
        {
            var outcome = await meetingProtocols.OutcomeAsync(view.Snapshot.Council, prepared, token);
            await gateway.ReplyAsync(chatId, TelegramTexts.MeetingProtocolStored(meeting.LocalStart, fileName, outcome.Closed, outcome.Dated), null, token);
        });
    }

    /// <summary>The caption's «/protocol N», else the reminder or agenda the document replies to.</summary>
    private async Task<(StoredPlanItem? Item, long? MeetingId)> TargetAsync(Message message, MemberView view, CancellationToken ct)
    {
        if (ChatCommandParser.Parse(message.Caption, view.Today) is ChatCommand.Protocol protocol) return (view.Item(protocol.Number), null);
        if (message.ReplyToMessage is not { } replied) return (null, null);
        var sent = await ledger.FindSentAsync(view.Member.MemberId, [Channels.Telegram, Channels.Telegram + "-meeting"],
            replied.MessageId.ToString(CultureInfo.InvariantCulture), ct);
        if (sent?.ItemId is { } itemId) return (view.Snapshot.Item(itemId), null);
        if (sent is not null && sent.Key.StartsWith("meeting:", StringComparison.Ordinal)
            && long.TryParse(sent.Key.AsSpan(8, sent.Key.IndexOf('@', StringComparison.Ordinal) - 8), NumberStyles.None, CultureInfo.InvariantCulture, out var meetingId))
            return (null, meetingId);
        return (null, null);
    }

    private void Answer(UpdateEffects effects, long chatId, string html) => effects.Answer(ct => gateway.ReplyAsync(chatId, html, null, ct));
}
