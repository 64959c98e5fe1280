using System.Text.Json.Serialization;
using Dashboard.Domain.Activity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Benchmarks.Live;

/// <summary>A bare client of the Activity hub with a worker's key: the time each progress report of one job is heard.</summary>
internal sealed class HubListener
{
    private readonly Dictionary<int, long> _heard = [];

    public IReadOnlyDictionary<int, long> Heard
    {
        get { lock (_heard) return new Dictionary<int, long>(_heard); }
    }

    public async Task<HubConnection> ConnectAsync(Uri server, string secret, Guid job)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/activity?access_token=" + Uri.EscapeDataString(secret)))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        connection.On<JobChange>("JobUpdated", change =>
        {
            var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (change.JobId != job) return;
            lock (_heard) _heard.TryAdd(change.ItemsDone, at);
        });
        await connection.StartAsync();
        return connection;
    }
}
