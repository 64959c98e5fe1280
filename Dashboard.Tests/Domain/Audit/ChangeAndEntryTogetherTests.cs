using Dashboard.Domain.Access;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Groups;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Tags;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Audit;

/// <summary>
/// A crash between a change and its audit entry must leave neither. The crash is staged where it hurts: the audit
/// entry's save fails after the change was sent to the database (a bulk delete runs at once, before the save).
/// </summary>
public class ChangeAndEntryTogetherTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(Seed.Now);
    private TestDatabase _database = default!;
    private Actor _admin = default!;
    private Actor _member = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var workspace = await Seed.WorkspaceAsync(_database, "Acme");
        _admin = await Seed.MemberAsync(_database, workspace, WorkspaceRole.Admin);
        _member = await Seed.MemberAsync(_database, workspace, WorkspaceRole.Member);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task RemovingAGroupMember_WhenTheEntryCannotBeSaved_RemovesNobody()
    {
        var groups = new GroupService(_database, _clock);
        var group = (await groups.CreateAsync(_admin, new CreateGroup("Night shift", "", [_member.MemberId], [_member.MemberId]))).Value;
        var crashing = new GroupPeople(new CrashOnAuditEntry(_database), _clock);

        await Assert.ThrowsAsync<StagedCrash>(() => crashing.RemoveMemberAsync(_admin, group, _member.MemberId));
        await Assert.ThrowsAsync<StagedCrash>(() => crashing.RemoveManagerAsync(_admin, group, _member.MemberId));

        await using var db = _database.CreateDbContext();
        Assert.True(await db.GroupMemberships.AnyAsync(m => m.GroupId == group && m.MemberId == _member.MemberId));
        Assert.True(await db.GroupManagers.AnyAsync(m => m.GroupId == group && m.MemberId == _member.MemberId));
    }

    [Fact]
    public async Task DeletingATag_WhenTheEntryCannotBeSaved_DeletesNothing()
    {
        var tags = new TagService(_database, _clock);
        var tag = (await tags.CreateAsync(_admin, TagKind.Project, "Urgent")).Value;
        var version = (await tags.ListAsync(_admin, TagKind.Project)).Value.Single().Version;

        await Assert.ThrowsAsync<StagedCrash>(() => new TagService(new CrashOnAuditEntry(_database), _clock).DeleteAsync(_admin, TagKind.Project, tag, version));

        await using var db = _database.CreateDbContext();
        Assert.True(await db.ProjectTags.AnyAsync(t => t.Id == tag));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.TagCreated));
    }

    private sealed class StagedCrash() : Exception("The process died between the change and its audit entry.");

    /// <summary>Contexts whose save throws whenever it would write an audit entry.</summary>
    private sealed class CrashOnAuditEntry(TestDatabase database) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<DashboardDbContext>(database.Options).AddInterceptors(new Interceptor()).Options);

        private sealed class Interceptor : SaveChangesInterceptor
        {
            public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
                CancellationToken cancellationToken = default) =>
                eventData.Context!.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added)
                    ? throw new StagedCrash()
                    : ValueTask.FromResult(result);
        }
    }
}
