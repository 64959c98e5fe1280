using Dashboard.App.Auth;
using Dashboard.Domain.Common;
using Dashboard.Domain.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Dashboard.App.Features.Resources;

public partial class ResourceFormDialog
{
    private string _name = "";
    private string _description = "";
    private ResourceRow? _ontology;
    private ResourceRow? _datasetPick;
    private MudAutocomplete<ResourceRow>? _datasetSearch;
    private readonly List<ResourceRow> _datasets = [];
    private Dictionary<string, string> _errors = [];
    private string? _formError;
    private string? _conflict;
    private bool _busy;

    /// <summary>The dialog's result when the person chose to reload after a conflict: nothing was saved.</summary>
    public const string ReloadRequested = "reload";

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter] public ResourceKind Kind { get; set; }
    /// <summary>Set to edit an existing resource's name and description; null creates a new one.</summary>
    [Parameter] public Guid? ExistingId { get; set; }
    [Parameter] public string InitialName { get; set; } = "";
    [Parameter] public string InitialDescription { get; set; } = "";
    /// <summary>The version the page showed: a save over a newer one is refused.</summary>
    [Parameter] public Guid Version { get; set; }

    protected override void OnInitialized()
    {
        _name = InitialName;
        _description = InitialDescription;
    }

    private async Task<IEnumerable<ResourceRow>> SearchAsync(ResourceKind kind, string? text, CancellationToken ct)
    {
        var actor = await CurrentActor.GetAsync(ct);
        if (actor is null) return [];
        return (await Resources.ListAsync(actor, kind, text, new PageRequest(0, 20), ct: ct)).Items;
    }

    private Task<IEnumerable<ResourceRow>> SearchOntologiesAsync(string? text, CancellationToken ct) =>
        SearchAsync(ResourceKind.Ontology, text, ct);

    private async Task<IEnumerable<ResourceRow>> SearchDatasetsAsync(string? text, CancellationToken ct) =>
        (await SearchAsync(ResourceKind.Dataset, text, ct)).Where(d => _datasets.All(chosen => chosen.Id != d.Id));

    // A field the person changes loses its old error at once; the next submit checks it again.
    private void NameChanged(string value)
    {
        _name = value;
        _errors.Remove("Name");
    }

    private void DescriptionChanged(string value)
    {
        _description = value;
        _errors.Remove("Description");
    }

    private void OntologyChanged(ResourceRow? value)
    {
        _ontology = value;
        _errors.Remove("Ontology");
    }

    private async Task AddDatasetAsync(ResourceRow? dataset)
    {
        _errors.Remove("Datasets");
        if (dataset is not null && _datasets.All(d => d.Id != dataset.Id)) _datasets.Add(dataset);
        // Empty the search box, ready for the next Dataset.
        _datasetPick = null;
        if (dataset is not null) await _datasetSearch!.ClearAsync();
    }

    private async Task SubmitOnEnterAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && Kind != ResourceKind.Project) await SubmitAsync();
    }

    private async Task SubmitAsync()
    {
        if (_busy) return;
        _busy = true;
        _errors = [];
        _formError = null;
        _conflict = null;
        try
        {
            var actor = await CurrentActor.GetAsync();
            if (actor is null)
            {
                _formError = "You no longer belong to this workspace.";
                return;
            }
            if (ExistingId is { } id)
            {
                var updated = await Resources.UpdateAsync(actor, id, Version, _name, _description);
                if (updated.Succeeded) Dialog.Close(DialogResult.Ok(id));
                else Show(updated.Error!);
            }
            else
            {
                var created = await Resources.CreateAsync(actor,
                    new CreateResource(Kind, _name, _description, _ontology?.Id, _datasets.Select(d => d.Id).ToList()));
                if (created.Succeeded) Dialog.Close(DialogResult.Ok(created.Value));
                else Show(created.Error!);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private void Show(Error error)
    {
        if (error.ChangedMeanwhile) _conflict = error.Message;
        else if (error.Field is { } field) _errors[field] = error.Message;
        else _formError = error.Message;
    }
}
