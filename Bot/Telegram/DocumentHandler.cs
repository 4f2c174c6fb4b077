using System.Globalization;
using System.Security.Cryptography;
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
    TelegramSession session, TelegramGateway gateway, DeliveryLedger ledger, SqliteDatabase database,
    IOptions<TelegramOptions> options, TimeProvider time, ILogger<DocumentHandler> logger)
{
    private static readonly HashSet<string> AllowedExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".doc", ".docx", ".odt", ".rtf", ".txt", ".jpg", ".jpeg", ".png", ".tif", ".tiff",
    };

    public string ProtocolsFolder => Path.Combine(Path.GetDirectoryName(database.FilePath) ?? ".", "protocols");

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

        var stored = await DownloadAsync(document.FileId, Path.GetExtension(fileName), ct);
        if (stored is null)
        {
            Answer(effects, chatId, TelegramTexts.ProtocolTooBig(options.Value.MaxUploadBytes));
            return;
        }
        var file = new ProtocolFile(fileName, stored.Value.Size, stored.Value.Sha256, stored.Value.Path);
        var reply = new Reply(item.Id, ReplyKind.Protocol, time.GetUtcNow(), null, view.Member.MemberId, message.Caption, File: file);
        effects.Write((c, tx, token) => ReplyStore.AppendAsync(c, tx, reply, token));
        TelegramLog.ProtocolStored(logger, item.Id, file.Size, file.Sha256);
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

    /// <summary>Downloads into the protocols folder, stopping at the size limit whatever the server claimed.</summary>
    private async Task<(string Path, long Size, string Sha256)?> DownloadAsync(string fileId, string extension, CancellationToken ct)
    {
        var folder = ProtocolsFolder;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var temp = Path.Combine(folder, $".upload-{Guid.NewGuid():N}");
        var file = await gateway.Bot.GetFile(fileId, ct);
        var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var target = new FileStream(temp, streamOptions))
        await using (var limited = new LimitedStream(target, options.Value.MaxUploadBytes))
        {
            try
            {
                await gateway.Bot.DownloadFile(file, limited, ct);
            }
            catch (InvalidDataException)
            {
                target.Close();
                File.Delete(temp);
                return null;
            }
        }
        string sha;
        long size;
        await using (var read = File.OpenRead(temp))
        {
            size = read.Length;
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
        }
        var final = Path.Combine(folder, sha + extension.ToLowerInvariant());
        if (File.Exists(final)) File.Delete(temp);
        else File.Move(temp, final);
        return (final, size, sha);
    }

    private void Answer(UpdateEffects effects, long chatId, string html) => effects.Answer(ct => gateway.ReplyAsync(chatId, html, null, ct));
}
