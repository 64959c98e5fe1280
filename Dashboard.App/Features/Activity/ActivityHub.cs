using System.Collections.Concurrent;
using System.Security.Claims;
using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.App.Features.Activity;

/// <summary>
/// /hubs/activity: pushes "JobUpdated" to clients outside the page. A signed-in person (cookie) hears the jobs they
/// may see in their current workspace; an API key (?access_token=wd_… or a Bearer header) hears its workspace.
/// </summary>
public sealed class ActivityHub(MembershipService memberships, ApiKeyService keys, ActivityHubConnections people) : Hub
{
    public const string Path = "/hubs/activity";
    public const string JobUpdated = "JobUpdated";

    /// <summary>
    /// Sent to the caller once it has joined its group. SignalR completes the client's handshake before
    /// OnConnectedAsync runs, so a client that must not miss an update waits for this, not for StartAsync.
    /// </summary>
    public const string Subscribed = "Subscribed";

    public static string WorkspaceGroup(Guid workspaceId) => $"jobs:{workspaceId:N}:all";
    public static string StarterGroup(Guid workspaceId, Guid memberId) => $"jobs:{workspaceId:N}:member:{memberId:N}";

    public override async Task OnConnectedAsync()
    {
        var group = await GroupForCallerAsync();
        if (group is null)
        {
            Context.Abort();
            return;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        await Clients.Caller.SendAsync(Subscribed, group.EndsWith(":all", StringComparison.Ordinal) ? "workspace" : "own jobs");
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        people.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private async Task<string?> GroupForCallerAsync()
    {
        if (Guid.TryParse(Context.User?.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId)
            && await memberships.GetActorAsync(accountId) is { } actor)
        {
            // The group follows the person's standing at this moment; a later change closes the connection.
            people.RememberPerson(accountId, Context);
            return actor.Can(Permission.ViewAllResources) ? WorkspaceGroup(actor.WorkspaceId) : StarterGroup(actor.WorkspaceId, actor.MemberId);
        }

        var http = Context.GetHttpContext();
        var header = http?.Request.Headers.Authorization.ToString() ?? "";
        var secret = http?.Request.Query["access_token"].ToString() is { Length: > 0 } fromQuery ? fromQuery
            : header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (await keys.AuthenticateAsync(secret) is not { } caller) return null;
        people.RememberKey(caller.KeyId, Context);
        return WorkspaceGroup(caller.WorkspaceId);
    }
}

/// <summary>
/// The hub's open connections and what opened them. A connection is closed at once when its person's membership or
/// security changes (removed, role changed, signed out, password changed) or its API key is revoked — in this process,
/// or in another (a node, the operator's command line), whose change the change feed replays here within a second or
/// two: a client reconnects and gets what its new standing allows, or nothing. A sweep every
/// <see cref="SweepInterval"/> is the safety net: a connection whose account's security stamp moved on, or whose key
/// was revoked, is closed whatever announced it.
/// </summary>
public sealed class ActivityHubConnections(MembershipChanges changes, ApiKeyService keys, IDbContextFactory<DashboardDbContext> factory,
    IOptions<IdentityOptions> identity, ILogger<ActivityHubConnections> logger) : BackgroundService
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private sealed record Opened(HubCallerContext Connection, Guid? AccountId, string? Stamp, Guid? KeyId);

    private readonly ConcurrentDictionary<string, Opened> _open = new();

    public void RememberPerson(Guid accountId, HubCallerContext connection) =>
        _open[connection.ConnectionId] = new Opened(connection, accountId,
            connection.User?.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType), null);

    public void RememberKey(Guid keyId, HubCallerContext connection) =>
        _open[connection.ConnectionId] = new Opened(connection, null, null, keyId);

    public void Forget(string connectionId) => _open.TryRemove(connectionId, out _);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        changes.AccountChanged += ClosePerson;
        keys.Revoked += CloseKey;
        return base.StartAsync(cancellationToken);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        changes.AccountChanged -= ClosePerson;
        keys.Revoked -= CloseKey;
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Checking the activity hub's connections failed; trying again in {Interval}", SweepInterval);
            }
        }
    }

    /// <summary>Closes connections whose account's stamp changed or whose key was revoked, wherever that happened.</summary>
    public async Task SweepAsync(CancellationToken ct = default)
    {
        var open = _open.Values.ToList();
        if (open.Count == 0) return;
        var accountIds = open.Where(o => o.AccountId is not null).Select(o => o.AccountId!.Value).Distinct().ToList();
        var keyIds = open.Where(o => o.KeyId is not null).Select(o => o.KeyId!.Value).Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var stamps = await db.Users.Where(a => accountIds.Contains(a.Id)).Select(a => new { a.Id, a.SecurityStamp }).ToDictionaryAsync(a => a.Id, a => a.SecurityStamp, ct);
        var liveKeys = (await db.ApiKeys.Where(k => keyIds.Contains(k.Id) && k.RevokedAt == null).Select(k => k.Id).ToListAsync(ct)).ToHashSet();
        foreach (var connection in open)
        {
            var stale = connection.AccountId is { } accountId
                ? !stamps.TryGetValue(accountId, out var stamp) || stamp != connection.Stamp
                : !liveKeys.Contains(connection.KeyId!.Value);
            if (stale) connection.Connection.Abort();
        }
    }

    private void ClosePerson(Guid accountId)
    {
        foreach (var (_, open) in _open)
            if (open.AccountId == accountId) open.Connection.Abort();
    }

    private void CloseKey(Guid keyId)
    {
        foreach (var (_, open) in _open)
            if (open.KeyId == keyId) open.Connection.Abort();
    }
}

/// <summary>
/// Relays every job event this node made to the hub's groups: the workspace's watchers and the job's starter. With
/// Redis, the backplane carries the message to those connected to other nodes.
/// </summary>
public sealed class ActivityHubRelay(JobEvents events, IHubContext<ActivityHub> hub) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        events.ChangedHere += Relay;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        events.ChangedHere -= Relay;
        return Task.CompletedTask;
    }

    private void Relay(JobChange change)
    {
        var groups = new List<string> { ActivityHub.WorkspaceGroup(change.WorkspaceId) };
        if (change.StartedByMemberId is { } starter) groups.Add(ActivityHub.StarterGroup(change.WorkspaceId, starter));
        _ = hub.Clients.Groups(groups).SendAsync(ActivityHub.JobUpdated, change);
    }
}
