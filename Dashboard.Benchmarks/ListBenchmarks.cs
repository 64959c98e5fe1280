using BenchmarkDotNet.Attributes;
using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Common;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Users;

namespace Dashboard.Benchmarks;

/// <summary>
/// The lists people page through, at scale: the Users list (10,000 members), the Activity Center (200,000
/// jobs) and the Projects list (5,000 projects). Each should answer in a few milliseconds, deep pages included.
/// </summary>
[ShortRunJob]
public class ListBenchmarks
{
    private ScaleData _data = default!;

    [GlobalSetup]
    public void Setup()
    {
        _data = ScaleData.OpenAsync().GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task Users_FirstPage() => _data.MemberDirectory.ListAsync(_data.Admin, new MemberQuery());

    [Benchmark]
    public Task Users_Search() => _data.MemberDirectory.ListAsync(_data.Admin, new MemberQuery(Search: "hopper 7"));

    [Benchmark]
    public Task Users_TaskersByStatus_LastPage() => _data.MemberDirectory.ListAsync(_data.Admin, new MemberQuery(
        Role: WorkspaceRole.Tasker, SortBy: MemberSort.Status, Page: new PageRequest(ScaleData.Members / 4 / 25 - 1)));

    [Benchmark]
    public Task Jobs_AdminFirstPage() => _data.JobDirectory.ListAsync(_data.Admin, new JobQuery());

    [Benchmark]
    public Task Jobs_ErrorsOfTraining() => _data.JobDirectory.ListAsync(_data.Admin, new JobQuery([JobType.ModelTraining], [JobStatus.Error]));

    [Benchmark]
    public Task Jobs_AdminPage7600() => _data.JobDirectory.ListAsync(_data.Admin, new JobQuery(Page: new PageRequest(7_600)));

    [Benchmark]
    public Task Jobs_MembersOwn() => _data.JobDirectory.ListAsync(_data.Member, new JobQuery());

    [Benchmark]
    public Task Projects_AdminFirstPage() => _data.ResourceService.ListAsync(_data.Admin, ResourceKind.Project, null, new PageRequest());

    [Benchmark]
    public Task Projects_AdminSearch() => _data.ResourceService.ListAsync(_data.Admin, ResourceKind.Project, "04999", new PageRequest());

    [Benchmark]
    public Task Projects_MemberAssignedAndViaGroup() => _data.ResourceService.ListAsync(_data.Member, ResourceKind.Project, null, new PageRequest());
}
