using Dashboard.Domain.Invitations;
using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Persistence.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        e.Property(i => i.TokenHash).HasMaxLength(64);
        e.HasIndex(i => i.TokenHash).IsUnique();
        e.HasIndex(i => i.MemberId);
        e.HasOne<Workspace>().WithMany().HasForeignKey(i => i.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WorkspaceMember>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WorkspaceMember>().WithMany().HasForeignKey(i => i.InvitedByMemberId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EmailDomainConfiguration : IEntityTypeConfiguration<EmailDomain>
{
    public void Configure(EntityTypeBuilder<EmailDomain> e)
    {
        e.Property(d => d.Domain).HasMaxLength(253);
        e.Property(d => d.VerificationToken).HasMaxLength(64);
        // Verifying is a one-way step two people (or an Admin and the operator) may take at once: one save wins.
        e.Property(d => d.VerifiedAt).IsConcurrencyToken();
        // Several workspaces may claim a domain while it is pending; only one can hold it verified, and the
        // index decides a race between two verifications.
        e.HasIndex(d => new { d.WorkspaceId, d.Domain }).IsUnique();
        e.HasIndex(d => d.Domain).IsUnique().HasFilter("\"VerifiedAt\" IS NOT NULL").HasDatabaseName("IX_EmailDomains_Domain_Verified");
        e.HasOne<Workspace>().WithMany().HasForeignKey(d => d.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
