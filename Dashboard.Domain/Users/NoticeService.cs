using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Users;

public sealed record NoticeRow(Guid Id, string Text, DateTimeOffset CreatedAt);

/// <summary>A person's notices on Home: the newest undismissed ones, and dismissing one (their own only).</summary>
public sealed class NoticeService(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock)
{
    public async Task<IReadOnlyList<NoticeRow>> ListAsync(Guid accountId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Notices.AsNoTracking().Where(n => n.AccountId == accountId && n.DismissedAt == null)
            .OrderByDescending(n => n.CreatedAt).Take(20)
            .Select(n => new NoticeRow(n.Id, n.Text, n.CreatedAt)).ToListAsync(ct);
    }

    public async Task DismissAsync(Guid accountId, Guid noticeId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.Notices.Where(n => n.Id == noticeId && n.AccountId == accountId && n.DismissedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.DismissedAt, now), ct);
    }
}
