using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NokoBot.Domain.Commands;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Replies;
using NokoBot.Replies;
using NokoBot.Storage;
using NokoBot.Texts;
using NokoBot.Web;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace NokoBot.Telegram;

/// <summary>Text messages: commands, and the date a member types after pressing «Другая дата». The rules are the reply service's.</summary>
public sealed class MessageHandler(
    TelegramSession session, ReplyService replies, TelegramGateway gateway, InviteStore invites, StateStore state,
    MeetingStore meetings, PlanDeskHandler desk, ReportHandler reports, CouncilSettingsHandler councilSettings, WebLinks links,
    AddressHandler addresses, IOptions<TelegramOptions> options, TimeProvider time, ILogger<MessageHandler> logger)
{
    public const int PlanPageSize = 10;

    public async Task HandleAsync(Message message, UpdateEffects effects, CancellationToken ct)
    {
        var user = message.From!;
        var chatId = message.Chat.Id;
        var view = await session.LoadAsync(user.Id, ct);
        var today = view?.Today ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var command = ChatCommandParser.Parse(message.Text, today);

        if (command is ChatCommand.Start start)
        {
            Start(start, user, chatId, view, effects);
            return;
        }
        if (view is null)
        {
            TelegramLog.Stranger(logger, user.Id);
            Answer(effects, chatId, ChatTexts.Stranger);
            return;
        }
        if (command is null)
        {
            if (await councilSettings.TypedAsync(message.Text!, view, chatId, user.Id, effects, ct)) return;
            await TypedDateAsync(message.Text!, view, chatId, user.Id, effects, ct);
            return;
        }
        if (command is ChatCommand.Settings settings)
        {
            Settings(view, settings.Change, chatId, effects);
            if (settings.Change is null && view.Actor.ActsOnAllItems) await councilSettings.ShowAsync(view, chatId, user.Id, effects, ct);
            return;
        }
        if (command is ChatCommand.Email email)
        {
            addresses.Handle(view, email, chatId, effects);
            return;
        }
        var admin = view.Actor.ActsOnAllItems;
        if (command is ChatCommand.Rollover rollover && admin)
        {
            await desk.RolloverAsync(view, rollover.Year, chatId, effects, ct);
            return;
        }
        if (command is ChatCommand.Report report && admin)
        {
            await reports.SendAsync(view, report.Year, chatId, effects, ct);
            return;
        }
        ChatText answer = command switch
        {
            ChatCommand.Help => ChatTexts.Help(admin),
            ChatCommand.My => My(view),
            ChatCommand.Plan plan => Plan(view, plan.Page),
            ChatCommand.Item item => view.Item(item.Number) is { } i ? ItemDetails(view, i) : ReplyTexts.Refusal(new ReplyRefusal.NoSuchItem(item.Number)),
            ChatCommand.Done done => Reply(view, new ReplyRequest.Done(done.Number, done.Comment), effects),
            ChatCommand.Postpone p => Reply(view, new ReplyRequest.Postpone(p.Number, p.To, p.Reason), effects),
            ChatCommand.Protocol p => ChatTexts.SendProtocol(p.Number),
            ChatCommand.Invalid invalid => ChatTexts.Usage(invalid.Usage),
            ChatCommand.Unknown unknown => ChatTexts.Unknown(unknown.Name),
            ChatCommand.Web web => await WebAsync(view, web.Logout, ct),
            ChatCommand.Calendar calendar => await CalendarAsync(view, calendar.Renew, ct),
            _ when !admin => ChatTexts.AdminOnly,
            ChatCommand.Invite { Address: { } address } invite => await addresses.InviteByEmailAsync(view, invite.Party, address, effects, ct),
            ChatCommand.Invite invite => await InviteAsync(view, invite.Party, ct),
            ChatCommand.RecordEvent e => Reply(view, new ReplyRequest.RecordEvent(e.Name, e.On), effects),
            ChatCommand.SetDue s => Reply(view, new ReplyRequest.SetDue(s.Number, s.Due), effects),
            ChatCommand.Members => Members(view),
            ChatCommand.ScheduleMeeting m => ScheduleMeeting(view, m, effects),
            _ => ChatTexts.Help(admin),
        };
        Answer(effects, chatId, answer);
    }

    /// <summary>Decides through the reply service; an accepted reply is written with the update.</summary>
    public string Reply(MemberView view, ReplyRequest request, UpdateEffects effects)
    {
        var outcome = replies.Decide(view.Snapshot, view.Actor, request);
        if (outcome.Refusal is { } refusal)
        {
            TelegramLog.Refused(logger, request.GetType().Name, view.Member.MemberId, refusal.GetType().Name);
            return ReplyTexts.Refusal(refusal);
        }
        effects.Change(view.Member.CouncilId, (c, tx, ct) => replies.WriteAsync(c, tx, outcome, ct));
        var accepted = (ReplyDecision.Accepted)outcome.Decision;
        var item = outcome.Item;
        return request switch
        {
            ReplyRequest.Done => ReplyTexts.Done(item!.Number, item.Title, accepted),
            ReplyRequest.Postpone p => ReplyTexts.Postponed(item!.Number, item.Title, p.To, p.Reason),
            ReplyRequest.SetDue s => ReplyTexts.DueSet(item!.Number, s.Due),
            ReplyRequest.RecordEvent e => ReplyTexts.EventRecorded(e.Name, e.On),
            ReplyRequest.Protocol p => ReplyTexts.ProtocolStored(item!.Number, item.Title, p.File.FileName, accepted),
            _ => "",
        };
    }

    private void Start(ChatCommand.Start start, User user, long chatId, MemberView? view, UpdateEffects effects)
    {
        if (start.Code is not { Length: > 0 and <= 64 } code)
        {
            Answer(effects, chatId, view is null ? ChatTexts.Stranger : Greeting(view, null));
            if (view is null) TelegramLog.Stranger(logger, user.Id);
            return;
        }
        LinkedMember? linked = null;
        var name = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        effects.Write(async (c, tx, token) => linked = await invites.RedeemAsync(c, tx, code, user.Id, chatId, name.Length > 0 ? name : user.Username ?? ChatTexts.MemberFallbackName, token));
        effects.Answer(async token =>
        {
            if (linked is null)
            {
                await gateway.ReplyAsync(chatId, TelegramHtml.Render(ChatTexts.InviteInvalid), null, token);
                return;
            }
            TelegramLog.Linked(logger, user.Id, linked.MemberId, linked.CouncilId);
            var now = await session.LoadAsync(user.Id, token);
            await gateway.ReplyAsync(chatId, TelegramHtml.Render(now is null ? ChatTexts.InviteInvalid : Greeting(now, linked.Party)), null, token);
        });
    }

    private static ChatText Greeting(MemberView view, string? party) =>
        ChatTexts.Greeting(view.Member.Name, view.Snapshot.Council.Name, party ?? (view.Member.Parties.Count > 0 ? view.Member.Parties[0] : null),
            [.. view.OpenItems().Take(15).Select(i => ChatTexts.ItemLine(i.Number, i.Title, view.When(i)))]);

    /// <summary>Plain text: the date asked for after «Другая дата», else a hint.</summary>
    private async Task TypedDateAsync(string text, MemberView view, long chatId, long userId, UpdateEffects effects, CancellationToken ct)
    {
        var key = StateKeys.AwaitDate(userId);
        if (await state.GetAsync(key, ct) is not { } itemIdText)
        {
            Answer(effects, chatId, ChatTexts.NotACommand);
            return;
        }
        var item = view.Snapshot.Item(long.Parse(itemIdText, CultureInfo.InvariantCulture));
        if (item is null || !ChatDateParser.TryParse(text, view.Today, out var date))
        {
            Answer(effects, chatId, item is null ? ChatTexts.NotACommand : ChatTexts.BadDate(text));
            if (item is null) effects.Write((c, tx, token) => StateStore.DeleteAsync(c, tx, key, token));
            return;
        }
        var answer = Reply(view, new ReplyRequest.Postpone(item.Number, date, null), effects);
        effects.Write((c, tx, token) => StateStore.DeleteAsync(c, tx, key, token));
        Answer(effects, chatId, answer);
    }

    /// <summary>The member's own reminder hour and weekly-summary choice: shown, or changed.</summary>
    public static void Settings(MemberView view, SettingsChange? change, long chatId, UpdateEffects effects, TelegramGateway gateway)
    {
        var contact = view.Snapshot.Member(view.Member.MemberId);
        var current = contact?.Preferences ?? Domain.Councils.MemberPreferences.Default;
        var settings = view.Snapshot.Settings;
        if (change is null)
        {
            var text = ChatTexts.Settings(settings.ReminderTime, current.ReminderTime, current.WeeklySummaryOnly, settings.WeeklyDay);
            effects.Answer(ct => gateway.ReplyAsync(chatId, TelegramHtml.Render(text), SettingsButtons.For(current.WeeklySummaryOnly), ct));
            return;
        }
        var updated = change switch
        {
            SettingsChange.ReminderHour h => current with { ReminderTime = h.Time },
            SettingsChange.WeeklySummary w => current with { WeeklySummaryOnly = w.Only },
            _ => MemberPreferences.Default,
        };
        effects.Change(view.Member.CouncilId, (c, tx, ct) => MemberDirectory.SetPreferencesAsync(c, tx, view.Member.MemberId, updated, ct));
        var saved = ChatTexts.SettingsSaved(updated.ReminderTime ?? settings.ReminderTime, updated.WeeklySummaryOnly);
        effects.Answer(ct => gateway.ReplyAsync(chatId, TelegramHtml.Render(saved), null, ct));
    }

    private void Settings(MemberView view, SettingsChange? change, long chatId, UpdateEffects effects) => Settings(view, change, chatId, effects, gateway);

    private static ChatText My(MemberView view) =>
        view.Snapshot.Plan is null ? ChatTexts.NoPlan
        : ChatTexts.MyItems([.. view.OpenItems().Select(i => ChatTexts.ItemLine(i.Number, i.Title, view.When(i)))]);

    private static ChatText Plan(MemberView view, int page)
    {
        if (view.Snapshot.Plan is not { } plan) return ChatTexts.NoPlan;
        var pages = Math.Max(1, (plan.Items.Count + PlanPageSize - 1) / PlanPageSize);
        page = Math.Min(page, pages);
        var lines = plan.Items.Skip((page - 1) * PlanPageSize).Take(PlanPageSize)
            .Select(i => ChatTexts.PlanLine(ChatTexts.ItemLine(i.Number, i.Title, view.When(i)), i.Parties)).ToList();
        return ChatTexts.PlanPage(plan.Year, lines, page, pages);
    }

    private static ChatText ItemDetails(MemberView view, StoredPlanItem item)
    {
        var history = view.Snapshot.RepliesOf(item.Id).Select(r => ChatTexts.HistoryLine(
            CouncilClock.ToLocal(r.At, view.Snapshot.Zone),
            r.Party ?? (r.MemberId is { } id ? view.Snapshot.Member(id)?.Name : null) ?? ChatTexts.SecretaryFallbackName,
            r.Kind switch
            {
                ReplyKind.Done => ChatTexts.HistoryDone,
                ReplyKind.Postponed => ChatTexts.HistoryPostponed(r.NewDate),
                ReplyKind.Protocol => ChatTexts.HistoryProtocol(r.File?.FileName),
                _ => ChatTexts.HistoryClosed,
            },
            r.Comment)).ToList();
        return ChatTexts.ItemDetails(item.Number, item.Title, item.Parties, item.Deadline.Text, view.When(item), item.Result, history);
    }

    private async Task<ChatText> InviteAsync(MemberView view, string party, CancellationToken ct)
    {
        var lifetime = TimeSpan.FromDays(14);
        var code = await invites.CreateAsync(view.Member.CouncilId, party, MemberRole.Member, lifetime, ct);
        if (code is null) return ChatTexts.NoSuchParty(party);
        var bot = options.Value.BotUsername ?? (await gateway.Bot.GetMe(ct)).Username ?? "bot";
        return ChatTexts.InviteLink(party, $"https://t.me/{bot}?start={code}", time.GetUtcNow() + lifetime);
    }

    /// <summary>A single-use sign-in link to the council's pages, or every web session ended.</summary>
    private async Task<ChatText> WebAsync(MemberView view, bool logout, CancellationToken ct)
    {
        if (logout) return WebChatTexts.SignedOut(await links.SignOutEverywhereAsync(view.Member.MemberId, ct));
        if (!links.Enabled) return WebChatTexts.WebOff;
        return WebChatTexts.SignInLink(await links.SignInAsync(view.Member.CouncilId, view.Member.MemberId, view.Member.Role, ct), WebLinks.SignInMinutes);
    }

    /// <summary>The person's calendar feed (and the council's for the secretary and the chair).</summary>
    private async Task<ChatText> CalendarAsync(MemberView view, bool renew, CancellationToken ct)
    {
        if (!links.Enabled) return WebChatTexts.WebOff;
        var mine = await links.FeedAsync(view.Member.CouncilId, view.Member.MemberId, renew, ct);
        var council = view.Actor.ActsOnAllItems ? await links.FeedAsync(view.Member.CouncilId, null, renew: false, ct) : null;
        return WebChatTexts.CalendarLinks(mine, council, renew);
    }

    private ChatText ScheduleMeeting(MemberView view, ChatCommand.ScheduleMeeting m, UpdateEffects effects)
    {
        if (m.Day < view.Today) return ReplyTexts.Refusal(new ReplyRefusal.PastDate(m.Day));
        if (m.Place.Length > 200) return ChatTexts.Usage(ChatCommandParser.Usage.Meeting);
        effects.Change(view.Member.CouncilId, (c, tx, ct) => meetings.AddAsync(c, tx, view.Member.CouncilId, m.Day.ToDateTime(m.At), m.Place, ct));
        return ChatTexts.MeetingScheduled(m.Day, m.At, m.Place, view.Snapshot.Settings.AgendaDaysBefore);
    }

    private static ChatText Members(MemberView view) => ChatTexts.Members(view.Snapshot.Members.Select(m =>
        (m.Name, ChatTexts.RoleName(m.Role), m.Parties, m.CanUseTelegram)));

    private void Answer(UpdateEffects effects, long chatId, ChatText text)
    {
        var html = TelegramHtml.Render(text);
        effects.Answer(ct => gateway.ReplyAsync(chatId, html, null, ct));
    }
}
