using System.Text.Json;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Workspaces;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Dashboard.App.Operations;

/// <summary>
/// With several nodes, <c>Dashboard:Redis</c> (a StackExchange.Redis connection string) connects them: the SignalR
/// backplane for /hubs/activity, job changes published to the other nodes' pages, and a wake-up for their change-feed
/// readers. Redis being down never stops a node: it serves its own pages and says so in /healthz.
/// </summary>
public static class RedisSettings
{
    public const string Key = "Dashboard:Redis";
    /// <summary>Every key and channel of this app starts so, in a Redis shared with others.</summary>
    public const string Prefix = "dashboard:";

    /// <summary>The connection, or null without Redis. It never throws for a Redis that is down: it keeps trying.</summary>
    public static IConnectionMultiplexer? Connect(IConfiguration configuration)
    {
        var setting = configuration[Key];
        if (string.IsNullOrWhiteSpace(setting)) return null;
        var options = ConfigurationOptions.Parse(setting);
        options.AbortOnConnectFail = false;
        options.ClientName ??= $"dashboard-{Environment.MachineName}";
        return ConnectionMultiplexer.Connect(options);
    }
}

/// <summary>Carries this node's job changes and change-feed wake-ups to the other nodes, and theirs to this one.</summary>
public sealed class RedisBus(IConnectionMultiplexer redis, JobEvents jobs, MembershipChanges changes, ChangeFeedReader feed,
    ILogger<RedisBus> logger) : IHostedService
{
    private static readonly RedisChannel JobsChannel = RedisChannel.Literal(RedisSettings.Prefix + "jobs");
    private static readonly RedisChannel FeedChannel = RedisChannel.Literal(RedisSettings.Prefix + "feed");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Names this node on what it publishes, so it ignores its own messages coming back.</summary>
    private readonly string _origin = Guid.NewGuid().ToString("N");

    private sealed record JobMessage(string Origin, JobChange Change);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var subscriber = redis.GetSubscriber();
        await subscriber.SubscribeAsync(JobsChannel, (_, message) => OnJobMessage(message));
        await subscriber.SubscribeAsync(FeedChannel, (_, message) =>
        {
            if (message != _origin) feed.Wake();
        });
        jobs.ChangedHere += PublishJob;
        changes.CommittedHere += PublishFeedWake;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        jobs.ChangedHere -= PublishJob;
        changes.CommittedHere -= PublishFeedWake;
        // Only this bus's channels: the SignalR backplane shares the connection.
        var subscriber = redis.GetSubscriber();
        await subscriber.UnsubscribeAsync(JobsChannel);
        await subscriber.UnsubscribeAsync(FeedChannel);
    }

    private void OnJobMessage(RedisValue message)
    {
        try
        {
            var received = JsonSerializer.Deserialize<JobMessage>(message.ToString(), Json);
            if (received is not null && received.Origin != _origin) jobs.Receive(received.Change);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "A job message on Redis could not be read; it was ignored");
        }
    }

    // Fire and forget: a change is committed already; a Redis that is down only delays what other nodes show.
    private void PublishJob(JobChange change) =>
        _ = redis.GetSubscriber().PublishAsync(JobsChannel, JsonSerializer.Serialize(new JobMessage(_origin, change), Json), CommandFlags.FireAndForget);

    private void PublishFeedWake() =>
        _ = redis.GetSubscriber().PublishAsync(FeedChannel, _origin, CommandFlags.FireAndForget);
}

/// <summary>
/// /healthz reports Redis as degraded, not unhealthy, when it cannot be reached: the node still serves its own pages
/// (a load balancer keeps it), while live updates from other nodes wait for Redis to come back.
/// </summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            if (!redis.IsConnected) return HealthCheckResult.Degraded("Redis cannot be reached: this node serves its own pages; other nodes' live updates wait.");
            await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy("Redis answers.");
        }
        catch (RedisException exception)
        {
            return HealthCheckResult.Degraded("Redis cannot be reached: this node serves its own pages; other nodes' live updates wait.", exception);
        }
    }
}
