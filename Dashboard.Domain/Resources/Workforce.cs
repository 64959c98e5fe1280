using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Resources;

/// <summary>An Internal member of a workforce workspace who may be given access to another workspace's resources.</summary>
/// <remarks>Init properties, not a positional record: EF can filter and sort through a member-init projection.</remarks>
internal sealed class WorkforcePerson
{
    public required WorkspaceMember Member { get; init; }
    public required string HomeWorkspaceName { get; init; }
}

/// <summary>
/// Workforce workspaces lend their Internal people to other workspaces: giving such a person access to a Project
/// or Dataset makes them a member of that workspace at once, with type Workforce and role Tasker (docs/product.md, "User types").
/// </summary>
internal static class Workforce
{
    /// <summary>Only Projects and Datasets bring workforce people in; Ontologies are shared with existing members.</summary>
    public static bool CanJoinThrough(ResourceKind kind) => kind is ResourceKind.Project or ResourceKind.Dataset;

    /// <summary>
    /// Joined Internal members, other than Admins, of the workforce workspaces that list <paramref name="workspaceId"/>
    /// as a client, who are not yet known to it in any way (someone who declined an invitation there is not brought
    /// back in this way). A workforce that has not chosen this client lends it nobody, and its Admins run it, not tasks.
    /// </summary>
    public static IQueryable<WorkforcePerson> Offered(DashboardDbContext db, Guid workspaceId) =>
        from m in db.Members
        join w in db.Workspaces on m.WorkspaceId equals w.Id
        where w.IsWorkforce && w.Id != workspaceId && m.UserType == UserType.Internal && m.Status == MemberStatus.Joined
              && m.AccountId != null && m.Role != WorkspaceRole.Admin
              && db.WorkforcePartners.Any(p => p.WorkforceWorkspaceId == w.Id && p.ClientWorkspaceId == workspaceId)
              && !db.Members.Any(o => o.WorkspaceId == workspaceId && (o.AccountId == m.AccountId || o.NormalizedEmail == m.NormalizedEmail))
        select new WorkforcePerson { Member = m, HomeWorkspaceName = w.Name };

    /// <summary>The shortest name a client may search a workforce's people by; shorter would list them all.</summary>
    public const int MinimumNameSearch = 3;

    /// <summary>
    /// The offered people a client finds by what it typed: a whole address (exactly), or a name of at least
    /// <see cref="MinimumNameSearch"/> characters. A partner finds the people it asks for; it cannot browse the roster.
    /// </summary>
    public static IQueryable<WorkforcePerson> Search(DashboardDbContext db, Guid workspaceId, string? typed)
    {
        var term = (typed ?? "").Trim();
        var offered = Offered(db, workspaceId);
        if (term.Contains('@'))
        {
            var normalized = WorkspaceMember.NormalizeEmail(term);
            return offered.Where(c => c.Member.NormalizedEmail == normalized);
        }
        if (term.Length < MinimumNameSearch) return offered.Where(_ => false);
        var pattern = SearchText.Contains(term);
        return offered.Where(c => EF.Functions.Like(c.Member.DisplayName, pattern, SearchText.Escape));
    }

    /// <summary>
    /// Adds the offered people among <paramref name="workforceMemberIds"/> to the actor's workspace (not saved yet) and
    /// records each in the audit log. Returns, for each id that was an offered person, the new membership.
    /// </summary>
    /// <param name="grantedWhat">What they are given access to, for their notice, e.g. <c>Project "Perception"</c>.</param>
    public static async Task<IReadOnlyDictionary<Guid, WorkspaceMember>> JoinAsync(ActingContext write,
        IReadOnlyCollection<Guid> workforceMemberIds, CancellationToken ct, string? grantedWhat = null)
    {
        var (db, actor, now) = (write.Db, write.Actor, write.Now);
        var people = await Offered(db, actor.WorkspaceId).Where(p => workforceMemberIds.Contains(p.Member.Id)).ToListAsync(ct);
        var joined = new Dictionary<Guid, WorkspaceMember>();
        // One person may belong to two workforce workspaces; they join once.
        foreach (var byAccount in people.GroupBy(p => p.Member.AccountId))
        {
            var first = byAccount.First();
            var member = WorkspaceMember.JoinedFromWorkforce(actor.WorkspaceId, first.Member, now);
            db.Members.Add(member);
            await write.RecordAsync(AuditActions.WorkforceJoined, $"{member.DisplayName} <{member.Email}>", null,
                $"Workforce Tasker from \"{first.HomeWorkspaceName}\"", ct);
            // The lending workspace keeps its own record, and the person hears of it on Home.
            var lentBy = await db.Members.Where(m => m.Id == actor.MemberId).Select(m => m.DisplayName).FirstOrDefaultAsync(ct) ?? "an Admin";
            foreach (var home in byAccount)
                db.AuditEntries.Add(new AuditEntry(home.Member.WorkspaceId, null, $"{lentBy} of {actor.WorkspaceName}", AuditActions.WorkforceLent,
                    $"{member.DisplayName} <{member.Email}>", null, $"Workforce Tasker in \"{actor.WorkspaceName}\"", now));
            db.Notices.Add(new Users.Notice(first.Member.AccountId!.Value,
                $"{lentBy} added you to {actor.WorkspaceName} as a Workforce Tasker, lent by {first.HomeWorkspaceName}{(grantedWhat is null ? "" : $", with access to {grantedWhat}")}. Switch to it from the workspace menu.",
                now));
            foreach (var person in byAccount) joined[person.Member.Id] = member;
        }
        return joined;
    }
}
