using Dashboard.Domain.Users;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Persistence.Configurations;

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> e)
    {
        e.Property(w => w.Name).HasMaxLength(Workspace.NameMaxLength);
        e.Property(w => w.NormalizedName).HasMaxLength(Workspace.NameMaxLength);
        e.HasIndex(w => w.NormalizedName).IsUnique();
        e.Property(w => w.SettingsVersion).IsConcurrencyToken();
    }
}

internal sealed class WorkspaceMemberConfiguration : IEntityTypeConfiguration<WorkspaceMember>
{
    public void Configure(EntityTypeBuilder<WorkspaceMember> e)
    {
        e.ToTable("Members");
        e.Property(m => m.Email).HasMaxLength(WorkspaceMember.EmailMaxLength);
        e.Property(m => m.NormalizedEmail).HasMaxLength(WorkspaceMember.EmailMaxLength);
        e.Property(m => m.DisplayName).HasMaxLength(WorkspaceMember.DisplayNameMaxLength);
        // Two role changes made from the same reading: the save of the second finds the role moved and fails.
        e.Property(m => m.Role).IsConcurrencyToken();
        e.HasOne<Workspace>().WithMany().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Account>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.SetNull);
        // HomeWorkspaceId names a workspace without a foreign key: workspaces are never deleted, and on SQLite adding
        // one would rebuild the Members table outside a transaction during the upgrade.

        // One membership per address per workspace; the Users list filters and sorts on the rest.
        e.HasIndex(m => new { m.WorkspaceId, m.NormalizedEmail }).IsUnique();
        // Each sort's whole ORDER BY is an index, so a deep page walks the index instead of sorting every member.
        e.HasIndex(m => new { m.WorkspaceId, m.DisplayName, m.NormalizedEmail });
        e.HasIndex(m => new { m.WorkspaceId, m.Role, m.DisplayName });
        e.HasIndex(m => new { m.WorkspaceId, m.UserType, m.DisplayName });
        // Newest first within a status.
        e.HasIndex(m => new { m.WorkspaceId, m.Status, m.StatusAt }).IsDescending(false, false, true);
        e.HasIndex(m => m.AccountId);
        e.HasIndex(m => m.NormalizedEmail);
    }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> e)
    {
        e.Property(a => a.DisplayName).HasMaxLength(Account.DisplayNameMaxLength);
        e.HasOne<Workspace>().WithMany().HasForeignKey(a => a.CurrentWorkspaceId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class WorkforcePartnerConfiguration : IEntityTypeConfiguration<WorkforcePartner>
{
    public void Configure(EntityTypeBuilder<WorkforcePartner> e)
    {
        e.HasIndex(p => new { p.WorkforceWorkspaceId, p.ClientWorkspaceId }).IsUnique();
        // The client's side: "who lends us people", and the workforce search that starts from the client.
        e.HasIndex(p => p.ClientWorkspaceId);
        e.HasOne<Workspace>().WithMany().HasForeignKey(p => p.WorkforceWorkspaceId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Workspace>().WithMany().HasForeignKey(p => p.ClientWorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> e)
    {
        e.Property(n => n.Text).HasMaxLength(Notice.TextMaxLength);
        e.HasIndex(n => new { n.AccountId, n.DismissedAt });
        e.HasOne<Account>().WithMany().HasForeignKey(n => n.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
