using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Activity.Imports;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;

namespace Dashboard.App.Features.Activity;

public sealed partial class ImportDialog
{
    public const long MaxDataFileBytes = 2L * 1024 * 1024 * 1024;
    public const long MaxLabelFileBytes = 50L * 1024 * 1024;
    public const int MaxFilesPerImport = 1000;

    private IReadOnlyList<IBrowserFile> _files = [];
    private bool _busy;
    private long _uploadedBytes;
    private long _totalBytes;
    private string? _currentFile;
    private CancellationTokenSource? _upload;
    private string? _error;

    /// <summary>How often the progress is redrawn: often enough to see it move, rarely enough not to flood the circuit.</summary>
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(150);

    private double Percent => _totalBytes == 0 ? 100 : 100.0 * _uploadedBytes / _totalBytes;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Parameter, EditorRequired] public Actor Actor { get; set; } = default!;
    [Parameter, EditorRequired] public JobType Type { get; set; }
    [Parameter, EditorRequired] public Guid ResourceId { get; set; }
    [Parameter, EditorRequired] public string ResourceName { get; set; } = "";

    private void Chosen(InputFileChangeEventArgs e)
    {
        _error = null;
        if (e.FileCount > MaxFilesPerImport)
        {
            (_files, _error) = ([], $"Choose at most {MaxFilesPerImport} files at once, or put them in a .zip.");
            return;
        }
        _files = e.GetMultipleFiles(MaxFilesPerImport);
        var limit = Type == JobType.DataImport ? MaxDataFileBytes : MaxLabelFileBytes;
        if (_files.FirstOrDefault(f => f.Size > limit) is { } tooBig)
            (_files, _error) = ([], $"{tooBig.Name} is {Readable(tooBig.Size)}; a file can be at most {Readable(limit)}.");
        else if (Type == JobType.LabelImport && !_files[0].Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            (_files, _error) = ([], $"{_files[0].Name} is not a .json labels file.");
    }

    private async Task StartAsync()
    {
        _busy = true;
        var title = Type == JobType.DataImport
            ? $"{_files.Count} file{(_files.Count == 1 ? "" : "s")} into {ResourceName}"
            : $"Labels from {_files[0].Name} into {ResourceName}";
        var started = await Jobs.StartImportAsync(Actor, Type, ResourceId, title);
        if (!started.Succeeded)
        {
            (_busy, _error) = (false, started.Error!.Message);
            return;
        }
        var job = started.Value;
        var staging = Folders.StagingFor(job.Id);
        _upload = new CancellationTokenSource();
        var ct = _upload.Token;
        (_uploadedBytes, _totalBytes) = (0, _files.Sum(f => f.Size));
        try
        {
            Directory.CreateDirectory(staging);
            var lastDrawn = DateTime.UtcNow;
            var buffer = new byte[81920];
            for (var i = 0; i < _files.Count; i++)
            {
                var file = _files[i];
                _currentFile = file.Name;
                var name = Type == JobType.LabelImport ? LabelImportRunner.StagedFileName : $"{i:0000}_{ImportFolders.SafeFileName(file.Name)}";
                // Streamed straight to disk: a large upload never sits whole in memory.
                await using var source = file.OpenReadStream(Type == JobType.DataImport ? MaxDataFileBytes : MaxLabelFileBytes, ct);
                await using var target = File.Create(Path.Combine(staging, name));
                int read;
                while ((read = await source.ReadAsync(buffer, ct)) > 0)
                {
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                    _uploadedBytes += read;
                    if (DateTime.UtcNow - lastDrawn < ProgressInterval) continue;
                    lastDrawn = DateTime.UtcNow;
                    StateHasChanged();
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or JSException or OperationCanceledException)
        {
            var cancelled = ct.IsCancellationRequested;
            if (!cancelled) Logger.LogWarning(e, "Upload for job {JobId} failed", job.Id);
            await Jobs.FailAsync(job.Id, cancelled
                ? $"The upload was cancelled after {Readable(_uploadedBytes)} of {Readable(_totalBytes)}; nothing was imported."
                : $"The upload did not finish: {e.Message}", []);
            try { Directory.Delete(staging, recursive: true); } catch (IOException) { }
            (_busy, _error) = (false, cancelled
                ? "Upload cancelled. Nothing was imported; choose files and start again when you are ready."
                : "The upload did not finish, so nothing was imported. Try again.");
            return;
        }
        await Queue.EnqueueAsync(job.Id);
        Dialog.Close(DialogResult.Ok(job.Id));
    }

    private void CancelUpload() => _upload?.Cancel();

    // Closing the dialog (or the page) mid-upload stops it; the catch above fails the job and clears its staging.
    public void Dispose()
    {
        _upload?.Cancel();
        _upload?.Dispose();
    }

    private static string Readable(long bytes) =>
        bytes < 1024 ? $"{bytes} B" : bytes < 1024 * 1024 ? $"{bytes / 1024.0:0.#} KB"
        : bytes < 1024L * 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / (1024.0 * 1024 * 1024):0.#} GB";
}
