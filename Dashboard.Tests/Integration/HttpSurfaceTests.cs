using System.Net;
using Dashboard.Domain.Access;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration;

/// <summary>Refusals hold at the HTTP surface too, not only behind hidden buttons.</summary>
public partial class FirstRunAndSignInTests
{
    private async Task<string> AddMemberAsync(string email, WorkspaceRole role)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var workspace = await db.Workspaces.FirstAsync();
        var account = new Account { UserName = email, Email = email, DisplayName = "Mel Member", CreatedAt = DateTimeOffset.UtcNow, CurrentWorkspaceId = workspace.Id, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        db.Members.Add(WorkspaceMember.Joined(workspace.Id, account.Id, email, "Mel Member", role, UserType.Internal, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return email;
    }

    [Theory]
    [InlineData(WorkspaceRole.Member, HttpStatusCode.Forbidden)]
    [InlineData(WorkspaceRole.WorkforceManager, HttpStatusCode.Forbidden)]
    [InlineData(WorkspaceRole.Tasker, HttpStatusCode.Forbidden)]
    public async Task TheAuditExport_IsForAdminsOnly(WorkspaceRole role, HttpStatusCode expected)
    {
        await SetUpAsync();
        var member = _factory.CreateClient();
        await PostLoginAsync(member, await AddMemberAsync("mel@acme.example", role), Password);
        var admin = _factory.CreateClient();
        await PostLoginAsync(admin, Email, Password);

        var refused = await member.GetAsync("/settings/audit.csv");
        var allowed = await admin.GetAsync("/settings/audit.csv");

        Assert.Equal(expected, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.True(allowed.Headers.CacheControl!.NoStore);
        Assert.StartsWith("When (UTC),Who,What,On,Before,After", (await allowed.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task AFileOfAnotherDataset_IsNotFound_AndDownloadsNeedASignIn()
    {
        await SetUpAsync();
        var member = _factory.CreateClient();
        await PostLoginAsync(member, await AddMemberAsync("mel@acme.example", WorkspaceRole.Member), Password);

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/files/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Client().GetAsync($"/files/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task SignInForms_AreRateLimited_WithAMessage()
    {
        await SetUpAsync();
        var client = _factory.CreateClient();

        HttpResponseMessage last = default!;
        for (var attempt = 0; attempt <= Dashboard.App.Auth.AuthRateLimits.PermitsPerMinute; attempt++)
            last = await PostLoginAsync(client, "someone@acme.example", "Wr0ng!pass");

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Equal("Too many attempts from your address. Wait a minute, then try again.", await last.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task InvitationLinks_AreRateLimited_WhilePlainReadsAreNot()
    {
        await SetUpAsync();
        var client = _factory.CreateClient();

        for (var read = 0; read <= Dashboard.App.Auth.AuthRateLimits.PermitsPerMinute; read++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        HttpResponseMessage last = default!;
        for (var guess = 0; guess <= Dashboard.App.Auth.AuthRateLimits.PermitsPerMinute; guess++)
            last = await client.GetAsync($"/account/login?invitation=guess-{guess}");

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
    }
}
