using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.App.Auth;

/// <summary>
/// Whether the installation still needs its first account. Once set up it stays set up, so after the first
/// "yes" no request pays for the check again.
/// </summary>
public sealed class SetupState(IDbContextFactory<DashboardDbContext> factory)
{
    private volatile bool _complete;

    public async Task<bool> IsCompleteAsync(CancellationToken ct = default)
    {
        if (_complete) return true;
        // A plain command: this runs on a start's first request, before any page needs EF Core's query pipeline,
        // whose ~200 ms of building it would otherwise add to that first page.
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """SELECT 1 FROM "AspNetUsers" LIMIT 1""";
        return _complete = await command.ExecuteScalarAsync(ct) is not null;
    }
}
