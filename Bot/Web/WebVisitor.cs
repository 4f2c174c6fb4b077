using NokoBot.Domain.Councils;
using NokoBot.Domain.Replies;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>A signed-in person on their council's pages: the council as it stands, who they are, what they may do.</summary>
/// <param name="Member">null for the administrator's link.</param>
public sealed record WebVisitor(CouncilSnapshot Snapshot, WebSession Session, MemberContact? Member, Actor Actor, DateOnly Today)
{
    public string Slug => Snapshot.Council.Slug;

    /// <summary>The secretary and the chair (and the administrator's link in those roles) manage the council.</summary>
    public bool Manages => Actor.ActsOnAllItems;

    public MemberRole Role => Actor.Role;

    public string DisplayName => Member?.Name ?? WebTexts.Administrator;

    /// <summary>The path of one of this council's pages: <c>/c/&lt;slug&gt;/&lt;rest&gt;</c>.</summary>
    public string PathTo(string rest = "") => CouncilPaths.Of(Slug, rest);
}

/// <summary>The addresses of the pages, in one place.</summary>
public static class CouncilPaths
{
    public static string Of(string slug, string rest = "") =>
        "/c/" + Uri.EscapeDataString(slug) + (rest.Length == 0 ? "" : "/" + rest);

    public static string Item(string slug, string number) => Of(slug, "items/" + Uri.EscapeDataString(number));

    public static string File(string slug, string sha256) => Of(slug, "files/" + sha256);

    public static string Public(string slug) => "/p/" + Uri.EscapeDataString(slug);

    public static string SignIn(string code) => "/signin/" + code;

    public static string Feed(string token) => "/feeds/" + token + ".ics";
}
