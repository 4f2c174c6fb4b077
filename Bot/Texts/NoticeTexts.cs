using NokoBot.Domain.Councils;

namespace NokoBot.Texts;

/// <summary>The secretary's notice that a member cannot be reached somewhere any more (Telegram and email say the same).</summary>
public static class NoticeTexts
{
    public static string Subject(ContactProblem problem, string memberName) => problem switch
    {
        ContactProblem.TelegramLost => $"{memberName}: недоступен в Telegram",
        ContactProblem.EmailBounced => $"{memberName}: письма не доставляются",
        _ => $"{memberName}: отписался от писем",
    };

    /// <param name="detail">What the mail server said about a bounce (its own words).</param>
    public static IReadOnlyList<string> Lines(
        ContactProblem problem, string memberName, string? address, string? detail, bool byTelegram, bool byEmail, string councilName)
    {
        var what = problem switch
        {
            ContactProblem.TelegramLost => $"{memberName} больше недоступен в Telegram: бот заблокирован или чат удалён.",
            ContactProblem.EmailBounced => $"Письма для {memberName} на адрес {address} не доставляются"
                + (string.IsNullOrWhiteSpace(detail) ? "" : $" (ответ почтового сервера: {detail})") + ". Больше туда не пишем.",
            _ => $"{memberName} попросил(а) больше не присылать писем на адрес {address}.",
        };
        var now = byTelegram ? "Напоминания теперь приходят ему в Telegram."
            : byEmail ? "Напоминания теперь приходят ему по почте."
            : "Сейчас бот не может с ним связаться: пригласите его в Telegram (/invite) или укажите другой адрес (/invite <ответственный> <адрес> или nokobot member add).";
        return [what, now, $"Совет «{councilName}»."];
    }
}
