using System.Net;
using DnsClient;
using Microsoft.Extensions.Options;

namespace Dashboard.Domain.Invitations;

/// <summary>Reads the TXT records published under a name; the one network edge of domain verification.</summary>
public interface IDomainRecords
{
    /// <summary>The TXT strings under <paramref name="name"/>; empty when there are none or the name does not exist.</summary>
    Task<IReadOnlyList<string>> TxtAsync(string name, CancellationToken ct = default);
}

/// <summary>"Dashboard:Dns": the resolver to ask, such as <c>10.0.0.2</c> or <c>127.0.0.1:5353</c>; the system's when unset.</summary>
public sealed class DnsOptions
{
    public const string Section = "Dashboard:Dns";

    public string? Resolver { get; set; }
    public double TimeoutSeconds { get; set; } = 5;
}

public sealed class DnsDomainRecords(IOptions<DnsOptions> options) : IDomainRecords
{
    private readonly LookupClient _client = Create(options.Value);

    public async Task<IReadOnlyList<string>> TxtAsync(string name, CancellationToken ct = default)
    {
        var response = await _client.QueryAsync(name, QueryType.TXT, QueryClass.IN, ct);
        // NXDOMAIN and "no records" both mean the record is not (yet) published; other errors are the resolver's.
        if (response.HasError && response.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain)
            throw new DnsResponseException(response.ErrorMessage);
        return response.Answers.TxtRecords().SelectMany(r => r.Text).ToList();
    }

    private static LookupClient Create(DnsOptions settings)
    {
        var clientOptions = string.IsNullOrWhiteSpace(settings.Resolver)
            ? new LookupClientOptions()
            : new LookupClientOptions(ParseEndpoint(settings.Resolver));
        // A fresh answer each time: the person clicks Verify right after publishing the record.
        clientOptions.UseCache = false;
        clientOptions.Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds > 0 ? settings.TimeoutSeconds : 5);
        clientOptions.Retries = 1;
        clientOptions.ThrowDnsErrors = false;
        return new LookupClient(clientOptions);
    }

    private static IPEndPoint ParseEndpoint(string resolver) =>
        IPEndPoint.TryParse(resolver.Trim(), out var endpoint)
            ? endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, 53) : endpoint
            : throw new InvalidOperationException($"Dashboard:Dns:Resolver \"{resolver}\" is not an address such as 10.0.0.2 or 127.0.0.1:5353.");
}
