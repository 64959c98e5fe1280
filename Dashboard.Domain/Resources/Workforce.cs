using Dashboard.Domain.Access;
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
/// or Dataset makes them a member of that workspace at once, with type Workforce and role Tasker (SPEC, "User types").
/// </summary>
internal static class Workforce
{
    /// <summary>Only Projects and Datasets bring workforce people in; Ontologies are shared with existing members.</summary>
    public static bool CanJoinThrough(ResourceKind kind) => kind is ResourceKind.Project or ResourceKind.Dataset;

    /// <summary>
    /// Joined Internal members of other workforce workspaces who are not yet known to <paramref name="workspaceId"/>
    /// in any way (someone who declined an invitation there is not brought back in this way).
    /// </summary>
    public static IQueryable<WorkforcePerson> Offered(DashboardDbContext db, Guid workspaceId) =>
        from m in db.Members
        join w in db.Workspaces on m.WorkspaceId equals w.Id
        where w.IsWorkforce && w.Id != workspaceId && m.UserType == UserType.Internal && m.Status == MemberStatus.Joined
              && m.AccountId != null
              && !db.Members.Any(o => o.WorkspaceId == workspaceId && (o.AccountId == m.AccountId || o.NormalizedEmail == m.NormalizedEmail))
        select new WorkforcePerson { Member = m, HomeWorkspaceName = w.Name };

    /// <summary>
    /// Adds the offered people among <paramref name="workforceMemberIds"/> to the actor's workspace (not saved yet) and
    /// records each in the audit log. Returns, for each id that was an offered person, the new membership.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, WorkspaceMember>> JoinAsync(DashboardDbContext db, Actor actor,
        IReadOnlyCollection<Guid> workforceMemberIds, DateTimeOffset now, CancellationToken ct)
    {
        var people = await Offered(db, actor.WorkspaceId).Where(p => workforceMemberIds.Contains(p.Member.Id)).ToListAsync(ct);
        var joined = new Dictionary<Guid, WorkspaceMember>();
        // One person may belong to two workforce workspaces; they join once.
        foreach (var byAccount in people.GroupBy(p => p.Member.AccountId))
        {
            var first = byAccount.First();
            var member = WorkspaceMember.JoinedFromWorkforce(actor.WorkspaceId, first.Member, now);
            db.Members.Add(member);
            await AuditTrail.RecordAsync(db, actor, AuditActions.WorkforceJoined, $"{member.DisplayName} <{member.Email}>", null,
                $"Workforce Tasker from \"{first.HomeWorkspaceName}\"", now, ct);
            foreach (var person in byAccount) joined[person.Member.Id] = member;
        }
        return joined;
    }
}
