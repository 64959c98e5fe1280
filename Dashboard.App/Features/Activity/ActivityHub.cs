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
public sealed class ActivityHub(MembershipService memberships, ApiKeyService keys) : Hub
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

    private async Task<string?> GroupForCallerAsync()
    {
        if (Guid.TryParse(Context.User?.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId)
            && await memberships.GetActorAsync(accountId) is { } actor)
            return actor.Can(Permission.ViewAllResources) ? WorkspaceGroup(actor.WorkspaceId) : StarterGroup(actor.WorkspaceId, actor.MemberId);

        var http = Context.GetHttpContext();
        var header = http?.Request.Headers.Authorization.ToString() ?? "";
        var secret = http?.Request.Query["access_token"].ToString() is { Length: > 0 } fromQuery ? fromQuery
            : header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        return await keys.AuthenticateAsync(secret) is { } caller ? WorkspaceGroup(caller.WorkspaceId) : null;
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
