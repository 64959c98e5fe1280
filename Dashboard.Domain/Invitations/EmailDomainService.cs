using Dashboard.Domain.Audit;
using System.Text.RegularExpressions;
using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Invitations;

public sealed record EmailDomainRow(Guid Id, string Domain, WorkspaceRole Role, UserType UserType, DateTimeOffset CreatedAt);

/// <summary>Email domains whose sign-ups join the workspace on their own (Admins only; one workspace per domain).</summary>
public sealed partial class EmailDomainService(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock)
{
    [GeneratedRegex(@"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex DomainPattern();

    public async Task<Result<IReadOnlyList<EmailDomainRow>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.EmailDomains.AsNoTracking().Where(d => d.WorkspaceId == actor.WorkspaceId).OrderBy(d => d.Domain)
            .Select(d => new EmailDomainRow(d.Id, d.Domain, d.Role, d.UserType, d.CreatedAt)).ToListAsync(ct);
    }

    public async Task<Result<Guid>> AddAsync(Actor actor, string? domain, WorkspaceRole role, UserType userType,
        CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        var parsed = Parse(domain);
        if (!parsed.Succeeded) return parsed.Error!;
        if (role == WorkspaceRole.Admin && userType != UserType.Internal)
            return Error.Invalid("Only Internal members can be Admins. Choose another role or the Internal type.", "Role");
        if (userType == UserType.Workforce)
            return Error.Invalid("Workforce members join through their workforce workspace; choose Internal or External.", "UserType");

        await using var db = await factory.CreateDbContextAsync(ct);
        var standing = await ActorStanding.StillStandsAsync(db, actor, ct);
        if (!standing.Succeeded) return standing.Error!;
        var owner = await db.EmailDomains.Where(d => d.Domain == parsed.Value).Select(d => (Guid?)d.WorkspaceId).FirstOrDefaultAsync(ct);
        if (owner == actor.WorkspaceId) return Error.Conflict($"{parsed.Value} is already one of this workspace's domains.", "Domain");
        if (owner is not null) return Error.Conflict($"{parsed.Value} already belongs to another workspace on this server.", "Domain");

        var entry = new EmailDomain(actor.WorkspaceId, parsed.Value, role, userType, clock.GetUtcNow());
        db.EmailDomains.Add(entry);
        await AuditTrail.RecordAsync(db, actor, AuditActions.EmailDomainChanged, parsed.Value, null, $"{role.Display()}, {userType}", entry.CreatedAt, ct);
        await db.SaveChangesAsync(ct);
        return entry.Id;
    }

    public async Task<Result> RemoveAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        await using var db = await factory.CreateDbContextAsync(ct);
        var standing = await ActorStanding.StillStandsAsync(db, actor, ct);
        if (!standing.Succeeded) return standing.Error!;
        var domain = await db.EmailDomains.FirstOrDefaultAsync(d => d.Id == id && d.WorkspaceId == actor.WorkspaceId, ct);
        if (domain is null) return Error.NotFound("That domain is no longer registered. Reload the list.");
        db.EmailDomains.Remove(domain);
        await AuditTrail.RecordAsync(db, actor, AuditActions.EmailDomainChanged, domain.Domain, $"{domain.Role.Display()}, {domain.UserType}", "removed",
            clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    /// <summary>"@Acme.example " is read as "acme.example"; anything that is not a host name is refused with the reason.</summary>
    public static Result<string> Parse(string? raw)
    {
        var domain = (raw ?? "").Trim().TrimStart('@').TrimEnd('.').ToLowerInvariant();
        if (domain.Length == 0) return Error.Invalid("Enter a domain, for example acme.example.", "Domain");
        if (domain.Contains('@')) return Error.Invalid($"Enter only the part after the @ (for example {domain[(domain.LastIndexOf('@') + 1)..]}).", "Domain");
        if (!DomainPattern().IsMatch(domain))
            return Error.Invalid($"\"{domain}\" is not a domain name: use letters, digits and hyphens in dot-separated parts, ending in a top-level domain such as .com.", "Domain");
        return domain;
    }
}
