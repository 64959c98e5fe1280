using Bunit;
using MudBlazor.Services;

namespace Dashboard.Tests.Support;

/// <summary>
/// bUnit with MudBlazor: loose JS interop, Mud services without transitions, and asynchronous disposal
/// (MudBlazor's services are IAsyncDisposable only).
/// </summary>
public abstract class BunitTestBase : BunitContext, IAsyncLifetime
{
    protected BunitTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeCoreAsync();
        await base.DisposeAsync();
    }

    protected virtual Task DisposeCoreAsync() => Task.CompletedTask;
}
