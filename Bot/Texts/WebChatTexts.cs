namespace NokoBot.Texts;

/// <summary>What the bot says about the council pages and calendars in a chat (<c>/web</c>, <c>/calendar</c>).</summary>
public static class WebChatTexts
{
    public const string WebOff = "Страницы совета на этом сервере выключены. Спросите администратора.";

    public static ChatText SignInLink(string url, int minutes) => ChatText.FromLines(
    [
        new TextLine("Ссылка для входа на страницу совета", true),
        new TextLine(url),
        new TextLine($"Она одноразовая и действует {minutes} минут. Вход сохранится в браузере на 30 дней; выйти на всех устройствах — /web logout."),
    ]);

    public static string SignedOut(int sessions) =>
        sessions == 0 ? "Открытых входов на страницу совета не было: ссылки для входа, если были, больше не работают."
        : $"Готово: вы вышли со страницы совета на всех устройствах (входов: {sessions}).";

    public static ChatText CalendarLinks(string mine, string? council, bool renewed) => ChatText.FromLines(
    [
        new TextLine(renewed ? "Новая ссылка на ваш календарь (старая больше не работает)" : "Ваш календарь: сроки ваших пунктов и заседания", true),
        new TextLine(mine),
        .. council is null ? [] : (IEnumerable<TextLine>)[new TextLine(""), new TextLine("Календарь всего плана совета", true), new TextLine(council)],
        new TextLine(""),
        new TextLine("Добавьте ссылку в календарь как подписку (Google: «Добавить по URL», Яндекс: «Подписаться», iPhone: «Подписной календарь»). Ссылка личная; новая, если старая попала к посторонним: /calendar new."),
    ]);
}
