using Dashboard.Domain.Activity;
using Dashboard.Domain.Groups;
using Dashboard.Domain.Invitations;
using Dashboard.Domain.Issues;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Tags;
using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dashboard.Domain.Persistence;

/// <summary>
/// The whole workspace model and ASP.NET Core Identity in one SQLite database, with the keys that protect cookies
/// and tokens (so every node that shares the database accepts what any of them issued). Services open one context
/// per operation through <see cref="IDbContextFactory{TContext}"/>; Blazor circuits live too long to hold one.
/// </summary>
public sealed class DashboardDbContext(DbContextOptions<DashboardDbContext> options)
    : IdentityDbContext<Account, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Workspace> Workspaces => Set<Workspace>();
    public DbSet<WorkspaceMember> Members => Set<WorkspaceMember>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<EmailDomain> EmailDomains => Set<EmailDomain>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMembership> GroupMemberships => Set<GroupMembership>();
    public DbSet<GroupManager> GroupManagers => Set<GroupManager>();
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<Ontology> Ontologies => Set<Ontology>();
    public DbSet<ProjectDataset> ProjectDatasets => Set<ProjectDataset>();
    public DbSet<OntologyClass> OntologyClasses => Set<OntologyClass>();
    public DbSet<ResourceAccess> ResourceAccess => Set<ResourceAccess>();
    public DbSet<DataUnit> DataUnits => Set<DataUnit>();
    public DbSet<ProjectTag> ProjectTags => Set<ProjectTag>();
    public DbSet<ProjectTagLink> ProjectTagLinks => Set<ProjectTagLink>();
    public DbSet<IssueTag> IssueTags => Set<IssueTag>();
    public DbSet<IssueTagLink> IssueTagLinks => Set<IssueTagLink>();
    public DbSet<ProjectIssue> Issues => Set<ProjectIssue>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<JobProblem> JobProblems => Set<JobProblem>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<LabelAnnotation> Labels => Set<LabelAnnotation>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
    public DbSet<WorkforcePartner> WorkforcePartners => Set<WorkforcePartner>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<FeedEntry> ChangeFeed => Set<FeedEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset text; as UTC ticks it sorts and indexes like a number.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        // Enums by name: readable in the file, and reordering an enum never rewrites history.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);
    }
}
