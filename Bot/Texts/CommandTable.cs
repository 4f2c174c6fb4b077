namespace NokoBot.Texts;

/// <summary>Who may use a chat command.</summary>
public enum CommandAudience
{
    /// <summary>Every member of a council (and its secretary and chair).</summary>
    Members,

    /// <summary>Only the council's secretary and chair.</summary>
    SecretaryAndChair,
}

/// <summary>One chat command as people are told about it.</summary>
/// <param name="Name">What follows «/»; Telegram's menu takes [a-z0-9_]{1,32}.</param>
/// <param name="Arguments">What follows the name in the list of commands: «N дата [причина]».</param>
/// <param name="Meaning">What it does, lower-case, a few words: «перенести срок».</param>
/// <param name="Audience">Who may use it.</param>
/// <param name="Detail">More about it, in the list of commands and in letters: «дата: 15.07, 15.07.2020, 15 июля или +7».</param>
/// <param name="Example">A command to copy, after the meaning in Telegram's menu: «/postpone 4 15.07 причина».</param>
/// <param name="ItemArguments">What follows an item's number when the command is offered for that item: «ДД.ММ причина».</param>
public sealed record CommandHelp(
    string Name, string Arguments, string Meaning, CommandAudience Audience, string? Detail = null, string? Example = null, string ItemArguments = "")
{
    /// <summary>«/postpone N дата [причина] — перенести срок (дата: …)»: a line of the /help answer.</summary>
    public string Line => $"/{Name}{(Arguments.Length == 0 ? "" : " " + Arguments)} — {Described}";

    /// <summary>The meaning with its detail: «прикрепить протокол (подписью к файлу протокола)».</summary>
    public string Described => Meaning + (Detail is null ? "" : $" ({Detail})");

    /// <summary>The command for one item, to type as it stands: «/postpone 4 ДД.ММ причина».</summary>
    public string For(string number) => $"/{Name} {number}{(ItemArguments.Length == 0 ? "" : " " + ItemArguments)}";

    /// <summary>«/done 4 — отметить выполнение»: the command for one item and what it does, short enough for a lock screen.</summary>
    public string Offer(string number) => $"{For(number)} — {Meaning}";

    /// <summary>The description in Telegram's command menu (1–256 characters): «Перенести срок: /postpone 4 15.07 причина».</summary>
    public string MenuDescription => char.ToUpperInvariant(Meaning[0]) + Meaning[1..] + (Example is null ? "" : ": " + Example);
}

/// <summary>
/// Every chat command the bot offers, once: the /help answer, Telegram's command menu, the commands a reminder and a
/// letter suggest are all built from this table. The parser of what people type is the domain's
/// (<c>ChatCommandParser</c>, with its usage lines).
/// </summary>
public static class CommandTable
{
    public static CommandHelp My { get; } = new("my", "", "мои открытые пункты", CommandAudience.Members, Detail: "ближайшие сроки сначала");

    public static CommandHelp Plan { get; } = new("plan", "", "весь план совета", CommandAudience.Members, Detail: "по страницам: /plan 2");

    public static CommandHelp Item { get; } = new("item", "N", "пункт и его история", CommandAudience.Members, Example: "/item 4");

    public static CommandHelp Done { get; } = new("done", "N [комментарий]", "отметить выполнение", CommandAudience.Members, Example: "/done 4");

    public static CommandHelp Postpone { get; } = new("postpone", "N дата [причина]", "перенести срок", CommandAudience.Members,
        Detail: "дата: 15.07, 15.07.2020, 15 июля или +7", Example: "/postpone 4 15.07 причина", ItemArguments: "ДД.ММ причина");

    public static CommandHelp Protocol { get; } = new("protocol", "N", "прикрепить протокол", CommandAudience.Members,
        Detail: "подписью к файлу протокола", Example: "/protocol 8 в подписи к файлу");

    public static CommandHelp Settings { get; } = new("settings", "", "моё время напоминаний и сводка", CommandAudience.Members,
        Detail: "например: /settings 9:00 или /settings сводка");

    public static CommandHelp Web { get; } = new("web", "", "страница совета в браузере", CommandAudience.Members,
        Detail: "одноразовая ссылка для входа; выйти на всех устройствах: /web logout");

    public static CommandHelp Calendar { get; } = new("calendar", "", "мои сроки в календаре", CommandAudience.Members,
        Detail: "ссылка для подписки; новая ссылка: /calendar new");

    public static CommandHelp Email { get; } = new("email", "адрес", "получать повестки и сводку и по почте", CommandAudience.Members,
        Detail: "адрес подтверждается кодом из письма: /email код", Example: "/email ivanova@school5.ru");

    /// <summary>In the menu; the /help answer does not list itself.</summary>
    public static CommandHelp Help { get; } = new("help", "", "все команды", CommandAudience.Members);

    public static CommandHelp Invite { get; } = new("invite", "ответственный [адрес]", "ссылка-приглашение", CommandAudience.SecretaryAndChair,
        Detail: "с адресом почты — участник по почте, без Telegram: ему уйдёт письмо-приветствие");

    public static CommandHelp Event { get; } = new("event", "событие дата", "отметить событие", CommandAudience.SecretaryAndChair,
        Detail: "сроки «после …» получат даты");

    public static CommandHelp SetDue { get; } = new("setdue", "N дата", "назначить срок пункту без даты", CommandAudience.SecretaryAndChair,
        ItemArguments: "ДД.ММ.ГГГГ");

    public static CommandHelp Members { get; } = new("members", "", "участники и их ответственность", CommandAudience.SecretaryAndChair);

    public static CommandHelp Meeting { get; } = new("meeting", "дата ЧЧ:ММ место", "назначить заседание", CommandAudience.SecretaryAndChair);

    public static CommandHelp Report { get; } = new("report", "[год]", "отчёт за год файлом Word", CommandAudience.SecretaryAndChair,
        Detail: "итоги, таблица всех пунктов, заседания");

    public static CommandHelp Rollover { get; } = new("rollover", "[год]", "черновик плана на следующий год", CommandAudience.SecretaryAndChair,
        Detail: "повторяющиеся пункты переносятся, невыполненные — на ваш выбор");

    /// <summary>The one command of a group chat (the others are for a private chat with the bot).</summary>
    public static CommandHelp LinkGroup { get; } = new("linkgroup", "", "присылать повестки заседаний в группу совета", CommandAudience.SecretaryAndChair,
        Detail: "команду отправляют в самой группе");

    /// <summary>In the order people read them: their own items first.</summary>
    public static IReadOnlyList<CommandHelp> All { get; } = [My, Plan, Item, Done, Postpone, Protocol, Settings, Web, Calendar, Email, Help, Invite, Event, SetDue, Members, Meeting, Report, Rollover, LinkGroup];

    /// <summary>
    /// Telegram's command menu (setMyCommands): the members' commands. One menu serves every private chat, so the
    /// secretary's commands stay in the /help answer.
    /// </summary>
    public static IReadOnlyList<(string Command, string Description)> Menu { get; } =
        [.. All.Where(c => c.Audience == CommandAudience.Members).Select(c => (c.Name, c.MenuDescription))];

    /// <summary>What a member may answer to a reminder about one item, as a letter lists it.</summary>
    public static IReadOnlyList<CommandHelp> Answers { get; } = [Done, Postpone, Protocol];
}
