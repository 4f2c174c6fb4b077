namespace NokoBot.Texts;

/// <summary>What <c>nokobot web link</c> and <c>nokobot council set --public-page</c> say.</summary>
public static class WebCliTexts
{
    public static string SignInLink(string council, string role, string url, int minutes) =>
        $"Ссылка для входа на страницу совета «{council}» (роль: {role}; одноразовая, действует {minutes} минут):\n{url}";

    public static string PublicPageOn(string council, string url) => $"Публичная страница совета «{council}» включена: {url}";

    public static string PublicPageOff(string council) => $"Публичная страница совета «{council}» выключена.";

}
