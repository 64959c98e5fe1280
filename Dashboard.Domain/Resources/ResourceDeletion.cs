using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Resources;

/// <summary>
/// Deleting a Project, Dataset or Ontology: first what it would take with it (for the confirmation), then the delete
/// itself. Both refuse a Dataset or Ontology that Projects still use, naming them.
/// </summary>
public sealed class ResourceDeletion(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock)
{
    private ActingWrites Writes => new(factory, clock);

    /// <summary>What deleting the resource would take with it, for the confirmation, or why it cannot go.</summary>
    public async Task<Result<string>> DescribeDeletionAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await ResourceAuthority.FindManageableAsync(db, actor, id, null, ct);
        if (!found.Succeeded) return found.Error!;
        var blocked = await BlockingProjectsAsync(db, found.Value, ct);
        if (blocked is not null) return blocked;

        var access = await db.ResourceAccess.CountAsync(a => a.ResourceId == id, ct);
        var parts = new List<string> { $"{access} access entr{(access == 1 ? "y" : "ies")}" };
        switch (found.Value)
        {
            case Project:
                var issues = await db.Issues.CountAsync(i => i.ProjectId == id, ct);
                var datasets = await db.ProjectDatasets.CountAsync(l => l.ProjectId == id, ct);
                parts.Add($"{issues} issue{(issues == 1 ? "" : "s")}");
                parts.Add($"its link{(datasets == 1 ? "" : "s")} to {datasets} Dataset{(datasets == 1 ? "" : "s")} (the Datasets stay)");
                break;
            case Dataset:
                var units = await db.DataUnits.CountAsync(u => u.DatasetId == id, ct);
                parts.Add($"{units} data unit{(units == 1 ? "" : "s")}");
                break;
            case Ontology:
                var classes = await db.OntologyClasses.CountAsync(c => c.OntologyId == id, ct);
                parts.Add($"{classes} label class{(classes == 1 ? "" : "es")}");
                break;
        }
        return $"Delete \"{found.Value.Name}\" with {string.Join(", ", parts)}? This cannot be undone.";
    }

    public Task<Result> DeleteAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        Writes.RunAsync(actor, async write =>
        {
            var found = await ResourceAuthority.FindManageableAsync(write.Db, actor, id, null, ct);
            if (!found.Succeeded) return found.Error!;
            if (await BlockingProjectsAsync(write.Db, found.Value, ct) is { } blocked) return blocked;

            write.Db.Resources.Remove(found.Value);
            await write.RecordAsync(AuditActions.ResourceDeleted, ResourceService.Describe(found.Value), found.Value.Description, null, ct);
            return Result.Success();
        }, ct);

    /// <summary>A Dataset or Ontology in use by Projects cannot be deleted; the message names them.</summary>
    private static async Task<Error?> BlockingProjectsAsync(DashboardDbContext db, Resource resource, CancellationToken ct)
    {
        var users = resource.Kind switch
        {
            ResourceKind.Dataset => await (from link in db.ProjectDatasets
                                           join p in db.Projects on link.ProjectId equals p.Id
                                           where link.DatasetId == resource.Id
                                           orderby p.NormalizedName
                                           select p.Name).ToListAsync(ct),
            ResourceKind.Ontology => await db.Projects.Where(p => p.OntologyId == resource.Id).OrderBy(p => p.NormalizedName)
                .Select(p => p.Name).ToListAsync(ct),
            _ => [],
        };
        if (users.Count == 0) return null;
        var action = resource.Kind == ResourceKind.Dataset ? "Detach it from" : "Give another Ontology to";
        return Error.Conflict($"\"{resource.Name}\" is used by {string.Join(", ", users.Select(u => $"\"{u}\""))}. {action} " +
                              $"{(users.Count == 1 ? "that Project" : "those Projects")} first.");
    }
}
