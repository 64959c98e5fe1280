using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Workspaces;

public class WorkspaceCreationTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private WorkspaceCreation _creation = default!;
    private Actor _sam = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _creation = new WorkspaceCreation(_database, new FakeTimeProvider(Seed.Now));
        _sam = await Seed.MemberAsync(_database, await Seed.WorkspaceAsync(_database, "Acme"), WorkspaceRole.Tasker, "sam@acme.example", "Sam");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AnyoneSignedIn_StartsAWorkspace_AsItsInternalAdmin_AndIsTakenThere()
    {
        var created = await _creation.CreateAsync(_sam.AccountId, "  Label Force ", isWorkforce: true);

        Assert.True(created.Succeeded, created.Error?.Message);
        var now = await new MembershipService(_database).GetActorAsync(_sam.AccountId);
        Assert.Equal((created.Value, "Label Force", WorkspaceRole.Admin, UserType.Internal),
            (now!.WorkspaceId, now.WorkspaceName, now.Role, now.UserType));
        await using var db = _database.CreateDbContext();
        Assert.True((await db.Workspaces.SingleAsync(w => w.Id == created.Value)).IsWorkforce);
        // The old membership is untouched.
        Assert.Equal(2, await db.Members.CountAsync(m => m.AccountId == _sam.AccountId));
    }

    [Theory]
    [InlineData("acme", "A workspace called \"acme\" already exists on this server. Choose another name.")]
    [InlineData("   ", "Workspace name is required.")]
    public async Task ATakenOrEmptyName_IsRefused_AndNothingIsCreated(string name, string message)
    {
        var refused = await _creation.CreateAsync(_sam.AccountId, name, isWorkforce: false);

        Assert.Equal(message, refused.Error!.Message);
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.Workspaces.CountAsync());
    }

    [Fact]
    public async Task AnOverlongName_IsRefused()
    {
        var refused = await _creation.CreateAsync(_sam.AccountId, new string('x', Workspace.NameMaxLength + 1), false);

        Assert.Equal(ErrorKind.Invalid, refused.Error!.Kind);
        Assert.Contains("at most 100 characters", refused.Error.Message);
    }
}
