using Dashboard.Domain.Persistence;

namespace Dashboard.Domain.Workspaces;

/// <summary>What a <see cref="FeedEntry"/> tells the other processes.</summary>
public enum FeedKind
{
    /// <summary>An account's membership, role or security changed: its open pages and hub connections re-check it.</summary>
    AccountChanged,
    /// <summary>An API key was revoked: connections opened with it close.</summary>
    ApiKeyRevoked,
    /// <summary>A workspace's rules changed for every member (two-factor required): each member's pages re-check.</summary>
    WorkspaceMembersChanged,
    /// <summary>A job started: pages that list it show it at the top.</summary>
    JobStarted,
    /// <summary>A job ended (Success or Error): pages that show it show how it ended.</summary>
    JobFinished,
}

/// <summary>
/// One change announced to every process (the transactional outbox): written in the same transaction as the change
/// it announces, so a crash can lose neither without the other, and read by every node's ChangeFeedReader.
/// </summary>
public sealed class FeedEntry
{
    private FeedEntry() { }

    public FeedEntry(FeedKind kind, Guid subjectId, Guid origin, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        (Kind, SubjectId, Origin, At) = (kind, subjectId, origin, at);
    }

    public Guid Id { get; private set; }
    public FeedKind Kind { get; private set; }
    public Guid SubjectId { get; private set; }
    /// <summary>The process that made the change: it told its own pages at once and skips its own entries.</summary>
    public Guid Origin { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>
/// Announces that an account's membership or security changed (removed, role changed, joined, signed out), so the
/// person's open pages and hub connections re-check at once instead of acting on what they read earlier. In this
/// process <see cref="Announce"/> tells them after the commit; <see cref="Record"/> writes the same news into the
/// change's transaction for every other process (another node, the operator's command line), whose feed reader
/// replays it within a second or two.
/// </summary>
public sealed class MembershipChanges(TimeProvider clock)
{
    public MembershipChanges() : this(TimeProvider.System) { }

    /// <summary>This process's name on the entries it writes.</summary>
    public Guid Origin { get; } = Guid.NewGuid();

    public event Action<Guid>? AccountChanged;

    /// <summary>
    /// Adds the announcement to the change's own unit of work; it is saved, or lost, with the change. A caller whose
    /// change is refused after this (Identity saving for it) withdraws the entry returned.
    /// </summary>
    public FeedEntry? Record(DashboardDbContext db, Guid? accountId)
    {
        if (accountId is not { } id) return null;
        var entry = new FeedEntry(FeedKind.AccountChanged, id, Origin, clock.GetUtcNow());
        db.ChangeFeed.Add(entry);
        return entry;
    }

    /// <summary>One entry for every member of a workspace, rather than one per member of a workspace of thousands.</summary>
    public void RecordWorkspace(DashboardDbContext db, Guid workspaceId) =>
        db.ChangeFeed.Add(new FeedEntry(FeedKind.WorkspaceMembersChanged, workspaceId, Origin, clock.GetUtcNow()));

    public void RecordKeyRevoked(DashboardDbContext db, Guid keyId) =>
        db.ChangeFeed.Add(new FeedEntry(FeedKind.ApiKeyRevoked, keyId, Origin, clock.GetUtcNow()));

    /// <summary>The feed is this process's one outbox, so a job's start or end goes in under the same origin.</summary>
    public void RecordJob(DashboardDbContext db, Guid jobId, FeedKind kind) =>
        db.ChangeFeed.Add(new FeedEntry(kind, jobId, Origin, clock.GetUtcNow()));

    /// <summary>A change this process committed (and recorded): rung so the Redis bus can wake the other nodes' readers.</summary>
    public event Action? CommittedHere;

    /// <summary>Tells this process's pages, after the commit, of a change made here.</summary>
    public void Announce(Guid? accountId)
    {
        if (accountId is not { } id) return;
        AccountChanged?.Invoke(id);
        CommittedHere?.Invoke();
    }

    /// <summary>Tells this process's pages of a change another process made (read from the change feed).</summary>
    public void Replay(Guid accountId) => AccountChanged?.Invoke(accountId);
}
