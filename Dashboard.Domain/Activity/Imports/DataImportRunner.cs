using System.Security.Cryptography;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Domain.Activity.Imports;

/// <summary>
/// Files a data import: every uploaded file (and every file inside an uploaded .zip) is checked, copied into the
/// job's storage folder while its SHA-256 is computed, and registered as a data unit of the Dataset. Each file is
/// all-or-nothing: a file that fails leaves neither a stored copy nor a data unit, and is listed in the error.
/// <see cref="ImportLimits"/> bound what an import may expand to, checked on the archive's own figures first and
/// again on the bytes actually written, since an archive can lie about its sizes.
/// </summary>
public sealed class DataImportRunner(IDbContextFactory<DashboardDbContext> factory, JobService jobs, ImportFolders folders,
    TimeProvider clock, ILogger<DataImportRunner> logger, IOptions<ImportLimits> options)
{
    private readonly ImportLimits _limits = options.Value;
    private readonly UploadReader _uploads = new(options.Value);

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    public async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        Job? job;
        await using (var db = await factory.CreateDbContextAsync(ct))
            job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId && j.Type == JobType.DataImport, ct);
        if (job is not { Status: JobStatus.Processing, StorageFolder: not null, ResourceId: not null }) return;

        var staging = folders.StagingFor(jobId);
        var uploads = Directory.Exists(staging) ? Directory.GetFiles(staging).Order(StringComparer.Ordinal).ToList() : [];
        var items = uploads.SelectMany(_uploads.Expand).ToList();
        var target = folders.StorageFor(job.StorageFolder);
        Directory.CreateDirectory(target);

        if (_uploads.RefuseWhole(items, target) is { } refusal)
        {
            TryDelete(staging);
            TryDelete(target);
            await jobs.FailAsync(jobId, refusal, [], ct);
            return;
        }
        var budget = new ImportBudget(_limits.MaxImportBytes);

        var problems = new List<(string Item, string Message)>();
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var registered = 0;
        var lastAnnounced = DateTimeOffset.MinValue;
        await jobs.ReportProgressAsync(jobId, 0, items.Count, ct);
        for (var i = 0; i < items.Count; i++)
        {
            var stored = items[i].Refusal is { } refused ? StoredFile.Refused(refused) : await StoreOneAsync(job, items[i], target, usedNames, budget, ct);
            if (stored.Problem is not null)
            {
                problems.Add((items[i].Name, stored.Problem));
                continue;
            }
            // The job's count is the units registered: each file and the count that includes it are one save.
            var now = clock.GetUtcNow();
            var announce = now - lastAnnounced >= ProgressInterval || i == items.Count - 1;
            var unit = stored.Unit!;
            var counted = await jobs.RegisterUnitAsync(jobId, () => unit(), registered + 1, items.Count, announce, ct);
            if (!counted.Succeeded)
            {
                // The job ended meanwhile (failed as interrupted when this node's lease lapsed, or deleted): the file is not kept.
                TryDeleteFile(stored.Path!);
                TryDelete(staging);
                return;
            }
            registered++;
            if (announce) lastAnnounced = now;
        }
        TryDelete(staging);

        if (items.Count == 0)
            await jobs.FailAsync(jobId, "Nothing to import: no files arrived.", [], ct);
        else if (problems.Count == 0)
            await jobs.SucceedAsync(jobId, ct);
        else
            await jobs.FailAsync(jobId, $"{problems.Count} of {items.Count} files could not be imported; the other {registered} are in the Dataset. " +
                                        "Download the list of every file and its outcome below.", problems, ct);
    }

    /// <summary>A file copied into storage and the unit that registers it, or why it was not stored.</summary>
    private sealed record StoredFile(string? Path, Func<DataUnit>? Unit, string? Problem)
    {
        public static StoredFile Refused(string problem) => new(null, null, problem);
    }

    /// <summary>What the whole import must not exceed, counted as bytes are written.</summary>
    private sealed class ImportBudget(long maxBytes)
    {
        public long Written { get; private set; }

        public bool TryTake(long bytes)
        {
            Written += bytes;
            return Written <= maxBytes;
        }
    }

    private async Task<StoredFile> StoreOneAsync(Job job, ImportItem item, string target, HashSet<string> usedNames, ImportBudget budget,
        CancellationToken ct)
    {
        string? stored = null;
        try
        {
            await using var source = item.Open();
            var head = new byte[16];
            var headLength = await source.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            var fileName = ImportFolders.SafeFileName(item.Name);
            var (contentType, problem) = DataFileKinds.Check(fileName, head.AsSpan(0, headLength));
            if (problem is not null) return StoredFile.Refused($"{fileName} {problem}");

            var unique = UniqueName(fileName, usedNames);
            stored = Path.Combine(target, unique);
            var partial = stored + ".partial";
            long size;
            string sha256;
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                hash.AppendData(head, 0, headLength);
                await output.WriteAsync(head.AsMemory(0, headLength), ct);
                // The archive's figures were checked up front; the bytes themselves are counted too, since the
                // figures come from the archive and an archive can lie.
                var allowed = Math.Min(Math.Min(_limits.MaxFileBytes, item.DeclaredBytes), item.CompressedBytes is { } compressed
                    ? (long)Math.Min(long.MaxValue, Math.Max(1, compressed) * _limits.MaxExpansionRatio)
                    : long.MaxValue);
                if (!budget.TryTake(headLength)) throw new InvalidDataException(OverBudget());
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, ct)) > 0)
                {
                    if (output.Length + read > allowed)
                        throw new InvalidDataException($"expands beyond what it declared or beyond {ImportLimits.Readable(allowed)}, so it was not imported.");
                    if (!budget.TryTake(read)) throw new InvalidDataException(OverBudget());
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                size = output.Length;
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            File.Move(partial, stored);
            return new StoredFile(stored, () => new DataUnit(job.ResourceId!.Value, job.Id, unique, size, contentType!, sha256,
                $"{job.StorageFolder}/{unique}", clock.GetUtcNow(), item.Name), null);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Import of {Item} for job {JobId} failed", item.Name, job.Id);
            // All or nothing per file: whatever part of it reached the disk goes.
            if (stored is not null) { TryDeleteFile(stored + ".partial"); TryDeleteFile(stored); }
            return StoredFile.Refused(e is InvalidDataException ? $"{item.Name} {e.Message}" : $"{item.Name} could not be read or stored: {e.Message}");
        }
    }

    private string OverBudget() =>
        $"would take the import past {ImportLimits.Readable(_limits.MaxImportBytes)}, the most imported at once, so it was not imported.";

    private static string UniqueName(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
            candidate = $"{Path.GetFileNameWithoutExtension(name)} ({n}){Path.GetExtension(name)}";
        return candidate;
    }

    private static void TryDelete(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }

    private static void TryDeleteFile(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
    }
}
