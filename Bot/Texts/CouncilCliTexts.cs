namespace NokoBot.Texts;

/// <summary>What <c>nokobot council add|list|set</c> says.</summary>
public static class CouncilCliTexts
{
    public static string SlugUnderivable(string fullName) =>
        $"Не удалось составить краткое имя из «{fullName}»: укажите его явно, например --slug desnogorsk.";

    public static string SlugTaken(string slug) => $"Совет с кратким именем «{slug}» уже есть. Выберите другое: --slug …";

    public static string Added(string name, string slug, string timeZone) =>
        $"Совет добавлен: {name} (краткое имя {slug}, часовой пояс {timeZone}).";

    public const string NoneYet = "Советов пока нет. Добавьте: nokobot council add --name \"…\" --slug … --tz Europe/Moscow";

    public const string SlugColumn = "Краткое имя";
    public const string NameColumn = "Название";
    public const string TimeZoneColumn = "Часовой пояс";

    public static string NotEmails(IEnumerable<string> invalid) => $"Это не адреса электронной почты: {string.Join(", ", invalid)}";

    public static string DigestListCleared(string councilName) => $"Список рассылки сводки совета «{councilName}» очищен.";

    public static string DigestListSet(string councilName, IEnumerable<string> addresses) =>
        $"Сводку совета «{councilName}» будут получать: {string.Join(", ", addresses)}.";
}
