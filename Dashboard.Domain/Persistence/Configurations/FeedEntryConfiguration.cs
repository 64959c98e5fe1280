using Dashboard.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Domain.Persistence.Configurations;

internal sealed class FeedEntryConfiguration : IEntityTypeConfiguration<FeedEntry>
{
    public void Configure(EntityTypeBuilder<FeedEntry> e)
    {
        e.ToTable("ChangeFeed");
        e.Property(f => f.Id).ValueGeneratedNever();
        // Readers ask for the last minute's entries; the housekeeping removes old ones by the same column.
        e.HasIndex(f => f.At);
    }
}
