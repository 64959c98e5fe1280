using Dashboard.App.Auth;
using Dashboard.Domain.Access;
using Dashboard.Domain.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.App.Features.Resources;

public partial class ResourcePage
{
    private async Task ImportAsync()
    {
        var type = _details!.Kind == ResourceKind.Dataset ? Dashboard.Domain.Activity.JobType.DataImport : Dashboard.Domain.Activity.JobType.LabelImport;
        var dialog = await Dialogs.ShowAsync<Dashboard.App.Features.Activity.ImportDialog>(
            type == Dashboard.Domain.Activity.JobType.DataImport ? $"Import data into {_details.Name}" : $"Import labels into {_details.Name}",
            new DialogParameters<Dashboard.App.Features.Activity.ImportDialog>
            {
                { d => d.Actor, _actor! }, { d => d.Type, type }, { d => d.ResourceId, _details.Id }, { d => d.ResourceName, _details.Name },
            },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false });
        if (await dialog.Result is { Canceled: false })
            Snackbar.Add("The import has started; follow it in Settings → Activity Center.", Severity.Info,
                o => { o.Action = "Open"; o.OnClick = _ => { Navigation.NavigateTo("/settings/activity"); return Task.CompletedTask; }; });
    }

    private bool _loading = true;
    private string? _error;
    private Actor? _actor;
    private ResourceDetails? _details;
    private List<BreadcrumbItem> _breadcrumbs = [];

    [Parameter] public Guid Id { get; set; }

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        _actor = await CurrentActor.GetAsync();
        if (_actor is null)
        {
            _error = "You do not belong to a workspace at the moment.";
        }
        else
        {
            var result = await Resources.GetAsync(_actor, Id);
            _details = result.Succeeded ? result.Value : null;
            _error = result.Error?.Message;
            if (_details is not null)
                _breadcrumbs = [new(_details.Kind.Plural(), _details.Kind.ListPath()), new(_details.Name, null, disabled: true)];
        }
        _loading = false;
    }

    private async Task EditAsync()
    {
        var parameters = new DialogParameters<ResourceFormDialog>
        {
            { d => d.Kind, _details!.Kind }, { d => d.ExistingId, _details.Id },
            { d => d.InitialName, _details.Name }, { d => d.InitialDescription, _details.Description },
            { d => d.Version, _details.Version },
        };
        var dialog = await Dialogs.ShowAsync<ResourceFormDialog>($"Edit {_details.Kind.Lower()}", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false } result)
        {
            if (!Equals(result.Data, ResourceFormDialog.ReloadRequested)) Snackbar.Add("Saved.", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task DeleteAsync()
    {
        var actor = await CurrentActor.GetAsync();
        if (actor is null) return;
        var consequences = await Deletion.DescribeDeletionAsync(actor, Id);
        if (!consequences.Succeeded)
        {
            Snackbar.Add(consequences.Error!.Message, Severity.Warning);
            return;
        }
        var confirmed = await Dialogs.ShowMessageBoxAsync($"Delete {_details!.Kind.Lower()}", consequences.Value,
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true) return;

        var deleted = await Deletion.DeleteAsync(actor, Id);
        if (!deleted.Succeeded)
        {
            Snackbar.Add(deleted.Error!.Message, Severity.Error);
            return;
        }
        Snackbar.Add($"\"{_details.Name}\" was deleted.", Severity.Success);
        Navigation.NavigateTo(_details.Kind.ListPath());
    }
}
