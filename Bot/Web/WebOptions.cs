namespace NokoBot.Web;

/// <summary>The council pages that <c>nokobot run</c> serves (Kestrel), and the address the bot's links point at.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>Serve the pages (on by default).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where Kestrel listens: one or more URLs separated by <c>;</c>.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>
    /// The address people reach the pages at (behind a reverse proxy, the public https one); sign-in and calendar
    /// links are built on it. Empty: the first of <see cref="Urls"/>.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Sign-in requests one address may make per minute.</summary>
    public int SignInPermitsPerMinute { get; set; } = 10;

    /// <summary>How long a sign-in link works.</summary>
    public static TimeSpan SignInLinkLifetime { get; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a session lasts (unless <c>/web logout</c> ends it).</summary>
    public static TimeSpan SessionLifetime { get; } = TimeSpan.FromDays(30);

    public IReadOnlyList<string> ListenUrls => Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The base of every link the bot sends, without a trailing slash.</summary>
    public string BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(PublicBaseUrl)) return PublicBaseUrl.Trim().TrimEnd('/');
            var urls = ListenUrls;
            var first = urls.Count > 0 ? urls[0] : "http://127.0.0.1:8080";
            // A wildcard host is where Kestrel listens, not where anyone can reach it.
            return first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
        }
    }
}
