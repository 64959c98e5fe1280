using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Common;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain.Activity;

public class JobServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(Seed.Now);
    private readonly JobEvents _events = new();
    private TestDatabase _database = default!;
    private JobService _jobs = default!;
    private JobDirectory _directory = default!;
    private ApiKeyService _keys = default!;
    private Workspace _workspace = default!;
    private Actor _admin = default!;
    private Actor _member = default!;
    private Guid _dataset;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _jobs = new JobService(_database, _clock, _events);
        _directory = new JobDirectory(_database);
        _keys = new ApiKeyService(_database, _clock);
        _workspace = await Seed.WorkspaceAsync(_database, "Acme Vision");
        _admin = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Admin);
        _member = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member);
        _dataset = (await new ResourceService(_database, _clock).CreateAsync(_member, new CreateResource(ResourceKind.Dataset, "Street scenes", ""))).Value;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<ApiCaller> CallerAsync() =>
        (await _keys.AuthenticateAsync((await _keys.CreateAsync(_admin, "cluster")).Value.Secret))!;

    private async Task<JobStatus> StatusAsync(Guid id)
    {
        await using var db = _database.CreateDbContext();
        return await db.Jobs.Where(j => j.Id == id).Select(j => j.Status).SingleAsync();
    }

    [Fact]
    public async Task AJob_MovesOnlyForward_AndEveryChangeIsAnnounced()
    {
        var heard = new List<JobChange>();
        _events.Changed += heard.Add;
        var job = (await _jobs.StartImportAsync(_member, JobType.DataImport, _dataset, "3 files")).Value;

        await _jobs.ReportProgressAsync(job.Id, 1, 3);
        await _jobs.SucceedAsync(job.Id);
        var backwards = await _jobs.FailAsync(job.Id, "late", []);
        var progressAfterEnd = await _jobs.ReportProgressAsync(job.Id, 2, 3);

        Assert.Equal(ErrorKind.Conflict, backwards.Error!.Kind);
        Assert.Equal(ErrorKind.Conflict, progressAfterEnd.Error!.Kind);
        Assert.Equal(JobStatus.Success, await StatusAsync(job.Id));
        Assert.Equal([JobStatus.Processing, JobStatus.Processing, JobStatus.Success], heard.Select(h => h.Status));
        Assert.Equal($"{_workspace.Id:N}/{_dataset:N}/{job.Id:N}", job.StorageFolder);
    }

    [Fact]
    public async Task Admins_SeeEveryJob_OthersOnlyTheirOwn()
    {
        await _jobs.StartImportAsync(_member, JobType.DataImport, _dataset, "Mine");
        var other = await Seed.MemberAsync(_database, _workspace, WorkspaceRole.Member);
        var adminJob = (await _jobs.StartImportAsync(_admin, JobType.DataImport, _dataset, "The Admin's")).Value;

        Assert.Equal(2, (await _directory.ListAsync(_admin, new JobQuery())).TotalCount);
        Assert.Equal(["Mine"], (await _directory.ListAsync(_member, new JobQuery())).Items.Select(j => j.Title));
        Assert.Empty((await _directory.ListAsync(other, new JobQuery())).Items);
        Assert.Equal(ErrorKind.NotFound, (await _jobs.GetAsync(_member, adminJob.Id)).Error!.Kind);
        Assert.False(JobService.CanSee(other, new JobChange(adminJob.Id, _workspace.Id, _admin.MemberId, JobType.DataImport, JobStatus.Processing, 0, 0, Seed.Now)));
    }

    [Fact]
    public async Task AnImportWhoseLeaseRunsOut_IsFailedAsInterrupted_ButNotExternalJobs()
    {
        var import = (await _jobs.StartImportAsync(_member, JobType.DataImport, _dataset, "Cut off")).Value;
        var training = (await _jobs.CreateExternalAsync(await CallerAsync(), new ExternalJobCommand(JobType.ModelTraining, "Train", null))).Value;
        Assert.Equal(0, await _jobs.FailExpiredLeasesAsync());

        // The node receiving its upload stopped renewing: the lease runs out.
        _clock.Advance(WorkerNode.DefaultLease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _jobs.FailExpiredLeasesAsync());

        var details = (await _jobs.GetAsync(_admin, import.Id)).Value;
        Assert.Equal(JobStatus.Error, details.Job.Status);
        Assert.Equal($"{JobService.InterruptedMessage} 0 of 0 files are in the Dataset (the list is in the error details); import the others again.",
            details.Job.ErrorSummary);
        Assert.Equal(JobStatus.Processing, await StatusAsync(training.Id));
    }

    [Fact]
    public async Task ASilentExternalJob_FailsWithNoHeartbeat()
    {
        var caller = await CallerAsync();
        var silent = (await _jobs.CreateExternalAsync(caller, new ExternalJobCommand(JobType.ModelTraining, "Silent", null))).Value;
        _clock.Advance(TimeSpan.FromMinutes(8));
        var chatty = (await _jobs.CreateExternalAsync(caller, new ExternalJobCommand(JobType.ModelTraining, "Chatty", null))).Value;
        _clock.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(1, await _jobs.FailSilentExternalAsync(TimeSpan.FromMinutes(10)));

        Assert.Equal(JobStatus.Error, await StatusAsync(silent.Id));
        Assert.Equal(JobStatus.Processing, await StatusAsync(chatty.Id));
    }

    [Fact]
    public async Task TheApi_RefusesBadTransitionsAndBodies()
    {
        var caller = await CallerAsync();
        var job = (await _jobs.CreateExternalAsync(caller, new ExternalJobCommand(JobType.ModelTraining, "Train", null))).Value;

        Assert.Equal("type", (await _jobs.CreateExternalAsync(caller, new ExternalJobCommand(JobType.DataImport, "x", null))).Error!.Field);
        Assert.Equal(ErrorKind.Invalid, (await _jobs.UpdateExternalAsync(caller, job.Id, new ExternalJobUpdate(5, 3, null, null, null))).Error!.Kind);
        Assert.Equal("errorSummary", (await _jobs.UpdateExternalAsync(caller, job.Id, new ExternalJobUpdate(null, null, JobStatus.Error, " ", null))).Error!.Field);
        Assert.True((await _jobs.UpdateExternalAsync(caller, job.Id, new ExternalJobUpdate(10, 10, JobStatus.Success, null, null))).Succeeded);
        Assert.Equal(ErrorKind.Conflict, (await _jobs.UpdateExternalAsync(caller, job.Id, new ExternalJobUpdate(null, null, JobStatus.Processing, null, null))).Error!.Kind);
    }

    [Fact]
    public async Task ApiKeys_AreStoredHashed_ShownOnce_AndStopWorkingWhenRevoked()
    {
        var created = (await _keys.CreateAsync(_admin, "cluster")).Value;

        await using (var db = _database.CreateDbContext())
        {
            var stored = await db.ApiKeys.SingleAsync();
            Assert.Equal(ApiKeyService.Hash(created.Secret), stored.KeyHash);
            Assert.DoesNotContain(created.Secret, stored.KeyHash);
            Assert.Equal(created.Secret[..10], stored.Prefix);
        }
        Assert.Equal(_workspace.Id, (await _keys.AuthenticateAsync(created.Secret))!.WorkspaceId);
        Assert.Null(await _keys.AuthenticateAsync(created.Secret + "x"));
        Assert.Equal(ErrorKind.Forbidden, (await _keys.CreateAsync(_member, "mine")).Error!.Kind);

        await _keys.RevokeAsync(_admin, created.Id);
        Assert.Null(await _keys.AuthenticateAsync(created.Secret));
    }
}
