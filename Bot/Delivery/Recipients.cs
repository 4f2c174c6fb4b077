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
        return member.CanUseTelegram ? Channels.Telegram : member.Email is not null ? Channels.Email : null;
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
