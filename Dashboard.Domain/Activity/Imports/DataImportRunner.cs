using System.IO.Compression;
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

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    public async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        Job? job;
        await using (var db = await factory.CreateDbContextAsync(ct))
            job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId && j.Type == JobType.DataImport, ct);
        if (job is not { Status: JobStatus.Processing, StorageFolder: not null, ResourceId: not null }) return;

        var staging = folders.StagingFor(jobId);
        var uploads = Directory.Exists(staging) ? Directory.GetFiles(staging).Order(StringComparer.Ordinal).ToList() : [];
        var items = uploads.SelectMany(Expand).ToList();
        var target = folders.StorageFor(job.StorageFolder);
        Directory.CreateDirectory(target);

        if (RefuseWhole(items, target) is { } refusal)
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
                // The job ended meanwhile (failed by an operator's restart sweep, or deleted): the file is not kept.
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

    /// <param name="DeclaredBytes">The size the file says it has (an archive entry's header may lie; copying checks again).</param>
    /// <param name="CompressedBytes">For an archive entry, its compressed size, for the expansion ratio.</param>
    /// <param name="Refusal">Why it is refused before any byte is written, if it is.</param>
    private sealed record Item(string Name, Func<Stream> Open, long DeclaredBytes, long? CompressedBytes = null, string? Refusal = null);

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

    /// <summary>A reason to refuse the whole import before it starts: too many files, too large, or too little disk.</summary>
    private string? RefuseWhole(IReadOnlyList<Item> items, string target)
    {
        if (items.Count > _limits.MaxFiles)
            return $"This import holds {items.Count:N0} files; at most {_limits.MaxFiles:N0} are imported at once. Split it into smaller imports.";
        var expected = items.Where(i => i.Refusal is null).Sum(i => i.DeclaredBytes);
        if (expected > _limits.MaxImportBytes)
            return $"This import would expand to {ImportLimits.Readable(expected)}; at most {ImportLimits.Readable(_limits.MaxImportBytes)} is imported at once. Split it into smaller imports.";
        var free = new DriveInfo(Path.GetPathRoot(Path.GetFullPath(target))!).AvailableFreeSpace;
        if (free - expected < _limits.FreeDiskMarginBytes)
            return $"Not enough free disk space: this import needs {ImportLimits.Readable(expected)} and the server keeps {ImportLimits.Readable(_limits.FreeDiskMarginBytes)} free ({ImportLimits.Readable(free)} are free now). Ask the server operator to make room.";
        return null;
    }

    /// <summary>An upload as the files it holds: itself, or each file inside it when it is a .zip.</summary>
    private IEnumerable<Item> Expand(string upload)
    {
        // Staged names carry an order prefix ("0003_"), so several uploads with one name stay apart.
        var name = Path.GetFileName(upload);
        var original = name.Length > 5 && name[4] == '_' ? name[5..] : name;
        if (!original.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var size = new FileInfo(upload).Length;
            yield return new Item(original, () => File.OpenRead(upload), size,
                Refusal: size > _limits.MaxFileBytes ? $"{original} is {ImportLimits.Readable(size)}; a file may be at most {ImportLimits.Readable(_limits.MaxFileBytes)}." : null);
            yield break;
        }
        List<(string Name, long Length, long Compressed)> entries;
        try
        {
            using var archive = ZipFile.OpenRead(upload);
            entries = archive.Entries.Where(e => !e.FullName.EndsWith('/') && e.Length >= 0 && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal))
                .Select(e => (e.FullName, e.Length, e.CompressedLength)).ToList();
        }
        catch (InvalidDataException)
        {
            entries = [];
        }
        if (entries.Count == 0)
        {
            yield return new Item(original, () => throw new InvalidDataException("is not a readable .zip archive, or holds no files."), 0);
            yield break;
        }
        foreach (var (entry, length, compressed) in entries)
        {
            var itemName = $"{original}/{entry}";
            yield return new Item(itemName, () =>
            {
                var archive = ZipFile.OpenRead(upload);
                return new OwnedStream(archive.GetEntry(entry)!.Open(), archive);
            }, length, compressed, RefuseEntry(itemName, length, compressed));
        }
    }

    private string? RefuseEntry(string name, long length, long compressed)
    {
        if (length > _limits.MaxFileBytes)
            return $"{name} would expand to {ImportLimits.Readable(length)}; a file may be at most {ImportLimits.Readable(_limits.MaxFileBytes)}.";
        if (length > 0 && length > Math.Max(1, compressed) * _limits.MaxExpansionRatio)
            return $"{name} would expand {length / (double)Math.Max(1, compressed):N0} times its compressed size (at most {_limits.MaxExpansionRatio:N0} times): it looks like an archive built to fill the disk, so it was not unpacked.";
        return null;
    }

    private async Task<StoredFile> StoreOneAsync(Job job, Item item, string target, HashSet<string> usedNames, ImportBudget budget,
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

    /// <summary>A zip entry's stream that also closes the archive it came from.</summary>
    private sealed class OwnedStream(Stream inner, IDisposable owner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => inner.ReadAsync(buffer, ct);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) { inner.Dispose(); owner.Dispose(); }
            base.Dispose(disposing);
        }
    }
}
