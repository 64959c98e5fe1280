using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Workspaces;

public sealed record PartnerRow(Guid Id, string WorkspaceName, DateTimeOffset AddedAt);

/// <param name="Clients">For a workforce workspace: the client workspaces it lends its people to (its Admin edits them).</param>
/// <param name="LentBy">For any workspace: the workforce workspaces that lend it people (read-only here).</param>
public sealed record WorkforcePartners(bool IsWorkforce, IReadOnlyList<PartnerRow> Clients, IReadOnlyList<PartnerRow> LentBy);

/// <summary>
/// Settings → Users → Workforce partners (Admins only): a workforce workspace's Admin lists the client workspaces it
/// serves; only they find its people. The client side sees who lends it people.
/// </summary>
public sealed class WorkforcePartnerService(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock)
{
    private ActingWrites Writes => new(factory, clock);

    public async Task<Result<WorkforcePartners>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        await using var db = await factory.CreateDbContextAsync(ct);
        var isWorkforce = await db.Workspaces.Where(w => w.Id == actor.WorkspaceId).Select(w => w.IsWorkforce).FirstAsync(ct);
        // Both sides in one read: the clients this workspace lends to, and the workforces that lend to it.
        var rows = await (from p in db.WorkforcePartners
                          where p.WorkforceWorkspaceId == actor.WorkspaceId || p.ClientWorkspaceId == actor.WorkspaceId
                          let isClient = p.WorkforceWorkspaceId == actor.WorkspaceId
                          join w in db.Workspaces on (isClient ? p.ClientWorkspaceId : p.WorkforceWorkspaceId) equals w.Id
                          orderby w.NormalizedName
                          select new { isClient, Row = new PartnerRow(p.Id, w.Name, p.AddedAt) }).ToListAsync(ct);
        var clients = rows.Where(r => r.isClient).Select(r => r.Row).ToList();
        var lentBy = rows.Where(r => !r.isClient).Select(r => r.Row).ToList();
        return new WorkforcePartners(isWorkforce, clients, lentBy);
    }

    /// <summary>Adds a client by its exact workspace name (names are unique on the server).</summary>
    public async Task<Result<Guid>> AddAsync(Actor actor, string? clientName, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        var name = Names.Validate(clientName, "The client workspace's name", Workspace.NameMaxLength);
        if (!name.Succeeded) return name.Error!;
        return await Writes.RunAsync<Guid>(actor, async write =>
        {
            var db = write.Db;
            if (!await db.Workspaces.AnyAsync(w => w.Id == actor.WorkspaceId && w.IsWorkforce, ct))
                return Error.Conflict($"{actor.WorkspaceName} is not a workforce workspace, so it lends nobody. That was chosen when it was created.");
            var normalized = Names.Normalize(name.Value);
            var client = await db.Workspaces.Where(w => w.NormalizedName == normalized).Select(w => new { w.Id, w.Name }).FirstOrDefaultAsync(ct);
            if (client is null)
                return Error.NotFound($"No workspace is called \"{name.Value}\" on this server. Ask the client's Admin for its exact name.");
            if (client.Id == actor.WorkspaceId) return Error.Invalid("A workspace cannot be its own client.", "Client");
            if (await db.WorkforcePartners.AnyAsync(p => p.WorkforceWorkspaceId == actor.WorkspaceId && p.ClientWorkspaceId == client.Id, ct))
                return Error.Conflict($"{client.Name} is already a client of {actor.WorkspaceName}.", "Client");

            var now = clock.GetUtcNow();
            var partner = new WorkforcePartner(actor.WorkspaceId, client.Id, now);
            db.WorkforcePartners.Add(partner);
            await write.RecordAsync(AuditActions.WorkforcePartnerChanged, client.Name, null, "client", ct);
            return partner.Id;
        }, ct);
    }

    /// <summary>Stops lending to a client; people already lent stay its members until its Admins remove them.</summary>
    public async Task<Result> RemoveAsync(Actor actor, Guid partnerId, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        return await Writes.RunAsync(actor, async write =>
        {
            var db = write.Db;
            var partner = await db.WorkforcePartners.FirstOrDefaultAsync(p => p.Id == partnerId && p.WorkforceWorkspaceId == actor.WorkspaceId, ct);
            if (partner is null) return Error.NotFound("That client is no longer on the list. Reload it.");
            var clientName = await db.Workspaces.Where(w => w.Id == partner.ClientWorkspaceId).Select(w => w.Name).FirstAsync(ct);
            db.WorkforcePartners.Remove(partner);
            await write.RecordAsync(AuditActions.WorkforcePartnerChanged, clientName, "client", "removed", ct);
            return Result.Success();
        }, ct);
    }
}
