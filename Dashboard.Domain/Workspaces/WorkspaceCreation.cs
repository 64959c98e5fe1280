using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Workspaces;

/// <summary>
/// One installation hosts any number of workspaces (docs/product.md, "Words"): any signed-in person may start one and is its
/// first Admin (Internal). The workforce flag is chosen here and never changes.
/// </summary>
public sealed class WorkspaceCreation(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock)
{
    public async Task<Result<Guid>> CreateAsync(Guid accountId, string? name, bool isWorkforce, CancellationToken ct = default)
    {
        var valid = Names.Validate(name, "Workspace name", Workspace.NameMaxLength);
        if (!valid.Succeeded) return valid.Error!;

        await using var db = await factory.CreateDbContextAsync(ct);
        var account = await db.Users.FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return Error.NotFound("Your account no longer exists. Sign in again.");
        // A workspace is founded under the founder's address, which must be theirs (as GitHub asks before an organization).
        if (!account.EmailConfirmed)
            return Error.Forbidden($"Confirm your address ({account.Email}) first: follow the link we sent, or send a new one from Home.");
        var normalized = Names.Normalize(valid.Value);
        if (await db.Workspaces.AnyAsync(w => w.NormalizedName == normalized, ct)) return NameTaken(valid.Value);

        var now = clock.GetUtcNow();
        var workspace = new Workspace(valid.Value, isWorkforce, now);
        db.Workspaces.Add(workspace);
        db.Members.Add(WorkspaceMember.Joined(workspace.Id, account.Id, account.Email!, account.DisplayName,
            WorkspaceRole.Admin, UserType.Internal, now));
        // The new workspace is where its founder goes next.
        account.CurrentWorkspaceId = workspace.Id;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else took the name between the check and the save: the unique index decided.
            if (await NameExistsAsync(normalized, ct)) return NameTaken(valid.Value);
            throw;
        }
        return workspace.Id;
    }

    private async Task<bool> NameExistsAsync(string normalized, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Workspaces.AnyAsync(w => w.NormalizedName == normalized, ct);
    }

    private static Error NameTaken(string name) =>
        Error.Conflict($"A workspace called \"{name}\" already exists on this server. Choose another name.", "Name");
}
