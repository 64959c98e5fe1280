using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Workspaces;

public sealed record SetupCommand(string Email, string DisplayName, string Password, string WorkspaceName, bool IsWorkforce);

/// <summary>
/// Creates the installation's first account and its workspace, with that person as Admin (Internal), in one
/// transaction: if any part is refused, nothing is saved. Once an account exists it refuses to run again.
/// </summary>
public sealed class FirstRunSetup(UserManager<Account> users, DashboardDbContext db, TimeProvider clock)
{
    // Two browsers submitting set-up at once must not both become the founder.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<bool> IsNeededAsync(CancellationToken ct = default) => !await db.Users.AnyAsync(ct);

    /// <summary>Every problem with the form at once, so a person fixes them in one pass.</summary>
    public async Task<IReadOnlyList<Error>> ValidateAsync(SetupCommand command)
    {
        var errors = new List<Error>();
        void Check<T>(Result<T> result) { if (!result.Succeeded) errors.Add(result.Error!); }

        Check(Names.Validate(command.DisplayName, "Your name", Account.DisplayNameMaxLength, nameof(command.DisplayName)));
        Check(EmailAddresses.Validate(command.Email));
        errors.AddRange(await AccountRules.CheckPasswordAsync(users, command.Email, command.Password));
        Check(Names.Validate(command.WorkspaceName, "Workspace name", Workspace.NameMaxLength, nameof(command.WorkspaceName)));
        return errors;
    }

    public async Task<Result<Account>> RunAsync(SetupCommand command, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(command);
        if (errors.Count > 0) return errors[0];
        var email = command.Email.Trim();
        var displayName = command.DisplayName.Trim();
        var workspaceName = command.WorkspaceName.Trim();

        await Gate.WaitAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await IsNeededAsync(ct))
                return Error.Conflict("This installation is already set up. Sign in instead.");

            var now = clock.GetUtcNow();
            var account = new Account
            {
                UserName = email,
                Email = email,
                DisplayName = displayName,
                CreatedAt = now,
                // The founder typed this address on the server's own set-up page; there is nobody to confirm it to.
                EmailConfirmed = true,
            };
            var created = await users.CreateAsync(account, command.Password);
            if (!created.Succeeded)
                return IdentityErrors.ToError(created);

            var workspace = new Workspace(workspaceName, command.IsWorkforce, now);
            db.Workspaces.Add(workspace);
            db.Members.Add(WorkspaceMember.Joined(workspace.Id, account.Id, email, displayName,
                WorkspaceRole.Admin, UserType.Internal, now));
            account.CurrentWorkspaceId = workspace.Id;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return account;
        }
        finally
        {
            Gate.Release();
        }
    }
}
