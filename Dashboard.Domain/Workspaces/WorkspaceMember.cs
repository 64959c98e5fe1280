using Dashboard.Domain.Access;
using Dashboard.Domain.Common;

namespace Dashboard.Domain.Workspaces;

/// <summary>
/// A person's membership in one workspace. An invited member may have no account yet: the email is what
/// ties the invitation to the account that later signs up with it.
/// </summary>
public sealed class WorkspaceMember
{
    public const int EmailMaxLength = 256;
    public const int DisplayNameMaxLength = 100;

    private WorkspaceMember() { }

    private WorkspaceMember(Guid workspaceId, string email, string displayName, WorkspaceRole role, UserType userType,
        MemberStatus status, DateTimeOffset at)
    {
        Id = Ids.New();
        WorkspaceId = workspaceId;
        Email = email.Trim();
        NormalizedEmail = NormalizeEmail(email);
        DisplayName = displayName;
        Role = role;
        UserType = userType;
        Status = status;
        StatusAt = at;
        if (status == MemberStatus.Invited) InvitedAt = at;
        if (status == MemberStatus.Joined) JoinedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public Guid? AccountId { get; private set; }
    public string Email { get; private set; } = "";
    public string NormalizedEmail { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public WorkspaceRole Role { get; private set; }
    public UserType UserType { get; private set; }
    public MemberStatus Status { get; private set; }
    /// <summary>When the current <see cref="Status"/> began: the date the Users list shows beside it.</summary>
    public DateTimeOffset StatusAt { get; private set; }
    public DateTimeOffset? InvitedAt { get; private set; }
    public DateTimeOffset? JoinedAt { get; private set; }
    /// <summary>For a Workforce member: the workforce workspace they came from (the Users list names it).</summary>
    public Guid? HomeWorkspaceId { get; private set; }

    public static string NormalizeEmail(string email) => email.Trim().ToUpperInvariant();

    /// <summary>A member who is in from the start (the workspace's creator, an email-domain sign-up).</summary>
    public static WorkspaceMember Joined(Guid workspaceId, Guid accountId, string email, string displayName,
        WorkspaceRole role, UserType userType, DateTimeOffset at) =>
        new(workspaceId, email, displayName, role, userType, MemberStatus.Joined, at) { AccountId = accountId };

    /// <summary>
    /// An Internal member of a workforce workspace who was given access to one of this workspace's Projects or
    /// Datasets: they join at once as a Workforce Tasker (docs/product.md, "User types").
    /// </summary>
    public static WorkspaceMember JoinedFromWorkforce(Guid workspaceId, WorkspaceMember workforceMember, DateTimeOffset at) =>
        new(workspaceId, workforceMember.Email, workforceMember.DisplayName, WorkspaceRole.Tasker, UserType.Workforce,
            MemberStatus.Joined, at)
        {
            AccountId = workforceMember.AccountId,
            HomeWorkspaceId = workforceMember.WorkspaceId,
        };

    public static WorkspaceMember Invited(Guid workspaceId, string email, WorkspaceRole role, UserType userType,
        DateTimeOffset at) =>
        new(workspaceId, email, email.Trim(), role, userType, MemberStatus.Invited, at);

    public bool IsAdmin => Role == WorkspaceRole.Admin;

    public void Join(Guid accountId, string displayName, DateTimeOffset at)
    {
        AccountId = accountId;
        DisplayName = displayName;
        Status = MemberStatus.Joined;
        StatusAt = at;
        JoinedAt = at;
    }

    public void Decline(DateTimeOffset at)
    {
        Status = MemberStatus.Declined;
        StatusAt = at;
    }

    /// <summary>Invites again a member who declined, with the role and type the new invitation offers.</summary>
    public void Reinvite(WorkspaceRole role, UserType userType, DateTimeOffset at)
    {
        Role = role;
        UserType = userType;
        Status = MemberStatus.Invited;
        StatusAt = at;
        InvitedAt = at;
    }

    public void ChangeRole(WorkspaceRole role) => Role = role;
}
