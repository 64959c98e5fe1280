using Dashboard.Domain.Groups;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Persistence.Configurations;

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> e)
    {
        e.Property(g => g.Version).IsConcurrencyToken();
        e.Property(g => g.Name).HasMaxLength(Group.NameMaxLength);
        e.Property(g => g.NormalizedName).HasMaxLength(Group.NameMaxLength);
        e.Property(g => g.Description).HasMaxLength(Group.DescriptionMaxLength);
        e.HasIndex(g => new { g.WorkspaceId, g.NormalizedName }).IsUnique();
        e.HasOne<Workspace>().WithMany().HasForeignKey(g => g.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(g => g.Managers).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(g => g.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.Navigation(g => g.Managers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class GroupMembershipConfiguration : IEntityTypeConfiguration<GroupMembership>
{
    public void Configure(EntityTypeBuilder<GroupMembership> e)
    {
        e.HasKey(m => new { m.GroupId, m.MemberId });
        e.HasIndex(m => m.MemberId);
        e.HasOne<WorkspaceMember>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GroupManagerConfiguration : IEntityTypeConfiguration<GroupManager>
{
    public void Configure(EntityTypeBuilder<GroupManager> e)
    {
        e.HasKey(m => new { m.GroupId, m.MemberId });
        e.HasIndex(m => m.MemberId);
        e.HasOne<WorkspaceMember>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
