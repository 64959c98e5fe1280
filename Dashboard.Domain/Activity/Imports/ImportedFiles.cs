using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Activity.Imports;

/// <summary>One item of a data import and what became of it: registered in the Dataset, or not (and why).</summary>
public sealed record ImportItemRow(string Item, bool Registered, string Detail);

public sealed record JobFile(Guid Id, string Name, long Size, string ContentType, string StoragePath);

/// <summary>What a data import left in its Dataset, for the people who can see the job or the Dataset.</summary>
public sealed class ImportedFiles(IDbContextFactory<DashboardDbContext> factory)
{
    /// <summary>
    /// Every item of a data import and its outcome, for the CSV behind "View error details": the units it registered
    /// (under the name the import was given) and the items it did not, with the reason.
    /// </summary>
    public async Task<Result<IReadOnlyList<ImportItemRow>>> ListImportItemsAsync(Actor actor, Guid jobId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await JobService.VisibleTo(db, actor).AnyAsync(j => j.Id == jobId && j.Type == JobType.DataImport, ct))
            return Error.NotFound("That import does not exist, or you cannot see it.");
        var registered = await db.DataUnits.AsNoTracking().Where(u => u.JobId == jobId).OrderBy(u => u.CreatedAt).ThenBy(u => u.Name)
            .Select(u => new { u.Source, u.Name, u.Size, u.Sha256 }).ToListAsync(ct);
        var refused = await db.JobProblems.AsNoTracking().Where(p => p.JobId == jobId).OrderBy(p => p.Position)
            .Select(p => new ImportItemRow(p.Item, false, p.Message)).ToListAsync(ct);
        return registered.Select(u => new ImportItemRow(u.Source ?? u.Name, true, $"stored as {u.Name}, {u.Size:N0} bytes, SHA-256 {u.Sha256}"))
            .Concat(refused).ToList();
    }

    /// <summary>The files a data import stored, for "View folder".</summary>
    public async Task<Result<IReadOnlyList<JobFile>>> FilesAsync(Actor actor, Guid jobId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await JobService.VisibleTo(db, actor).AnyAsync(j => j.Id == jobId && j.Type == JobType.DataImport, ct))
            return Error.NotFound("That import does not exist, or you cannot see it.");
        return await db.DataUnits.AsNoTracking().Where(u => u.JobId == jobId).OrderBy(u => u.Name)
            .Select(u => new JobFile(u.Id, u.Name, u.Size, u.ContentType, u.StoragePath)).ToListAsync(ct);
    }

    /// <summary>One stored file, for a download: the actor must be able to see its Dataset.</summary>
    public async Task<Result<JobFile>> FileAsync(Actor actor, Guid dataUnitId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var visible = ResourceAuthority.Visible(db, actor).Select(r => r.Id);
        var file = await db.DataUnits.AsNoTracking().Where(u => u.Id == dataUnitId && visible.Contains(u.DatasetId))
            .Select(u => new JobFile(u.Id, u.Name, u.Size, u.ContentType, u.StoragePath)).FirstOrDefaultAsync(ct);
        return file is null ? Error.NotFound("That file does not exist, or you cannot see its Dataset.") : file;
    }
}
