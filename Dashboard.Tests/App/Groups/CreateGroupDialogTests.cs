using Bunit;
using Dashboard.App.Features.Groups;
using Dashboard.Domain.Access;
using Dashboard.Domain.Groups;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.App.Groups;

public class CreateGroupDialogTests : AppComponentTestBase
{
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;
    private Actor _admin = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await SignInAsAsync(WorkspaceRole.Admin, "Ada Admin");
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        await _dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<CreateGroupDialog>("Create group",
            new DialogParameters<CreateGroupDialog> { { d => d.Actor, _admin } }));
    }

    private string DialogText => _dialogs.Find(".mud-dialog").TextContent;

    [Fact]
    public void Next_WithoutAName_StaysOnStepOneWithTheMessage()
    {
        _dialogs.Find("[data-testid=group-next]").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains("Group name is required.", DialogText));
        Assert.Contains("Step 1 of 2", DialogText);
    }

    [Fact]
    public async Task Next_WithATakenName_StaysOnStepOne()
    {
        await Services.GetRequiredService<GroupService>().CreateAsync(_admin, new CreateGroup("Night shift", "", [], []));

        _dialogs.Find("input[data-testid=group-name]").Input(" night SHIFT ");
        _dialogs.Find("[data-testid=group-next]").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains("A group called \"night SHIFT\" already exists", DialogText));
    }

    [Fact]
    public async Task ManagersStep_OffersInternalMembersOnly_AndSaysWhy()
    {
        await Seed.MemberAsync(Database, Workspace, WorkspaceRole.Member, name: "Ines Internal");
        await Seed.MemberAsync(Database, Workspace, WorkspaceRole.Tasker, name: "Eli External", type: UserType.External);
        _dialogs.Find("input[data-testid=group-name]").Input("Reviewers");

        _dialogs.Find("[data-testid=group-next]").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("Step 2 of 2", DialogText));

        Assert.Contains("Only Internal members can manage groups", DialogText);
        var picker = _dialogs.FindComponents<PeoplePicker>().Single();
        var offered = await picker.Instance.Search("", CancellationToken.None);
        Assert.Equal(["Ada Admin", "Ines Internal"], offered.Select(p => p.Name));
    }

    [Fact]
    public async Task CreateGroup_SavesTheMembersAndManagersChosenInBothSteps()
    {
        var member = await Seed.MemberAsync(Database, Workspace, WorkspaceRole.Tasker, name: "Tom Tasker");
        var manager = await Seed.MemberAsync(Database, Workspace, WorkspaceRole.Member, name: "Manny Manager");
        _dialogs.Find("input[data-testid=group-name]").Input("Night shift");
        var members = _dialogs.FindComponents<PeoplePicker>().Single();
        await _dialogs.InvokeAsync(() => members.Instance.Chosen.Add(new GroupPerson(member.MemberId, "Tom Tasker", "", UserType.Internal, MemberStatus.Joined)));

        _dialogs.Find("[data-testid=group-next]").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("Step 2 of 2", DialogText));
        var managers = _dialogs.FindComponents<PeoplePicker>().Single();
        await _dialogs.InvokeAsync(() => managers.Instance.Chosen.Add(new GroupPerson(manager.MemberId, "Manny Manager", "", UserType.Internal, MemberStatus.Joined)));
        _dialogs.Find("[data-testid=group-create]").Click();

        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll("[data-testid=create-group-dialog]")));
        await using var db = Database.CreateDbContext();
        var group = await db.Groups.Include(g => g.Members).Include(g => g.Managers).SingleAsync();
        Assert.Equal((member.MemberId, manager.MemberId), (group.Members.Single().MemberId, group.Managers.Single().MemberId));
    }
}
