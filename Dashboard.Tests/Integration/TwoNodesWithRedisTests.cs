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

/// <summary>
/// Two nodes of one installation (one database) joined by a real Redis: a job moved through node A's API reaches
/// node B's pages and node B's hub connections; with Redis gone, /healthz says so and the node keeps serving.
/// </summary>
public sealed class TwoNodesWithRedisTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);
    private RedisServer? _redis;
    private DashboardAppFactory _nodeA = default!;
    private DashboardAppFactory _nodeB = default!;
    private string _secret = "";

    public async Task InitializeAsync()
    {
        if (RedisServer.MissingReason is not null) return;
        _redis = await RedisServer.StartAsync();
        _nodeA = new DashboardAppFactory();
        _nodeA.Settings["Dashboard:Redis"] = _redis.ConnectionString;
        await using (var scope = _nodeA.Services.CreateAsyncScope())
        {
            var account = (await scope.ServiceProvider.GetRequiredService<FirstRunSetup>()
                .RunAsync(new SetupCommand("fiona@acme.example", "Fiona Founder", "Quiet-Harbor-Lantern-7", "Acme Vision", false))).Value;
            var admin = (await scope.ServiceProvider.GetRequiredService<MembershipService>().GetActorAsync(account.Id))!;
            _secret = (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(admin, "cluster")).Value.Secret;
        }
        _nodeB = _nodeA.SecondNode();
        _nodeB.Settings["Dashboard:Redis"] = _redis.ConnectionString;
        _ = _nodeB.Services;
    }

    public async Task DisposeAsync()
    {
        if (_redis is null) return;
        await _nodeB.DisposeAsync();
        await _nodeA.DisposeAsync();
        await _redis.DisposeAsync();
    }

    private HttpClient ApiOn(DashboardAppFactory node)
    {
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _secret);
        return client;
    }

    [RedisFact]
    public async Task AJobMovedThroughNodeAsApi_ReachesNodeBsPages_AndNodeBsHubConnections()
    {
        var pagesOnB = new TaskCompletionSource<JobChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        _nodeB.Services.GetRequiredService<JobEvents>().Changed += change =>
        {
            if (change.ItemsDone == 7) pagesOnB.TrySetResult(change);
        };
        await using var hubOnB = await ConnectedHubAsync(_nodeB);
        var heardOnB = new List<JobChange>();
        var progressOnB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hubOnB.On<JobChange>("JobUpdated", change =>
        {
            lock (heardOnB) heardOnB.Add(change);
            if (change.ItemsDone == 7) progressOnB.TrySetResult();
        });

        var api = ApiOn(_nodeA);
        var job = (await (await api.PostAsJsonAsync("/api/v1/jobs", new { type = "ModelTraining", title = "Train detector" }))
            .Content.ReadFromJsonAsync<JobRow>(Json))!;
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/jobs/{job.Id}", new { itemsDone = 7, itemsTotal = 10 })).StatusCode);

        var change = await pagesOnB.Task.WaitAsync(Budget);
        Assert.Equal((job.Id, 10), (change.JobId, change.ItemsTotal));
        await progressOnB.Task.WaitAsync(Budget);
        await Task.Delay(300);
        // Node A alone relays to the hub; the backplane delivers once, never once per node.
        lock (heardOnB) Assert.Single(heardOnB, c => c.ItemsDone == 7);
    }

    [RedisFact]
    public async Task WithRedisDown_HealthzSaysSo_AndTheNodeKeepsServingItsPages()
    {
        var healthy = await _nodeA.CreateClient().GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("Healthy", healthy.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());

        await _redis!.StopAsync();
        var degraded = await _nodeA.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
        var report = JsonDocument.Parse(await degraded.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Degraded", report.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        // Its own work goes on: the API answers and the sign-in page renders.
        var created = await ApiOn(_nodeA).PostAsJsonAsync("/api/v1/jobs", new { type = "ModelTraining", title = "Still here" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _nodeA.CreateClient().GetAsync("/account/login")).StatusCode);
    }

    private async Task<HubConnection> ConnectedHubAsync(DashboardAppFactory node)
    {
        var server = node.Server;
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/activity?access_token=" + Uri.EscapeDataString(_secret)), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var subscribed = new TaskCompletionSource<string>();
        hub.On<string>("Subscribed", scope => subscribed.TrySetResult(scope));
        await hub.StartAsync();
        Assert.Equal("workspace", await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        return hub;
    }
}
