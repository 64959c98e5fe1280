using System.Net;
using Dashboard.Domain.Access;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration;

/// <summary>
/// One workspace with a person in each role, signed in over HTTP: the pages the server renders for them show
/// exactly what the permission table grants, and the refused endpoints answer 403.
/// </summary>
public sealed class SignedInRoles : IAsyncLifetime
{
    public const string Password = "Quiet-Harbor-Lantern-7";
    public DashboardAppFactory Factory { get; } = new();
    public Dictionary<WorkspaceRole, HttpClient> Clients { get; } = [];
    /// <summary>Each role's sign-in cookie, for SignalR connections made as that person.</summary>
    public Dictionary<WorkspaceRole, CookieContainer> Cookies { get; } = [];
    public Dictionary<WorkspaceRole, Actor> Actors { get; } = [];
    public Guid AssignedProject { get; private set; }
    public Guid HiddenProject { get; private set; }
    public Guid Group { get; private set; }

    public async Task InitializeAsync()
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var setup = await scope.ServiceProvider.GetRequiredService<FirstRunSetup>()
                .RunAsync(new SetupCommand("admin@acme.example", "Ada Admin", Password, "Acme Vision", false));
            Assert.True(setup.Succeeded, setup.Error?.Message);
        }
        foreach (var role in new[] { WorkspaceRole.Member, WorkspaceRole.WorkforceManager, WorkspaceRole.Tasker })
            await AddMemberAsync(role);
        var memberships = Factory.Services.GetRequiredService<MembershipService>();
        foreach (var role in PermissionTable.Roles)
        {
            var account = await AccountAsync(EmailOf(role));
            Actors[role] = (await memberships.GetActorAsync(account.Id))!;
        }

        var resources = Factory.Services.GetRequiredService<ResourceService>();
        var access = Factory.Services.GetRequiredService<ResourceAccessService>();
        var admin = Actors[WorkspaceRole.Admin];
        var ontology = (await resources.CreateAsync(admin, new CreateResource(ResourceKind.Ontology, "Road objects", ""))).Value;
        AssignedProject = (await resources.CreateAsync(admin, new CreateResource(ResourceKind.Project, "Assigned project", "", ontology))).Value;
        HiddenProject = (await resources.CreateAsync(admin, new CreateResource(ResourceKind.Project, "Hidden project", "", ontology))).Value;
        var everyoneElse = Actors.Values.Where(a => a.Role != WorkspaceRole.Admin).Select(a => a.MemberId).ToList();
        Assert.True((await access.AddMembersAsync(admin, AssignedProject, everyoneElse, ResourceRole.Annotator)).Succeeded);
        // A group nobody manages: only those who manage every group may rename or delete it.
        Group = (await Factory.Services.GetRequiredService<Dashboard.Domain.Groups.GroupService>()
            .CreateAsync(admin, new Dashboard.Domain.Groups.CreateGroup("Night shift", "", everyoneElse, []))).Value;

        foreach (var role in PermissionTable.Roles)
            (Clients[role], Cookies[role]) = await SignInAsync(EmailOf(role));
    }

    /// <summary>Signs in through the real form; the client and the cookie it holds act as that person.</summary>
    public async Task<(HttpClient Client, CookieContainer Cookies)> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        var client = Factory.CreateDefaultClient(new CookieContainerHandler(cookies));
        var signedIn = await SignInForm.PostAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return (client, cookies);
    }

    public static string EmailOf(WorkspaceRole role) => $"{role.ToString().ToLowerInvariant()}@acme.example";

    private Task AddMemberAsync(WorkspaceRole role) => AddMemberAsync(EmailOf(role), role);

    public async Task AddMemberAsync(string email, WorkspaceRole role)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var workspace = await db.Workspaces.SingleAsync();
        var account = new Account
        {
            UserName = email, Email = email, DisplayName = $"{role} Person", CreatedAt = DateTimeOffset.UtcNow,
            CurrentWorkspaceId = workspace.Id, EmailConfirmed = true,
        };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        db.Members.Add(WorkspaceMember.Joined(workspace.Id, account.Id, email, account.DisplayName, role, UserType.Internal, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    private async Task<Account> AccountAsync(string email)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByEmailAsync(email))!;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
