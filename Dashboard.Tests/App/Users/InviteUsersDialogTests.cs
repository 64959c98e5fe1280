using Bunit;
using Dashboard.App.Components.Fields;
using Dashboard.App.Features.Users;
using Dashboard.Domain.Access;
using Dashboard.Domain.Invitations;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using MudBlazor;

namespace Dashboard.Tests.App.Users;

public class InviteUsersDialogTests : AppComponentTestBase
{
    private readonly Mock<IInvitationMailer> _mailer = new();
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton(_mailer.Object);
        await Seed.MemberAsync(Database, Workspace, WorkspaceRole.Member, "jo@acme.example", "Jo Joined");
    }

    private async Task OpenAsync(Actor actor)
    {
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        await _dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<InviteUsersDialog>("Invite users",
            new DialogParameters<InviteUsersDialog> { { d => d.Actor, actor } }));
    }

    private void Type(string text) => _dialogs.Find("input[data-testid=invite-input]").Input(text);

    private void PressEnter() => _dialogs.Find("input[data-testid=invite-input]").KeyDown(new KeyboardEventArgs { Key = "Enter" });

    private List<(string Email, string State)> Chips() =>
        _dialogs.FindAll("[data-testid=invite-chip]").Select(c => (c.TextContent.Trim(), c.GetAttribute("data-state")!)).ToList();

    [Fact]
    public async Task Enter_AndPastingAList_MakeChips_AndBadOnesTurnRedWithTheirReason()
    {
        await OpenAsync(await SignInAsAsync(WorkspaceRole.Admin));

        Type("ivy@acme.example");
        PressEnter();
        Type("ben@acme.example,\nnot-an-email ivy@ACME.example; jo@acme.example tail@acme");

        // A list that arrives at once is whole: its last address ("tail@acme", no separator after it) is a chip too.
        _dialogs.WaitForAssertion(() => Assert.Equal(
            [("ivy@acme.example", "valid"), ("ben@acme.example", "valid"), ("not-an-email", "invalid"), ("ivy@ACME.example", "invalid"),
             ("jo@acme.example", "invalid"), ("tail@acme", "invalid")],
            Chips()));
        var problems = _dialogs.Find("[data-testid=invite-problems]").TextContent;
        Assert.Contains("not an email address", problems);
        Assert.Contains("appears more than once in the list", problems);
        Assert.Contains("is already a member", problems);
        Assert.Equal("", _dialogs.Find("input[data-testid=invite-input]").GetAttribute("value") ?? "");
        Assert.Equal("Add 2 people", _dialogs.Find("[data-testid=invite-submit]").TextContent.Trim());
    }

    [Fact]
    public async Task Typing_ASeparator_ChipsWhatCameBefore_AndLeavesTheRestToTypeOn()
    {
        await OpenAsync(await SignInAsAsync(WorkspaceRole.Admin));

        // Key by key, each time onto what the box holds then.
        foreach (var key in "ben@acme.example, jo")
            Type((_dialogs.Find("input[data-testid=invite-input]").GetAttribute("value") ?? "") + key);

        _dialogs.WaitForAssertion(() => Assert.Equal([("ben@acme.example", "valid")], Chips()));
        Assert.Equal("jo", _dialogs.Find("input[data-testid=invite-input]").GetAttribute("value"));
    }

    [Fact]
    public async Task Add_InvitesOnlyTheGoodAddresses_AndShowsALinkWhereMailDidNotGo()
    {
        var admin = await SignInAsAsync(WorkspaceRole.Admin);
        _mailer.Setup(m => m.SendAsync(It.Is<IssuedInvitation>(i => i.Email == "ben@acme.example"), It.IsAny<Uri>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);
        await OpenAsync(admin);

        Type("ivy@acme.example ben@acme.example nope ");
        _dialogs.WaitForAssertion(() => Assert.Equal(3, Chips().Count));
        _dialogs.Find("[data-testid=invite-submit]").Click();

        _dialogs.WaitForAssertion(() => Assert.Contains("2 people are now Invited as Member.", _dialogs.Find("[data-testid=invite-results]").TextContent));
        var link = Assert.Single(_dialogs.FindAll("input[data-testid=invite-link]"));
        Assert.Contains("/account/login?invitation=", link.GetAttribute("value"));
        Assert.Contains("ben@acme.example — invitation mailed", _dialogs.Find("[data-testid=invite-results]").TextContent);
        Assert.Contains("Not sent: nope", _dialogs.Find("[data-testid=invite-results]").TextContent);
        _mailer.Verify(m => m.SendAsync(It.IsAny<IssuedInvitation>(), It.IsAny<Uri>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task AWorkforceManager_IsOfferedTheTaskerRoleOnly()
    {
        await OpenAsync(await SignInAsAsync(WorkspaceRole.WorkforceManager));

        var role = _dialogs.FindComponents<ChoiceField<WorkspaceRole>>().Single();
        Assert.Equal(WorkspaceRole.Tasker, role.Instance.Value);
        Assert.Contains("you invite Taskers only", _dialogs.Find(".mud-dialog").TextContent);
        Assert.Equal([WorkspaceRole.Tasker], role.Instance.Options.Select(o => o.Value));
        Assert.Equal(["Tasker"], _dialogs.FindAll("select[data-testid=invite-role] option").Select(o => o.TextContent));
    }

    [Fact]
    public async Task Enter_OnTheRole_SendsTheInvitations_OrSaysWhatIsMissing()
    {
        await OpenAsync(await SignInAsAsync(WorkspaceRole.Admin));

        var enter = new KeyboardEventArgs { Key = "Enter" };
        _dialogs.Find("select[data-testid=invite-role]").KeyDown(enter);
        Assert.Contains("Type at least one email address", _dialogs.Find(".mud-dialog").TextContent);

        Type("ivy@acme.example");
        PressEnter();
        _dialogs.Find("select[data-testid=invite-role]").Change("2");
        _dialogs.Find("select[data-testid=invite-role]").KeyDown(enter);
        _dialogs.WaitForAssertion(() => Assert.Contains("1 person is now Invited as Workforce Manager.",
            _dialogs.Find("[data-testid=invite-results]").TextContent));
    }
}
