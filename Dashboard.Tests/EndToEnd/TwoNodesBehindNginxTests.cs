using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dashboard.App.Operations;
using Dashboard.Domain;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// The deployment of the README's guide, for real: two app processes on one PostgreSQL database, joined by Redis,
/// behind nginx with the site file in deploy/, each its own data folder, the storage folder shared.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TwoNodesBehindNginxTests : IAsyncLifetime
{
    private static readonly TimeSpan FiveSeconds = TimeSpan.FromSeconds(5);
    private readonly string _storage = Directory.CreateTempSubdirectory("dashboard-shared-storage-").FullName;
    private string? _database;
    private RedisServer? _redis;
    private AppProcess? _nodeA;
    private AppProcess? _nodeB;
    private NginxServer? _nginx;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (ScaleOutFactAttribute.MissingReason is not null) return;
        var postgres = await PostgresServer.GetAsync();
        _database = await postgres.CreateEmptyDatabaseAsync();
        _redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Dashboard__Database__Provider"] = "Postgres",
            ["ConnectionStrings__Dashboard"] = _database,
            ["Dashboard__Redis"] = _redis.ConnectionString,
            ["Dashboard__StorageFolder"] = _storage,
            ["Dashboard__Jobs__Concurrency"] = "1",
        };
        _nodeA = new AppProcess(settings);
        _nodeB = new AppProcess(settings);
        await _nodeA.StartAsync("--demo");
        await _nodeB.StartAsync();
        _nginx = await NginxServer.StartAsync(AppProcess.Repository, _nodeA.Port, _nodeB.Port);
        _playwright = await Playwright.CreateAsync();
        _browser = await AppProcess.LaunchBrowserAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_nginx is not null) await _nginx.DisposeAsync();
        if (_nodeB is not null) await _nodeB.DisposeAsync();
        if (_nodeA is not null) await _nodeA.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        if (_database is not null) await (await PostgresServer.GetAsync()).DropDatabaseAsync(_database);
        try { Directory.Delete(_storage, recursive: true); } catch (IOException) { }
    }

    private async Task<IPage> PageAsync(string baseUrl, string email)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, email, DemoData.Password);
        return page;
    }

    private static async Task OpenActivityAsync(IPage page)
    {
        await page.GotoAsync("/settings/activity");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=activity-live]")).ToHaveTextAsync("Live");
    }

    private static ILocator JobRow(IPage page, string title) =>
        page.Locator("[data-testid=activity-grid] tbody tr").Filter(new() { HasText = title });

    [ScaleOutFact]
    public async Task AJobMovedThroughNodeA_IsSeenLiveOnNodeB_NginxServesBoth_AndRoleChangesFromAnywhereReachNodeB()
    {
        var onB = await PageAsync($"http://127.0.0.1:{_nodeB!.Port}", DemoData.AdminEmail);
        await OpenActivityAsync(onB);

        // An external worker reports to node A.
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_nodeA!.Port}") };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeyAsync());
        var created = await api.PostAsJsonAsync("/api/v1/jobs", new { type = "ModelTraining", title = "Detector trained on node A" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var job = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
        await Assertions.Expect(JobRow(onB, "Detector trained on node A")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await api.PatchAsJsonAsync($"/api/v1/jobs/{job}", new { status = "Success" });
        await Assertions.Expect(JobRow(onB, "Detector trained on node A").Locator("[data-testid=job-status]")).ToHaveTextAsync("Success", new() { Timeout = 5_000 });
        await BrowserSession.ScreenshotAsync(onB, "two-nodes-job-from-node-a-on-node-b");

        // Through nginx: the page and its circuit (a WebSocket through the proxy) work as on a node itself.
        var throughNginx = await PageAsync(_nginx!.BaseAddress, DemoData.AdminEmail);
        await OpenActivityAsync(throughNginx);
        await Assertions.Expect(JobRow(throughNginx, "Detector trained on node A")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(throughNginx, "two-nodes-through-nginx");

        // A Member working on node B has their role changed by the Admin on node A: their page learns it.
        var member = await _nodeA.ScalarAsync<string>(JoinedInDemo("Member"));
        var membersPage = await PageAsync($"http://127.0.0.1:{_nodeB.Port}", member);
        await membersPage.GotoAsync("/");
        await BrowserSession.WaitForInteractiveAsync(membersPage);
        var adminOnA = await PageAsync($"http://127.0.0.1:{_nodeA.Port}", DemoData.AdminEmail);
        await adminOnA.GotoAsync("/settings/users");
        await BrowserSession.WaitForInteractiveAsync(adminOnA);
        await adminOnA.Locator("[data-testid=users-search]").FillAsync(member);
        // The search has answered (one row) before the Admin picks the role, as a person sees it do.
        await Assertions.Expect(adminOnA.Locator("[data-testid=users-grid] tbody tr")).ToHaveCountAsync(1);
        var row = adminOnA.Locator("[data-testid=users-grid] tbody tr").Filter(new() { HasText = member });
        await row.Locator("[data-testid=row-role]").ClickAsync();
        await BrowserSession.PickOptionAsync(adminOnA, "Tasker");
        await Assertions.Expect(adminOnA.Locator(".mud-snackbar")).ToContainTextAsync("is now Tasker.");
        await Assertions.Expect(membersPage.Locator("[data-testid=membership-changed]")).ToContainTextAsync("is now Tasker", new() { Timeout = 5_000 });

        // Another Admin, with a page and a hub connection on node B, is demoted by the operator's command line: both
        // lose the Admin's scope within 5 s.
        var otherAdmin = await _nodeA.ScalarAsync<string>(JoinedInDemo("Admin"));
        var theirs = await PageAsync($"http://127.0.0.1:{_nodeB.Port}", otherAdmin);
        await OpenActivityAsync(theirs);
        await using var hub = await HubAsync(_nodeB, otherAdmin);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        var (exitCode, output) = await _nodeA.RunOperatorAsync("demote", "--workspace", DemoData.WorkspaceName, "--email", otherAdmin);
        Assert.True(exitCode == 0, output);
        await Assertions.Expect(theirs.Locator("[data-testid=membership-changed]")).ToContainTextAsync("now Member", new() { Timeout = 5_000 });
        await closed.Task.WaitAsync(FiveSeconds);
    }

    /// <summary>A demo person other than the demo Admin, joined with an account, in the given role.</summary>
    private static string JoinedInDemo(string role) => $"""
        SELECT m."Email" FROM "Members" m JOIN "Workspaces" w ON w."Id" = m."WorkspaceId" JOIN "AspNetUsers" a ON a."Id" = m."AccountId"
        WHERE w."Name" = '{DemoData.WorkspaceName}' AND m."Role" = '{role}' AND m."Status" = 'Joined'
          AND m."UserType" = 'Internal' AND m."Email" <> '{DemoData.AdminEmail}'
        ORDER BY m."Email" LIMIT 1
        """;

    /// <summary>A hub connection signed in with the person's cookie, subscribed to what their role lets them hear.</summary>
    private static async Task<HubConnection> HubAsync(AppProcess node, string email)
    {
        var cookies = new CookieContainer();
        var address = new Uri($"http://127.0.0.1:{node.Port}");
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(http, email, DemoData.Password)).StatusCode);
        var hub = new HubConnectionBuilder().WithUrl(new Uri(address, "/hubs/activity"), o => o.Cookies = cookies).Build();
        var subscribed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<string>("Subscribed", scope => subscribed.TrySetResult(scope));
        await hub.StartAsync();
        Assert.Equal("workspace", await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        return hub;
    }

    [ScaleOutFact]
    public async Task TheNodeRunningAnImport_KilledMidway_ItFailsAsInterrupted_WhileTheOtherServes_AndRunsWhatIsQueued()
    {
        var onA = await PageAsync($"http://127.0.0.1:{_nodeA!.Port}", DemoData.AdminEmail);
        var dataset = await _nodeA.ScalarAsync<string>("""SELECT "Id" FROM "Resources" WHERE "ResourceKind" = 'Dataset' ORDER BY "NormalizedName" LIMIT 1""");
        await onA.GotoAsync($"/datasets/{dataset}");
        await BrowserSession.WaitForInteractiveAsync(onA);
        var earlier = (await _nodeA.ColumnAsync("""SELECT "Id" FROM "Jobs" """)).ToHashSet();

        async Task<string> ImportAsync(string name, byte[] zip)
        {
            await onA.Locator("[data-testid=resource-import]").ClickAsync();
            await BrowserSession.ChooseImportFilesAsync(onA, new FilePayload { Name = name, MimeType = "application/zip", Buffer = zip });
            await onA.Locator("[data-testid=import-start]").ClickAsync();
            var id = await AppProcess.WaitForAsync(async () => (await _nodeA.ColumnAsync("""SELECT "Id" FROM "Jobs" WHERE "Type" = 'DataImport'"""))
                .FirstOrDefault(j => !earlier.Contains(j)), j => j is not null);
            earlier.Add(id!);
            await Assertions.Expect(onA.Locator("[data-testid=import-start]")).ToBeHiddenAsync(new() { Timeout = 120_000 });
            return id!;
        }

        var running = await ImportAsync("frames.zip", KillMidImportTests.Frames());
        // Either node's worker may have taken it: the one holding it dies, the other must carry on.
        var owner = await AppProcess.WaitForAsync(() => _nodeA.ScalarAsync<string>($"""SELECT "LeaseOwner" FROM "Jobs" WHERE "Id" = '{running}'"""), o => o is not null);
        var (holder, survivor) = owner!.Contains($"/{_nodeA.ProcessId}/", StringComparison.Ordinal) ? (_nodeA, _nodeB!) : (_nodeB!, _nodeA);
        await AppProcess.WaitForAsync(() => survivor.ScalarAsync<long>($"""SELECT COUNT(*) FROM "DataUnits" WHERE "JobId" = '{running}'"""), n => n >= 10);
        var queued = await ImportAsync("three.zip", KillMidImportTests.Frames(3));
        Assert.Equal(JobStatus.Processing, (await survivor.JobAsync(running)).Status);
        await holder.KillAsync();

        // The survivor fails the dead node's import once its lease (3 s here) runs out, and runs what was queued.
        var cutOff = await AppProcess.WaitForAsync(() => survivor.JobAsync(running), j => j.Status != JobStatus.Processing);
        var ran = await AppProcess.WaitForAsync(() => survivor.JobAsync(queued), j => j.Status != JobStatus.Processing);
        Assert.Equal(JobStatus.Error, cutOff.Status);
        Assert.StartsWith(JobService.InterruptedMessage, cutOff.Summary);
        Assert.Equal((JobStatus.Success, 3L, 3L), (ran.Status, ran.Done, ran.Total));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{survivor.Port}") };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        var onSurvivor = await PageAsync($"http://127.0.0.1:{survivor.Port}", DemoData.AdminEmail);
        await OpenActivityAsync(onSurvivor);
        var title = await survivor.ScalarAsync<string>($"""SELECT "Title" FROM "Jobs" WHERE "Id" = '{running}'""");
        await Assertions.Expect(JobRow(onSurvivor, title).Filter(new() { Has = onSurvivor.Locator("[data-testid=job-status]", new() { HasTextString = "Error" }) }))
            .Not.ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(onSurvivor, "two-nodes-interrupted-on-the-survivor");
    }

    /// <summary>A key made as an Admin tool would, straight on the shared database.</summary>
    private async Task<string> ApiKeyAsync()
    {
        await using var services = new ServiceCollection().AddDashboardDomain(DatabaseConnection.Postgres(_database!)).BuildServiceProvider();
        await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var normalized = DemoData.AdminEmail.ToUpperInvariant();
        var accountId = await db.Users.Where(a => a.NormalizedEmail == normalized).Select(a => a.Id).SingleAsync();
        var admin = (await services.GetRequiredService<MembershipService>().GetActorAsync(accountId))!;
        return (await services.GetRequiredService<ApiKeyService>().CreateAsync(admin, "node-a-workers")).Value.Secret;
    }
}

/// <summary>
/// A test of several nodes: Chromium, PostgreSQL, Redis and nginx. Locally it is skipped when one is missing; under
/// CI (CI=true) it always runs, so a missing server fails the build instead of hiding the test.
/// </summary>
public sealed class ScaleOutFactAttribute : FactAttribute
{
    public static string? MissingReason =>
        new[] { PostgresServer.MissingReason, RedisServer.MissingReason, NginxServer.MissingReason,
                !File.Exists(BrowserFactAttribute.ChromiumPath) && !ServerTests.Required ? "Chromium is not installed." : null }
            .FirstOrDefault(reason => reason is not null);

    public ScaleOutFactAttribute()
    {
        if (MissingReason is { } reason) Skip = reason;
    }
}
