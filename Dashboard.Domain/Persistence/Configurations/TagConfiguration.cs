using Dashboard.Domain.Issues;
using Dashboard.Domain.Resources;
using Dashboard.Domain.Tags;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Persistence.Configurations;

internal sealed class ProjectTagConfiguration : IEntityTypeConfiguration<ProjectTag>
{
    public void Configure(EntityTypeBuilder<ProjectTag> e)
    {
        e.Property(t => t.Name).HasMaxLength(ProjectTag.NameMaxLength);
        e.Property(t => t.NormalizedName).HasMaxLength(ProjectTag.NameMaxLength);
        e.Property(t => t.Version).IsConcurrencyToken();
        e.HasIndex(t => new { t.WorkspaceId, t.NormalizedName }).IsUnique();
        e.HasOne<Workspace>().WithMany().HasForeignKey(t => t.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectTagLinkConfiguration : IEntityTypeConfiguration<ProjectTagLink>
{
    public void Configure(EntityTypeBuilder<ProjectTagLink> e)
    {
        e.HasKey(l => new { l.ProjectId, l.TagId });
        e.HasIndex(l => new { l.TagId, l.ProjectId });
        e.HasOne<Project>().WithMany().HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ProjectTag>().WithMany().HasForeignKey(l => l.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IssueTagConfiguration : IEntityTypeConfiguration<IssueTag>
{
    public void Configure(EntityTypeBuilder<IssueTag> e)
    {
        e.Property(t => t.Name).HasMaxLength(IssueTag.NameMaxLength);
        e.Property(t => t.NormalizedName).HasMaxLength(IssueTag.NameMaxLength);
        e.Property(t => t.Version).IsConcurrencyToken();
        e.HasIndex(t => new { t.WorkspaceId, t.NormalizedName }).IsUnique();
        e.HasOne<Workspace>().WithMany().HasForeignKey(t => t.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IssueTagLinkConfiguration : IEntityTypeConfiguration<IssueTagLink>
{
    public void Configure(EntityTypeBuilder<IssueTagLink> e)
    {
        e.HasKey(l => new { l.IssueId, l.TagId });
        e.HasIndex(l => new { l.TagId, l.IssueId });
        e.HasOne<ProjectIssue>().WithMany().HasForeignKey(l => l.IssueId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<IssueTag>().WithMany().HasForeignKey(l => l.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectIssueConfiguration : IEntityTypeConfiguration<ProjectIssue>
{
    public void Configure(EntityTypeBuilder<ProjectIssue> e)
    {
        e.ToTable("Issues");
        e.Property(i => i.Title).HasMaxLength(ProjectIssue.TitleMaxLength);
        e.Property(i => i.Description).HasMaxLength(ProjectIssue.DescriptionMaxLength);
        e.HasOne<Project>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
        // Issues outlive the member who raised them.
        e.HasOne<WorkspaceMember>().WithMany().HasForeignKey(i => i.RaisedByMemberId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(i => new { i.ProjectId, i.Status, i.RaisedAt });
    }
}
