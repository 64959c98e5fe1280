using Dashboard.Domain.Access;
using Dashboard.Domain.Common;
using Dashboard.Domain.Issues;
using Dashboard.Domain.Tags;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Dashboard.App.Features.Issues;

public partial class ProjectIssues
{
    private MudDataGrid<IssueRow>? _grid;
    private IReadOnlyList<TagChoice> _tagChoices = [];
    private IssueStatus? _status;
    private Guid? _tagId;
    private bool _raising;
    private string? _title;
    private string? _description;
    private IReadOnlyCollection<Guid> _newIssueTags = [];
    private Error? _formError;
    private bool _addingTag;
    private string? _newTag;
    private string? _newTagError;

    [Parameter, EditorRequired] public Guid ProjectId { get; set; }
    /// <summary>The Project's Admins (and workspace Admins) may add issue tags from here.</summary>
    [Parameter, EditorRequired] public bool CanAddIssueTags { get; set; }
    [Parameter, EditorRequired] public Actor Actor { get; set; } = default!;

    protected override async Task OnParametersSetAsync() => _tagChoices = await Tags.ChoicesAsync(Actor, TagKind.Issue);

    private async Task<GridData<IssueRow>> LoadAsync(GridState<IssueRow> state, CancellationToken ct)
    {
        var result = await Issues.ListAsync(Actor, ProjectId, new IssueQuery(_status, _tagId, new PageRequest(state.Page, state.PageSize)), ct);
        return result.Succeeded
            ? new GridData<IssueRow> { Items = result.Value.Items, TotalItems = result.Value.TotalCount }
            : new GridData<IssueRow> { Items = [], TotalItems = 0 };
    }

    private string TagName(Guid id) => _tagChoices.FirstOrDefault(t => t.Id == id)?.Name ?? "";

    private async Task FilterAsync(Action apply)
    {
        apply();
        await _grid!.ReloadServerData();
    }

    private async Task RaiseAsync()
    {
        var result = await Issues.CreateAsync(Actor, ProjectId, new CreateIssue(_title, _description, _newIssueTags.ToList()));
        _formError = result.Error;
        if (!result.Succeeded) return;
        (_raising, _title, _description, _newIssueTags) = (false, null, null, []);
        Snackbar.Add("Issue raised.", Severity.Success);
        await _grid!.ReloadServerData();
    }

    private async Task ResolveAsync(IssueRow issue, bool resolve)
    {
        var result = resolve ? await Issues.ResolveAsync(Actor, issue.Id) : await Issues.ReopenAsync(Actor, issue.Id);
        if (!result.Succeeded) Snackbar.Add(result.Error!.Message, Severity.Warning);
        await _grid!.ReloadServerData();
    }

    private async Task SetTagsAsync(IssueRow issue, IReadOnlyCollection<Guid>? ids)
    {
        var result = await Issues.SetTagsAsync(Actor, issue.Id, ids?.ToList() ?? []);
        if (!result.Succeeded) Snackbar.Add(result.Error!.Message, Severity.Warning);
        await _grid!.ReloadServerData();
    }

    private async Task NewTagKeyAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            (_addingTag, _newTagError) = (false, null);
            return;
        }
        if (e.Key is not ("Enter" or "NumpadEnter")) return;
        var result = await Tags.CreateIssueTagInProjectAsync(Actor, ProjectId, _newTag);
        if (!result.Succeeded)
        {
            _newTagError = result.Error!.Message;
            return;
        }
        Snackbar.Add($"Issue tag \"{TagService.Validate(_newTag).Value}\" added to the workspace.", Severity.Success);
        (_addingTag, _newTag, _newTagError) = (false, null, null);
        _tagChoices = await Tags.ChoicesAsync(Actor, TagKind.Issue);
    }
}
