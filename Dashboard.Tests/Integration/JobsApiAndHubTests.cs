using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration;

public class JobsApiAndHubTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly DashboardAppFactory _factory = new();
    private string _secret = "";

    public async Task InitializeAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var account = (await scope.ServiceProvider.GetRequiredService<FirstRunSetup>()
            .RunAsync(new SetupCommand("fiona@acme.example", "Fiona Founder", "Quiet-Harbor-Lantern-7", "Acme Vision", false))).Value;
        var admin = (await scope.ServiceProvider.GetRequiredService<MembershipService>().GetActorAsync(account.Id))!;
        _secret = (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(admin, "cluster")).Value.Secret;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private HttpClient Client(string? secret)
    {
        var client = _factory.CreateClient();
        if (secret is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task AWorker_CreatesReportsAndFinishesAJob()
    {
        var client = Client(_secret);

        var created = await client.PostAsJsonAsync("/api/v1/jobs", new { type = "ModelTraining", title = "Train detector v3" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var job = (await created.Content.ReadFromJsonAsync<JobRow>(Json))!;
        Assert.Equal((JobStatus.Processing, "API key cluster"), (job.Status, job.StartedBy));

        var progress = await client.PatchAsJsonAsync($"/api/v1/jobs/{job.Id}", new { itemsDone = 5, itemsTotal = 10 });
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        var done = await client.PatchAsJsonAsync($"/api/v1/jobs/{job.Id}", new { status = "Success" });
        Assert.Equal(JobStatus.Success, (await done.Content.ReadFromJsonAsync<JobRow>(Json))!.Status);

        var listed = await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs?status=Success");
        Assert.Equal(1, listed.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task ABadKey_Is401_AndABackwardMove_Is409WithAMessage()
    {
        var refused = await Client("wd_not-a-key").GetAsync("/api/v1/jobs");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Authorization: Bearer", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client(null).GetAsync("/api/v1/jobs")).StatusCode);

        var client = Client(_secret);
        var job = (await (await client.PostAsJsonAsync("/api/v1/jobs", new { type = "ModelTraining", title = "Train" })).Content.ReadFromJsonAsync<JobRow>(Json))!;
        await client.PatchAsJsonAsync($"/api/v1/jobs/{job.Id}", new { status = "Error", errorSummary = "GPU lost" });
        var backwards = await client.PatchAsJsonAsync($"/api/v1/jobs/{job.Id}", new { status = "Processing" });

        Assert.Equal(HttpStatusCode.Conflict, backwards.StatusCode);
        Assert.Contains("cannot go back to Processing", await backwards.Content.ReadAsStringAsync());
        var badBody = await client.PostAsJsonAsync("/api/v1/jobs", new { type = "DataImport", title = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);
    }

    [Fact]
    public async Task TheHub_PushesJobUpdated_ForTheKeysWorkspaceOnly()
    {
        var server = _factory.Server;
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/activity?access_token=" + Uri.EscapeDataString(_secret)), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var heard = new List<JobChange>();
        var gotOne = new TaskCompletionSource();
        hub.On<JobChange>("JobUpdated", change => { lock (heard) heard.Add(change); gotOne.TrySetResult(); });
        var subscribed = new TaskCompletionSource<string>();
        hub.On<string>("Subscribed", scope => subscribed.TrySetResult(scope));
        await hub.StartAsync();
        Assert.Equal("workspace", await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(10)));

        // A job in another workspace first: the key's connection must not hear it.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Dashboard.Domain.Persistence.DashboardDbContext>();
            var other = new Workspace("Other Co", false, DateTimeOffset.UtcNow);
            db.Workspaces.Add(other);
            await db.SaveChangesAsync();
            var otherKey = (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().AuthenticateAsync(_secret))! with { WorkspaceId = other.Id };
            await scope.ServiceProvider.GetRequiredService<JobService>().CreateExternalAsync(otherKey, new ExternalJobCommand(JobType.ModelTraining, "Elsewhere", null));
        }
        var mine = (await (await Client(_secret).PostAsJsonAsync("/api/v1/jobs", new { type = "ModelTraining", title = "Mine" })).Content.ReadFromJsonAsync<JobRow>(Json))!;

        await gotOne.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(300);
        lock (heard) Assert.Equal([mine.Id], heard.Select(h => h.JobId));
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task TheHub_RefusesACallerWithoutCookieOrKey()
    {
        var server = _factory.Server;
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/activity"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
            }).Build();

        var subscribed = false;
        hub.On<string>(Dashboard.App.Features.Activity.ActivityHub.Subscribed, _ => subscribed = true);
        var closed = new TaskCompletionSource<Exception?>();
        hub.Closed += error => { closed.TrySetResult(error); return Task.CompletedTask; };

        // The hub is there (a wrong path or a crash fails StartAsync); it is the server that then shuts the door,
        // before any subscription, and cleanly: a refusal, not an error.
        await hub.StartAsync();
        var error = await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(error);
        Assert.False(subscribed);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }
}
