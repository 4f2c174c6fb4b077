using System.Data.Common;

namespace NokoBot.Telegram;

/// <summary>
/// What handling one update does: database writes, committed in one transaction together with the update offset
/// (so a restart neither replays nor skips it), then the answers, sent after the commit.
/// </summary>
public sealed class UpdateEffects
{
    private readonly List<Func<DbConnection, DbTransaction, CancellationToken, Task>> _writes = [];
    private readonly List<Func<CancellationToken, Task>> _answers = [];

    public IReadOnlyList<Func<DbConnection, DbTransaction, CancellationToken, Task>> Writes => _writes;

    public IReadOnlyList<Func<CancellationToken, Task>> Answers => _answers;

    /// <summary>The council whose plan state the writes change: its reminders are planned again after the commit.</summary>
    public long? ChangedCouncil { get; private set; }

    public void Write(Func<DbConnection, DbTransaction, CancellationToken, Task> write) => _writes.Add(write);

    /// <summary>A write that changes what is due for the council.</summary>
    public void Change(long councilId, Func<DbConnection, DbTransaction, CancellationToken, Task> write)
    {
        ChangedCouncil = councilId;
        _writes.Add(write);
    }

    public void Answer(Func<CancellationToken, Task> answer) => _answers.Add(answer);
}
