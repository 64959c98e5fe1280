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
        if (_factory.Provider == Dashboard.Domain.Persistence.DatabaseProvider.Sqlite)
            Assert.True(File.Exists(Path.Combine(_factory.DataFolder, "dashboard.db")));
        Assert.True(Directory.Exists(Path.Combine(_factory.DataFolder, "storage")));
    }

    [Fact]
    public async Task AfterSetup_TheSetupPageIsGone()
    {
        await SetUpAsync();

        var response = await Client().GetAsync("/setup");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownAddress_AnswersNotFound_WithThePageThatSaysSo()
    {
        await SetUpAsync();

        var response = await Client().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
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
        Assert.Contains(LockedOut, html);
    }

    private const string LockedOut = "Too many failed attempts to sign in with this address from your network. Try again in 5 minutes.";

    [Fact]
    public async Task Lockout_AnswersTheSame_ForAnAddressWithNoAccount()
    {
        await SetUpAsync();
        var client = _factory.CreateClient();
        string known = "", unknown = "";
        for (var attempt = 0; attempt < 6; attempt++)
        {
            known = await (await PostLoginAsync(client, Email, "Wr0ng!pass")).Content.ReadAsStringAsync();
            unknown = await (await PostLoginAsync(client, "nobody@acme.example", "Wr0ng!pass")).Content.ReadAsStringAsync();
        }

        Assert.Contains(LockedOut, known);
        Assert.Contains(LockedOut, unknown);
    }

    [Fact]
    public async Task Lockout_KeysOnTheClient_SoOneClientCannotLockTheOwnerOut()
    {
        _factory.Settings["Dashboard:KnownProxies"] = "127.0.0.1";
        await SetUpAsync();
        var attacker = ThroughProxy("203.0.113.5");
        for (var attempt = 0; attempt < 6; attempt++)
            await PostLoginAsync(attacker, Email, "Wr0ng!pass");
        var owner = ThroughProxy("198.51.100.7");

        var attackerAgain = await (await PostLoginAsync(attacker, Email, Password)).Content.ReadAsStringAsync();
        var ownerSignsIn = await PostLoginAsync(owner, Email, Password);

        Assert.Contains(LockedOut, attackerAgain);
        Assert.Equal(HttpStatusCode.Redirect, ownerSignsIn.StatusCode);
    }

    [Fact]
    public async Task ForwardedHeaders_FromAnUnlistedProxy_AreIgnored()
    {
        await SetUpAsync();
        // Without Dashboard:KnownProxies, a client claiming a new address each time is still the same client.
        for (var attempt = 0; attempt < 6; attempt++)
            await PostLoginAsync(ThroughProxy($"203.0.113.{attempt + 1}"), Email, "Wr0ng!pass");

        var html = await (await PostLoginAsync(ThroughProxy("198.51.100.7"), Email, Password)).Content.ReadAsStringAsync();

        Assert.Contains(LockedOut, html);
    }

    [Fact]
    public async Task BehindAnHttpsProxy_TheSignInCookieIsSecure()
    {
        _factory.Settings["Dashboard:KnownProxies"] = "127.0.0.0/8";
        await SetUpAsync();
        var direct = await PostLoginAsync(_factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), Email, Password);
        var proxied = ThroughProxy("203.0.113.5", proto: "https");

        var response = await PostLoginAsync(proxied, Email, Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Dashboard.Auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var plain = direct.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Dashboard.Auth=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", plain, StringComparison.OrdinalIgnoreCase);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    private HttpClient ThroughProxy(string clientAddress, string proto = "http")
    {
        // A real host name: browsers (and the header library) never pin HSTS on localhost.
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://dashboard.example"),
        });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", proto);
        return client;
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders_AndNoServerHeader()
    {
        await SetUpAsync();

        var response = await Client().GetAsync("/account/login");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.Contains("Permissions-Policy"));
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
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
