using Dashboard.Domain.Common;
using Dashboard.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Domain.Resources;

/// <summary>Deleting resources (ResourceDeletion): what goes with them, and what blocks it.</summary>
public partial class ResourceServiceTests
{
    [Fact]
    public async Task Delete_ADatasetUsedByAProject_IsRefusedAndNamesTheProject()
    {
        var ontology = await CreateAsync(_admin, ResourceKind.Ontology, "Road objects");
        var dataset = await CreateAsync(_admin, ResourceKind.Dataset, "Berlin");
        var project = await CreateAsync(_admin, ResourceKind.Project, "Perception", ontology, dataset);

        var refused = await _deletion.DeleteAsync(_admin, dataset);

        Assert.Equal(ErrorKind.Conflict, refused.Error!.Kind);
        Assert.Contains("\"Perception\"", refused.Error.Message);
        Assert.Contains("Detach it", refused.Error.Message);
        Assert.True((await _connections.DetachDatasetAsync(_admin, project, dataset)).Succeeded);
        Assert.True((await _deletion.DeleteAsync(_admin, dataset)).Succeeded);
    }

    [Fact]
    public async Task Delete_AnOntologyUsedByAProject_IsRefused()
    {
        var ontology = await CreateAsync(_admin, ResourceKind.Ontology, "Road objects");
        await CreateAsync(_admin, ResourceKind.Project, "Perception", ontology);

        var refused = await _deletion.DeleteAsync(_admin, ontology);

        Assert.Equal(ErrorKind.Conflict, refused.Error!.Kind);
        Assert.Contains("Give another Ontology to that Project first", refused.Error.Message);
    }

    [Fact]
    public async Task Delete_AProject_TakesItsAccessAndLinksButLeavesItsDatasets()
    {
        var ontology = await CreateAsync(_admin, ResourceKind.Ontology, "Road objects");
        var dataset = await CreateAsync(_admin, ResourceKind.Dataset, "Berlin");
        var project = await CreateAsync(_admin, ResourceKind.Project, "Perception", ontology, dataset);

        var confirmation = await _deletion.DescribeDeletionAsync(_admin, project);
        var deleted = await _deletion.DeleteAsync(_admin, project);

        Assert.Contains("its link to 1 Dataset (the Datasets stay)", confirmation.Value);
        Assert.True(deleted.Succeeded);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.ResourceAccess.AnyAsync(a => a.ResourceId == project));
        Assert.False(await db.ProjectDatasets.AnyAsync());
        Assert.True(await db.Datasets.AnyAsync(d => d.Id == dataset));
    }

    [Fact]
    public async Task Delete_ByAPlainAssignee_IsForbidden()
    {
        var project = await ProjectAsync(_admin, "Perception");
        await _access.AddMembersAsync(_admin, project, [_member.MemberId], ResourceRole.Annotator);

        var result = await _deletion.DeleteAsync(_member, project);

        Assert.Equal(ErrorKind.Forbidden, result.Error!.Kind);
    }
}
