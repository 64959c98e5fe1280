using Dashboard.Domain.Audit;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Activity;

public sealed record ApiKeyRow(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>The new key's secret: shown once, never stored.</summary>
public sealed record CreatedApiKey(Guid Id, string Name, string Secret);

/// <summary>Who is calling the jobs API: a live key of one workspace.</summary>
public sealed record ApiCaller(Guid KeyId, Guid WorkspaceId, string KeyName);

/// <summary>Workspace API keys for external workers: Admins create and revoke them; requests are checked against their hash.</summary>
public sealed class ApiKeyService(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock, MembershipChanges? changes = null)
{
    private ActingWrites Writes => new(factory, clock);

    private const string SecretPrefix = "wd_";

    /// <summary>
    /// A key was revoked, in this process (at once) or another (replayed from the change feed): connections opened
    /// with it close.
    /// </summary>
    public event Action<Guid>? Revoked;

    public void AnnounceRevoked(Guid keyId) => Revoked?.Invoke(keyId);

    public async Task<Result<IReadOnlyList<ApiKeyRow>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().Where(k => k.WorkspaceId == actor.WorkspaceId).OrderByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeyRow(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt)).ToListAsync(ct);
    }

    public async Task<Result<CreatedApiKey>> CreateAsync(Actor actor, string? name, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        var checkedName = Names.Validate(name, "Key name", ApiKey.NameMaxLength);
        if (!checkedName.Succeeded) return checkedName.Error!;
        return await Writes.RunAsync<CreatedApiKey>(actor, async write =>
        {
            var db = write.Db;

            var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var key = new ApiKey(actor.WorkspaceId, checkedName.Value, secret[..10], Hash(secret), actor.MemberId, write.Now);
            db.ApiKeys.Add(key);
            await write.RecordAsync(AuditActions.ApiKeyCreated, key.Name, null, key.Prefix + "…", ct);
            return new CreatedApiKey(key.Id, key.Name, secret);
        }, ct);
    }

    public async Task<Result> RevokeAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var allowed = actor.Require(Permission.ManageWorkspaceSettings);
        if (!allowed.Succeeded) return allowed.Error!;
        var result = await Writes.RunAsync(actor, async write =>
        {
            var key = await write.Db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.WorkspaceId == actor.WorkspaceId, ct);
            if (key is null) return Error.NotFound("That API key no longer exists.");
            if (!key.IsActive) return await RevokedMeanwhileAsync(write.Db, actor, key, ct);
            key.Revoke(write.Now);
            changes?.RecordKeyRevoked(write.Db, key.Id);
            await write.RecordAsync(AuditActions.ApiKeyRevoked, key.Name, null, null, ct);
            try
            {
                await write.SaveAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return await RevokedMeanwhileAsync(write.Db, actor, key, ct);
            }
            return Result.Success();
        }, ct);
        // Told once committed: connections opened with the key close at once.
        if (result.Succeeded) Revoked?.Invoke(id);
        return result;
    }

    private static async Task<Error> RevokedMeanwhileAsync(DashboardDbContext db, Actor actor, ApiKey key, CancellationToken ct)
    {
        var who = await LastChange.ByWhomAsync(db, actor.WorkspaceId, AuditActions.ApiKeyRevoked, e => e.Target == key.Name, ct);
        return Error.Stale($"{who} revoked \"{key.Name}\" a moment ago — reload to see it. It no longer works.");
    }

    /// <summary>The caller a secret belongs to, or null for an unknown or revoked key.</summary>
    public async Task<ApiCaller?> AuthenticateAsync(string? secret, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal)) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var hash = Hash(secret.Trim());
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, ct);
        if (key is null) return null;
        var now = clock.GetUtcNow();
        // Written at most once a minute: a busy worker should not turn every request into a write.
        if (key.LastUsedAt is not { } last || now - last > TimeSpan.FromMinutes(1))
        {
            // One statement for the one column, so it never races a revocation (RevokedAt is the key's concurrency token).
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        }
        return new ApiCaller(key.Id, key.WorkspaceId, key.Name);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
