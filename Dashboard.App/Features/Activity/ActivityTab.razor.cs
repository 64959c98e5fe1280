using Dashboard.Domain.Access;
using Dashboard.Domain.Activity;
using Dashboard.Domain.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.App.Features.Activity;

public sealed partial class ActivityTab
{
    private static readonly TimeSpan CoalesceInterval = TimeSpan.FromMilliseconds(400);

    private MudDataGrid<JobRow>? _grid;
    private IReadOnlyCollection<JobType> _types = [];
    private IReadOnlyCollection<JobStatus> _statuses = [];
    private volatile bool _changed;
    private readonly CancellationTokenSource _stop = new();

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    protected override void OnInitialized()
    {
        // Filters live in the address, so a filtered view can be bookmarked, shared and reloaded.
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(Navigation.Uri).Query);
        _types = Parse<JobType>(query["type"]);
        _statuses = Parse<JobStatus>(query["status"]);
        if (!RendererInfo.IsInteractive) return;
        JobEvents.Changed += OnJobChanged;
        _ = RefreshOnChangesAsync(_stop.Token);
    }

    private static List<T> Parse<T>(string? csv) where T : struct, Enum =>
        (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => Enum.TryParse<T>(v, true, out var e) ? (T?)e : null)
            .OfType<T>().Distinct().ToList();

    private void OnJobChanged(JobChange change)
    {
        if (JobService.CanSee(Actor, change)) _changed = true;
    }

    /// <summary>
    /// Reloads the current page when a visible job changed, at most every 400 ms: a job reporting progress many
    /// times a second costs one query and one render per interval, and the person's filter and page stay.
    /// </summary>
    private async Task RefreshOnChangesAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(CoalesceInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (!_changed || _grid is null) continue;
                _changed = false;
                await InvokeAsync(() => _grid.ReloadServerData());
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task<GridData<JobRow>> LoadAsync(GridState<JobRow> state, CancellationToken ct)
    {
        var page = await Jobs.ListAsync(Actor, new JobQuery(_types, _statuses, new PageRequest(state.Page, state.PageSize)), ct);
        return new GridData<JobRow> { Items = page.Items, TotalItems = page.TotalCount };
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
