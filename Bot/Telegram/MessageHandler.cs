using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NokoBot.Domain.Commands;
using NokoBot.Domain.Councils;
using NokoBot.Storage;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace NokoBot.Telegram;

/// <summary>Text messages: commands, and the date a member types after pressing «Другая дата».</summary>
public sealed class MessageHandler(
    TelegramSession session, ItemActions actions, TelegramGateway gateway, InviteStore invites, StateStore state,
    CouncilEventStore events, MeetingStore meetings, IOptions<TelegramOptions> options, TimeProvider time, ILogger<MessageHandler> logger)
{
    public const int PlanPageSize = 10;

    public static string AwaitDateKey(long userId) => string.Create(CultureInfo.InvariantCulture, $"telegram.await-date:{userId}");

    public async Task HandleAsync(Message message, UpdateEffects effects, CancellationToken ct)
    {
        var user = message.From!;
        var chatId = message.Chat.Id;
        var view = await session.LoadAsync(user.Id, ct);
        var today = view?.Today ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var command = ChatCommandParser.Parse(message.Text, today);

        if (command is ChatCommand.Start start)
        {
            await StartAsync(start, user, chatId, view, effects, ct);
            return;
        }
        if (view is null)
        {
            TelegramLog.Stranger(logger, user.Id);
            Answer(effects, chatId, TelegramTexts.Stranger);
            return;
        }
        if (command is null)
        {
            await TypedDateAsync(message.Text!, view, chatId, user.Id, effects, ct);
            return;
        }
        var admin = view.Member.ActsOnAllItems;
        var answer = command switch
        {
            ChatCommand.Help => TelegramTexts.Help(admin),
            ChatCommand.My => My(view),
            ChatCommand.Plan plan => Plan(view, plan.Page),
            ChatCommand.Item item => view.Item(item.Number) is { } i ? ItemDetails(view, i) : TelegramTexts.NoItem(item.Number),
            ChatCommand.Done done => view.Item(done.Number) is { } i ? actions.Done(view, i, done.Comment, effects) : TelegramTexts.NoItem(done.Number),
            ChatCommand.Postpone p => view.Item(p.Number) is { } i ? actions.Postpone(view, i, p.To, p.Reason, effects) : TelegramTexts.NoItem(p.Number),
            ChatCommand.Protocol p => TelegramTexts.SendProtocol(p.Number),
            ChatCommand.Invalid invalid => TelegramTexts.Usage(invalid.Usage),
            ChatCommand.Unknown unknown => TelegramTexts.Unknown(unknown.Name),
            _ when !admin => TelegramTexts.AdminOnly,
            ChatCommand.Invite invite => await InviteAsync(view, invite.Party, ct),
            ChatCommand.RecordEvent e => RecordEvent(view, e, effects),
            ChatCommand.SetDue s => view.Item(s.Number) is { } i ? SetDue(i, s.Due, effects) : TelegramTexts.NoItem(s.Number),
            ChatCommand.Members => Members(view),
            ChatCommand.ScheduleMeeting m => ScheduleMeeting(view, m, effects),
            _ => TelegramTexts.Help(admin),
        };
        Answer(effects, chatId, answer);
    }

    private async Task StartAsync(ChatCommand.Start start, User user, long chatId, MemberView? view, UpdateEffects effects, CancellationToken ct)
    {
        if (start.Code is not { Length: > 0 and <= 64 } code)
        {
            Answer(effects, chatId, view is null ? TelegramTexts.Stranger : Greeting(view, null));
            if (view is null) TelegramLog.Stranger(logger, user.Id);
            return;
        }
        LinkedMember? linked = null;
        var name = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        effects.Write(async (c, tx, token) => linked = await invites.RedeemAsync(c, tx, code, user.Id, chatId, name.Length > 0 ? name : user.Username ?? "участник", token));
        effects.Answer(async token =>
        {
            if (linked is null)
            {
                await gateway.ReplyAsync(chatId, TelegramTexts.InviteInvalid, null, token);
                return;
            }
            TelegramLog.Linked(logger, user.Id, linked.MemberId, linked.CouncilId);
            var now = await session.LoadAsync(user.Id, token);
            await gateway.ReplyAsync(chatId, now is null ? TelegramTexts.InviteInvalid : Greeting(now, linked.Party), null, token);
        });
    }

    private static string Greeting(MemberView view, string? party) =>
        TelegramTexts.Greeting(view.Member.Name, view.Snapshot.Council.Name, party ?? (view.Member.Parties.Count > 0 ? view.Member.Parties[0] : null),
            [.. view.OpenItems().Take(15).Select(i => TelegramTexts.ItemLine(i.Number, i.Title, view.When(i)))]);

    /// <summary>Plain text: the date asked for after «Другая дата», else a hint.</summary>
    private async Task TypedDateAsync(string text, MemberView view, long chatId, long userId, UpdateEffects effects, CancellationToken ct)
    {
        var key = AwaitDateKey(userId);
        if (await state.GetAsync(key, ct) is not { } itemIdText)
        {
            Answer(effects, chatId, TelegramTexts.NotACommand);
            return;
        }
        var item = view.Snapshot.Item(long.Parse(itemIdText, CultureInfo.InvariantCulture));
        if (item is null || !ChatDateParser.TryParse(text, view.Today, out var date))
        {
            Answer(effects, chatId, item is null ? TelegramTexts.NotACommand : TelegramTexts.BadDate(text));
            if (item is null) effects.Write((c, tx, token) => StateStore.DeleteAsync(c, tx, key, token));
            return;
        }
        var answer = actions.Postpone(view, item, date, null, effects);
        effects.Write((c, tx, token) => StateStore.DeleteAsync(c, tx, key, token));
        Answer(effects, chatId, answer);
    }

    private static string My(MemberView view)
    {
        if (view.Snapshot.Plan is null) return TelegramTexts.NoPlan;
        var open = view.OpenItems();
        return open.Count == 0
            ? "Открытых пунктов у вас нет."
            : "<b>Ваши открытые пункты</b>\n" + string.Join("\n", open.Select(i => TelegramTexts.ItemLine(i.Number, i.Title, view.When(i))));
    }

    private static string Plan(MemberView view, int page)
    {
        if (view.Snapshot.Plan is not { } plan) return TelegramTexts.NoPlan;
        var pages = Math.Max(1, (plan.Items.Count + PlanPageSize - 1) / PlanPageSize);
        page = Math.Min(page, pages);
        var lines = plan.Items.Skip((page - 1) * PlanPageSize).Take(PlanPageSize)
            .Select(i => TelegramTexts.ItemLine(i.Number, i.Title, view.When(i)) + " · " + TelegramTexts.Html(string.Join(", ", i.Parties)));
        var footer = page < pages ? $"\nСтраница {page} из {pages}. Дальше: /plan {page + 1}" : $"\nСтраница {page} из {pages}.";
        return $"<b>План на {plan.Year} год</b>\n" + string.Join("\n", lines) + footer;
    }

    private static string ItemDetails(MemberView view, StoredPlanItem item)
    {
        var lines = new List<string>
        {
            $"<b>п. {TelegramTexts.Html(item.Number)}</b> {TelegramTexts.Html(item.Title)}",
            $"Ответственные: {TelegramTexts.Html(string.Join(", ", item.Parties))}",
            $"Срок по плану: {TelegramTexts.Html(item.Deadline.Text.Length == 0 ? "не указан" : item.Deadline.Text)}",
            $"Сейчас: {TelegramTexts.Html(view.When(item))}",
            $"Ожидаемый результат: {TelegramTexts.Html(item.Result)}",
        };
        var history = view.Snapshot.RepliesOf(item.Id).Select(r => HistoryLine(view, r)).ToList();
        if (history.Count > 0) lines.Add("\n<b>История</b>\n" + string.Join("\n", history));
        return string.Join("\n", lines);
    }

    private static string HistoryLine(MemberView view, Domain.Replies.Reply r)
    {
        var when = CouncilClock.ToLocal(r.At, view.Snapshot.Zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
        var who = r.Party ?? view.Snapshot.Members.FirstOrDefault(m => m.Id == r.MemberId)?.Name ?? "секретарь";
        var what = r.Kind switch
        {
            Domain.Replies.ReplyKind.Done => "выполнено",
            Domain.Replies.ReplyKind.Postponed => $"перенос на {r.NewDate:dd.MM.yyyy}",
            Domain.Replies.ReplyKind.Protocol => $"протокол «{r.File?.FileName}»",
            _ => "закрыто",
        };
        return TelegramTexts.Html($"{when} — {who}: {what}" + (string.IsNullOrWhiteSpace(r.Comment) ? "" : $" ({r.Comment})"));
    }

    private async Task<string> InviteAsync(MemberView view, string party, CancellationToken ct)
    {
        var lifetime = TimeSpan.FromDays(14);
        var code = await invites.CreateAsync(view.Member.CouncilId, party, MemberRole.Member, lifetime, ct);
        if (code is null) return TelegramTexts.NoSuchParty(party);
        var bot = options.Value.BotUsername ?? (await gateway.Bot.GetMe(ct)).Username ?? "bot";
        return TelegramTexts.InviteLink(party, $"https://t.me/{bot}?start={code}", time.GetUtcNow() + lifetime);
    }

    private string RecordEvent(MemberView view, ChatCommand.RecordEvent e, UpdateEffects effects)
    {
        effects.Write((c, tx, ct) => events.AddAsync(c, tx, view.Member.CouncilId, e.Name, e.On, view.Member.MemberId, ct));
        return TelegramTexts.EventRecorded(e.Name, e.On);
    }

    private static string SetDue(StoredPlanItem item, DateOnly due, UpdateEffects effects)
    {
        effects.Write((c, tx, ct) => PlanStore.SetDueAsync(c, tx, item.Id, due, ct));
        return TelegramTexts.DueSet(item.Number, due);
    }

    private string ScheduleMeeting(MemberView view, ChatCommand.ScheduleMeeting m, UpdateEffects effects)
    {
        if (m.Day < view.Today) return TelegramTexts.PastDate(m.Day);
        if (m.Place.Length > 200) return TelegramTexts.Usage(ChatCommandParser.Usage.Meeting);
        effects.Write((c, tx, ct) => meetings.AddAsync(c, tx, view.Member.CouncilId, m.Day.ToDateTime(m.At), m.Place, ct));
        return TelegramTexts.MeetingScheduled(m.Day, m.At, m.Place, view.Snapshot.Settings.AgendaDaysBefore);
    }

    private static string Members(MemberView view) => TelegramTexts.Members(view.Snapshot.Members.Select(m =>
        (m.Name, m.Role switch { MemberRole.Secretary => "секретарь", MemberRole.Chair => "председатель", _ => "участник" }, m.Parties, m.CanUseTelegram)));

    private void Answer(UpdateEffects effects, long chatId, string html) => effects.Answer(ct => gateway.ReplyAsync(chatId, html, null, ct));
}
