using System.Globalization;

namespace NokoBot.Web;

/// <summary>The plan upload's addresses.</summary>
public static class PlanUploadPaths
{
    public static string Upload(WebVisitor visitor) => Of(visitor, "plan/upload");

    public static string Draft(WebVisitor visitor, long id) => Of(visitor, "plan/drafts/" + id.ToString(CultureInfo.InvariantCulture));

    public static string Import(WebVisitor visitor, long id) => Draft(visitor, id) + "/import";

    public static string Cancel(WebVisitor visitor, long id) => Draft(visitor, id) + "/cancel";

    private static string Of(WebVisitor visitor, string rest)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.PathTo(rest);
    }
}
