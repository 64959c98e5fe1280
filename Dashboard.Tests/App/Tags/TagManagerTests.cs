using Bunit;
using Dashboard.App.Features.Tags;
using Dashboard.Domain.Access;
using Dashboard.Domain.Tags;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.App.Tags;

public class TagManagerTests : AppComponentTestBase
{
    private Actor _admin = default!;
    private IRenderedComponent<TagManager> _manager = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await SignInAsAsync(WorkspaceRole.Admin);
    }

    private void RenderManager()
    {
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        _manager = Render<TagManager>(p => p.Add(m => m.Actor, _admin).Add(m => m.Kind, TagKind.Project).Add(m => m.Intro, "Project tags."));
    }

    private string[] ChipNames() => _manager.FindAll("[data-testid=tag-chip]").Select(c => c.GetAttribute("data-name")!).ToArray();

    private void Key(string testId, string key) =>
        _manager.Find($"input[data-testid={testId}]").KeyDown(new KeyboardEventArgs { Key = key });

    [Fact]
    public void Enter_CreatesTheTag_AndKeepsTheFieldOpenForTheNext()
    {
        RenderManager();

        _manager.Find("[data-testid=tag-new]").Click();
        _manager.Find("input[data-testid=tag-new-input]").Input("Urgent");
        Key("tag-new-input", "Enter");

        _manager.WaitForAssertion(() => Assert.Equal(["Urgent"], ChipNames()));
        Assert.Equal("", _manager.Find("input[data-testid=tag-new-input]").GetAttribute("value") ?? "");
        Assert.Contains("(0 Projects)", _manager.Find("[data-testid=tag-chip]").TextContent);
    }

    [Fact]
    public void Escape_CancelsWithoutCreating()
    {
        RenderManager();

        _manager.Find("[data-testid=tag-new]").Click();
        _manager.Find("input[data-testid=tag-new-input]").Input("Urgent");
        Key("tag-new-input", "Escape");

        _manager.WaitForAssertion(() => Assert.Empty(_manager.FindAll("[data-testid=tag-new-input]")));
        Assert.Empty(ChipNames());
        Assert.NotNull(_manager.Find("[data-testid=tags-empty]"));
    }

    [Fact]
    public async Task ADuplicateName_ShowsTheMessageAtTheField()
    {
        await Services.GetRequiredService<TagService>().CreateAsync(_admin, TagKind.Project, "Urgent");
        RenderManager();

        _manager.Find("[data-testid=tag-new]").Click();
        _manager.Find("input[data-testid=tag-new-input]").Input(" URGENT ");
        Key("tag-new-input", "Enter");

        _manager.WaitForAssertion(() => Assert.Contains("A project tag called \"Urgent\" already exists.", _manager.Find("[data-testid=tag-list]").TextContent));
        Assert.Equal(["Urgent"], ChipNames());
    }

    [Fact]
    public async Task DoubleClick_RenamesInPlace_EnterSaves_EscapeCancels()
    {
        await Services.GetRequiredService<TagService>().CreateAsync(_admin, TagKind.Project, "Urgent");
        RenderManager();

        _manager.Find("[data-testid=tag-chip]").DoubleClick();
        _manager.Find("input[data-testid=tag-rename]").Input("Later");
        Key("tag-rename", "Escape");
        _manager.WaitForAssertion(() => Assert.Equal(["Urgent"], ChipNames()));

        _manager.Find("[data-testid=tag-chip]").DoubleClick();
        _manager.Find("input[data-testid=tag-rename]").Input("Critical");
        Key("tag-rename", "Enter");
        _manager.WaitForAssertion(() => Assert.Equal(["Critical"], ChipNames()));
    }
}
