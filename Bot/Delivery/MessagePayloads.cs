using System.Text.Json;
using NokoBot.Domain.Councils;

namespace NokoBot.Delivery;

/// <summary>An answer's words and the letter it answers (<see cref="AnswerMessage"/>).</summary>
public sealed record AnswerPayload(bool Recorded, IReadOnlyList<string> Items, string? InReplyTo, IReadOnlyList<string> References, IReadOnlyList<string> Lines);

/// <summary>The address being confirmed and its code (<see cref="AddressCodeMessage"/>).</summary>
public sealed record AddressCodePayload(string Address, string MemberName, string Code, DateTimeOffset ValidUntil);

/// <summary>Whom a notice is about and what happened (<see cref="MemberNoticeMessage"/>).</summary>
public sealed record NoticePayload(long MemberId, ContactProblem Problem, string? Address, string? Detail);

/// <summary>The JSON of a ledger row's payload: written by the <see cref="Outbox"/>, read when the message is composed.</summary>
public static class MessagePayloads
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T payload) => JsonSerializer.Serialize(payload, Json);

    /// <returns>null when the row has no payload, or not one of this shape.</returns>
    public static T? Read<T>(string? json) where T : class
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
