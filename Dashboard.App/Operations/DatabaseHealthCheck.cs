using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.App.Operations;

/// <summary>/healthz answers healthy only when the database (file or server) can be reached and queried.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<DashboardDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            if (!await db.Database.CanConnectAsync(ct))
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            // A real query, so a file without our schema (or a locked one) is reported too.
            await db.Workspaces.AnyAsync(ct);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("The database cannot be queried.", exception);
        }
    }
}
