using System.Net;
using System.Text.Json.Serialization;
using Dashboard.App.Features.Activity;
using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Resources;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration;

/// <summary>
/// The permission table of docs/product.md, cell by cell, as the server answers over HTTP: each row names a permission, a page,
/// the mark that shows it was granted, and what each role (Admin, Member, Workforce Manager, Tasker) must get.
/// </summary>
public class PermissionMatrixHttpTests(SignedInRoles roles) : IClassFixture<SignedInRoles>
{
    public static TheoryData<Permission, string, string, bool[]> Cells => new()
    {
        // Add and remove users: yes / no / Taskers only / no.
        { Permission.AddAndRemoveUsers, "/settings/users", "data-testid=\"invite-users\"", [true, false, true, false] },
        { Permission.AddAndRemoveUsers, "/settings/users/{member}", "data-testid=\"member-menu\"", [true, false, false, false] },
        { Permission.AddAndRemoveUsers, "/settings/users/{tasker}", "data-testid=\"member-menu\"", [true, false, true, false] },
        // View all Projects, Datasets, Ontologies: an unassigned Project opens for the Admin only.
        { Permission.ViewAllResources, "/projects/{hidden}", ">Hidden project<", [true, false, false, false] },
        // Create Projects, Datasets, Ontologies.
        { Permission.CreateResources, "/projects", "data-testid=\"resource-new\"", [true, true, true, false] },
        { Permission.CreateResources, "/datasets", "data-testid=\"resource-new\"", [true, true, true, false] },
        { Permission.CreateResources, "/ontologies", "data-testid=\"resource-new\"", [true, true, true, false] },
        // Access Projects, Datasets, Ontologies if invited.
        { Permission.AccessAssignedResources, "/projects/{assigned}", ">Assigned project<", [true, true, true, true] },
        // Create user groups.
        { Permission.CreateGroups, "/settings/groups", "data-testid=\"create-group\"", [true, false, true, false] },
        // See other workspace members.
        { Permission.SeeOtherMembers, "/settings/users", "data-testid=\"users-grid\"", [true, true, true, false] },
        { Permission.SeeOtherMembers, "/settings/users/{member}", "data-testid=\"member-email\"", [true, true, true, false] },
        // Change user roles.
        { Permission.ChangeUserRoles, "/settings/users/{member}", "data-testid=\"member-role\"", [true, false, false, false] },
        // Project tags, issue tags, security settings, email domains (and the audit log with them).
        { Permission.ManageWorkspaceSettings, "/settings/project-tags", "data-testid=\"settings-tabs\"", [true, false, false, false] },
        { Permission.ManageWorkspaceSettings, "/settings/issue-tags", "data-testid=\"settings-tabs\"", [true, false, false, false] },
        { Permission.ManageWorkspaceSettings, "/settings/users", "data-testid=\"security-settings\"", [true, false, false, false] },
        { Permission.ManageWorkspaceSettings, "/settings/users", "data-testid=\"email-domains\"", [true, false, false, false] },
        { Permission.ManageWorkspaceSettings, "/settings/audit", "data-testid=\"audit-who\"", [true, false, false, false] },
        // Manage every group: a group the role does not manage (the others are its members).
        { Permission.ManageAllGroups, "/groups/{group}", "data-testid=\"delete-group\"", [true, false, false, false] },
        // Manage every resource: a Project the role was not given.
        { Permission.ManageAllResources, "/projects/{hidden}", "data-testid=\"resource-edit\"", [true, false, false, false] },
        { Permission.ManageAllResources, "/projects/{assigned}", "data-testid=\"resource-edit\"", [true, false, false, false] },
    };

    [Fact]
    public void EveryPermissionOfTheTable_HasAtLeastOneRow() =>
        Assert.Equal(PermissionTable.Permissions.Order(), Cells.Select(row => (Permission)row[0]).Distinct().Order());

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task EachCell_HoldsInWhatTheServerRenders(Permission permission, string path, string grantedMark, bool[] granted)
    {
        Assert.Equal(PermissionTable.Roles.Count, granted.Length);
        var address = path
            .Replace("{member}", roles.Actors[WorkspaceRole.Member].MemberId.ToString())
            .Replace("{tasker}", roles.Actors[WorkspaceRole.Tasker].MemberId.ToString())
            .Replace("{hidden}", roles.HiddenProject.ToString())
            .Replace("{assigned}", roles.AssignedProject.ToString())
            .Replace("{group}", roles.Group.ToString());

        for (var i = 0; i < granted.Length; i++)
        {
            var role = PermissionTable.Roles[i];
            var response = await roles.Clients[role].GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(html.Contains(grantedMark) == granted[i],
                $"{role} on {path}: expected {(granted[i] ? "to be granted" : "to be refused")} {permission}, mark {grantedMark}.");
        }
    }

    [Fact]
    public async Task TheActivityHub_GivesAnAdminEveryJob_AndOthersOnlyTheirOwn()
    {
        var resources = roles.Factory.Services.GetRequiredService<ResourceService>();
        var jobs = roles.Factory.Services.GetRequiredService<JobService>();
        var member = roles.Actors[WorkspaceRole.Member];
        var tasker = roles.Actors[WorkspaceRole.Tasker];
        var memberData = (await resources.CreateAsync(member, new CreateResource(ResourceKind.Dataset, "Member data", ""))).Value;
        var taskerData = (await resources.CreateAsync(roles.Actors[WorkspaceRole.Admin], new CreateResource(ResourceKind.Dataset, "Tasker data", ""))).Value;
        await roles.Factory.Services.GetRequiredService<ResourceAccessService>()
            .AddMembersAsync(roles.Actors[WorkspaceRole.Admin], taskerData, [tasker.MemberId], ResourceRole.Admin);

        await using var adminHears = await ListenAsAsync(WorkspaceRole.Admin, "workspace");
        await using var memberHears = await ListenAsAsync(WorkspaceRole.Member, "own jobs");
        var taskersJob = (await jobs.StartImportAsync(tasker, JobType.DataImport, taskerData, "Tasker upload")).Value.Id;
        var membersJob = (await jobs.StartImportAsync(member, JobType.DataImport, memberData, "Member upload")).Value.Id;

        await adminHears.HeardAsync(taskersJob, membersJob);
        await memberHears.HeardAsync(membersJob);
        await Task.Delay(300);
        Assert.DoesNotContain(taskersJob, memberHears.JobIds);
    }

    [Fact]
    public async Task ADemotedAdmin_IsCutOffFromTheWholeWorkspace_AtOnce_AndSignsInAgainToHearTheirOwnJobs()
    {
        await roles.AddMemberAsync("ari@acme.example", WorkspaceRole.Admin);
        var (client, cookies) = await roles.SignInAsync("ari@acme.example");
        await using var ari = await ListenAsync(cookies, "workspace");
        var closed = new TaskCompletionSource();
        ari.Hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        var demoted = await roles.Factory.Services.GetRequiredService<Dashboard.Domain.Users.OperatorCommands>()
            .DemoteAsync("Acme Vision", "ari@acme.example");

        Assert.True(demoted.Succeeded, demoted.Error?.Message);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // The operator's command ended the session: the old cookie opens nothing any more.
        var stale = await client.GetAsync("/settings/users");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("/account/login", stale.Headers.Location!.ToString());
        var (_, fresh) = await roles.SignInAsync("ari@acme.example");
        await using var again = await ListenAsync(fresh, "own jobs");
    }

    private Task<HubListener> ListenAsAsync(WorkspaceRole role, string expectedScope) => ListenAsync(roles.Cookies[role], expectedScope);

    private async Task<HubListener> ListenAsync(CookieContainer cookies, string expectedScope)
    {
        var server = roles.Factory.Server;
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, ActivityHub.Path), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => new CookieContainerHandler(cookies) { InnerHandler = server.CreateHandler() };
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var listener = new HubListener(hub);
        var subscribed = new TaskCompletionSource<string>();
        hub.On<string>(ActivityHub.Subscribed, scope => subscribed.TrySetResult(scope));
        await hub.StartAsync();
        Assert.Equal(expectedScope, await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        return listener;
    }

    private sealed class HubListener : IAsyncDisposable
    {
        private readonly HashSet<Guid> _heard = [];
        private readonly SemaphoreSlim _changed = new(0);

        public HubListener(HubConnection hub)
        {
            Hub = hub;
            hub.On<JobChange>(ActivityHub.JobUpdated, change =>
            {
                lock (_heard) _heard.Add(change.JobId);
                _changed.Release();
            });
        }

        public HubConnection Hub { get; }

        public IReadOnlyCollection<Guid> JobIds
        {
            get { lock (_heard) return _heard.ToList(); }
        }

        public async Task HeardAsync(params Guid[] jobIds)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!jobIds.All(JobIds.Contains))
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !await _changed.WaitAsync(left))
                    throw new TimeoutException($"Heard {JobIds.Count} job(s), not all of {string.Join(", ", jobIds)}.");
            }
        }

        public ValueTask DisposeAsync() => Hub.DisposeAsync();
    }
}
