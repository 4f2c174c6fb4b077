using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace NokoBot.Telegram;

/// <summary>One handler per kind of update; everything else (channel posts, edits, group chatter) is not NokoBot's.</summary>
public sealed class UpdateRouter(MessageHandler messages, CallbackHandler callbacks, DocumentHandler documents, GroupHandler groups)
{
    public Task RouteAsync(Update update, UpdateEffects effects, CancellationToken ct) => update switch
    {
        { Message: { Chat.Type: ChatType.Private, From: not null, Document: not null } m } => documents.HandleAsync(m, effects, ct),
        { Message: { Chat.Type: ChatType.Private, From: not null, Text: not null } m } => messages.HandleAsync(m, effects, ct),
        { Message: { Chat.Type: ChatType.Group or ChatType.Supergroup, From: not null, Text: not null } m } => groups.HandleAsync(m, effects, ct),
        { CallbackQuery: { } q } => callbacks.HandleAsync(q, effects, ct),
        _ => Task.CompletedTask,
    };
}
