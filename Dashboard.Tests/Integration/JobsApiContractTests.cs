using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration;

/// <summary>The jobs API under pressure and under bad input: one winner, problem details for every mistake.</summary>
public class JobsApiContractTests : IAsyncLifetime
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

    private HttpClient Client()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _secret);
        return client;
    }

    private static async Task<Guid> CreateJobAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/v1/jobs", new { type = "ModelTraining", title = "Train detector" });
        return (await created.Content.ReadFromJsonAsync<JobRow>(Json))!.Id;
    }

    [Fact]
    public async Task ConcurrentFinalReports_HaveExactlyOneWinner_AndTheRowStaysConsistent()
    {
        var client = Client();
        for (var run = 0; run < 20; run++)
        {
            var id = await CreateJobAsync(client);
            var reports = Enumerable.Range(0, 20).Select(i => i % 2 == 0
                ? new { status = "Success", errorSummary = (string?)null, problems = (object[]?)null }
                : new { status = "Error", errorSummary = (string?)$"Worker {i} failed", problems = (object[]?)[new { item = $"epoch {i}", message = "CUDA error" }] });

            var answers = await Task.WhenAll(reports.Select(report => client.PatchAsJsonAsync($"/api/v1/jobs/{id}", report)));

            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
            Assert.Equal(19, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
            var winner = (await answers.Single(a => a.IsSuccessStatusCode).Content.ReadFromJsonAsync<JobRow>(Json))!;
            var refused = await answers.First(a => a.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(winner.Status.ToString(), refused.GetProperty("job").GetProperty("status").GetString());
            await using var db = _factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext();
            var stored = await db.Jobs.Include(j => j.Problems).SingleAsync(j => j.Id == id);
            Assert.Equal(winner.Status, stored.Status);
            if (stored.Status == JobStatus.Success)
                Assert.True(stored.ErrorSummary is null && stored.Problems.Count == 0, $"run {run}: a Success carries error fields.");
            else
                Assert.Single(stored.Problems);
        }
    }

    [Theory]
    [InlineData("PATCH", "/api/v1/jobs/{id}", "{\"status\": \"Done\"}", "application/json", 400, "at status: it must be one of Processing, Success, Error.")]
    [InlineData("PATCH", "/api/v1/jobs/{id}", "{\"itemsDone\": ", "application/json", 400, "The body is not JSON")]
    [InlineData("PATCH", "/api/v1/jobs/{id}", "itemsDone=3", "application/x-www-form-urlencoded", 400, "Content-Type: application/json")]
    [InlineData("PATCH", "/api/v1/jobs/not-a-guid", "{}", "application/json", 400, "\"not-a-guid\" is not a job id")]
    [InlineData("PATCH", "/api/v1/jobs/00000000-0000-0000-0000-000000000001", "{}", "application/json", 404, "No job with that id")]
    [InlineData("PATCH", "/api/v1/jobs/{id}", "{\"status\": \"Success\", \"errorSummary\": \"oops\"}", "application/json", 400, "errorSummary and problems go only with status Error.")]
    [InlineData("POST", "/api/v1/jobs", "{\"type\": \"Cooking\", \"title\": \"x\"}", "application/json", 400, "at type: it must be one of DataImport, ModelTraining, LabelImport.")]
    [InlineData("GET", "/api/v1/jobs?status=Done", null, null, 400, "status: \"Done\" is not one of Processing, Success, Error.")]
    [InlineData("GET", "/api/v1/jobs?colour=red", null, null, 400, "Unknown query parameter \"colour\"")]
    [InlineData("GET", "/api/v1/jobs?page=-1", null, null, 400, "page must be a whole number")]
    [InlineData("GET", "/api/v1/jobs?pageSize=100000", null, null, 400, "pageSize must be a whole number from 1 to 100")]
    [InlineData("GET", "/api/v1/nothing-here", null, null, 404, null)]
    public async Task EveryMistake_IsProblemDetails_ThatSayWhatWasWrong_AndChangesNothing(string method, string path, string? body,
        string? contentType, int status, string? says)
    {
        var client = Client();
        var id = await CreateJobAsync(client);
        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", id.ToString()));
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType!);

        var response = await client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (says is not null) Assert.Contains(says, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var job = (await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs")).GetProperty("items")[0];
        Assert.Equal(("Processing", 0), (job.GetProperty("status").GetString(), job.GetProperty("itemsDone").GetInt32()));
    }

    [Fact]
    public async Task AFarPage_IsEmpty_NeverPageOne()
    {
        var client = Client();
        await CreateJobAsync(client);

        var far = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs?page={int.MaxValue}&pageSize=100");

        Assert.Equal(0, far.GetProperty("items").GetArrayLength());
        Assert.Equal(1, far.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task ThousandsOfProblems_KeepTheFirstThousand_AndCountTheRest()
    {
        var client = Client();
        var id = await CreateJobAsync(client);
        var problems = Enumerable.Range(0, 1500).Select(i => new { item = $"image_{i}.jpg", message = new string('x', 5000) }).ToArray();

        var failed = await client.PatchAsJsonAsync($"/api/v1/jobs/{id}", new { status = "Error", errorSummary = new string('s', 5000), problems });

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        await using var db = _factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext();
        var stored = await db.Jobs.Include(j => j.Problems).SingleAsync(j => j.Id == id);
        Assert.Equal(Job.MaxProblems + 1, stored.Problems.Count);
        Assert.Equal("and 500 more problems, not stored", stored.Problems.OrderBy(p => p.Position).Last().Message);
        Assert.All(stored.Problems, p => Assert.True(p.Message.Length <= JobProblem.MessageMaxLength));
        Assert.True(stored.ErrorSummary!.Length <= Job.ErrorSummaryMaxLength);
    }

    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("%0d%0aSet-Cookie:x=1")]
    public async Task OddReturnAddresses_LeadHome_NeverAway_NeverA500(string returnUrl)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInForm.PostAsync(client, "fiona@acme.example", "Quiet-Harbor-Lantern-7");

        var refresh = await client.GetAsync($"/account/refresh-signin?returnUrl={returnUrl}");
        var signIn = await SignInForm.PostAsync(_factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
            "fiona@acme.example", "Quiet-Harbor-Lantern-7", returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        foreach (var location in new[] { refresh.Headers.Location!, signIn.Headers.Location! })
        {
            var target = new Uri(new Uri("http://localhost"), location);
            Assert.Equal(("localhost", "/"), (target.Host, target.AbsolutePath));
        }
    }
}
