using System.Data.Common;
using NokoBot.Domain.Replies;

namespace NokoBot.Storage;

/// <summary>Writes what the reply rules decided, inside the caller's transaction (with a Telegram update's offset, say).</summary>
public sealed class ReplyEffectWriter(CouncilEventStore events, MeetingStore meetings)
{
    public async Task WriteAsync(DbConnection connection, DbTransaction? tx, long councilId, IEnumerable<ReplyEffect> effects, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(effects);
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case ReplyEffect.Append append:
                    await ReplyStore.AppendAsync(connection, tx, append.Reply, ct);
                    break;
                case ReplyEffect.SetDue setDue:
                    await PlanStore.SetDueAsync(connection, tx, setDue.ItemId, setDue.Due, ct);
                    break;
                case ReplyEffect.RecordEvent recorded:
                    await events.AddAsync(connection, tx, councilId, recorded.Name, recorded.On, recorded.MemberId, ct);
                    break;
                case ReplyEffect.MeetingProtocol protocol:
                    await meetings.SetProtocolAsync(connection, tx, protocol.MeetingId, protocol.File.FileName,
                        new StoredFile(protocol.File.StoredPath, protocol.File.Size, protocol.File.Sha256), ct);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(effects), effect, "Unknown reply effect.");
            }
        }
    }
}
