using Dashboard.Domain.Common;
using Dashboard.Domain.Workspaces;

namespace Dashboard.Domain.Audit;

/// <summary>One change an admin or manager made: who, what, on what, before and after, when.</summary>
public sealed class AuditEntry
{
    public const int TextMaxLength = 500;

    private AuditEntry() { }

    public AuditEntry(Guid workspaceId, Guid? actorMemberId, string actorName, string action, string target, string? before,
        string? after, DateTimeOffset at)
    {
        Id = Ids.New();
        WorkspaceId = workspaceId;
        ActorMemberId = actorMemberId;
        ActorName = Clip(actorName);
        Action = action;
        Target = Clip(target);
        Before = before is null ? null : Clip(before);
        After = after is null ? null : Clip(after);
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid WorkspaceId { get; private set; }
    /// <summary>Kept as a plain id: the entry outlives the member, whose name is copied into <see cref="ActorName"/>.</summary>
    public Guid? ActorMemberId { get; private set; }
    public string ActorName { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string Target { get; private set; } = "";
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>What a person did to their own membership (joined, declined), in the workspace it concerns.</summary>
    public static AuditEntry ByThemselves(WorkspaceMember member, string name, string action, string? after, DateTimeOffset at) =>
        new(member.WorkspaceId, member.Id, name, action, $"{name} <{member.Email}>", null, after, at);

    /// <summary>What the server operator did from the command line: no member of the workspace acted.</summary>
    public static AuditEntry ByOperator(Guid workspaceId, string action, string target, string? before, string? after, DateTimeOffset at) =>
        new(workspaceId, null, OperatorName, action, target, before, after, at);

    public const string OperatorName = "the server operator";

    private static string Clip(string text) => text.Length <= TextMaxLength ? text : text[..(TextMaxLength - 1)] + "…";
}

/// <summary>The kinds of change the audit log names; stable strings, so filters and exports keep working.</summary>
public static class AuditActions
{
    public const string MembersInvited = "members.invited";
    public const string InvitationResent = "invitation.resent";
    public const string InvitationRevoked = "invitation.revoked";
    public const string RoleChanged = "member.role-changed";
    public const string MemberRemoved = "member.removed";
    public const string MemberJoined = "member.joined";
    public const string InvitationDeclined = "invitation.declined";
    public const string WorkforceJoined = "member.workforce-joined";
    public const string WorkforceLent = "workforce.lent";
    public const string WorkforcePartnerChanged = "workforce.partner-changed";
    public const string GroupCreated = "group.created";
    public const string GroupChanged = "group.changed";
    public const string GroupDeleted = "group.deleted";
    public const string TagCreated = "tag.created";
    public const string TagRenamed = "tag.renamed";
    public const string TagDeleted = "tag.deleted";
    public const string AccessChanged = "access.changed";
    public const string SecurityChanged = "security.changed";
    public const string EmailDomainChanged = "email-domain.changed";
    public const string ApiKeyCreated = "api-key.created";
    public const string ApiKeyRevoked = "api-key.revoked";
    public const string ResourceCreated = "resource.created";
    public const string ResourceChanged = "resource.changed";
    public const string ResourceDeleted = "resource.deleted";
    public const string ProjectTagged = "project.tagged";
    public const string IssueCreated = "issue.created";
    public const string IssueChanged = "issue.changed";
    public const string IssueTagged = "issue.tagged";
    public const string ImportStarted = "import.started";

    public static IReadOnlyList<string> All { get; } =
    [
        MembersInvited, InvitationResent, InvitationRevoked, InvitationDeclined, MemberJoined, RoleChanged, MemberRemoved, WorkforceJoined, WorkforceLent, WorkforcePartnerChanged, GroupCreated, GroupChanged, GroupDeleted,
        TagCreated, TagRenamed, TagDeleted, AccessChanged, SecurityChanged, EmailDomainChanged, ApiKeyCreated, ApiKeyRevoked,
        ResourceCreated, ResourceChanged, ResourceDeleted, ProjectTagged, IssueCreated, IssueChanged, IssueTagged, ImportStarted,
    ];
}
