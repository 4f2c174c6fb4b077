using Microsoft.Extensions.Logging;
using NokoBot.Delivery;
using NokoBot.Domain.Commands;
using NokoBot.Domain.Councils;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Telegram;

/// <summary>
/// Email addresses in Telegram: the secretary's <c>/invite &lt;party&gt; &lt;address&gt;</c> adds a member reached by
/// email and queues their welcome letter; a member's <c>/email &lt;address&gt;</c> sends a code to it, and
/// <c>/email &lt;code&gt;</c> confirms it (agendas and the digest then come by email too). Each letter goes through the
/// outbox in the update's own transaction.
/// </summary>
public sealed class AddressHandler(
    MemberDirectory members, EmailConfirmations confirmations, Outbox outbox, TelegramGateway gateway, TimeProvider time, ILogger<AddressHandler> logger)
{
    /// <summary>The secretary adds the party's member by address.</summary>
    public async Task<ChatText> InviteByEmailAsync(MemberView view, string party, string email, UpdateEffects effects, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(effects);
        if (EmailAddresses.Normalize(email) is not { } address) return ChatTexts.NotAnAddress(email);
        var councilId = view.Member.CouncilId;
        if (await members.PartyAsync(councilId, party, ct) is not { } partyName) return ChatTexts.NoSuchParty(party);
        if (view.Snapshot.Members.FirstOrDefault(m => m.Email == address) is { } taken) return ChatTexts.AddressTaken(address, taken.Name);
        var now = time.GetUtcNow();
        effects.Change(councilId, async (c, tx, token) =>
        {
            var memberId = await members.AddAsync(c, tx, councilId, partyName, MemberRole.Member, null, address, [partyName], token);
            await outbox.EnqueueWelcomeAsync(c, tx, councilId, memberId, now, token);
        });
        TelegramLog.AddressAdded(logger, view.Member.MemberId, councilId);
        return ChatTexts.InvitedByEmail(partyName, address);
    }

    /// <summary>A member gives an address (a code goes to it) or sends the code back.</summary>
    public void Handle(MemberView view, ChatCommand.Email command, long chatId, UpdateEffects effects)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(effects);
        if (command.Code is { } code)
        {
            Confirm(view, code, chatId, effects);
            return;
        }
        if (EmailAddresses.Normalize(command.Address) is not { } address)
        {
            Answer(effects, chatId, ChatTexts.NotAnAddress(command.Address ?? ""));
            return;
        }
        if (view.Snapshot.Members.FirstOrDefault(m => m.Email == address && m.Id != view.Member.MemberId) is { } taken)
        {
            Answer(effects, chatId, ChatTexts.AddressTaken(address, taken.Name));
            return;
        }
        var (memberId, councilId) = (view.Member.MemberId, view.Member.CouncilId);
        var now = time.GetUtcNow();
        var secret = EmailConfirmations.NewCode();
        var letter = new AddressCodePayload(address, view.Member.Name, secret, now + EmailConfirmations.Lifetime);
        effects.Change(councilId, async (c, tx, token) =>
        {
            await confirmations.StartAsync(c, tx, memberId, address, secret, token);
            await outbox.EnqueueAddressCodeAsync(c, tx, councilId, memberId, letter, now, token);
        });
        Answer(effects, chatId, ChatTexts.EmailCodeSent(address));
    }

    /// <summary>Checks the code in the update's transaction; the answer says what came of it once that is committed.</summary>
    private void Confirm(MemberView view, string code, long chatId, UpdateEffects effects)
    {
        var (memberId, councilId) = (view.Member.MemberId, view.Member.CouncilId);
        ChatText? answer = null;
        effects.Change(councilId, async (c, tx, token) =>
        {
            var result = await confirmations.CheckAsync(c, tx, memberId, code, token);
            if (result is ConfirmationResult.Confirmed confirmed
                && (await MemberDirectory.FindByEmailAsync(c, tx, confirmed.Address, token)).FirstOrDefault(m => m.CouncilId == councilId && m.MemberId != memberId) is { } taken)
            {
                answer = ChatTexts.AddressTaken(confirmed.Address, taken.Name);
                return;
            }
            if (result is ConfirmationResult.Confirmed ok) await MemberDirectory.SetEmailAsync(c, tx, memberId, ok.Address, digest: true, token);
            answer = result switch
            {
                ConfirmationResult.Confirmed ok2 => ChatTexts.EmailConfirmed(ok2.Address),
                ConfirmationResult.WrongCode wrong => ChatTexts.EmailWrongCode(wrong.AttemptsLeft),
                _ => ChatTexts.EmailNothingPending,
            };
        });
        effects.Answer(token => answer is null ? Task.CompletedTask : gateway.ReplyAsync(chatId, TelegramHtml.Render(answer), null, token));
    }

    private void Answer(UpdateEffects effects, long chatId, ChatText text)
    {
        var html = TelegramHtml.Render(text);
        effects.Answer(ct => gateway.ReplyAsync(chatId, html, null, ct));
    }
}
