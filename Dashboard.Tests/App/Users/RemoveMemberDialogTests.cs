using Bunit;
using Dashboard.App.Features.Users;
using Dashboard.Domain.Access;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.App.Users;

public class RemoveMemberDialogTests : AppComponentTestBase
{
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;
    private Actor _admin = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await SignInAsAsync(WorkspaceRole.Admin, "Ada Admin");
    }

    private Task OpenAsync(Actor leaving) => OpenAsync(leaving.MemberId);

    private async Task OpenAsync(Guid leavingMemberId)
    {
        var details = (await Services.GetRequiredService<MemberService>().GetDetailsAsync(_admin, leavingMemberId)).Value;
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        await _dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<RemoveMemberDialog>("Remove",
            new DialogParameters<RemoveMemberDialog> { { d => d.Actor, _admin }, { d => d.Member, details } }));
    }

    private bool RemoveDisabled => _dialogs.Find("[data-testid=remove-submit]").HasAttribute("disabled");

    private async Task<bool> StillMemberAsync(Actor actor)
    {
        await using var db = Database.CreateDbContext();
        return await db.Members.AnyAsync(m => m.Id == actor.MemberId);
    }

    [Fact]
    public async Task AnInvitedPerson_IsNamedByTheirAddressOnce()
    {
        var ivy = await Seed.InvitedAsync(Database, Workspace, "ivy@acme.example");

        await OpenAsync(ivy.Id);

        _dialogs.WaitForAssertion(() => Assert.Contains("ivy@acme.example loses access", _dialogs.Markup));
        Assert.DoesNotContain("(ivy@acme.example)", _dialogs.Markup);
    }

    [Fact]
    public async Task TheSoleAdminOfADataset_CannotBeRemovedUntilAReplacementIsChosen()
    {
        var lea = await Seed.MemberAsync(Database, Workspace, WorkspaceRole.Member, name: "Lea Leaving");
        await Services.GetRequiredService<ResourceService>().CreateAsync(lea, new CreateResource(ResourceKind.Dataset, "Street scenes", ""));
        var hal = await Seed.MemberAsync(Database, Workspace, WorkspaceRole.Member, name: "Hal Heir");
        await Seed.MemberAsync(Database, Workspace, WorkspaceRole.Member, name: "Eve External", type: UserType.External);

        await OpenAsync(lea);

        _dialogs.WaitForAssertion(() => Assert.Contains("Dataset \"Street scenes\"", _dialogs.Find("[data-testid=sole-admin-of]").TextContent));
        Assert.True(RemoveDisabled);
        var picker = _dialogs.FindComponents<MudAutocomplete<MemberChoice>>().Single();
        var offered = await Services.GetRequiredService<MemberService>().FindReplacementsAsync(_admin, lea.MemberId, "");
        Assert.Equal(["Ada Admin", "Hal Heir"], offered.Select(o => o.DisplayName));

        await _dialogs.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(offered.Single(o => o.DisplayName == "Hal Heir")));
        _dialogs.WaitForAssertion(() => Assert.False(RemoveDisabled));
        _dialogs.Find("[data-testid=remove-submit]").Click();

        await _dialogs.WaitForAssertionAsync(async () => Assert.False(await StillMemberAsync(lea)));
        Assert.True(await StillMemberAsync(hal));
    }

    [Fact]
    public async Task AMemberWithoutSoleAdminResources_IsRemovedAtOnce()
    {
        var tom = await Seed.MemberAsync(Database, Workspace, WorkspaceRole.Tasker, name: "Tom Tasker");

        await OpenAsync(tom);

        _dialogs.WaitForAssertion(() => Assert.False(RemoveDisabled));
        Assert.Empty(_dialogs.FindAll("[data-testid=sole-admin-of]"));
        _dialogs.Find("[data-testid=remove-submit]").Click();
        await _dialogs.WaitForAssertionAsync(async () => Assert.False(await StillMemberAsync(tom)));
    }
}
