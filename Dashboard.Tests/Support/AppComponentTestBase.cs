using System.Security.Claims;
using Bunit.TestDoubles;
using Dashboard.App.Auth;
using Dashboard.Domain;
using Dashboard.Domain.Access;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Support;

/// <summary>
/// bUnit tests of the app's components over the real domain services and a real SQLite database, with a
/// signed-in person (bUnit's authorization fakes carry their account id).
/// </summary>
public abstract class AppComponentTestBase : BunitTestBase
{
    protected TestDatabase Database { get; private set; } = default!;
    protected Workspace Workspace { get; private set; } = default!;
    private BunitAuthorizationContext _authorization = default!;

    public override async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        // The same registrations as the app, with the test database and clock in place of the file and the system clock.
        Services.AddDashboardDomain(":memory:");
        Services.AddSingleton<IDbContextFactory<DashboardDbContext>>(Database);
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Seed.Now));
        Services.AddScoped<CurrentActor>();
        // Registered before anything renders (bUnit forbids later registrations); who is signed in is set per test.
        _authorization = AddAuthorization();
        Workspace = await Seed.WorkspaceAsync(Database);
    }

    protected override async Task DisposeCoreAsync() => await Database.DisposeAsync();

    /// <summary>Creates a joined member with <paramref name="role"/> and signs them in.</summary>
    protected async Task<Actor> SignInAsAsync(WorkspaceRole role, string? name = null)
    {
        var actor = await Seed.MemberAsync(Database, Workspace, role, name: name);
        _authorization.SetAuthorized($"{role}@acme.example");
        _authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.AccountId.ToString()));
        return actor;
    }
}
