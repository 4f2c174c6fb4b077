using Microsoft.Extensions.Logging;
using NokoBot.Domain.Councils;
using NokoBot.Storage;
using NokoBot.Texts;
using Telegram.Bot.Types;

namespace NokoBot.Telegram;

/// <summary>
/// The council's settings under the secretary's <c>/settings</c>: shown with their values; a button asks for a new
/// value, the next message is read by the domain (<see cref="CouncilSettingsInput"/>) and written with the update, or
/// refused with the reason (the question stays open for another try).
/// </summary>
public sealed class CouncilSettingsHandler(TelegramGateway gateway, StateStore state, CouncilMailSettings mail, ILogger<CouncilSettingsHandler> logger)
{
    public async Task ShowAsync(MemberView view, long chatId, long userId, UpdateEffects effects, CancellationToken ct)
    {
        var recipients = await mail.DigestRecipientsAsync(view.Member.CouncilId, ct);
        var html = TelegramHtml.Render(CouncilSettingsTexts.Council(view.Snapshot.Council.Name, view.Snapshot.Settings, recipients));
        effects.Write((c, tx, token) => StateStore.DeleteAsync(c, tx, StateKeys.AwaitSetting(userId), token));
        effects.Answer(token => gateway.ReplyAsync(chatId, html, CouncilSettingsButtons.For(), token));
    }

    /// <summary>A setting's button: the next message is its value (a pending «Другая дата» question is dropped).</summary>
    public void Ask(CallbackQuery query, MemberView view, CouncilSetting setting, UpdateEffects effects)
    {
        var chatId = query.Message?.Chat.Id ?? query.From.Id;
        effects.Write(async (c, tx, token) =>
        {
            await StateStore.DeleteAsync(c, tx, StateKeys.AwaitDate(query.From.Id), token);
            await state.SetAsync(c, tx, StateKeys.AwaitSetting(query.From.Id), setting.ToString(), token);
        });
        var html = TelegramHtml.Render(CouncilSettingsTexts.Ask(setting));
        effects.Answer(token => gateway.AnswerCallbackAsync(query.Id, CouncilSettingsTexts.Button(setting), token));
        effects.Answer(token => gateway.ReplyAsync(chatId, html, null, token));
    }

    /// <returns>Whether the text was the value of a setting the user had been asked for.</returns>
    public async Task<bool> TypedAsync(string text, MemberView view, long chatId, long userId, UpdateEffects effects, CancellationToken ct)
    {
        var key = StateKeys.AwaitSetting(userId);
        if (await state.GetAsync(key, ct) is not { } name) return false;
        if (!view.Actor.ActsOnAllItems || !Enum.TryParse<CouncilSetting>(name, out var setting))
        {
            effects.Write((c, tx, token) => StateStore.DeleteAsync(c, tx, key, token));
            return false;
        }
        var input = CouncilSettingsInput.Read(setting, text, view.Snapshot.Settings);
        string answer;
        if (input.Refusal is { } why)
        {
            TelegramLog.CouncilSettingRefused(logger, view.Member.MemberId, setting, why);
            answer = CouncilSettingsTexts.Refused(why, input.Bad);
        }
        else
        {
            var councilId = view.Member.CouncilId;
            if (input.Addresses is { } addresses)
                effects.Change(councilId, (c, tx, token) => CouncilSettingsStore.SetDigestRecipientsAsync(c, tx, councilId, addresses, token));
            else
                effects.Change(councilId, (c, tx, token) => CouncilSettingsStore.SetAsync(c, tx, councilId, input.Settings!, token));
            effects.Write((c, tx, token) => StateStore.DeleteAsync(c, tx, key, token));
            TelegramLog.CouncilSettingChanged(logger, view.Member.MemberId, setting, councilId);
            answer = CouncilSettingsTexts.Saved(setting, input.Settings ?? view.Snapshot.Settings, input.Addresses);
        }
        var html = TelegramHtml.Render(answer);
        effects.Answer(token => gateway.ReplyAsync(chatId, html, null, token));
        return true;
    }
}
