using NokoBot.Domain.Replies;
using NokoBot.Storage;

namespace NokoBot.Inbox;

/// <summary>
/// One fetch of letters from the mailbox, decided one by one and recorded together in one transaction: the councils'
/// snapshots are loaded once and kept up to date with the replies the batch itself records, so each letter is decided
/// against what the letters before it did. A reply made meanwhile in Telegram is seen by the next batch, as a reply
/// decided in Telegram while a letter is written is.
/// </summary>
public sealed class LetterBatch
{
    private readonly Dictionary<long, CouncilSnapshot> _snapshots = [];
    private readonly List<PendingLetter> _pending = [];
    private readonly Dictionary<string, IReadOnlyList<AddressedMember>> _senders = new(StringComparer.Ordinal);

    public int Count => _pending.Count;

    internal IReadOnlyList<PendingLetter> Pending => _pending;

    internal void Add(PendingLetter letter) => _pending.Add(letter);

    /// <summary>After the commit: the next letters start a new transaction, on the snapshots as they are.</summary>
    internal void Committed() => _pending.Clear();

    /// <summary>The members with these addresses (the batch's senders), looked up together in one query.</summary>
    public async Task KnowSendersAsync(MemberDirectory directory, IEnumerable<string> addresses, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var unknown = addresses.Where(a => !_senders.ContainsKey(a)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0) return;
        foreach (var (address, found) in await directory.FindByEmailsAsync(unknown, ct)) _senders[address] = found;
    }

    /// <summary>The members with this address, looked up once per batch.</summary>
    public async Task<IReadOnlyList<AddressedMember>> MembersAsync(MemberDirectory directory, string address, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (_senders.TryGetValue(address, out var known)) return known;
        return _senders[address] = await directory.FindByEmailAsync(address, ct);
    }

    public async Task<CouncilSnapshot?> SnapshotAsync(CouncilSnapshotStore store, long councilId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (_snapshots.TryGetValue(councilId, out var kept)) return kept;
        var loaded = await store.LoadAsync(councilId, ct);
        if (loaded is not null) _snapshots[councilId] = loaded;
        return loaded;
    }

    /// <summary>A reply the batch recorded: appended replies are added to the kept snapshot; any other effect drops it.</summary>
    public void Recorded(long councilId, IReadOnlyList<ReplyEffect> effects)
    {
        ArgumentNullException.ThrowIfNull(effects);
        if (!_snapshots.TryGetValue(councilId, out var kept)) return;
        if (effects.All(e => e is ReplyEffect.Append))
            _snapshots[councilId] = kept with { Replies = [.. kept.Replies, .. effects.Cast<ReplyEffect.Append>().Select(a => a.Reply)] };
        else Forget(councilId);
    }

    public void Forget(long councilId) => _snapshots.Remove(councilId);
}
