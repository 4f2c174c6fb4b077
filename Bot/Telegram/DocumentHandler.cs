using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NokoBot.Domain.Commands;
using NokoBot.Domain.Replies;
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
    TelegramSession session, TelegramGateway gateway, DeliveryLedger ledger, ProtocolFiles protocols,
    IOptions<TelegramOptions> options, TimeProvider time, ILogger<DocumentHandler> logger)
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
        var item = await TargetAsync(message, view, ct);
        if (item is null)
        {
            Answer(effects, chatId, ChatCommandParser.Parse(message.Caption, view.Today) is ChatCommand.Protocol p
                ? TelegramTexts.NoItem(p.Number) : TelegramTexts.Usage(ChatCommandParser.Usage.Protocol));
            return;
        }
        if (!view.CanActOn(item))
        {
            Answer(effects, chatId, TelegramTexts.NotYours(item.Number, item.Parties));
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
        var stored = await protocols.SaveAsync((target, token) => gateway.Bot.DownloadFile(file, target, token), Path.GetExtension(fileName), options.Value.MaxUploadBytes, ct);
        if (stored is null)
        {
            Answer(effects, chatId, TelegramTexts.ProtocolTooBig(options.Value.MaxUploadBytes));
            return;
        }
        var protocol = new ProtocolFile(fileName, stored.Size, stored.Sha256, stored.Path);
        var reply = new Reply(item.Id, ReplyKind.Protocol, time.GetUtcNow(), null, view.Member.MemberId, message.Caption, File: protocol);
        effects.Write((c, tx, token) => ReplyStore.AppendAsync(c, tx, reply, token));
        TelegramLog.ProtocolStored(logger, item.Id, protocol.Size, protocol.Sha256);
        Answer(effects, chatId, TelegramTexts.ProtocolStored(item.Number, item.Title, fileName, ItemProgress.ProtocolClosesItem(item.Result)));
    }

    private async Task<StoredPlanItem?> TargetAsync(Message message, MemberView view, CancellationToken ct)
    {
        if (ChatCommandParser.Parse(message.Caption, view.Today) is ChatCommand.Protocol protocol) return view.Item(protocol.Number);
        if (message.ReplyToMessage is { } replied
            && await ledger.ItemOfSentMessageAsync(view.Member.MemberId, Channels.Telegram, replied.MessageId.ToString(CultureInfo.InvariantCulture), ct) is { } itemId)
            return view.Snapshot.Item(itemId);
        return null;
    }

    private void Answer(UpdateEffects effects, long chatId, string html) => effects.Answer(ct => gateway.ReplyAsync(chatId, html, null, ct));
}
