namespace NokoBot.Domain.Councils;

public enum MemberRole { Member, Secretary, Chair }

public static class MemberRoles
{
    public static string ToName(this MemberRole role) => role switch
    {
        MemberRole.Secretary => "secretary",
        MemberRole.Chair => "chair",
        _ => "member",
    };

    /// <summary>The stored role; anything unknown counts as a plain member (least rights).</summary>
    public static MemberRole ParseOrMember(string? name) => TryParse(name, out var role) ? role : MemberRole.Member;

    public static bool TryParse(string? name, out MemberRole role)
    {
        role = name?.Trim().ToLowerInvariant() switch
        {
            "member" => MemberRole.Member,
            "secretary" => MemberRole.Secretary,
            "chair" => MemberRole.Chair,
            _ => (MemberRole)(-1),
        };
        return Enum.IsDefined(role);
    }
}
