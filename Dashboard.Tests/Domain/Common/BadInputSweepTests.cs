using Dashboard.Domain;
using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Common;
using Dashboard.Domain.Groups;
using Dashboard.Domain.Issues;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Tags;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Common;

/// <summary>
/// Every form where a person names something, fed the inputs people really type: empty, blank, overlong, a
/// duplicate in other case and spacing, control characters — each refused with a message that says what to fix,
/// and nothing saved — and markup or non-Latin text, which is a valid name kept exactly as typed (the pages encode
/// it; the browser sweep checks that no script runs).
/// </summary>
public class BadInputSweepTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private Actor _admin = default!;
    private Guid _ontology;
    private Guid _project;

    /// <summary>A form: what it calls the field, its limit, whether names must be unique, how to submit, what was saved.</summary>
    private sealed record Form(string What, int MaxLength, bool Unique, Func<string, Task<Result>> Submit,
        Func<DashboardDbContext, IQueryable<string>> Saved);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var services = new ServiceCollection().AddDashboardDomain(":memory:");
        services.AddSingleton<IDbContextFactory<DashboardDbContext>>(_database);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Seed.Now));
        _services = services.BuildServiceProvider();
        var workspace = await Seed.WorkspaceAsync(_database, "Acme");
        _admin = await Seed.MemberAsync(_database, workspace, WorkspaceRole.Admin);
        var resources = _services.GetRequiredService<ResourceService>();
        _ontology = (await resources.CreateAsync(_admin, new CreateResource(ResourceKind.Ontology, "Base ontology", ""))).Value;
        _project = (await resources.CreateAsync(_admin, new CreateResource(ResourceKind.Project, "Base project", "", _ontology))).Value;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private Form FormFor(string name)
    {
        T Get<T>() where T : notnull => _services.GetRequiredService<T>();
        static Result Plain<T>(Result<T> result) => result.Succeeded ? Result.Success() : result.Error!;
        return name switch
        {
            "Project" => new("Project name", Resource.NameMaxLength, true,
                async text => Plain(await Get<ResourceService>().CreateAsync(_admin, new CreateResource(ResourceKind.Project, text, "", _ontology))),
                db => db.Projects.Select(p => p.Name)),
            "Dataset" => new("Dataset name", Resource.NameMaxLength, true,
                async text => Plain(await Get<ResourceService>().CreateAsync(_admin, new CreateResource(ResourceKind.Dataset, text, ""))),
                db => db.Datasets.Select(d => d.Name)),
            "Ontology" => new("Ontology name", Resource.NameMaxLength, true,
                async text => Plain(await Get<ResourceService>().CreateAsync(_admin, new CreateResource(ResourceKind.Ontology, text, ""))),
                db => db.Ontologies.Select(o => o.Name)),
            "Ontology class" => new("Class name", OntologyClass.NameMaxLength, true,
                text => Get<ResourceConnections>().AddClassAsync(_admin, _ontology, text, LabelShape.BoundingBox),
                db => db.OntologyClasses.Select(c => c.Name)),
            "Group" => new("Group name", Group.NameMaxLength, true,
                async text => Plain(await Get<GroupService>().CreateAsync(_admin, new CreateGroup(text, "", [], []))),
                db => db.Groups.Select(g => g.Name)),
            "Project tag" => new("Tag name", TagService.NameMaxLength, true,
                async text => Plain(await Get<TagService>().CreateAsync(_admin, TagKind.Project, text)),
                db => db.ProjectTags.Select(t => t.Name)),
            "Issue tag" => new("Tag name", TagService.NameMaxLength, true,
                async text => Plain(await Get<TagService>().CreateAsync(_admin, TagKind.Issue, text)),
                db => db.IssueTags.Select(t => t.Name)),
            "Issue" => new("Title", ProjectIssue.TitleMaxLength, false,
                async text => Plain(await Get<IssueService>().CreateAsync(_admin, _project, new CreateIssue(text, ""))),
                db => db.Issues.Select(i => i.Title)),
            "API key" => new("Key name", ApiKey.NameMaxLength, false,
                async text => Plain(await Get<ApiKeyService>().CreateAsync(_admin, text)),
                db => db.ApiKeys.Select(k => k.Name)),
            "Workspace" => new("Workspace name", Workspace.NameMaxLength, true,
                async text => Plain(await Get<WorkspaceCreation>().CreateAsync(_admin.AccountId, text, false)),
                db => db.Workspaces.Select(w => w.Name)),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    public static TheoryData<string> Forms => new()
    {
        "Project", "Dataset", "Ontology", "Ontology class", "Group", "Project tag", "Issue tag", "Issue", "API key", "Workspace",
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task BadInput_IsRefusedWithAMessage_AndSavesNothing(string formName)
    {
        var form = FormFor(formName);
        var original = "Night shift " + formName;
        Assert.True((await form.Submit(original)).Succeeded);
        var before = await SavedAsync(form);

        await Refused(form, "", $"{form.What} is required.");
        await Refused(form, " \t  ", $"{form.What} is required.");
        var overlong = new string('ж', form.MaxLength + 1);
        await Refused(form, overlong, $"{form.What} must be at most {form.MaxLength} characters (it has {form.MaxLength + 1}).");
        await Refused(form, "line one\nline two", $"{form.What} cannot contain control characters.");
        await Refused(form, "bell\u0007", $"{form.What} cannot contain control characters.");
        await Refused(form, "\u200B\u200C\u200D", $"{form.What} must contain visible characters");
        await Refused(form, " \uFEFF\u2060\u3164 ", $"{form.What} must contain visible characters");
        await Refused(form, "invoice\u202Egpj.exe", $"{form.What} cannot contain characters that reverse the direction of text");
        await Refused(form, "\u2067Acme\u2069", $"{form.What} cannot contain characters that reverse the direction of text");
        if (form.Unique)
            await Refused(form, "  " + original.ToUpperInvariant() + " ", "already");

        Assert.Equal(before, await SavedAsync(form));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task MarkupAndNonLatinText_AreNames_KeptExactlyAsTyped(string formName)
    {
        var form = FormFor(formName);
        string[] names = ["<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "Ночная смена 東京 ✓", "Ünïcödé & \"quotes\"",
            "شیفت\u200Cشب", "Team 👩\u200D💻"];

        foreach (var name in names)
        {
            var saved = await form.Submit("  " + name + "  ");
            Assert.True(saved.Succeeded, $"{formName} \"{name}\": {saved.Error?.Message}");
        }

        var stored = await SavedAsync(form);
        foreach (var name in names) Assert.Contains(name, stored);
    }

    [Fact]
    public async Task OverlongDescriptions_AreRefused_AndSaveNothing()
    {
        var resources = _services.GetRequiredService<ResourceService>();
        var tooLong = (int max) => new string('d', max + 1);

        var dataset = await resources.CreateAsync(_admin, new CreateResource(ResourceKind.Dataset, "Described", tooLong(Resource.DescriptionMaxLength)));
        var group = await _services.GetRequiredService<GroupService>().CreateAsync(_admin, new CreateGroup("Described", tooLong(Group.DescriptionMaxLength), [], []));
        var issue = await _services.GetRequiredService<IssueService>().CreateAsync(_admin, _project, new CreateIssue("Described", tooLong(ProjectIssue.DescriptionMaxLength)));

        Assert.Equal($"The description can have at most {Resource.DescriptionMaxLength} characters (it has {Resource.DescriptionMaxLength + 1}).", dataset.Error!.Message);
        Assert.Equal($"The description can have at most {Group.DescriptionMaxLength} characters (it has {Group.DescriptionMaxLength + 1}).", group.Error!.Message);
        Assert.Contains($"at most {ProjectIssue.DescriptionMaxLength} characters", issue.Error!.Message);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.Datasets.AnyAsync() || await db.Groups.AnyAsync() || await db.Issues.AnyAsync());
    }

    [Theory]
    [InlineData("", "Enter an email address.")]
    [InlineData("not-an-address", "needs one @")]
    [InlineData("<script>@acme.example", "")]
    [InlineData("a@b@acme.example", "needs one @")]
    public async Task BadAddresses_AreNotInvited(string address, string reason)
    {
        var invitations = _services.GetRequiredService<Dashboard.Domain.Invitations.InvitationService>();

        var problems = (await invitations.CheckAddressesAsync(_admin, [address])).Value;
        var invited = await invitations.InviteAsync(_admin, new Dashboard.Domain.Invitations.InviteCommand([address], WorkspaceRole.Member, UserType.Internal));

        Assert.Contains(reason, Assert.Single(problems).Problem);
        Assert.False(invited.Succeeded);
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.Members.CountAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a domain")]
    [InlineData("<script>.example")]
    [InlineData("@")]
    public async Task BadEmailDomains_AreRefused(string domain)
    {
        var added = await _services.GetRequiredService<Dashboard.Domain.Invitations.EmailDomainService>()
            .AddAsync(_admin, domain, WorkspaceRole.Member, UserType.Internal);

        Assert.False(added.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(added.Error!.Message));
        await using var db = _database.CreateDbContext();
        Assert.False(await db.EmailDomains.AnyAsync());
    }

    private static async Task Refused(Form form, string input, string message)
    {
        var result = await form.Submit(input);
        Assert.False(result.Succeeded, $"\"{input}\" was accepted by {form.What}.");
        Assert.Contains(message, result.Error!.Message);
    }

    private async Task<List<string>> SavedAsync(Form form)
    {
        await using var db = _database.CreateDbContext();
        return await form.Saved(db).OrderBy(n => n).ToListAsync();
    }
}
