using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Resources;

/// <summary>
/// Projects, Datasets and Ontologies: listing what the actor may see, creating (the creator becomes the
/// resource's Admin), and editing them; <see cref="ResourceConnections"/> connects them and
/// <see cref="ResourceDeletion"/> deletes them. One service, because the rules are the same for
/// the three kinds apart from a Project's links.
/// </summary>
public sealed class ResourceService(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock)
{
    private ActingWrites Writes => new(factory, clock);

    /// <param name="tagIds">Projects only: keep those carrying every one of these project tags.</param>
    public async Task<Page<ResourceRow>> ListAsync(Actor actor, ResourceKind kind, string? search, PageRequest page,
        IReadOnlyCollection<Guid>? tagIds = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var resources = ResourceAuthority.Visible(db, actor).AsNoTracking().OfKind(kind);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = SearchText.Contains(search);
            resources = resources.Where(r => EF.Functions.Like(r.Name, pattern, SearchText.Escape));
        }
        foreach (var tagId in (tagIds ?? []).Distinct())
            resources = resources.Where(r => db.ProjectTagLinks.Any(l => l.ProjectId == r.Id && l.TagId == tagId));

        var byName = resources.OrderBy(r => r.NormalizedName);
        var (total, atLeast) = await CappedCount.CountAsync(byName, page, ct);
        var rows = await byName
            .Skip(page.Skip).Take(page.Take)
            .Select(r => new ResourceRow(r.Id, kind, r.Name, r.Description, r.CreatedAt,
                db.Projects.Where(p => p.Id == r.Id)
                    .Select(p => db.Ontologies.Where(o => o.Id == p.OntologyId).Select(o => o.Name).FirstOrDefault())
                    .FirstOrDefault(),
                kind == ResourceKind.Project ? db.ProjectDatasets.Count(l => l.ProjectId == r.Id)
                : kind == ResourceKind.Dataset ? db.ProjectDatasets.Count(l => l.DatasetId == r.Id)
                : db.Projects.Count(p => p.OntologyId == r.Id), Array.Empty<string>()))
            .ToListAsync(ct);
        if (kind != ResourceKind.Project) return new Page<ResourceRow>(rows, total, atLeast);

        // Tag names for this page only, in one query.
        var ids = rows.Select(r => r.Id).ToList();
        var tags = (await (from link in db.ProjectTagLinks
                           join tag in db.ProjectTags on link.TagId equals tag.Id
                           where ids.Contains(link.ProjectId)
                           orderby tag.NormalizedName
                           select new { link.ProjectId, tag.Name }).ToListAsync(ct))
            .ToLookup(t => t.ProjectId, t => t.Name);
        return new Page<ResourceRow>(rows.Select(r => r with { Tags = tags[r.Id].ToList() }).ToList(), total, atLeast);
    }

    public async Task<Result<ResourceDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await ResourceAuthority.FindVisibleAsync(db, actor, id, null, ct);
        if (!found.Succeeded) return found.Error!;
        var resource = found.Value;

        // Linked resources are named only when the actor can open them; the rest are counted.
        var visible = ResourceAuthority.Visible(db, actor).Select(r => r.Id);
        var links = new List<(ResourceKind Kind, ResourceLink Link, bool Visible)>();
        if (resource is Project project)
            links.AddRange(await db.Ontologies.Where(o => o.Id == project.OntologyId)
                .Select(o => new { o.Id, o.Name, Visible = visible.Contains(o.Id) }).Select(o => ValueTuple.Create(ResourceKind.Ontology, new ResourceLink(o.Id, o.Name), o.Visible))
                .ToListAsync(ct));
        links.AddRange((await (from link in db.ProjectDatasets
                               join d in db.Datasets on link.DatasetId equals d.Id
                               where link.ProjectId == id
                               orderby d.NormalizedName
                               select new { d.Id, d.Name, Visible = visible.Contains(d.Id) }).ToListAsync(ct))
            .Select(d => (ResourceKind.Dataset, new ResourceLink(d.Id, d.Name), d.Visible)));
        var usedBy = resource.Kind switch
        {
            ResourceKind.Dataset => await (from link in db.ProjectDatasets
                                           join p in db.Projects on link.ProjectId equals p.Id
                                           where link.DatasetId == id
                                           orderby p.NormalizedName
                                           select new { p.Id, p.Name, Visible = visible.Contains(p.Id) }).ToListAsync(ct),
            ResourceKind.Ontology => await db.Projects.Where(p => p.OntologyId == id).OrderBy(p => p.NormalizedName)
                .Select(p => new { p.Id, p.Name, Visible = visible.Contains(p.Id) }).ToListAsync(ct),
            _ => [],
        };
        links.AddRange(usedBy.Select(p => (ResourceKind.Project, new ResourceLink(p.Id, p.Name), p.Visible)));
        var classes = await db.OntologyClasses.Where(c => c.OntologyId == id).OrderBy(c => c.Name)
            .Select(c => new OntologyClassRow(c.Id, c.Name, c.Shape)).ToListAsync(ct);
        // A Tasker sees no other member's name, the creator's included.
        var createdBy = resource.CreatedByMemberId == actor.MemberId || actor.Can(Permission.SeeOtherMembers)
            ? await db.Members.Where(m => m.Id == resource.CreatedByMemberId).Select(m => m.DisplayName).FirstOrDefaultAsync(ct)
            : null;

        List<ResourceLink> Shown(ResourceKind kind) => links.Where(l => l.Kind == kind && l.Visible).Select(l => l.Link).ToList();
        var hidden = links.Where(l => !l.Visible).GroupBy(l => l.Kind).Select(g => new HiddenResources(g.Key, g.Count())).ToList();
        return new ResourceDetails(resource.Id, resource.Kind, resource.Name, resource.Description, resource.CreatedAt,
            createdBy, await ResourceAuthority.CanManageAsync(db, actor, id, ct), Shown(ResourceKind.Ontology).FirstOrDefault(),
            Shown(ResourceKind.Dataset), Shown(ResourceKind.Project), classes, hidden, resource.Version);
    }

    public async Task<Result<Guid>> CreateAsync(Actor actor, CreateResource command, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.CreateResources);
        if (!allowed.Succeeded) return allowed.Error!;
        return await Writes.RunAsync<Guid>(actor, async write =>
        {
            var db = write.Db;
            var name = await ResourceAuthority.ValidateNameAsync(db, actor.WorkspaceId, command.Kind, command.Name, null, ct);
            if (!name.Succeeded) return name.Error!;
            var description = ResourceAuthority.ValidateDescription(command.Description);
            if (!description.Succeeded) return description.Error!;

            Resource resource;
            switch (command.Kind)
            {
                case ResourceKind.Project:
                    if (command.OntologyId is not { } ontologyId)
                        return Error.Invalid("Choose the Ontology this Project uses.", "Ontology");
                    var ontology = await ResourceAuthority.FindVisibleAsync(db, actor, ontologyId, ResourceKind.Ontology, ct);
                    if (!ontology.Succeeded) return Error.Invalid(ontology.Error!.Message, "Ontology");
                    var project = new Project(actor.WorkspaceId, name.Value, description.Value, ontologyId, actor.MemberId, write.Now);
                    foreach (var datasetId in (command.DatasetIds ?? []).Distinct())
                    {
                        var dataset = await ResourceAuthority.FindVisibleAsync(db, actor, datasetId, ResourceKind.Dataset, ct);
                        if (!dataset.Succeeded) return Error.Invalid(dataset.Error!.Message, "Datasets");
                        db.ProjectDatasets.Add(new ProjectDataset(project.Id, datasetId));
                    }
                    resource = project;
                    break;
                case ResourceKind.Dataset:
                    resource = new Dataset(actor.WorkspaceId, name.Value, description.Value, actor.MemberId, write.Now);
                    break;
                default:
                    resource = new Ontology(actor.WorkspaceId, name.Value, description.Value, actor.MemberId, write.Now);
                    break;
            }

            db.Resources.Add(resource);
            db.ResourceAccess.Add(ResourceAccess.ForMember(resource.Id, actor.MemberId, ResourceRole.Admin, write.Now));
            await write.RecordAsync(AuditActions.ResourceCreated, Describe(resource), null, resource.Description, ct);
            return await SaveAsync(write, command.Kind, name.Value, ct) is { } conflict ? conflict : resource.Id;
        }, ct);
    }

    /// <param name="seenVersion">The version the page showed (<see cref="ResourceDetails.Version"/>): a newer one refuses the save.</param>
    public Task<Result> UpdateAsync(Actor actor, Guid id, Guid seenVersion, string? name, string? description, CancellationToken ct = default) =>
        Writes.RunAsync(actor, async write =>
        {
            var found = await ResourceAuthority.FindManageableAsync(write.Db, actor, id, null, ct);
            if (!found.Succeeded) return found.Error!;
            var resource = found.Value;
            if (resource.Version != seenVersion) return await ChangedMeanwhileAsync(write.Db, actor, resource, ct);
            var newName = await ResourceAuthority.ValidateNameAsync(write.Db, actor.WorkspaceId, resource.Kind, name, id, ct);
            if (!newName.Succeeded) return newName.Error!;
            var newDescription = ResourceAuthority.ValidateDescription(description);
            if (!newDescription.Succeeded) return newDescription.Error!;
            if (resource.Name == newName.Value && resource.Description == newDescription.Value) return Result.Success();

            var before = $"{resource.Name}: {resource.Description}";
            resource.Rename(newName.Value);
            resource.Describe(newDescription.Value);
            await write.RecordAsync(AuditActions.ResourceChanged, Describe(resource), before, $"{resource.Name}: {resource.Description}", ct);
            try
            {
                return await SaveAsync(write, resource.Kind, newName.Value, ct) ?? Result.Success();
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another save passed the same check a moment earlier (a server that does not serialise writers).
                var now = await write.Db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
                return now is null ? Error.NotFound("That resource no longer exists.") : await ChangedMeanwhileAsync(write.Db, actor, now, ct);
            }
        }, ct);

    /// <summary>"X changed this a moment ago — reload to see it", naming whoever the audit log says changed it last.</summary>
    private static async Task<Error> ChangedMeanwhileAsync(DashboardDbContext db, Actor actor, Resource resource, CancellationToken ct)
    {
        var target = Describe(resource);
        var who = await LastChange.ByWhomAsync(db, actor.WorkspaceId, AuditActions.ResourceChanged, e => e.Target == target, ct);
        return Error.Stale($"{who} changed this {resource.Kind} a moment ago — reload to see it. Nothing was saved.");
    }

    /// <summary>How the audit log names a resource: <c>Dataset "Street scenes"</c>.</summary>
    internal static string Describe(Resource resource) => $"{resource.Kind} \"{resource.Name}\"";

    /// <summary>Saves; a name taken by someone else in the meantime becomes the same Conflict the check gives.</summary>
    private static async Task<Error?> SaveAsync(ActingContext write, ResourceKind kind, string name, CancellationToken ct)
    {
        try
        {
            await write.SaveAsync(ct);
            return null;
        }
        catch (DbUpdateException exception) when (exception.InnerException?.Message.Contains("UNIQUE") == true)
        {
            return ResourceAuthority.NameTaken(kind, name);
        }
    }
}
