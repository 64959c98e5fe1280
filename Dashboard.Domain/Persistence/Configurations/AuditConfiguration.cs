using Dashboard.Domain.Audit;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("AuditLog");
        e.Property(a => a.Id).ValueGeneratedNever();
        e.Property(a => a.ActorName).HasMaxLength(AuditEntry.TextMaxLength);
        e.Property(a => a.Action).HasMaxLength(64);
        e.Property(a => a.Target).HasMaxLength(AuditEntry.TextMaxLength);
        e.Property(a => a.Before).HasMaxLength(AuditEntry.TextMaxLength);
        e.Property(a => a.After).HasMaxLength(AuditEntry.TextMaxLength);
        e.HasOne<Workspace>().WithMany().HasForeignKey(a => a.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        // Newest first, optionally for one action or one actor.
        e.HasIndex(a => new { a.WorkspaceId, a.At });
        e.HasIndex(a => new { a.WorkspaceId, a.Action, a.At });
        e.HasIndex(a => new { a.WorkspaceId, a.ActorMemberId, a.At });
    }
}
