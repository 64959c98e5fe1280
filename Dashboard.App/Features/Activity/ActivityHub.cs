using System.Collections.Concurrent;
using System.Security.Claims;
using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Workspaces;
using Microsoft.AspNetCore.SignalR;

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
            people.Remember(accountId, Context);
            return actor.Can(Permission.ViewAllResources) ? WorkspaceGroup(actor.WorkspaceId) : StarterGroup(actor.WorkspaceId, actor.MemberId);
        }

        var http = Context.GetHttpContext();
        var header = http?.Request.Headers.Authorization.ToString() ?? "";
        var secret = http?.Request.Query["access_token"].ToString() is { Length: > 0 } fromQuery ? fromQuery
            : header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        return await keys.AuthenticateAsync(secret) is { } caller ? WorkspaceGroup(caller.WorkspaceId) : null;
    }
}

/// <summary>
/// The hub connections of signed-in people. When a person's membership changes (removed, role changed, joined),
/// their connections are closed at once: a client reconnects and is given the scope its new standing allows,
/// so a demoted Admin stops hearing the whole workspace.
/// </summary>
public sealed class ActivityHubConnections(MembershipChanges changes) : IHostedService
{
    private readonly ConcurrentDictionary<string, (Guid AccountId, HubCallerContext Connection)> _open = new();

    public void Remember(Guid accountId, HubCallerContext connection) => _open[connection.ConnectionId] = (accountId, connection);

    public void Forget(string connectionId) => _open.TryRemove(connectionId, out _);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        changes.AccountChanged += Close;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        changes.AccountChanged -= Close;
        return Task.CompletedTask;
    }

    private void Close(Guid accountId)
    {
        foreach (var (_, open) in _open)
            if (open.AccountId == accountId) open.Connection.Abort();
    }
}

/// <summary>Relays every job event to the hub's groups: the workspace's watchers and the job's starter.</summary>
public sealed class ActivityHubRelay(JobEvents events, IHubContext<ActivityHub> hub) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        events.Changed += Relay;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        events.Changed -= Relay;
        return Task.CompletedTask;
    }

    private void Relay(JobChange change)
    {
        var groups = new List<string> { ActivityHub.WorkspaceGroup(change.WorkspaceId) };
        if (change.StartedByMemberId is { } starter) groups.Add(ActivityHub.StarterGroup(change.WorkspaceId, starter));
        _ = hub.Clients.Groups(groups).SendAsync(ActivityHub.JobUpdated, change);
    }
}
