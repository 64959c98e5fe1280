using Dashboard.Domain.Activity;
using Dashboard.Domain.Groups;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Persistence.Configurations;

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    /// <summary>Shadow column holding the kind; queries reach it through db.Projects / Datasets / Ontologies.</summary>
    public const string DiscriminatorColumn = "ResourceKind";

    public void Configure(EntityTypeBuilder<Resource> e)
    {
        e.ToTable("Resources");
        e.HasDiscriminator<string>(DiscriminatorColumn)
            .HasValue<Project>(nameof(ResourceKind.Project))
            .HasValue<Dataset>(nameof(ResourceKind.Dataset))
            .HasValue<Ontology>(nameof(ResourceKind.Ontology));
        e.Property(DiscriminatorColumn).HasMaxLength(16);
        e.Property(r => r.Name).HasMaxLength(Resource.NameMaxLength);
        e.Property(r => r.NormalizedName).HasMaxLength(Resource.NameMaxLength);
        e.Property(r => r.Description).HasMaxLength(Resource.DescriptionMaxLength);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasOne<Workspace>().WithMany().HasForeignKey(r => r.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        // Names are unique per kind within a workspace; the same index serves the name-sorted list.
        e.HasIndex(nameof(Resource.WorkspaceId), DiscriminatorColumn, nameof(Resource.NormalizedName)).IsUnique();
        e.HasIndex(nameof(Resource.WorkspaceId), DiscriminatorColumn, nameof(Resource.CreatedAt));
    }
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> e)
    {
        // A Project keeps its Ontology: the Ontology cannot be deleted while a Project uses it.
        e.HasOne<Ontology>().WithMany().HasForeignKey(p => p.OntologyId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(p => p.OntologyId);
    }
}

internal sealed class ProjectDatasetConfiguration : IEntityTypeConfiguration<ProjectDataset>
{
    public void Configure(EntityTypeBuilder<ProjectDataset> e)
    {
        e.HasKey(l => new { l.ProjectId, l.DatasetId });
        e.HasIndex(l => l.DatasetId);
        e.HasOne<Project>().WithMany().HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Dataset>().WithMany().HasForeignKey(l => l.DatasetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OntologyClassConfiguration : IEntityTypeConfiguration<OntologyClass>
{
    public void Configure(EntityTypeBuilder<OntologyClass> e)
    {
        e.Property(c => c.Name).HasMaxLength(OntologyClass.NameMaxLength);
        e.HasIndex(c => new { c.OntologyId, c.Name }).IsUnique();
        e.HasOne<Ontology>().WithMany().HasForeignKey(c => c.OntologyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResourceAccessConfiguration : IEntityTypeConfiguration<ResourceAccess>
{
    public void Configure(EntityTypeBuilder<ResourceAccess> e)
    {
        e.HasOne<Resource>().WithMany().HasForeignKey(a => a.ResourceId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WorkspaceMember>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Group>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
        e.ToTable(t => t.HasCheckConstraint("CK_ResourceAccess_MemberXorGroup",
            "(\"MemberId\" IS NULL) <> (\"GroupId\" IS NULL)"));
        e.HasIndex(a => new { a.ResourceId, a.MemberId }).IsUnique();
        e.HasIndex(a => new { a.ResourceId, a.GroupId }).IsUnique();
        e.HasIndex(a => new { a.MemberId, a.ResourceId });
        e.HasIndex(a => new { a.GroupId, a.ResourceId });
    }
}

internal sealed class DataUnitConfiguration : IEntityTypeConfiguration<DataUnit>
{
    public void Configure(EntityTypeBuilder<DataUnit> e)
    {
        e.Property(d => d.Name).HasMaxLength(255);
        e.Property(d => d.ContentType).HasMaxLength(100);
        e.Property(d => d.Sha256).HasMaxLength(64);
        e.Property(d => d.StoragePath).HasMaxLength(1024);
        e.Property(d => d.Source).HasMaxLength(DataUnit.SourceMaxLength);
        e.HasOne<Dataset>().WithMany().HasForeignKey(d => d.DatasetId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Job>().WithMany().HasForeignKey(d => d.JobId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(d => new { d.DatasetId, d.Name });
        e.HasIndex(d => d.JobId);
    }
}
