namespace NokoBot.Texts;

/// <summary>What <c>nokobot member add|list|remove</c> says.</summary>
public static class MemberCliTexts
{
    public static string NotAnAddress(string text) => $"«{text}» — не адрес электронной почты. Пример: ivanova@school5.ru";

    public static string NoSuchParty(string councilName, string party, string slug) =>
        $"В плане совета «{councilName}» нет ответственного «{party}». Точные названия: nokobot plan show --council {slug}";

    public const string PartyRequired = "Укажите, за кого отвечает участник: --party \"<ответственный из плана>\" (без него — только секретарь или председатель).";

    public static string AddressTaken(string address, string memberName) => $"Адрес {address} уже указан у участника «{memberName}» этого совета.";

    public static string Added(string name, long id, string address, string councilName) =>
        $"Участник добавлен: {name} (№ {id}) в совет «{councilName}», адрес {address}.";

    public const string WelcomeSent = "Письмо-приветствие отправлено.";

    public const string WelcomeQueued = "Письмо-приветствие в очереди: его отправит сервис (nokobot run), когда почта будет доступна.";

    public static string NoneYet(string councilName) => $"В совете «{councilName}» пока нет участников.";

    public const string IdColumn = "№";
    public const string NameColumn = "Имя";
    public const string RoleColumn = "Роль";
    public const string PartiesColumn = "Ответственный";
    public const string TelegramColumn = "Telegram";
    public const string EmailColumn = "Почта";

    public const string TelegramLinked = "подключён";
    public const string TelegramLost = "недоступен";
    public const string Nothing = "—";

    public static string Email(string address, string? state) => state switch
    {
        "failing" => $"{address} (не доставляется)",
        "stopped" => $"{address} (отписан)",
        _ => address,
    };

    public const string RemoveWhom = "Укажите, кого убрать: --email <адрес> или --id <номер из nokobot member list>.";

    public static string ByNumber(long id) => $"№ {id}";

    public static string NoSuchMember(string who, string councilName) => $"В совете «{councilName}» нет участника {who}.";

    public static string Removed(string name, string councilName) =>
        $"Участник «{name}» убран из совета «{councilName}»: ему больше ничего не отправляется; его отметки в плане остаются.";
}
