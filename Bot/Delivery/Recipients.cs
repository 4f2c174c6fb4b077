using System.Globalization;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Reminders;
using NokoBot.Storage;

namespace NokoBot.Delivery;

/// <summary>Who gets a message and on which channel.</summary>
public static class Recipients
{
    /// <summary>
    /// The members of the parties that still owe the item (the secretary stands in for a party nobody is linked to),
    /// the chair for escalations (the secretary when there is no chair), the secretary for dates and the year's end.
    /// </summary>
    public static IEnumerable<MemberContact> For(CouncilSnapshot snapshot, ReminderAudience audience, IReadOnlyList<string> parties)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var secretaries = snapshot.Members.Where(m => m.Role == MemberRole.Secretary).ToList();
        var chairs = snapshot.Members.Where(m => m.Role == MemberRole.Chair).ToList();
        IEnumerable<MemberContact> people = audience switch
        {
            ReminderAudience.Chair => chairs.Count > 0 ? chairs : secretaries,
            ReminderAudience.Secretary => secretaries,
            _ => parties.SelectMany(party => snapshot.MembersOf(party) is { Count: > 0 } linked ? linked : secretaries),
        };
        return people.DistinctBy(m => m.Id);
    }

    /// <summary>Telegram first; email when the member has no working Telegram; null when they cannot be reached.</summary>
    public static string? ChannelFor(MemberContact member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.CanUseTelegram ? Channels.Telegram : member.CanUseEmail ? Channels.Email : null;
    }

    /// <summary>Who is told that <paramref name="memberId"/> cannot be reached: the secretaries, else the chair (never the member themself).</summary>
    public static IReadOnlyList<MemberContact> NoticeAudience(CouncilSnapshot snapshot, long memberId)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var secretaries = snapshot.Members.Where(m => m.Role == MemberRole.Secretary && m.Id != memberId).ToList();
        return secretaries.Count > 0 ? secretaries : [.. snapshot.Members.Where(m => m.Role == MemberRole.Chair && m.Id != memberId)];
    }

    /// <summary>
    /// The digest's addresses: the council's digest list and the members who asked for it by email, less the addresses
    /// of members whose email bounced or who unsubscribed.
    /// </summary>
    public static IReadOnlyList<string> DigestAddresses(CouncilSnapshot snapshot, IReadOnlyList<string> list)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(list);
        var refused = snapshot.Members.Where(m => m.Email is not null && !m.CanUseEmail).Select(m => m.Email!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. list.Concat(snapshot.Members.Where(m => m.DigestByEmail && m.CanUseEmail).Select(m => m.Email!))
            .Where(a => !refused.Contains(a)).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public static string KeyOf(MemberContact member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return string.Create(CultureInfo.InvariantCulture, $"member:{member.Id}");
    }

    public static string KeyOfAddress(string address) => $"mail:{address}";

    public static string KeyOfChat(long chatId) => string.Create(CultureInfo.InvariantCulture, $"chat:{chatId}");

    public static Recipient Of(MemberContact member) => new(KeyOf(member), member.Id, member.Name, member.TelegramChatId, member.Email);
}
