using System.Net;
using System.Text.Json.Serialization;
using Dashboard.App.Features.Activity;
using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration;

/// <summary>Sessions end when they should: a cookie is worth nothing after sign-out or a security change.</summary>
public class SessionsTests(SignedInRoles roles) : IClassFixture<SignedInRoles>
{
    [Fact]
    public async Task ACookieCopiedBeforeSignOut_IsRefusedAfterIt()
    {
        await roles.AddMemberAsync("sam@acme.example", WorkspaceRole.Member);
        var (client, cookies) = await roles.SignInAsync("sam@acme.example");
        // The attacker's copy: the same cookie in another client.
        var copy = new CookieContainer();
        copy.Add(cookies.GetAllCookies());
        var attacker = roles.Factory.CreateDefaultClient(new CookieContainerHandler(copy));
        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync("/settings/users")).StatusCode);

        // A statically rendered form of the app carries a token made for the signed-in person.
        var page = await client.GetStringAsync("/account/login");
        var token = SignInForm.AntiforgeryTokenIn(page);
        var signedOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var replayed = await attacker.GetAsync("/settings/users");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/account/login", replayed.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SignOut_WithoutTheAntiforgeryToken_IsRefused_AndTheSessionLives()
    {
        await roles.AddMemberAsync("tia@acme.example", WorkspaceRole.Member);
        var (client, _) = await roles.SignInAsync("tia@acme.example");

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/settings/users")).StatusCode);
    }

    [Fact]
    public async Task APasswordChange_EndsTheOtherSessions()
    {
        await roles.AddMemberAsync("pat@acme.example", WorkspaceRole.Member);
        var (laptop, _) = await roles.SignInAsync("pat@acme.example");
        await using (var scope = roles.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var account = (await users.FindByEmailAsync("pat@acme.example"))!;
            Assert.True((await users.ChangePasswordAsync(account, SignedInRoles.Password, "Granite-meadow-falcon-31")).Succeeded);
        }

        var response = await laptop.GetAsync("/settings/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task ARevokedKey_ClosesTheHubConnectionsOpenedWithIt_AtOnce()
    {
        var keys = roles.Factory.Services.GetRequiredService<ApiKeyService>();
        var admin = roles.Actors[WorkspaceRole.Admin];
        var key = (await keys.CreateAsync(admin, "cluster")).Value;
        await using var hub = await ConnectAsync("?access_token=" + Uri.EscapeDataString(key.Secret));
        var closed = Closed(hub);

        Assert.True((await keys.RevokeAsync(admin, key.Id)).Succeeded);

        await closed.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AStampChangedByAnotherProcess_ClosesThePersonsConnections_AtTheNextSweep()
    {
        await roles.AddMemberAsync("oz@acme.example", WorkspaceRole.Member);
        var (_, cookies) = await roles.SignInAsync("oz@acme.example");
        await using var hub = await ConnectAsync("", cookies);
        var closed = Closed(hub);

        // As the operator's command line does it: a write to the database, no event in this process.
        await using (var db = await roles.Factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
            await db.Users.Where(a => a.Email == "oz@acme.example").ExecuteUpdateAsync(s => s.SetProperty(a => a.SecurityStamp, "reset-by-operator"));
        Assert.False(closed.IsCompleted);
        await roles.Factory.Services.GetRequiredService<ActivityHubConnections>().SweepAsync();

        await closed.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static Task Closed(HubConnection hub)
    {
        var closed = new TaskCompletionSource();
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        return closed.Task;
    }

    private async Task<HubConnection> ConnectAsync(string query, CookieContainer? cookies = null)
    {
        var server = roles.Factory.Server;
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, ActivityHub.Path + query), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => cookies is null ? server.CreateHandler()
                    : new CookieContainerHandler(cookies) { InnerHandler = server.CreateHandler() };
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var subscribed = new TaskCompletionSource<string>();
        hub.On<string>(ActivityHub.Subscribed, scope => subscribed.TrySetResult(scope));
        await hub.StartAsync();
        await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return hub;
    }
}
