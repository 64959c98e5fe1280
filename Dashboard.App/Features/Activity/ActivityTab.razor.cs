using System.Collections.Concurrent;
using Dashboard.App.Components;
using Dashboard.App.Components.Fields;
using Dashboard.Domain.Activity;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.App.Features.Activity;

public sealed partial class ActivityTab
{
    /// <summary>Changes that arrive within one frame are shown together, in one render.</summary>
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(16);

    private static readonly IReadOnlyList<Choice<JobType>> TypeChoices =
        Enum.GetValues<JobType>().Select(t => new Choice<JobType>(t, TypeName(t))).ToList();
    private static readonly IReadOnlyList<Choice<JobStatus>> StatusChoices =
        Enum.GetValues<JobStatus>().Select(s => new Choice<JobStatus>(s, s.ToString())).ToList();

    private IReadOnlyCollection<JobType> _types = [];
    private IReadOnlyCollection<JobStatus> _statuses = [];
    // The page on screen: the table renders these very rows, so a change applied to them shows at the next render.
    // Changes that arrive while reading are in what is read, or are applied to it at the next frame.
    private readonly PagedList<JobRow> _list;
    private readonly ConcurrentDictionary<Guid, JobChange> _pending = new();
    private int _flushScheduled;
    private readonly CancellationTokenSource _stop = new();
    // Read once: a change can still arrive while the page closes, after the source is disposed (cancelled first).
    private CancellationToken _stopping;

    public ActivityTab() => _list = new((page, seek, ct) => Jobs.ListAsync(Actor, new JobQuery(_types, _statuses, page, seek), ct));

    protected override void OnInitialized()
    {
        // Filters live in the address, so a filtered view can be bookmarked, shared and reloaded.
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(Navigation.Uri).Query);
        _types = Parse<JobType>(query["type"]);
        _statuses = Parse<JobStatus>(query["status"]);
        _stopping = _stop.Token;
        if (!RendererInfo.IsInteractive) return;
        JobEvents.Changed += OnJobChanged;
    }

    private static List<T> Parse<T>(string? csv) where T : struct, Enum =>
        (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => Enum.TryParse<T>(v, true, out var e) ? (T?)e : null)
            .OfType<T>().Distinct().ToList();

    /// <summary>
    /// Called on the thread that saved the job. Keeps the newest change per job and, once per frame, applies what
    /// arrived to the page on screen: no query, except one row by its key when a new job joins page one.
    /// </summary>
    private void OnJobChanged(JobChange change)
    {
        if (!JobService.CanSee(Actor, change)) return;
        _pending.AddOrUpdate(change.JobId, change, (_, earlier) => earlier with { Created = earlier.Created || change.Created,
            Status = change.Status, ItemsDone = change.ItemsDone, ItemsTotal = change.ItemsTotal, At = change.At, FinishedAt = change.FinishedAt });
        if (Interlocked.Exchange(ref _flushScheduled, 1) == 0) _ = FlushAfterAFrameAsync(_stopping);
    }

    private async Task FlushAfterAFrameAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(Frame, ct);
            await InvokeAsync(FlushAsync);
        }
        catch (OperationCanceledException) { }
    }

    private async Task FlushAsync()
    {
        Volatile.Write(ref _flushScheduled, 0);
        _announced.Clear();
        var shown = false;
        foreach (var id in _pending.Keys.ToList())
            if (_pending.TryRemove(id, out var change)) shown |= await ApplyAsync(change);
        if (_announced.Count > 0) _announcement = string.Join(" ", _announced);
        if (shown) StateHasChanged();
    }

    // What a screen reader hears of the live changes: a job that starts or changes status here, never its progress.
    private readonly List<string> _announced = [];
    private string? _announcement;

    private void Announce(string title, JobStatus status, bool started) =>
        _announced.Add(started ? $"{title}: started." : $"{title}: {status}.");

    /// <summary>
    /// Updates the job's row in place, drops it when it no longer matches the filters, and puts a new job at the top
    /// of page one. A change to a job on another page moves nothing here; Refresh or paging reads the list again.
    /// </summary>
    private async Task<bool> ApplyAsync(JobChange change)
    {
        var index = _list.Rows.FindIndex(r => r.Id == change.JobId);
        var matches = (_types.Count == 0 || _types.Contains(change.Type)) && (_statuses.Count == 0 || _statuses.Contains(change.Status));
        if (index >= 0)
        {
            if (_list.Rows[index].Status != change.Status) Announce(_list.Rows[index].Title, change.Status, started: false);
            if (matches)
                _list.Rows[index] = _list.Rows[index] with { Status = change.Status, ItemsDone = change.ItemsDone, ItemsTotal = change.ItemsTotal,
                    FinishedAt = change.FinishedAt };
            else
            {
                _list.Rows.RemoveAt(index);
                _list.TotalCount--;
            }
            return true;
        }
        if (!change.Created || !matches) return false;
        _list.TotalCount++;
        if (_list.PageIndex == 0 && await Jobs.GetRowAsync(Actor, change.JobId, _stopping) is { } row && _list.Rows.All(r => r.Id != row.Id))
        {
            _list.Rows.Insert(0, row);
            Announce(row.Title, row.Status, started: true);
            if (_list.Rows.Count > _list.PageSize) _list.Rows.RemoveAt(_list.Rows.Count - 1);
        }
        return true;
    }

    /// <summary>
    /// Prerendering reads too (the rows are in the HTML), and the circuit reads again rather than reusing that: a job
    /// may have moved in between, and this page shows jobs as they are.
    /// </summary>
    protected override Task LoadAsync() => _list.ReloadAsync();

    private async Task TypesChangedAsync(IReadOnlyCollection<JobType>? types)
    {
        _types = types ?? [];
        await FiltersChangedAsync();
    }

    private async Task StatusesChangedAsync(IReadOnlyCollection<JobStatus>? statuses)
    {
        _statuses = statuses ?? [];
        await FiltersChangedAsync();
    }

    private async Task FiltersChangedAsync()
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["type"] = _types.Count == 0 ? null : string.Join(",", _types),
            ["status"] = _statuses.Count == 0 ? null : string.Join(",", _statuses),
        }), replace: true);
        await _list.StartOverAsync();
    }

    private async Task ShowErrorAsync(JobRow job) =>
        await Dialogs.ShowAsync<JobErrorDialog>($"What went wrong: {job.Title}",
            new DialogParameters<JobErrorDialog> { { d => d.Actor, Actor }, { d => d.JobId, job.Id } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });

    public void Dispose()
    {
        JobEvents.Changed -= OnJobChanged;
        _stop.Cancel();
        _stop.Dispose();
        _list.Dispose();
    }

    private static double Percent(JobRow job) => job.ItemsTotal == 0 ? 0 : 100.0 * job.ItemsDone / job.ItemsTotal;

    internal static string Duration(TimeSpan span) =>
        span.TotalMinutes < 1 ? $"{span.Seconds} s" : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min" : $"{span.TotalHours:0.#} h";

    public static string TypeName(JobType type) => type switch
    {
        JobType.DataImport => "Data import",
        JobType.LabelImport => "Label import",
        _ => "Model training",
    };

    internal static string TypeIcon(JobType type) => type switch
    {
        JobType.DataImport => RowIcons.CloudUpload,
        JobType.LabelImport => RowIcons.Label,
        _ => RowIcons.ModelTraining,
    };

}
