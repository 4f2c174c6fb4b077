using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>Who is in the council, their role, the parties they answer for and how the bot reaches them (secretary and chair only).</summary>
public static class MembersPage
{
    public static string Render(WebVisitor visitor, (string Name, string Value) antiforgery)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var html = new WebHtml().Element("h1", WebPlanTexts.MembersTitle);
        var members = visitor.Snapshot.Members.OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.CurrentCulture).ToList();
        if (members.Count == 0) html.Element("p", WebPlanTexts.NoMembers);
        else
        {
            html.Raw("<table class=\"plan\"><thead><tr>");
            foreach (var column in new[] { WebPlanTexts.ColumnName, WebPlanTexts.ColumnRole, WebPlanTexts.ColumnResponsibility, WebPlanTexts.ColumnChannels })
                html.Element("th", column, ("scope", "col"));
            html.Raw("</tr></thead><tbody>");
            foreach (var member in members)
            {
                var channels = new[] { member.CanUseTelegram ? WebPlanTexts.Telegram : null, member.Email is null ? null : WebPlanTexts.Email }.OfType<string>().ToList();
                html.Raw("<tr>")
                    .Element("td", member.Name, ("data-label", WebPlanTexts.ColumnName))
                    .Element("td", Layout.RoleName(member.Role), ("data-label", WebPlanTexts.ColumnRole))
                    .Element("td", string.Join(", ", member.Parties), ("data-label", WebPlanTexts.ColumnResponsibility))
                    .Element("td", channels.Count == 0 ? WebPlanTexts.NoChannel : string.Join(", ", channels), ("data-label", WebPlanTexts.ColumnChannels))
                    .Raw("</tr>");
            }
            html.Raw("</tbody></table>");
        }
        return Layout.Council(visitor, Section.Members, WebPlanTexts.MembersTitle, html.ToString(), antiforgery);
    }
}
