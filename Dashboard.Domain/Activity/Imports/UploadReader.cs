using System.IO.Compression;

namespace Dashboard.Domain.Activity.Imports;

/// <param name="DeclaredBytes">The size the file says it has (an archive entry's header may lie; copying checks again).</param>
/// <param name="CompressedBytes">For an archive entry, its compressed size, for the expansion ratio.</param>
/// <param name="Refusal">Why it is refused before any byte is written, if it is.</param>
internal sealed record ImportItem(string Name, Func<Stream> Open, long DeclaredBytes, long? CompressedBytes = null, string? Refusal = null);

/// <summary>
/// Reads a staged upload as the files it holds, measured against <see cref="ImportLimits"/> on the figures the files
/// and archive headers declare; the runner checks the bytes again as it writes them.
/// </summary>
internal sealed class UploadReader(ImportLimits limits)
{
    /// <summary>A reason to refuse the whole import before it starts: too many files, too large, or too little disk.</summary>
    public string? RefuseWhole(IReadOnlyList<ImportItem> items, string target)
    {
        if (items.Count > limits.MaxFiles)
            return $"This import holds {items.Count:N0} files; at most {limits.MaxFiles:N0} are imported at once. Split it into smaller imports.";
        var expected = items.Where(i => i.Refusal is null).Sum(i => i.DeclaredBytes);
        if (expected > limits.MaxImportBytes)
            return $"This import would expand to {ImportLimits.Readable(expected)}; at most {ImportLimits.Readable(limits.MaxImportBytes)} is imported at once. Split it into smaller imports.";
        var free = new DriveInfo(Path.GetPathRoot(Path.GetFullPath(target))!).AvailableFreeSpace;
        if (free - expected < limits.FreeDiskMarginBytes)
            return $"Not enough free disk space: this import needs {ImportLimits.Readable(expected)} and the server keeps {ImportLimits.Readable(limits.FreeDiskMarginBytes)} free ({ImportLimits.Readable(free)} are free now). Ask the server operator to make room.";
        return null;
    }

    /// <summary>An upload as the files it holds: itself, or each file inside it when it is a .zip.</summary>
    public IEnumerable<ImportItem> Expand(string upload)
    {
        // Staged names carry an order prefix ("0003_"), so several uploads with one name stay apart.
        var name = Path.GetFileName(upload);
        var original = name.Length > 5 && name[4] == '_' ? name[5..] : name;
        if (!original.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var size = new FileInfo(upload).Length;
            yield return new ImportItem(original, () => File.OpenRead(upload), size,
                Refusal: size > limits.MaxFileBytes ? $"{original} is {ImportLimits.Readable(size)}; a file may be at most {ImportLimits.Readable(limits.MaxFileBytes)}." : null);
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
            yield return new ImportItem(original, () => throw new InvalidDataException("is not a readable .zip archive, or holds no files."), 0);
            yield break;
        }
        foreach (var (entry, length, compressed) in entries)
        {
            var itemName = $"{original}/{entry}";
            yield return new ImportItem(itemName, () =>
            {
                var archive = ZipFile.OpenRead(upload);
                return new OwnedStream(archive.GetEntry(entry)!.Open(), archive);
            }, length, compressed, RefuseEntry(itemName, length, compressed));
        }
    }

    private string? RefuseEntry(string name, long length, long compressed)
    {
        if (length > limits.MaxFileBytes)
            return $"{name} would expand to {ImportLimits.Readable(length)}; a file may be at most {ImportLimits.Readable(limits.MaxFileBytes)}.";
        if (length > 0 && length > Math.Max(1, compressed) * limits.MaxExpansionRatio)
            return $"{name} would expand {length / (double)Math.Max(1, compressed):N0} times its compressed size (at most {limits.MaxExpansionRatio:N0} times): it looks like an archive built to fill the disk, so it was not unpacked.";
        return null;
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
