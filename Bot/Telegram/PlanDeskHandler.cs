using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NokoBot.Desk;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Plans;
using NokoBot.Plans;
using NokoBot.Storage;
using NokoBot.Texts;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace NokoBot.Telegram;

/// <summary>
/// The plan desk in chat: a .docx or .txt from the secretary or the chair (not a protocol) is read and previewed,
/// next year's draft is previewed on request; nothing is written until its author presses «Импортировать», which
/// imports it in the update's own transaction.
/// </summary>
public sealed partial class PlanDeskHandler(
    PlanDesk desk, PlanDraftStore drafts, TelegramGateway gateway, UploadGuard guard, IOptions<TelegramOptions> options, TimeProvider time,
    ILogger<PlanDeskHandler> logger)
{
    private static readonly HashSet<string> PlanExtensions = new(StringComparer.OrdinalIgnoreCase) { ".docx", ".txt" };

    /// <summary>Whether a document with no protocol target is taken as a plan.</summary>
    public static bool LooksLikePlanFile(string? fileName) => PlanExtensions.Contains(Path.GetExtension(fileName ?? ""));

    public async Task UploadAsync(Message message, MemberView view, UpdateEffects effects, CancellationToken ct)
    {
        var chatId = message.Chat.Id;
        if (!view.Actor.ActsOnAllItems)
        {
            TelegramLog.Refused(logger, "plan upload", view.Member.MemberId, "not a secretary or chair");
            Answer(effects, chatId, DeskTexts.MembersCannotUpload);
            return;
        }
        switch (guard.Check(message.From!.Id))
        {
            case UploadVerdict.RefuseSilently:
                TelegramLog.Refused(logger, "plan upload", view.Member.MemberId, "too many uploads, already told");
                return;
            case UploadVerdict.RefuseWithAnswer:
                TelegramLog.Refused(logger, "plan upload", view.Member.MemberId, "too many uploads");
                Answer(effects, chatId, DeskTexts.TooManyUploads);
                return;
        }
        var document = message.Document!;
        var maxBytes = Math.Min(options.Value.MaxUploadBytes, PlanFileReader.MaxBytes);
        if (document.FileSize is null or <= 0 || document.FileSize > maxBytes)
        {
            Answer(effects, chatId, DeskTexts.PlanTooBig(maxBytes));
            return;
        }
        var content = await DownloadAsync(document.FileId, maxBytes, ct);
        if (content is null)
        {
            Answer(effects, chatId, DeskTexts.PlanTooBig(maxBytes));
            return;
        }
        var fileName = Path.GetFileName(document.FileName ?? "plan" + Path.GetExtension(document.FileName ?? ".txt"));
        var year = YearIn(message.Caption) ?? YearIn(fileName) ?? view.Today.Year;
        var (request, refusal) = await desk.ReadUploadAsync(view.Snapshot.Council, view.Member.MemberId, content, fileName, year, ct);
        if (refusal is not null)
        {
            TelegramLog.Refused(logger, "plan upload", view.Member.MemberId, refusal.GetType().Name);
            Answer(effects, chatId, Words(refusal));
            return;
        }
        Show(request!, view, chatId, effects);
    }

    /// <summary>Next year's draft (<c>/rollover</c>, or the offer's button).</summary>
    public async Task RolloverAsync(MemberView view, int? year, long chatId, UpdateEffects effects, CancellationToken ct)
    {
        var to = year ?? (view.Snapshot.Plan?.Year ?? view.Today.Year) + 1;
        var (request, refusal) = await desk.RolloverAsync(view.Snapshot.Council, view.Member.MemberId, to, ct);
        if (refusal is not null)
        {
            Answer(effects, chatId, Words(refusal));
            return;
        }
        Show(request!, view, chatId, effects);
    }

    /// <summary>A press on a preview's buttons.</summary>
    public async Task PressAsync(CallbackQuery query, MemberView view, DeskAction action, long draftId, int index, UpdateEffects effects, CancellationToken ct)
    {
        var chatId = query.Message?.Chat.Id ?? query.From.Id;
        var draft = await drafts.FindAsync(draftId, ct);
        if (await desk.CheckAsync(draft, view.Member.CouncilId, view.Member.MemberId, ct) is { } refusal)
        {
            TelegramLog.Refused(logger, "preview button", view.Member.MemberId, refusal.GetType().Name);
            var words = Words(refusal);
            Toast(effects, query, words.Plain);
            Answer(effects, chatId, words);
            return;
        }
        switch (action)
        {
            case DeskAction.Import:
                PlanImportOutcome? outcome = null;
                effects.Change(view.Member.CouncilId, async (c, tx, token) => outcome = await desk.ImportAsync(c, tx, draft!, token));
                int? replaced = view.Snapshot.Plan is { } current && current.Year < draft!.Year ? current.Year : null;
                Toast(effects, query, DeskTexts.ToastImported);
                effects.Answer(async token =>
                {
                    var text = outcome is null ? DeskTexts.AlreadySettled(imported: true)
                        : outcome.Unchanged ? DeskTexts.Unchanged(draft!.Year)
                        : DeskTexts.Imported(draft!.Year, outcome.Added, outcome.Updated, outcome.Removed, replaced);
                    TelegramLog.PlanImported(logger, view.Member.MemberId, draft!.Id, draft.Year);
                    await Settle(query, text, token);
                });
                break;
            case DeskAction.Cancel:
                effects.Write((c, tx, token) => PlanDraftStore.SettleAsync(c, tx, draftId, imported: false, time.GetUtcNow(), token));
                Toast(effects, query, DeskTexts.ToastCancelled);
                effects.Answer(token => Settle(query, DeskTexts.Cancelled, token));
                break;
            case DeskAction.Keep when index < draft!.Optional.Count:
                var number = draft.Optional[index];
                var kept = draft.Kept.ToHashSet(StringComparer.Ordinal);
                if (!kept.Remove(number)) kept.Add(number);
                effects.Write((c, tx, token) => PlanDraftStore.SetKeptAsync(c, tx, draftId, kept, token));
                Toast(effects, query, DeskTexts.ToastKeepChanged);
                effects.Answer(async token =>
                {
                    if (query.Message is not { } shown || await drafts.FindAsync(draftId, token) is not { } now) return;
                    var preview = await desk.PreviewAsync(now, token);
                    await gateway.EditMarkupAsync(shown.Chat.Id, shown.MessageId, DeskButtons.For(draftId, preview.Items), token);
                });
                break;
            default:
                Toast(effects, query, ChatTexts.ToastStale);
                break;
        }
    }

    private void Show(DraftRequest request, MemberView view, long chatId, UpdateEffects effects)
    {
        long draftId = 0;
        effects.Write(async (c, tx, token) => draftId = await desk.AddAsync(c, tx, request, token));
        effects.Answer(async token =>
        {
            if (await drafts.FindAsync(draftId, token) is not { } draft) return;
            var preview = await desk.PreviewAsync(draft, token);
            var text = DeskTexts.Preview(preview, CouncilClock.ToLocal(draft.ExpiresAt, view.Snapshot.Zone));
            TelegramLog.PlanPreviewed(logger, view.Member.MemberId, draftId, draft.Year, preview.Items.Count);
            await gateway.ReplyAsync(chatId, TelegramHtml.Render(text), DeskButtons.For(draftId, preview.Items), token);
        });
    }

    /// <summary>The preview's last message (the one with the buttons) keeps its text with the outcome under it, buttons gone.</summary>
    private Task Settle(CallbackQuery query, string result, CancellationToken ct)
    {
        var chatId = query.Message?.Chat.Id ?? query.From.Id;
        if (query.Message is not { } message) return gateway.ReplyAsync(chatId, TelegramHtml.Render(result), null, ct);
        var html = TelegramHtml.Plain(message.Text ?? "") + "\n\n" + TelegramHtml.Render(result);
        return gateway.EditAsync(message.Chat.Id, message.MessageId, html, null, ct);
    }

    private async Task<byte[]?> DownloadAsync(string fileId, long maxBytes, CancellationToken ct)
    {
        var file = await gateway.Bot.GetFile(fileId, ct);
        using var memory = new MemoryStream();
        try
        {
            await using var limited = new LimitedStream(memory, maxBytes);
            await gateway.Bot.DownloadFile(file, limited, ct);
        }
        catch (InvalidDataException)
        {
            return null;
        }
        return memory.ToArray();
    }

    public static ChatText Words(DeskRefusal refusal) => refusal switch
    {
        DeskRefusal.NotAPlan n => DeskTexts.NotAPlan(n.Message),
        DeskRefusal.YearNotInCalendar y => DeskTexts.YearNotInCalendar(y.Year, y.Known),
        DeskRefusal.NotYours => DeskTexts.NotYours,
        DeskRefusal.AlreadySettled s => DeskTexts.AlreadySettled(s.Imported),
        DeskRefusal.Expired => DeskTexts.Expired,
        DeskRefusal.PlanChanged => DeskTexts.PlanChanged,
        DeskRefusal.NoPlanToRoll r => DeskTexts.NoPlanToRoll(r.Year),
        DeskRefusal.YearExists e => DeskTexts.YearExists(e.Year),
        _ => DeskTexts.NoDraft,
    };

    /// <summary>A plan year named in a caption or a file name: «2021», «план 2021 г.», «desnogorsk-2020.docx».</summary>
    public static int? YearIn(string? text) =>
        text is not null && YearPattern().Match(text) is { Success: true } m ? int.Parse(m.Value, CultureInfo.InvariantCulture) : null;

    private void Answer(UpdateEffects effects, long chatId, ChatText text)
    {
        var html = TelegramHtml.Render(text);
        effects.Answer(ct => gateway.ReplyAsync(chatId, html, null, ct));
    }

    private void Toast(UpdateEffects effects, CallbackQuery query, string text) =>
        effects.Answer(token => gateway.AnswerCallbackAsync(query.Id, text.Length <= 190 ? text : text[..189] + "…", token));

    [GeneratedRegex(@"(?<!\d)20\d{2}(?!\d)")]
    private static partial Regex YearPattern();
}
