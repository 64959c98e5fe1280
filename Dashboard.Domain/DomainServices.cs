using Dashboard.Domain.Activity.Imports;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Groups;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Issues;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Tags;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Domain;

public static class DomainServices
{
    /// <summary>Registers persistence on one SQLite file and every domain service.</summary>
    public static IServiceCollection AddDashboardDomain(this IServiceCollection services, string databasePath) =>
        services.AddDashboardDomain(DatabaseConnection.SqliteFile(databasePath));

    /// <summary>Registers persistence on the given database and every domain service.</summary>
    public static IServiceCollection AddDashboardDomain(this IServiceCollection services, DatabaseConnection database)
    {
        services.AddSingleton(database);
        // Every service call opens its own context; pooled, a context is reset and reused rather than built each time.
        // On SQLite the model is the compiled one in Persistence/CompiledModel (found through its assembly attribute):
        // building it from the configuration took half a second of every start. Start-up's migration step skips
        // comparing the model with the migrations for the same reason; MigrationTests holds both to the configuration.
        services.AddPooledDbContextFactory<DashboardDbContext>(o =>
        {
            database.Configure(o);
            o.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton<MembershipService>();
        services.AddSingleton<WorkspaceCreation>();
        services.AddScoped<FirstRunSetup>();
        services.AddSingleton<MemberDirectory>();
        services.AddSingleton<GroupService>();
        services.AddSingleton<GroupPeople>();
        services.AddSingleton<TagService>();
        services.AddSingleton<ProjectTagging>();
        services.AddSingleton<IssueService>();
        services.AddSingleton<JobDirectory>();
        services.AddSingleton<JobEvents>();
        services.AddSingleton<JobService>();
        services.AddSingleton<ImportedFiles>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<WorkspaceSettingsService>();
        services.AddSingleton<Audit.AuditLog>();
        services.AddSingleton<ResourceService>();
        services.AddSingleton<ResourceDeletion>();
        services.AddSingleton<ResourceConnections>();
        services.AddSingleton<ResourceAccessService>();
        services.AddSingleton<ResourceAssignments>();
        services.AddOptions<InvitationOptions>();
        services.AddSingleton<MembershipChanges>();
        services.AddSingleton<InvitationService>();
        services.AddSingleton<InvitationAnswers>();
        services.AddSingleton<EmailDomainService>();
        services.AddSingleton<MemberService>();
        services.AddSingleton<WorkforcePartnerService>();
        services.AddSingleton<NoticeService>();
        services.AddSingleton<OperatorCommands>();
        services.AddScoped<AccountSignUp>();
        services.AddScoped<AddressConfirmation>();
        services.AddScoped<PasswordReset>();
        services.AddOptions<DnsOptions>();
        services.AddSingleton<IDomainRecords, DnsDomainRecords>();
        return services;
    }
}
