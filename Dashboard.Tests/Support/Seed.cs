using Dashboard.Domain.Access;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;

namespace Dashboard.Tests.Support;

/// <summary>Small builders for test data, written straight to the database.</summary>
public static class Seed
{
    public static readonly DateTimeOffset Now = new(2026, 11, 3, 9, 30, 0, TimeSpan.Zero);

    public static async Task<Workspace> WorkspaceAsync(TestDatabase database, string name = "Acme", bool isWorkforce = false)
    {
        var workspace = new Workspace(name, isWorkforce, Now);
        await using var db = database.CreateDbContext();
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync();
        return workspace;
    }

    /// <summary>An account that has joined <paramref name="workspace"/> with <paramref name="role"/>; returns it as an actor.</summary>
    public static async Task<Actor> MemberAsync(TestDatabase database, Workspace workspace, WorkspaceRole role,
        string? email = null, string? name = null, UserType type = UserType.Internal)
    {
        email ??= $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@acme.example";
        name ??= $"{role} Person";
        var account = new Account
        {
            Id = Guid.CreateVersion7(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), DisplayName = name, CreatedAt = Now, CurrentWorkspaceId = workspace.Id,
            SecurityStamp = Guid.NewGuid().ToString("N"), EmailConfirmed = true,
        };
        var member = WorkspaceMember.Joined(workspace.Id, account.Id, email, name, role, type, Now);
        await using var db = database.CreateDbContext();
        db.Users.Add(account);
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return new Actor(account.Id, member.Id, workspace.Id, workspace.Name, role, type);
    }

    public static async Task<WorkspaceMember> InvitedAsync(TestDatabase database, Workspace workspace, string email,
        WorkspaceRole role = WorkspaceRole.Member, UserType type = UserType.Internal)
    {
        var member = WorkspaceMember.Invited(workspace.Id, email, role, type, Now);
        await using var db = database.CreateDbContext();
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return member;
    }
}
