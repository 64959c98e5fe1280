using Bunit;
using Dashboard.App.Features.Users;
using Dashboard.Domain.Access;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using MudBlazor;

namespace Dashboard.Tests.App.Users;

/// <summary>The heading of a person's page: who they are, said once.</summary>
public class UserDetailsPageTests : AppComponentTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton(Mock.Of<IInvitationMailer>());
    }

    [Fact]
    public async Task AnInvitedPerson_IsHeadedByTheirAddress_AndSaysInvitedWhereTheAddressWouldRepeat()
    {
        await SignInAsAsync(WorkspaceRole.Admin, "Ada Admin");
        var ivy = await Seed.InvitedAsync(Database, Workspace, "ivy@acme.example");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();

        var page = Render<UserDetailsPage>(p => p.Add(x => x.Id, ivy.Id));

        page.WaitForAssertion(() => Assert.Equal("ivy@acme.example", page.Find("h1").TextContent.Trim()));
        Assert.Equal("Invited: not joined yet", page.Find("[data-testid=member-email]").TextContent.Trim());
    }

    [Fact]
    public async Task AJoinedMember_IsHeadedByTheirName_WithTheirAddressBelow()
    {
        await SignInAsAsync(WorkspaceRole.Admin, "Ada Admin");
        var mia = await Seed.MemberAsync(Database, Workspace, WorkspaceRole.Member, name: "Mia Member");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();

        var page = Render<UserDetailsPage>(p => p.Add(x => x.Id, mia.MemberId));

        page.WaitForAssertion(() => Assert.Equal("Mia Member", page.Find("h1").TextContent.Trim()));
        Assert.EndsWith("@acme.example", page.Find("[data-testid=member-email]").TextContent.Trim());
    }
}
