using System.Net;
using Dashboard.Domain.Workspaces;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration;

public partial class FirstRunAndSignInTests : IAsyncLifetime
{
    private const string Email = "founder@acme.example";
    private const string Password = "Quiet-Harbor-Lantern-7";
    private readonly DashboardAppFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task SetUpAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<FirstRunSetup>()
            .RunAsync(new SetupCommand(Email, "Fiona Founder", Password, "Acme Vision", false));
        Assert.True(result.Succeeded, result.Error?.Message);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/settings/users")]
    [InlineData("/account/login")]
    public async Task FreshDataFolder_SendsEveryPageToSetup(string path)
    {
        var response = await Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task FreshDataFolder_ServesTheSetupForm()
    {
        var html = await Client().GetStringAsync("/setup");

        Assert.Contains("Set up your workspace", html);
        Assert.True(File.Exists(Path.Combine(_factory.DataFolder, "dashboard.db")));
        Assert.True(Directory.Exists(Path.Combine(_factory.DataFolder, "storage")));
    }

    [Fact]
    public async Task Healthz_WithTheDatabaseReachable_Is200()
    {
        var response = await Client().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AfterSetup_TheSetupPageIsGone()
    {
        await SetUpAsync();

        var response = await Client().GetAsync("/setup");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/settings/users")]
    [InlineData("/")]
    public async Task AfterSetup_AnAnonymousRequest_IsSentToSignIn(string path)
    {
        await SetUpAsync();

        var response = await Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login?ReturnUrl=", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithTheRightPassword_OpensTheApp()
    {
        await SetUpAsync();
        var client = _factory.CreateClient(); // follows redirects and keeps cookies

        var response = await PostLoginAsync(client, Email, Password);

        Assert.Equal("/", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Acme Vision", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_ShowsAnErrorAndStaysSignedOut()
    {
        await SetUpAsync();
        var client = _factory.CreateClient();

        var response = await PostLoginAsync(client, Email, "Wr0ng!pass");

        Assert.Contains("The email or password is incorrect.", await response.Content.ReadAsStringAsync());
        var home = await Client().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task SignIn_AfterFiveFailures_IsLockedOutAndSaysWhenToRetry()
    {
        await SetUpAsync();
        var client = _factory.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
            await PostLoginAsync(client, Email, "Wr0ng!pass");

        var response = await PostLoginAsync(client, Email, Password);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("this account is locked. Try again in 5 minutes.", html);
    }

    [Fact]
    public async Task SignIn_WithAMalformedEmail_SaysWhatIsWrongNextToTheField()
    {
        await SetUpAsync();

        var response = await PostLoginAsync(_factory.CreateClient(), "founder.acme.example", Password);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("class=\"[^\"]*plain-field-error[^\"]*\"[^>]*>[^<]*needs one @", html);
    }

    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password) =>
        SignInForm.PostAsync(client, email, password);
}
