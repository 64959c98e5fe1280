using Bunit;
using Dashboard.App.Features.Activity;
using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Resources;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.App.Activity;

public class ActivityComponentTests : AppComponentTestBase
{
    private Actor _admin = default!;
    private JobService _jobs = default!;
    private Guid _dataset;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await SignInAsAsync(WorkspaceRole.Admin);
        _jobs = Services.GetRequiredService<JobService>();
        _dataset = (await Services.GetRequiredService<ResourceService>().CreateAsync(_admin, new CreateResource(ResourceKind.Dataset, "Street scenes", ""))).Value;
    }

    private async Task<Guid> FailedJobAsync(string title)
    {
        var job = (await _jobs.StartImportAsync(_admin, JobType.DataImport, _dataset, title)).Value;
        await _jobs.FailAsync(job.Id, "1 of 2 files could not be imported.", [("broken.png", "is unreadable."), ("notes.heic", ".heic files are not supported.")]);
        return job.Id;
    }

    [Fact]
    public async Task TheErrorDialog_ListsEveryProblemInOrder()
    {
        var jobId = await FailedJobAsync("2 files");
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();

        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<JobErrorDialog>("Details",
            new DialogParameters<JobErrorDialog> { { d => d.Actor, _admin }, { d => d.JobId, jobId } }));

        dialogs.WaitForAssertion(() => Assert.Equal("1 of 2 files could not be imported.", dialogs.Find("[data-testid=job-error-summary]").TextContent.Trim()));
        var rows = dialogs.FindAll("[data-testid=job-problems] tbody tr").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(["1broken.pngis unreadable.", "2notes.heic.heic files are not supported."], rows);
    }

    [Fact]
    public async Task FiltersInTheAddress_NarrowTheList()
    {
        await FailedJobAsync("Failed import");
        var ok = (await _jobs.StartImportAsync(_admin, JobType.DataImport, _dataset, "Good import")).Value;
        await _jobs.SucceedAsync(ok.Id);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/settings/activity?type=DataImport&status=Error");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();

        var tab = Render<ActivityTab>(p => p.Add(t => t.Actor, _admin));

        tab.WaitForAssertion(() => Assert.Single(tab.FindAll("[data-testid=job-status]")));
        Assert.Contains("Failed import", tab.Find("[data-testid=activity-grid]").TextContent);
        Assert.DoesNotContain("Good import", tab.Find("[data-testid=activity-grid]").TextContent);
    }

    [Fact]
    public async Task ARowsTextCells_ShowMarkupInNamesAsText_NeverAsElements()
    {
        var hostile = "<img src=x onerror=alert(1)> & \"quotes\"";
        var job = (await _jobs.StartImportAsync(_admin, JobType.DataImport, _dataset, hostile)).Value;
        await _jobs.SucceedAsync(job.Id);

        var tab = RenderLive();

        tab.WaitForAssertion(() => Assert.Contains(hostile, tab.Find("[data-testid=activity-grid] tbody").TextContent));
        Assert.Empty(tab.FindAll("[data-testid=activity-grid] img"));
        var cells = tab.FindAll("[data-testid=activity-grid] tbody tr:first-child td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Data import", hostile + "Street scenes", "Success", "Admin Person"], cells.Take(4));
    }

    private IRenderedComponent<ActivityTab> RenderLive(string address = "/settings/activity")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();
        return Render<ActivityTab>(p => p.Add(t => t.Actor, _admin));
    }

    private static List<string> Rows(IRenderedComponent<ActivityTab> tab) =>
        tab.FindAll("[data-testid=activity-grid] tbody tr").Select(r => r.TextContent).ToList();

    [Fact]
    public async Task AJobsProgress_IsAppliedToItsRow_FromTheEvent_WithoutReadingTheListAgain()
    {
        var job = (await _jobs.StartImportAsync(_admin, JobType.DataImport, _dataset, "Import 10 files")).Value;
        var tab = RenderLive();
        tab.WaitForAssertion(() => Assert.Contains("Import 10 files", Assert.Single(Rows(tab))));

        // Renamed behind the page's back: a page that read the list again would show the new title.
        await using (var db = Database.CreateDbContext())
            await db.Database.ExecuteSqlAsync($"UPDATE Jobs SET Title = 'Renamed meanwhile' WHERE Id = {job.Id}");
        await _jobs.ReportProgressAsync(job.Id, 3, 10);

        tab.WaitForAssertion(() => Assert.Contains("3 of 10", Assert.Single(Rows(tab))));
        Assert.Contains("Import 10 files", Rows(tab)[0]);
    }

    [Fact]
    public async Task ANewJob_JoinsTheTopOfPageOne_AndAFinishedOne_LeavesAProcessingFilter()
    {
        var first = (await _jobs.StartImportAsync(_admin, JobType.DataImport, _dataset, "First import")).Value;
        var tab = RenderLive("/settings/activity?status=Processing");
        tab.WaitForAssertion(() => Assert.Single(Rows(tab)));

        await _jobs.StartImportAsync(_admin, JobType.DataImport, _dataset, "Second import");
        tab.WaitForAssertion(() => Assert.Equal(2, Rows(tab).Count));
        Assert.Contains("Second import", Rows(tab)[0]);

        await _jobs.SucceedAsync(first.Id);
        tab.WaitForAssertion(() => Assert.Contains("Second import", Assert.Single(Rows(tab))));
        Assert.Contains("1-1 of 1", tab.Find("[data-testid=activity-grid]").TextContent);
    }
}
