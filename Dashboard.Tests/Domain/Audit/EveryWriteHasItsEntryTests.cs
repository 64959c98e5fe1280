using System.Reflection;
using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Common;
using Dashboard.Domain.Groups;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Issues;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Tags;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Audit;

/// <summary>
/// Watches every statement the domain sends while a member works through every kind of change, and fails when a
/// transaction commits a change without an audit row in the same transaction. A second test makes sure the tour
/// really covers every write a member can make: a new write method must join it.
/// </summary>
public sealed partial class EveryWriteHasItsEntryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(Seed.Now);
    private readonly AuditPerTransaction _watch = new();
    private TestDatabase _database = default!;
    private WatchedFactory _factory = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = new WatchedFactory(_database, _watch);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task EveryWriteAMemberMakes_CommitsWithItsAuditEntry()
    {
        var covered = await TourAsync();

        Assert.True(covered.Count > 40, $"the tour made only {covered.Count} writes");
        Assert.True(_watch.Transactions > 40, $"only {_watch.Transactions} transactions were watched");
        Assert.Empty(_watch.Violations);
    }

    [Fact]
    public async Task AChangeWithoutItsEntry_IsABug_AndNothingOfItIsSaved()
    {
        var workspace = await Seed.WorkspaceAsync(_database, "Acme");
        var admin = await Seed.MemberAsync(_database, workspace, WorkspaceRole.Admin);
        var writes = new ActingWrites(_database, _clock);

        await Assert.ThrowsAsync<InvalidOperationException>(() => writes.RunAsync(admin, write =>
        {
            write.Db.Groups.Add(new Dashboard.Domain.Groups.Group(workspace.Id, "Unrecorded", "", write.Now));
            return Task.FromResult(Result.Success());
        }, CancellationToken.None));

        await using var db = _database.CreateDbContext();
        Assert.False(await db.Groups.AnyAsync());
    }

    [Fact]
    public async Task TheTour_CoversEveryWriteMethodThatTakesAnActor()
    {
        var readPrefixes = new[] { "List", "Get", "Find", "Describe", "Validate", "Check", "Usage", "Choices", "TagsOf", "SoleAdminOf", "File" };
        var writes = typeof(ActingWrites).Assembly.GetTypes()
            .Where(t => t is { IsPublic: true, IsClass: true } && t != typeof(ActingWrites))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().FirstOrDefault()?.ParameterType == typeof(Actor)
                        && typeof(Task).IsAssignableFrom(m.ReturnType) && m.ReturnType.IsGenericType
                        && typeof(Result).IsAssignableFrom(m.ReturnType.GetGenericArguments()[0])
                        && !readPrefixes.Any(p => m.Name.StartsWith(p, StringComparison.Ordinal)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToHashSet();

        var covered = await TourAsync();

        Assert.Empty(writes.Except(covered).Order());
    }

    /// <summary>Every write, each made once and succeeding; returns "Service.Method" for each.</summary>
    private async Task<HashSet<string>> TourAsync()
    {
        var covered = new HashSet<string>();
        async Task<T> Made<T>(string what, Task<T> call) where T : Result
        {
            var result = await call;
            Assert.True(result.Succeeded, $"{what}: {result.Error?.Message}");
            covered.Add(what);
            return result;
        }

        var workspace = await Seed.WorkspaceAsync(_database, "Acme");
        var admin = await Seed.MemberAsync(_database, workspace, WorkspaceRole.Admin, "ada@acme.example", "Ada Admin");
        var member = await Seed.MemberAsync(_database, workspace, WorkspaceRole.Member, "mo@acme.example", "Mo Member");
        var tasker = await Seed.MemberAsync(_database, workspace, WorkspaceRole.Tasker, "tia@acme.example", "Tia Tasker");
        var workforce = await Seed.WorkspaceAsync(_database, "Crowd", isWorkforce: true);
        var crowdAdmin = await Seed.MemberAsync(_database, workforce, WorkspaceRole.Admin, "cy@crowd.example", "Cy Crowd");
        await using (var db = _database.CreateDbContext())
            await db.Users.Where(a => a.Id == admin.AccountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.TwoFactorEnabled, true));
        _watch.Start();

        var changes = new MembershipChanges();
        var groups = new GroupService(_factory, _clock);
        var people = new GroupPeople(_factory, _clock);
        var tags = new TagService(_factory, _clock);
        var tagging = new ProjectTagging(_factory, _clock);
        var issues = new IssueService(_factory, _clock);
        var resources = new ResourceService(_factory, _clock);
        var connections = new ResourceConnections(_factory, _clock);
        var access = new ResourceAccessService(_factory, _clock);
        var invitations = new InvitationService(_factory, _clock, Options.Create(new InvitationOptions()));
        var members = new MemberService(_factory, access, invitations, _clock, changes);
        var records = new PublishedRecords();
        var domains = new EmailDomainService(_factory, _clock, records, NullLogger<EmailDomainService>.Instance);
        var keys = new ApiKeyService(_factory, _clock);
        var settings = new WorkspaceSettingsService(_factory, changes, _clock);
        var partners = new WorkforcePartnerService(_factory, _clock);
        var jobs = new JobService(_factory, _clock, new JobEvents());

        // Groups
        var group = (await Made("GroupService.CreateAsync", groups.CreateAsync(admin, new CreateGroup("Night shift", "", [member.MemberId], [])))).Value;
        var version = (await groups.GetAsync(admin, group)).Value.Version;
        await Made("GroupService.UpdateAsync", groups.UpdateAsync(admin, group, version, "Night shift", "Weekdays"));
        await Made("GroupPeople.AddMembersAsync", people.AddMembersAsync(admin, group, [tasker.MemberId]));
        await Made("GroupPeople.RemoveMemberAsync", people.RemoveMemberAsync(admin, group, tasker.MemberId));
        await Made("GroupPeople.AddManagersAsync", people.AddManagersAsync(admin, group, [member.MemberId]));
        await Made("GroupPeople.RemoveManagerAsync", people.RemoveManagerAsync(admin, group, member.MemberId));

        // Resources, their classes, links and access
        var ontology = (await Made("ResourceService.CreateAsync", resources.CreateAsync(admin, new CreateResource(ResourceKind.Ontology, "Roads", "")))).Value;
        var other = (await resources.CreateAsync(admin, new CreateResource(ResourceKind.Ontology, "Signs", ""))).Value;
        var dataset = (await resources.CreateAsync(admin, new CreateResource(ResourceKind.Dataset, "Street", ""))).Value;
        var project = (await resources.CreateAsync(admin, new CreateResource(ResourceKind.Project, "Perception", "", ontology, []))).Value;
        var resourceVersion = (await resources.GetAsync(admin, dataset)).Value.Version;
        await Made("ResourceService.UpdateAsync", resources.UpdateAsync(admin, dataset, resourceVersion, "Street", "Cameras"));
        await Made("ResourceConnections.ChangeOntologyAsync", connections.ChangeOntologyAsync(admin, project, other));
        await Made("ResourceConnections.AttachDatasetAsync", connections.AttachDatasetAsync(admin, project, dataset));
        await Made("ResourceConnections.DetachDatasetAsync", connections.DetachDatasetAsync(admin, project, dataset));
        await Made("ResourceConnections.AddClassAsync", connections.AddClassAsync(admin, ontology, "Car", LabelShape.BoundingBox));
        var carClass = (await resources.GetAsync(admin, ontology)).Value.Classes.Single().Id;
        await Made("ResourceConnections.RemoveClassAsync", connections.RemoveClassAsync(admin, ontology, carClass));
        await Made("ResourceAccessService.AddMembersAsync", access.AddMembersAsync(admin, project, [member.MemberId], ResourceRole.Annotator));
        await Made("ResourceAccessService.AddGroupsAsync", access.AddGroupsAsync(admin, project, [group], ResourceRole.Reviewer));
        var entry = (await access.ListAsync(admin, project)).Value.Groups.Single(g => g.GroupId == group).AccessId;
        await Made("ResourceAccessService.ChangeRoleAsync", access.ChangeRoleAsync(admin, project, entry, ResourceRole.Annotator));
        await Made("ResourceAccessService.RemoveAsync", access.RemoveAsync(admin, project, entry));
        await Made("ResourceAssignments.AssignAsync", new ResourceAssignments(_factory, _clock).AssignAsync(admin, ResourceKind.Dataset, [dataset], AccessHolder.Member(member.MemberId), ResourceRole.User));
        await Made("JobService.StartImportAsync", jobs.StartImportAsync(admin, JobType.DataImport, dataset, "street.zip"));

        // Tags on Projects and issues
        var tag = (await Made("TagService.CreateAsync", tags.CreateAsync(admin, TagKind.Project, "Urgent"))).Value;
        await Made("ProjectTagging.AddAsync", tagging.AddAsync(admin, project, tag));
        await Made("ProjectTagging.RemoveAsync", tagging.RemoveAsync(admin, project, tag));
        var issueTag = (await Made("TagService.CreateIssueTagInProjectAsync", tags.CreateIssueTagInProjectAsync(admin, project, "Blurry"))).Value;
        var issue = (await Made("IssueService.CreateAsync", issues.CreateAsync(member, project, new CreateIssue("Dark frames", "")))).Value;
        await Made("IssueService.SetTagsAsync", issues.SetTagsAsync(member, issue, [issueTag]));
        await Made("IssueService.ResolveAsync", issues.ResolveAsync(member, issue));
        await Made("IssueService.ReopenAsync", issues.ReopenAsync(member, issue));
        var tagVersion = (await tags.ListAsync(admin, TagKind.Project)).Value.Single().Version;
        await Made("TagService.RenameAsync", tags.RenameAsync(admin, TagKind.Project, tag, tagVersion, "Rush"));
        tagVersion = (await tags.ListAsync(admin, TagKind.Project)).Value.Single().Version;
        await Made("TagService.DeleteAsync", tags.DeleteAsync(admin, TagKind.Project, tag, tagVersion));

        // Members and invitations
        var invited = (await Made("InvitationService.InviteAsync", invitations.InviteAsync(admin, new InviteCommand(["ivy@acme.example"], WorkspaceRole.Member, UserType.Internal)))).Value.Single();
        await Made("InvitationService.ResendAsync", invitations.ResendAsync(admin, invited.MemberId));
        await Made("InvitationService.RevokeAsync", invitations.RevokeAsync(admin, invited.MemberId));
        await Made("MemberService.ChangeRoleAsync", members.ChangeRoleAsync(admin, tasker.MemberId, WorkspaceRole.Member, WorkspaceRole.Tasker));
        await Made("MemberService.RemoveAsync", members.RemoveAsync(admin, tasker.MemberId, null));

        // Workspace settings, email domains, API keys, workforce partners
        var securityVersion = (await settings.GetAsync(admin)).Value.Version;
        await Made("WorkspaceSettingsService.SetRequireTwoFactorAsync", settings.SetRequireTwoFactorAsync(admin, true, securityVersion));
        var domain = (await Made("EmailDomainService.AddAsync", domains.AddAsync(admin, "acme.example", WorkspaceRole.Member, UserType.Internal))).Value;
        records.Publish((await domains.ListAsync(admin)).Value.Single().RecordValue);
        await Made("EmailDomainService.VerifyAsync", domains.VerifyAsync(admin, domain));
        await Made("EmailDomainService.RemoveAsync", domains.RemoveAsync(admin, domain));
        var key = (await Made("ApiKeyService.CreateAsync", keys.CreateAsync(admin, "cluster"))).Value;
        await Made("ApiKeyService.RevokeAsync", keys.RevokeAsync(admin, key.Id));
        var partner = (await Made("WorkforcePartnerService.AddAsync", partners.AddAsync(crowdAdmin, "Acme"))).Value;
        await Made("WorkforcePartnerService.RemoveAsync", partners.RemoveAsync(crowdAdmin, partner));

        // Deletions last: they take what the rest used with them.
        await Made("GroupService.DeleteAsync", groups.DeleteAsync(admin, group));
        await Made("ResourceDeletion.DeleteAsync", new ResourceDeletion(_factory, _clock).DeleteAsync(admin, project));
        return covered;
    }

    /// <summary>The DNS as the domain's owner publishes it (the one edge this tour stands in for).</summary>
    private sealed class PublishedRecords : IDomainRecords
    {
        private readonly List<string> _published = [];
        public void Publish(string value) => _published.Add(value);
        public Task<IReadOnlyList<string>> TxtAsync(string name, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<string>>(_published.ToList());
    }

    private sealed class WatchedFactory(TestDatabase database, AuditPerTransaction watch) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<DashboardDbContext>(database.Options).AddInterceptors(watch).Options);
    }
}
