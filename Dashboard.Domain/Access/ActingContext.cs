using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Access;

/// <summary>
/// One member's change while it is being made: the context and transaction it is written in, the actor (whose
/// standing was just confirmed) and the moment it happens. Opened only by <see cref="ActingWrites"/>, which
/// commits it — the change and its audit entry together — or rolls it back.
/// </summary>
public sealed class ActingContext
{
    private int _auditEntries;
    private bool _wroteInBulk;

    internal ActingContext(DashboardDbContext db, Actor actor, DateTimeOffset now) => (Db, Actor, Now) = (db, actor, now);

    public DashboardDbContext Db { get; }
    public Actor Actor { get; }
    public DateTimeOffset Now { get; }

    /// <summary>Adds the audit entry for this change, saved in the same transaction as the change itself.</summary>
    public async Task RecordAsync(string action, string target, string? before, string? after, CancellationToken ct)
    {
        var name = await Db.Members.Where(m => m.Id == Actor.MemberId).Select(m => m.DisplayName).FirstOrDefaultAsync(ct) ?? "a former member";
        Db.AuditEntries.Add(new AuditEntry(Actor.WorkspaceId, Actor.MemberId, name, action, target, before, after, Now));
        _auditEntries++;
    }

    /// <summary>
    /// Sends what is tracked so far inside the transaction — for a change that must catch a unique index or a
    /// version token itself. Nothing is committed until the change returns success.
    /// </summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        _wroteInBulk |= Db.ChangeTracker.HasChanges();
        await Db.SaveChangesAsync(ct);
    }

    /// <summary>A bulk delete, run inside the transaction (on its own it would commit at once, before its audit entry).</summary>
    public async Task<int> DeleteAsync<T>(IQueryable<T> rows, CancellationToken ct)
    {
        var deleted = await rows.ExecuteDeleteAsync(ct);
        _wroteInBulk |= deleted > 0;
        return deleted;
    }

    /// <summary>A change with nothing to record (it saved nothing) is fine; a saved change without an entry is a bug.</summary>
    internal void EnsureAudited()
    {
        if ((_wroteInBulk || Db.ChangeTracker.HasChanges()) && _auditEntries == 0)
            throw new InvalidOperationException($"A change by member {Actor.MemberId} was about to be committed without its audit entry.");
    }
}

/// <summary>
/// The one way a member's change is written. It opens a context and a transaction, confirms the actor still holds
/// the membership and role their page was opened with, runs the change, and commits it with its audit entry only
/// when the change succeeds; a refusal or an exception leaves nothing behind.
/// </summary>
public sealed class ActingWrites(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock)
{
    public async Task<Result<T>> RunAsync<T>(Actor actor, Func<ActingContext, Task<Result<T>>> change, CancellationToken ct)
    {
        Result<T>? outcome = null;
        await RunCoreAsync(actor, async write => outcome = await change(write), refusal => outcome = refusal, ct);
        return outcome!;
    }

    public async Task<Result> RunAsync(Actor actor, Func<ActingContext, Task<Result>> change, CancellationToken ct)
    {
        Result? outcome = null;
        await RunCoreAsync(actor, async write => outcome = await change(write), refusal => outcome = refusal, ct);
        return outcome!;
    }

    private async Task RunCoreAsync(Actor actor, Func<ActingContext, Task<Result>> change, Action<Error> refuse, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Begun before the standing check so the check and the change read the same state (SQLite takes the write
        // lock here: two writers wait for each other instead of both passing a check only one should pass).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // PostgreSQL lets writers run side by side: the workspace's row, locked until the commit, makes a workspace's
        // changes take turns as they do on SQLite, so a rule that spans rows (a Project keeps an Admin, a name is
        // free) is checked against what the other writer committed. Other workspaces are not held up.
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Workspaces" WHERE "Id" = {actor.WorkspaceId} FOR UPDATE""", ct);
        var standing = await ActorStanding.StillStandsAsync(db, actor, ct);
        if (!standing.Succeeded)
        {
            refuse(standing.Error!);
            return;
        }

        var write = new ActingContext(db, actor, clock.GetUtcNow());
        var result = await change(write);
        if (!result.Succeeded) return; // disposing the transaction rolls back whatever the change sent
        write.EnsureAudited();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
