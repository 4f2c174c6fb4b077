namespace NokoBot.Texts;

/// <summary>
/// What the <c>nokobot</c> command line tells the secretary, shared by its verbs (Russian); each verb's own words are
/// in its <c>…CliTexts</c> class. Plain text: Spectre markup and its escaping stay in Cli.
/// </summary>
public static class CliTexts
{
    /// <summary>The root command's line in <c>--help</c>: English like every <c>--help</c> text; НОКО is the plan's own name.</summary>
    public const string RootDescription = "NokoBot: turns a council's yearly НОКО work plan into reminders, agendas and digests.";

    public static string CouncilNotFound(string slug) => $"Совет «{slug}» не найден (см. nokobot council list).";

    public static string NoSuchCouncil(string slug) => $"Совета «{slug}» нет. Список: nokobot council list";

    public static string Warning(string text) => $"Предупреждение: {text}";
}
