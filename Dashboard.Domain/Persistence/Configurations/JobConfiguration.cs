using Dashboard.Domain.Activity;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Persistence.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> e)
    {
        e.Property(j => j.Title).HasMaxLength(Job.TitleMaxLength);
        e.Property(j => j.StorageFolder).HasMaxLength(1024);
        e.Property(j => j.ErrorSummary).HasMaxLength(Job.ErrorSummaryMaxLength);
        e.Property(j => j.Version).IsConcurrencyToken();
        e.Property(j => j.LeaseOwner).HasMaxLength(Job.LeaseOwnerMaxLength);
        e.Property(j => j.LeaseExpiresAt).IsConcurrencyToken();
        e.HasOne<Workspace>().WithMany().HasForeignKey(j => j.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Resource>().WithMany().HasForeignKey(j => j.ResourceId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<WorkspaceMember>().WithMany().HasForeignKey(j => j.StartedByMemberId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<ApiKey>().WithMany().HasForeignKey(j => j.StartedByApiKeyId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(j => j.Problems).WithOne().HasForeignKey(p => p.JobId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(j => j.Problems).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The Activity Center lists newest first, then by id, for everyone (Admins) or one starter (others), filtered
        // by type and status: each filter has an index ending in (StartedAt, Id), the list's whole order, so a page —
        // read by its place or sought from the row beside it — is a short range scan with no sort.
        e.HasIndex(j => new { j.WorkspaceId, j.StartedAt, j.Id });
        e.HasIndex(j => new { j.WorkspaceId, j.Type, j.StartedAt, j.Id });
        e.HasIndex(j => new { j.WorkspaceId, j.Status, j.StartedAt, j.Id });
        // Type and status together (the Activity Center's two filters at once): counted and paged from the index alone.
        e.HasIndex(j => new { j.WorkspaceId, j.Type, j.Status, j.StartedAt, j.Id });
        e.HasIndex(j => new { j.WorkspaceId, j.StartedByMemberId, j.StartedAt, j.Id });
        // Sweeps find unfinished jobs without scanning finished ones; workers find the queue's oldest the same way.
        e.HasIndex(j => new { j.Status, j.IsExternal, j.LastUpdateAt });
        e.HasIndex(j => new { j.Status, j.IsExternal, j.QueuedAt });
        e.HasIndex(j => j.ResourceId);
    }
}

internal sealed class JobProblemConfiguration : IEntityTypeConfiguration<JobProblem>
{
    public void Configure(EntityTypeBuilder<JobProblem> e)
    {
        // Ids come from the app, so a problem added to a tracked job's list is inserted, not taken for an existing row.
        e.Property(p => p.Id).ValueGeneratedNever();
        e.Property(p => p.Item).HasMaxLength(JobProblem.ItemMaxLength);
        e.Property(p => p.Message).HasMaxLength(JobProblem.MessageMaxLength);
        e.HasIndex(p => new { p.JobId, p.Position });
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> e)
    {
        e.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        e.Property(k => k.Prefix).HasMaxLength(16);
        e.Property(k => k.KeyHash).HasMaxLength(64);
        e.Property(k => k.RevokedAt).IsConcurrencyToken();
        e.HasIndex(k => k.KeyHash).IsUnique();
        e.HasIndex(k => k.WorkspaceId);
        e.HasOne<Workspace>().WithMany().HasForeignKey(k => k.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        // A key acts for the member who made it, so it stops working the moment they leave the workspace.
        e.HasOne<WorkspaceMember>().WithMany().HasForeignKey(k => k.CreatedByMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LabelAnnotationConfiguration : IEntityTypeConfiguration<LabelAnnotation>
{
    public void Configure(EntityTypeBuilder<LabelAnnotation> e)
    {
        e.ToTable("Labels");
        e.Property(l => l.GeometryJson).HasMaxLength(20_000);
        e.HasOne<Project>().WithMany().HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<DataUnit>().WithMany().HasForeignKey(l => l.DataUnitId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<OntologyClass>().WithMany().HasForeignKey(l => l.OntologyClassId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Job>().WithMany().HasForeignKey(l => l.JobId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(l => new { l.ProjectId, l.DataUnitId });
    }
}
