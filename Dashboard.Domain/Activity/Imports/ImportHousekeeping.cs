using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Domain.Activity.Imports;

/// <summary>
/// What a crash can leave on disk, cleared at start-up and again once jobs whose lease ran out are failed: staging
/// folders of jobs that no longer wait (or no longer exist), and stored files no data unit names (a file copied just
/// before the crash, or the ".partial" of one being copied). Each import registers a file only after it is whole, so a file without a
/// row is never data anyone can see.
/// </summary>
public sealed class ImportHousekeeping(IDbContextFactory<DashboardDbContext> factory, ImportFolders folders, ILogger<ImportHousekeeping> logger)
{
    public sealed record Swept(int StagingFolders, int StoredFiles);

    public async Task<Swept> SweepAsync(CancellationToken ct = default)
    {
        // Nothing on disk (a fresh install, a clean stop): no context either, which would cost a first start building
        // EF Core's services before the first page.
        var anyStaging = Directory.Exists(folders.StagingRoot) && Directory.EnumerateFileSystemEntries(folders.StagingRoot).Any();
        var anyStored = Directory.Exists(folders.StorageRoot) && Directory.EnumerateFileSystemEntries(folders.StorageRoot).Any();
        if (!anyStaging && !anyStored) return new Swept(0, 0);
        await using var db = await factory.CreateDbContextAsync(ct);
        var staging = 0;
        if (Directory.Exists(folders.StagingRoot))
            foreach (var folder in Directory.GetDirectories(folders.StagingRoot))
            {
                var waiting = Guid.TryParseExact(Path.GetFileName(folder), "N", out var jobId)
                              && await db.Jobs.AnyAsync(j => j.Id == jobId && j.Status == JobStatus.Processing, ct);
                if (waiting) continue;
                Directory.Delete(folder, recursive: true);
                staging++;
            }

        var stored = 0;
        if (Directory.Exists(folders.StorageRoot))
            // storage/<workspace>/<dataset>/<job>/<file>: one folder per import, checked against its own rows.
            foreach (var jobFolder in Directory.GetDirectories(folders.StorageRoot, "*", SearchOption.AllDirectories)
                         .Where(f => Path.GetRelativePath(folders.StorageRoot, f).Split(Path.DirectorySeparatorChar).Length == 3))
            {
                if (!Guid.TryParseExact(Path.GetFileName(jobFolder), "N", out var jobId)) continue;
                if (await db.Jobs.AnyAsync(j => j.Id == jobId && j.Status == JobStatus.Processing, ct)) continue;
                var registered = (await db.DataUnits.Where(u => u.JobId == jobId).Select(u => u.StoragePath).ToListAsync(ct))
                    .Select(p => Path.GetFileName(p)).ToHashSet(StringComparer.Ordinal);
                foreach (var file in Directory.GetFiles(jobFolder).Where(f => !registered.Contains(Path.GetFileName(f))))
                {
                    File.Delete(file);
                    stored++;
                }
            }

        if (staging + stored > 0)
            logger.LogInformation("Start-up clean-up removed {StagingFolders} abandoned upload folders and {StoredFiles} stored files no import registered",
                staging, stored);
        return new Swept(staging, stored);
    }
}
