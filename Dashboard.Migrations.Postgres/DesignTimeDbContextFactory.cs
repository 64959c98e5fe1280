using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Migrations.Postgres;

/// <summary>
/// Lets `dotnet ef migrations add` build the PostgreSQL model without a server: adding a migration never connects.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext(string[] args)
    {
        // Not DatabaseConnection.Configure: that names the compiled model, which `dbcontext optimize` is here to rebuild.
        var options = new DbContextOptionsBuilder<DashboardDbContext>().UseNpgsql("Host=localhost;Database=dashboard_design_time",
            npgsql => npgsql.MigrationsAssembly(DatabaseConnection.PostgresMigrationsAssembly));
        return new DashboardDbContext(options.Options);
    }
}
