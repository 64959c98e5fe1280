using System.Collections.Concurrent;
using System.Globalization;
using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.App.Features.Activity;

public sealed partial class ActivityTab
{
    /// <summary>Changes that arrive within one frame are shown together, in one render.</summary>
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(16);

    private MudDataGrid<JobRow>? _grid;
    private IReadOnlyCollection<JobType> _types = [];
    private IReadOnlyCollection<JobStatus> _statuses = [];
    // The page on screen: the grid renders this very list, so a change applied to it shows at the next render.
    private readonly List<JobRow> _rows = [];
    private readonly GridData<JobRow> _shown = new() { Items = [] };
    private bool _totalIsAtLeast;
    private int _pageIndex;
    private int _pageSize;
    private readonly ConcurrentDictionary<Guid, JobChange> _pending = new();
    private int _flushScheduled;
    private readonly CancellationTokenSource _stop = new();
    // Read once: a change can still arrive while the page closes, after the source is disposed (cancelled first).
    private CancellationToken _stopping;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    private string PagerInfo => _totalIsAtLeast
        ? "{first_item}-{last_item} of more than " + _shown.TotalItems.ToString("N0", CultureInfo.CurrentCulture)
        : "{first_item}-{last_item} of {all_items}";

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
        var shown = false;
        foreach (var id in _pending.Keys.ToList())
            if (_pending.TryRemove(id, out var change)) shown |= await ApplyAsync(change);
        if (shown) StateHasChanged();
    }

    /// <summary>
    /// Updates the job's row in place, drops it when it no longer matches the filters, and puts a new job at the top
    /// of page one. A change to a job on another page moves nothing here; Refresh or paging reads the list again.
    /// </summary>
    private async Task<bool> ApplyAsync(JobChange change)
    {
        var index = _rows.FindIndex(r => r.Id == change.JobId);
        var matches = (_types.Count == 0 || _types.Contains(change.Type)) && (_statuses.Count == 0 || _statuses.Contains(change.Status));
        if (index >= 0)
        {
            if (matches)
                _rows[index] = _rows[index] with { Status = change.Status, ItemsDone = change.ItemsDone, ItemsTotal = change.ItemsTotal,
                    FinishedAt = change.FinishedAt };
            else
            {
                _rows.RemoveAt(index);
                _shown.TotalItems--;
            }
            return true;
        }
        if (!change.Created || !matches) return false;
        _shown.TotalItems++;
        if (_pageIndex == 0 && await Jobs.GetRowAsync(Actor, change.JobId, _stopping) is { } row && _rows.All(r => r.Id != row.Id))
        {
            _rows.Insert(0, row);
            // Before the first page arrives there is no size to keep; the read that brings it replaces the rows.
            if (_pageSize > 0 && _rows.Count > _pageSize) _rows.RemoveAt(_rows.Count - 1);
        }
        return true;
    }

    private async Task<GridData<JobRow>> LoadAsync(GridState<JobRow> state, CancellationToken ct)
    {
        var page = await Jobs.ListAsync(Actor, new JobQuery(_types, _statuses, new PageRequest(state.Page, state.PageSize)), ct);
        // Changes that arrived while reading are in what was read, or will be applied to it at the next frame.
        _rows.Clear();
        _rows.AddRange(page.Items);
        _shown.Items = _rows;
        _shown.TotalItems = page.TotalCount;
        _totalIsAtLeast = page.TotalIsAtLeast;
        (_pageIndex, _pageSize) = (state.Page, state.PageSize);
        return _shown;
    }

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
        await _grid!.ReloadServerData();
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
    }

    private static double Percent(JobRow job) => job.ItemsTotal == 0 ? 0 : 100.0 * job.ItemsDone / job.ItemsTotal;

    private static string Duration(TimeSpan span) =>
        span.TotalMinutes < 1 ? $"{span.Seconds} s" : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min" : $"{span.TotalHours:0.#} h";

    public static string TypeName(JobType type) => type switch
    {
        JobType.DataImport => "Data import",
        JobType.LabelImport => "Label import",
        _ => "Model training",
    };

    private static string TypeIcon(JobType type) => type switch
    {
        JobType.DataImport => Icons.Material.Filled.CloudUpload,
        JobType.LabelImport => Icons.Material.Filled.Label,
        _ => Icons.Material.Filled.ModelTraining,
    };

    private static Color StatusColor(JobStatus status) => status switch
    {
        JobStatus.Success => Color.Success,
        JobStatus.Error => Color.Error,
        _ => Color.Info,
    };
}
