using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Resources;

/// <summary>
/// What a resource is made of, for those who manage it: a Project's Ontology and Datasets, an Ontology's label
/// classes. Each change is audited on the resource it changes.
/// </summary>
public sealed class ResourceConnections(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock)
{
    private ActingWrites Writes => new(factory, clock);

    public Task<Result> ChangeOntologyAsync(Actor actor, Guid projectId, Guid ontologyId, CancellationToken ct = default) =>
        Writes.RunAsync(actor, async write =>
        {
            var found = await ResourceAuthority.FindManageableAsync(write.Db, actor, projectId, ResourceKind.Project, ct);
            if (!found.Succeeded) return found.Error!;
            var ontology = await ResourceAuthority.FindVisibleAsync(write.Db, actor, ontologyId, ResourceKind.Ontology, ct);
            if (!ontology.Succeeded) return Error.Invalid(ontology.Error!.Message, "Ontology");
            var project = (Project)found.Value;
            if (project.OntologyId == ontologyId) return Result.Success();

            var before = await write.Db.Ontologies.Where(o => o.Id == project.OntologyId).Select(o => o.Name).FirstOrDefaultAsync(ct);
            project.UseOntology(ontologyId);
            await write.RecordAsync(AuditActions.ResourceChanged, ResourceService.Describe(project), $"Ontology {before}", $"Ontology {ontology.Value.Name}", ct);
            return Result.Success();
        }, ct);

    public Task<Result> AttachDatasetAsync(Actor actor, Guid projectId, Guid datasetId, CancellationToken ct = default) =>
        Writes.RunAsync(actor, async write =>
        {
            var found = await ResourceAuthority.FindManageableAsync(write.Db, actor, projectId, ResourceKind.Project, ct);
            if (!found.Succeeded) return found.Error!;
            var dataset = await ResourceAuthority.FindVisibleAsync(write.Db, actor, datasetId, ResourceKind.Dataset, ct);
            if (!dataset.Succeeded) return Error.Invalid(dataset.Error!.Message, "Datasets");
            if (await write.Db.ProjectDatasets.AnyAsync(l => l.ProjectId == projectId && l.DatasetId == datasetId, ct))
                return Error.Conflict($"\"{dataset.Value.Name}\" is already attached to this Project.", "Datasets");

            write.Db.ProjectDatasets.Add(new ProjectDataset(projectId, datasetId));
            await write.RecordAsync(AuditActions.ResourceChanged, ResourceService.Describe(found.Value), null, $"Dataset \"{dataset.Value.Name}\" attached", ct);
            return Result.Success();
        }, ct);

    public Task<Result> DetachDatasetAsync(Actor actor, Guid projectId, Guid datasetId, CancellationToken ct = default) =>
        Writes.RunAsync(actor, async write =>
        {
            var found = await ResourceAuthority.FindManageableAsync(write.Db, actor, projectId, ResourceKind.Project, ct);
            if (!found.Succeeded) return found.Error!;
            var name = await write.Db.Datasets.Where(d => d.Id == datasetId).Select(d => d.Name).FirstOrDefaultAsync(ct);
            var removed = await write.DeleteAsync(write.Db.ProjectDatasets.Where(l => l.ProjectId == projectId && l.DatasetId == datasetId), ct);
            if (removed == 0) return Error.NotFound("That Dataset is not attached to this Project.");
            await write.RecordAsync(AuditActions.ResourceChanged, ResourceService.Describe(found.Value), $"Dataset \"{name}\" attached", "detached", ct);
            return Result.Success();
        }, ct);

    public Task<Result> AddClassAsync(Actor actor, Guid ontologyId, string? name, LabelShape shape, CancellationToken ct = default) =>
        Writes.RunAsync(actor, async write =>
        {
            var found = await ResourceAuthority.FindManageableAsync(write.Db, actor, ontologyId, ResourceKind.Ontology, ct);
            if (!found.Succeeded) return found.Error!;
            var className = Names.Validate(name, "Class name", OntologyClass.NameMaxLength, "ClassName");
            if (!className.Succeeded) return className.Error!;
            var existing = await write.Db.OntologyClasses.Where(c => c.OntologyId == ontologyId).Select(c => c.Name).ToListAsync(ct);
            if (existing.Any(c => string.Equals(c, className.Value, StringComparison.OrdinalIgnoreCase)))
                return Error.Conflict($"This Ontology already has a class called \"{className.Value}\".", "ClassName");

            write.Db.OntologyClasses.Add(new OntologyClass(ontologyId, className.Value, shape));
            await write.RecordAsync(AuditActions.ResourceChanged, ResourceService.Describe(found.Value), null, $"class \"{className.Value}\" ({shape}) added", ct);
            return Result.Success();
        }, ct);

    public Task<Result> RemoveClassAsync(Actor actor, Guid ontologyId, Guid classId, CancellationToken ct = default) =>
        Writes.RunAsync(actor, async write =>
        {
            var found = await ResourceAuthority.FindManageableAsync(write.Db, actor, ontologyId, ResourceKind.Ontology, ct);
            if (!found.Succeeded) return found.Error!;
            var name = await write.Db.OntologyClasses.Where(c => c.Id == classId).Select(c => c.Name).FirstOrDefaultAsync(ct);
            var removed = await write.DeleteAsync(write.Db.OntologyClasses.Where(c => c.Id == classId && c.OntologyId == ontologyId), ct);
            if (removed == 0) return Error.NotFound("That class is not in this Ontology.");
            await write.RecordAsync(AuditActions.ResourceChanged, ResourceService.Describe(found.Value), $"class \"{name}\"", "removed", ct);
            return Result.Success();
        }, ct);
}
