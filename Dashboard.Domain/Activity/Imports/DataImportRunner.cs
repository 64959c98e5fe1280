using System.IO.Compression;
using System.Security.Cryptography;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Domain.Activity.Imports;

/// <summary>
/// Files a data import: every uploaded file (and every file inside an uploaded .zip) is checked, copied into the
/// job's storage folder while its SHA-256 is computed, and registered as a data unit of the Dataset. Each file is
/// all-or-nothing: a file that fails leaves neither a stored copy nor a data unit, and is listed in the error.
/// </summary>
public sealed class DataImportRunner(IDbContextFactory<DashboardDbContext> factory, JobService jobs, ImportFolders folders,
    TimeProvider clock, ILogger<DataImportRunner> logger)
{
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

        var problems = new List<(string Item, string Message)>();
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lastReport = DateTimeOffset.MinValue;
        await jobs.ReportProgressAsync(jobId, 0, items.Count, ct);
        for (var i = 0; i < items.Count; i++)
        {
            var problem = await ImportOneAsync(job, items[i], target, usedNames, ct);
            if (problem is not null) problems.Add((items[i].Name, problem));
            var now = clock.GetUtcNow();
            if (now - lastReport >= ProgressInterval || i == items.Count - 1)
            {
                await jobs.ReportProgressAsync(jobId, i + 1, items.Count, ct);
                lastReport = now;
            }
        }
        TryDelete(staging);

        if (items.Count == 0)
            await jobs.FailAsync(jobId, "Nothing to import: no files arrived.", [], ct);
        else if (problems.Count == 0)
            await jobs.SucceedAsync(jobId, ct);
        else
            await jobs.FailAsync(jobId, $"{problems.Count} of {items.Count} files could not be imported; the other {items.Count - problems.Count} are in the Dataset.", problems, ct);
    }

    private sealed record Item(string Name, Func<Stream> Open);

    /// <summary>An upload as the files it holds: itself, or each file inside it when it is a .zip.</summary>
    private static IEnumerable<Item> Expand(string upload)
    {
        // Staged names carry an order prefix ("0003_"), so several uploads with one name stay apart.
        var name = Path.GetFileName(upload);
        var original = name.Length > 5 && name[4] == '_' ? name[5..] : name;
        if (!original.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            yield return new Item(original, () => File.OpenRead(upload));
            yield break;
        }
        List<string> entries;
        try
        {
            using var archive = ZipFile.OpenRead(upload);
            entries = archive.Entries.Where(e => !e.FullName.EndsWith('/') && e.Length >= 0 && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal))
                .Select(e => e.FullName).ToList();
        }
        catch (InvalidDataException)
        {
            entries = [];
        }
        if (entries.Count == 0)
        {
            yield return new Item(original, () => throw new InvalidDataException("is not a readable .zip archive, or holds no files."));
            yield break;
        }
        foreach (var entry in entries)
            yield return new Item($"{original}/{entry}", () =>
            {
                var archive = ZipFile.OpenRead(upload);
                return new OwnedStream(archive.GetEntry(entry)!.Open(), archive);
            });
    }

    private async Task<string?> ImportOneAsync(Job job, Item item, string target, HashSet<string> usedNames, CancellationToken ct)
    {
        string? stored = null;
        try
        {
            await using var source = item.Open();
            var head = new byte[16];
            var headLength = await source.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            var fileName = ImportFolders.SafeFileName(item.Name);
            var (contentType, problem) = DataFileKinds.Check(fileName, head.AsSpan(0, headLength));
            if (problem is not null) return $"{fileName} {problem}";

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
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                size = output.Length;
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            File.Move(partial, stored);

            await using var db = await factory.CreateDbContextAsync(ct);
            db.DataUnits.Add(new DataUnit(job.ResourceId!.Value, job.Id, unique, size, contentType!, sha256,
                $"{job.StorageFolder}/{unique}", clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or DbUpdateException)
        {
            logger.LogWarning(e, "Import of {Item} for job {JobId} failed", item.Name, job.Id);
            // All or nothing per file: whatever part of it reached the disk goes.
            if (stored is not null) { TryDeleteFile(stored + ".partial"); TryDeleteFile(stored); }
            return e is InvalidDataException ? $"{item.Name} {e.Message}" : $"{item.Name} could not be read or stored: {e.Message}";
        }
    }

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
