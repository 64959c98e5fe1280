using Dashboard.Domain.Audit;
using System.Text.RegularExpressions;
using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Domain.Invitations;

public sealed record EmailDomainRow(Guid Id, string Domain, WorkspaceRole Role, UserType UserType, DateTimeOffset CreatedAt,
    string RecordName, string RecordValue, DateTimeOffset? VerifiedAt)
{
    public bool IsVerified => VerifiedAt is not null;
}

/// <summary>
/// Email domains whose confirmed sign-ups join the workspace on their own (Admins only). A domain is pending until
/// its TXT record is found (or the operator vouches for it); one workspace on the server can hold it verified.
/// </summary>
public sealed partial class EmailDomainService(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock,
    IDomainRecords records, ILogger<EmailDomainService> logger)
{
    private ActingWrites Writes => new(factory, clock);

    [GeneratedRegex(@"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex DomainPattern();

    public async Task<Result<IReadOnlyList<EmailDomainRow>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.EmailDomains.AsNoTracking().Where(d => d.WorkspaceId == actor.WorkspaceId).OrderBy(d => d.Domain)
            .Select(d => new { d.Id, d.Domain, d.Role, d.UserType, d.CreatedAt, d.VerificationToken, d.VerifiedAt }).ToListAsync(ct);
        return rows.Select(d => new EmailDomainRow(d.Id, d.Domain, d.Role, d.UserType, d.CreatedAt,
            EmailDomain.RecordNameFor(d.Domain), d.VerificationToken, d.VerifiedAt)).ToList();
    }

    public async Task<Result<Guid>> AddAsync(Actor actor, string? domain, WorkspaceRole role, UserType userType,
        CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        var parsed = Parse(domain);
        if (!parsed.Succeeded) return parsed.Error!;
        if (MembershipRules.WhyNotInvitable(role, userType) is { } why)
            return Error.Invalid(why, userType == UserType.Workforce ? "UserType" : "Role");

        return await Writes.RunAsync<Guid>(actor, async write =>
        {
            var db = write.Db;
            var claims = await db.EmailDomains.Where(d => d.Domain == parsed.Value)
                .Select(d => new { d.WorkspaceId, Verified = d.VerifiedAt != null }).ToListAsync(ct);
            if (claims.Any(c => c.WorkspaceId == actor.WorkspaceId)) return Error.Conflict($"{parsed.Value} is already one of this workspace's domains.", "Domain");
            if (claims.Any(c => c.Verified)) return VerifiedElsewhere(parsed.Value);

            var entry = new EmailDomain(actor.WorkspaceId, parsed.Value, role, userType, clock.GetUtcNow());
            db.EmailDomains.Add(entry);
            await write.RecordAsync(AuditActions.EmailDomainChanged, parsed.Value, null, $"{role.Display()}, {userType}, pending", ct);
            return entry.Id;
        }, ct);
    }

    /// <summary>Looks the domain's TXT record up; when it carries the token, the domain starts joining people.</summary>
    public async Task<Result> VerifyAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        EmailDomain? domain;
        await using (var db = await factory.CreateDbContextAsync(ct))
            domain = await db.EmailDomains.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.WorkspaceId == actor.WorkspaceId, ct);
        if (domain is null) return Error.NotFound("That domain is no longer registered. Reload the list.");
        if (domain.IsVerified) return Result.Success();

        // The look-up can take seconds: it runs before the write opens, which then checks the domain again.
        IReadOnlyList<string> published;
        try
        {
            published = await records.TxtAsync(domain.RecordName, ct);
        }
        catch (Exception e) when (e is DnsClient.DnsResponseException or DnsClient.DnsResponseParseException or TimeoutException or System.Net.Sockets.SocketException)
        {
            logger.LogWarning(e, "DNS look-up of {Record} failed", domain.RecordName);
            return Error.Conflict($"The DNS look-up of {domain.RecordName} failed ({e.Message}). Try again in a minute; if it keeps failing, the server operator can verify the domain.");
        }
        if (!published.Any(text => string.Equals(text.Trim(), domain.VerificationToken, StringComparison.Ordinal)))
            return Error.Conflict(published.Count == 0
                ? $"No TXT record was found at {domain.RecordName}. Publish one with the value {domain.VerificationToken}, wait for it to spread (minutes to an hour), then verify again."
                : $"The TXT record at {domain.RecordName} does not hold {domain.VerificationToken}. Check its value, then verify again.");

        return await Writes.RunAsync(actor, async write =>
        {
            var current = await write.Db.EmailDomains.FirstOrDefaultAsync(d => d.Id == id && d.WorkspaceId == actor.WorkspaceId, ct);
            if (current is null) return await RemovedMeanwhileAsync(write.Db, actor, domain.Domain, ct);
            if (current.IsVerified) return Result.Success();
            var conflict = await MarkVerifiedAsync(write.Db, current, write.Now, ct);
            if (conflict is not null) return conflict;
            await write.RecordAsync(AuditActions.EmailDomainChanged, current.Domain, "pending", "verified", ct);
            return await SaveVerifiedAsync(write.Db, current, write.SaveAsync, ct);
        }, ct);
    }

    /// <summary>
    /// The operator vouches for a domain (an offline installation, or a DNS the server cannot reach). Without
    /// <paramref name="workspaceName"/>, the one workspace that added the domain is meant; with several, it must be named.
    /// </summary>
    public async Task<Result<string>> VerifyByOperatorAsync(string? workspaceName, string rawDomain, CancellationToken ct = default)
    {
        var parsed = Parse(rawDomain);
        if (!parsed.Succeeded) return parsed.Error!;
        await using var db = await factory.CreateDbContextAsync(ct);
        var claims = await (from d in db.EmailDomains
                            join w in db.Workspaces on d.WorkspaceId equals w.Id
                            where d.Domain == parsed.Value
                            orderby w.NormalizedName
                            select new { Domain = d, w.Name, w.NormalizedName }).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(workspaceName))
        {
            var normalizedName = Names.Normalize(workspaceName);
            if (!await db.Workspaces.AnyAsync(w => w.NormalizedName == normalizedName, ct))
                return Error.NotFound($"No workspace is called \"{workspaceName.Trim()}\".");
            claims = claims.Where(c => c.NormalizedName == normalizedName).ToList();
            if (claims.Count == 0)
                return Error.NotFound($"{workspaceName.Trim()} has no email domain {parsed.Value}; an Admin adds it in Settings → Users first.");
        }
        if (claims.Count == 0)
            return Error.NotFound($"No workspace has added the email domain {parsed.Value}; an Admin adds it in Settings → Users first.");
        if (claims.Count > 1)
            return Error.Conflict($"{parsed.Value} was added by {string.Join(", ", claims.Select(c => c.Name))}. Name the one to verify with --workspace.");
        var (domain, workspace) = (claims[0].Domain, claims[0].Name);
        if (domain.IsVerified) return $"{parsed.Value} was already verified for {workspace}.";
        var now = clock.GetUtcNow();
        if (await MarkVerifiedAsync(db, domain, now, ct) is { } conflict) return conflict;
        db.AuditEntries.Add(AuditEntry.ByOperator(domain.WorkspaceId, AuditActions.EmailDomainChanged, domain.Domain, "pending", "verified", now));
        var verified = await SaveVerifiedAsync(db, domain, token => db.SaveChangesAsync(token), ct);
        return verified.Succeeded ? $"{parsed.Value} is verified for {workspace}: confirmed sign-ups on it now join as {domain.Role.Display()}." : verified.Error!;
    }

    public async Task<Result> RemoveAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        return await Writes.RunAsync(actor, async write =>
        {
            var db = write.Db;
            var domain = await db.EmailDomains.FirstOrDefaultAsync(d => d.Id == id && d.WorkspaceId == actor.WorkspaceId, ct);
            // Removed by someone else since the list was read (the id is all that is left to go by).
            if (domain is null) return Error.Stale("That domain was removed a moment ago — reload the list. Nothing was changed.");
            db.EmailDomains.Remove(domain);
            await write.RecordAsync(AuditActions.EmailDomainChanged, domain.Domain, $"{domain.Role.Display()}, {domain.UserType}", "removed", ct);
            return Result.Success();
        }, ct);
    }

    /// <summary>"@Acme.example " is read as "acme.example"; anything that is not a host name is refused with the reason.</summary>
    public static Result<string> Parse(string? raw)
    {
        var domain = (raw ?? "").Trim().TrimStart('@').TrimEnd('.').ToLowerInvariant();
        if (domain.Length == 0) return Error.Invalid("Enter a domain, for example acme.example.", "Domain");
        if (domain.Contains('@')) return Error.Invalid($"Enter only the part after the @ (for example {domain[(domain.LastIndexOf('@') + 1)..]}).", "Domain");
        if (!DomainPattern().IsMatch(domain))
            return Error.Invalid($"\"{domain}\" is not a domain name: use letters, digits and hyphens in dot-separated parts, ending in a top-level domain such as .com.", "Domain");
        if (PublicMailDomains.Contains(domain))
            return Error.Invalid($"{domain} is a public mail service where anyone can open an address, so it cannot admit people to a workspace. Invite them one by one instead.", "Domain");
        return domain;
    }

    /// <summary>Marks the domain verified unless another workspace holds it verified already (then that error).</summary>
    private static async Task<Error?> MarkVerifiedAsync(DashboardDbContext db, EmailDomain domain, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.EmailDomains.AnyAsync(d => d.Domain == domain.Domain && d.Id != domain.Id && d.VerifiedAt != null, ct))
            return VerifiedElsewhere(domain.Domain);
        domain.MarkVerified(now);
        return null;
    }

    /// <summary>Saves a verification; the unique index and the domain's concurrency token decide a race.</summary>
    private static async Task<Result> SaveVerifiedAsync(DashboardDbContext db, EmailDomain domain, Func<CancellationToken, Task> save, CancellationToken ct)
    {
        try
        {
            await save(ct);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Verified (or removed) by someone else since it was read: what they did stands.
            return Error.Stale($"{domain.Domain} was changed a moment ago — reload to see it. Nothing was saved.");
        }
        catch (DbUpdateException)
        {
            // Another workspace verified it in the same moment; the unique index decided.
            if (await db.EmailDomains.AsNoTracking().AnyAsync(d => d.Domain == domain.Domain && d.Id != domain.Id && d.VerifiedAt != null, ct))
                return VerifiedElsewhere(domain.Domain);
            throw;
        }
    }

    /// <summary>"X removed acme.example a moment ago", naming whoever the audit log says did.</summary>
    private static async Task<Error> RemovedMeanwhileAsync(DashboardDbContext db, Actor actor, string domain, CancellationToken ct)
    {
        var who = await LastChange.ByWhomAsync(db, actor.WorkspaceId, AuditActions.EmailDomainChanged, e => e.Target == domain && e.After == "removed", ct);
        return Error.Stale($"{who} removed {domain} a moment ago — reload to see the list. Nothing was saved.");
    }

    private static Error VerifiedElsewhere(string domain) =>
        Error.Conflict($"{domain} is already verified by another workspace on this server; a domain can admit people to only one workspace.", "Domain");
}
