using Bunit;
using Dashboard.App.Features.Resources;
using Dashboard.Domain.Access;
using Dashboard.Domain.Resources;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.App.Resources;

public class ResourceComponentTests : AppComponentTestBase
{
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
    }

    private async Task OpenAsync<TDialog>(DialogParameters<TDialog> parameters) where TDialog : IComponent =>
        await _dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<TDialog>("Dialog", parameters));

    private async Task<int> CountResourcesAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Resources.CountAsync();
    }

    [Fact]
    public async Task List_ForAMemberWithNothingYet_InvitesThemToCreate()
    {
        await SignInAsAsync(WorkspaceRole.Member);

        var list = Render<ResourceList>(p => p.Add(x => x.Kind, ResourceKind.Project));

        list.WaitForAssertion(() => Assert.Contains("No projects yet. Create one with \"New project\"",
            list.Find("[data-testid=resources-empty]").TextContent));
        Assert.Contains(list.FindAll("button"), b => b.TextContent.Contains("New project"));
    }

    [Fact]
    public async Task List_ForATasker_SaysToAskForAccess_AndOffersNoCreate()
    {
        await SignInAsAsync(WorkspaceRole.Tasker);

        var list = Render<ResourceList>(p => p.Add(x => x.Kind, ResourceKind.Dataset));

        list.WaitForAssertion(() => Assert.Contains("You have not been added to any dataset yet",
            list.Find("[data-testid=resources-empty]").TextContent));
        Assert.DoesNotContain(list.FindAll("button"), b => b.TextContent.Contains("New dataset"));
    }

    [Fact]
    public async Task CreateDialog_WithAnEmptyName_ShowsTheMessageAtTheFieldAndSavesNothing()
    {
        await SignInAsAsync(WorkspaceRole.Member);
        await OpenAsync(new DialogParameters<ResourceFormDialog> { { d => d.Kind, ResourceKind.Dataset } });

        _dialogs.Find("[data-testid=resource-submit]").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains("Dataset name is required.", _dialogs.Find(".mud-input-helper-text.mud-input-error").TextContent));
        Assert.Equal(0, await CountResourcesAsync());
    }

    [Fact]
    public async Task CreateDialog_WithATakenName_SaysItExists_AndClearsTheErrorOnceTheNameChanges()
    {
        var actor = await SignInAsAsync(WorkspaceRole.Member);
        var services = Services.GetRequiredService<ResourceService>();
        await services.CreateAsync(actor, new CreateResource(ResourceKind.Ontology, "Road objects", ""));
        await OpenAsync(new DialogParameters<ResourceFormDialog> { { d => d.Kind, ResourceKind.Ontology } });

        _dialogs.Find("input[data-testid=resource-name]").Input("ROAD OBJECTS");
        _dialogs.Find("[data-testid=resource-submit]").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("An ontology called \"ROAD OBJECTS\" already exists", _dialogs.Find(".mud-dialog").TextContent));

        _dialogs.Find("input[data-testid=resource-name]").Input("Road objects v2");
        _dialogs.WaitForAssertion(() => Assert.DoesNotContain("already exists", _dialogs.Find(".mud-dialog").TextContent));
        Assert.Equal(1, await CountResourcesAsync());
    }

    [Fact]
    public async Task CreateProjectDialog_WithoutAnOntology_AsksForOne()
    {
        await SignInAsAsync(WorkspaceRole.Member);
        await OpenAsync(new DialogParameters<ResourceFormDialog> { { d => d.Kind, ResourceKind.Project } });

        _dialogs.Find("input[data-testid=resource-name]").Input("Perception");
        _dialogs.Find("[data-testid=resource-submit]").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains("Choose the Ontology this Project uses.", _dialogs.Markup));
        Assert.Equal(0, await CountResourcesAsync());
    }

    [Fact]
    public async Task AddDialog_WithoutARole_AsksForOne_ThenWithNobodyChosen_AsksForAMember()
    {
        var owner = await SignInAsAsync(WorkspaceRole.Member);
        var dataset = (await Services.GetRequiredService<ResourceService>()
            .CreateAsync(owner, new CreateResource(ResourceKind.Dataset, "Berlin", ""))).Value;
        await OpenAsync(new DialogParameters<AddAccessDialog>
        {
            { d => d.ResourceId, dataset }, { d => d.Kind, ResourceKind.Dataset }, { d => d.Actor, owner },
        });

        _dialogs.Find("[data-testid=access-add]").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("Choose the role they will have.", _dialogs.Markup));

        var dialog = _dialogs.FindComponent<AddAccessDialog>();
        var role = dialog.FindComponent<MudSelect<ResourceRole?>>();
        await dialog.InvokeAsync(() => role.Instance.ValueChanged.InvokeAsync(ResourceRole.User));
        _dialogs.Find("[data-testid=access-add]").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("Choose at least one member.", _dialogs.Markup));
    }

    [Fact]
    public async Task AddDialog_AddsTheChosenMemberWithTheRole()
    {
        var owner = await SignInAsAsync(WorkspaceRole.Member);
        var colleague = await Seed.MemberAsync(Database, Workspace, WorkspaceRole.Member, name: "Ann Annotator");
        var project = await CreateProjectAsync(owner);
        await OpenAsync(new DialogParameters<AddAccessDialog>
        {
            { d => d.ResourceId, project }, { d => d.Kind, ResourceKind.Project }, { d => d.Actor, owner },
        });
        var dialog = _dialogs.FindComponent<AddAccessDialog>();

        // Choose through the component's own handlers: MudAutocomplete's list lives in a JS-positioned popover.
        var candidates = await Services.GetRequiredService<ResourceAccessService>().FindCandidatesAsync(owner, project, false, "Ann");
        var pick = dialog.FindComponent<MudAutocomplete<AccessCandidate>>();
        await dialog.InvokeAsync(() => pick.Instance.ValueChanged.InvokeAsync(candidates.Value.Single()));
        var role = dialog.FindComponent<MudSelect<ResourceRole?>>();
        await dialog.InvokeAsync(() => role.Instance.ValueChanged.InvokeAsync(ResourceRole.Annotator));
        _dialogs.Find("[data-testid=access-add]").Click();

        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll("[data-testid=add-access-dialog]")));
        var list = await Services.GetRequiredService<ResourceAccessService>().ListAsync(owner, project);
        Assert.Equal(ResourceRole.Annotator, list.Value.People.Single(p => p.MemberId == colleague.MemberId).DirectRole);
    }

    private async Task<Guid> CreateProjectAsync(Actor owner)
    {
        var resources = Services.GetRequiredService<ResourceService>();
        var ontology = (await resources.CreateAsync(owner, new CreateResource(ResourceKind.Ontology, "Road objects", ""))).Value;
        return (await resources.CreateAsync(owner, new CreateResource(ResourceKind.Project, "Perception", "", ontology))).Value;
    }
}
