using NokoBot.Storage;

namespace NokoBot.Telegram;

/// <summary>Loads what a Telegram user may see: nothing for a stranger, their council's state for a member.</summary>
public sealed class TelegramSession(TelegramMembers members, CouncilStore councils, CouncilSnapshotStore snapshots, TimeProvider time)
{
    public async Task<MemberView?> LoadAsync(long telegramUserId, CancellationToken ct)
    {
        if (await members.FindAsync(telegramUserId, ct) is not { } member) return null;
        if (await councils.FindAsync(member.CouncilId, ct) is not { } council) return null;
        var snapshot = await snapshots.LoadAsync(council, ct);
        return new MemberView(member, snapshot, snapshot.Today(time.GetUtcNow()));
    }
}
