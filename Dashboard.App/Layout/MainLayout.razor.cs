using Dashboard.App.Auth;
using Dashboard.Domain.Access;
using Dashboard.Domain.Workspaces;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;

namespace Dashboard.App.Layout;

public sealed partial class MainLayout
{
    // Null until the person toggles it: open where the screen is wide, hidden where it is narrow (the stylesheet decides).
    private bool? _drawerOpen;
    private bool _narrowScreen;
    private Actor? _actor;
    private string? _membershipNotice;

    private IReadOnlyList<string> _twoFactorBlocked = [];
    private bool _mustSetUpTwoFactor;
    private IDisposable? _navigationGuard;
    private const string SecurityPath = "/account/security";

    protected override async Task OnInitializedAsync()
    {
        if (await CurrentActor.GetAccountIdAsync() is { } accountId)
        {
            _twoFactorBlocked = await Memberships.BlockedByTwoFactorAsync(accountId);
            _actor = await CurrentActor.GetAsync();
            // With no other workspace to work in, the way forward is the set-up page (docs/product.md, "Settings → Users").
            if (_twoFactorBlocked.Count > 0 && _actor is null && !Navigation.Uri.Contains("/account/security", StringComparison.OrdinalIgnoreCase))
                Navigation.NavigateTo("/account/security");
        }
        if (!RendererInfo.IsInteractive) return;
        MembershipChanges.AccountChanged += OnAccountChanged;
        Navigation.LocationChanged += CloseDrawerOverThePage;
        _navigationGuard = Navigation.RegisterLocationChangingHandler(LeadToTwoFactorSetUpAsync);
    }

    /// <summary>Once the workspace requires two-factor sign-in the person lacks, every next click leads to set-up.</summary>
    private ValueTask LeadToTwoFactorSetUpAsync(LocationChangingContext context)
    {
        if (_mustSetUpTwoFactor && !context.TargetLocation.Contains(SecurityPath, StringComparison.OrdinalIgnoreCase))
        {
            context.PreventNavigation();
            Navigation.NavigateTo(SecurityPath, forceLoad: true);
        }
        return ValueTask.CompletedTask;
    }

    private void OnAccountChanged(Guid accountId)
    {
        if (_actor is not { } before || accountId != before.AccountId) return;
        _ = InvokeAsync(async () =>
        {
            var now = await Memberships.RefreshAsync(before);
            if (now is not null && (await Memberships.BlockedByTwoFactorAsync(accountId)).Contains(before.WorkspaceName))
            {
                _mustSetUpTwoFactor = true;
                _membershipNotice = $"{before.WorkspaceName} now requires two-factor sign-in. Set it up to continue; nothing here can be changed until then.";
            }
            else if (now is null)
                _membershipNotice = $"You no longer belong to {before.WorkspaceName}.";
            else if (now.Role != before.Role)
                _membershipNotice = $"Your role in {before.WorkspaceName} is now {now.Role.Display()}.";
            else return;
            _actor = now;
            StateHasChanged();
        });
    }

    public void Dispose()
    {
        MembershipChanges.AccountChanged -= OnAccountChanged;
        Navigation.LocationChanged -= CloseDrawerOverThePage;
        _navigationGuard?.Dispose();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _narrowScreen = await JS.InvokeAsync<bool>("dashboard.isNarrowScreen");
        if (_narrowScreen) StateHasChanged();
    }

    private bool DrawerShown => _drawerOpen ?? !_narrowScreen;

    private string LayoutClass => _drawerOpen == false
        ? "mud-layout mud-drawer-close-responsive-md-left mud-drawer-left-clipped-always"
        : "mud-layout mud-drawer-open-responsive-md-left mud-drawer-left-clipped-always";

    private const string Drawer = "mud-drawer mud-drawer-fixed mud-drawer-pos-left mud-drawer-md mud-drawer-clipped-always mud-elevation-1 mud-drawer-responsive";

    private string DrawerClass => _drawerOpen switch
    {
        null => Drawer + " mud-drawer--open mud-drawer--initial",
        true => Drawer + " mud-drawer--open",
        false => Drawer + " mud-drawer--closed",
    };

    private async Task ToggleDrawerAsync()
    {
        // The window may have changed size since the page opened; what the person sees is what the toggle reverses.
        _narrowScreen = await JS.InvokeAsync<bool>("dashboard.isNarrowScreen");
        _drawerOpen = !DrawerShown;
    }

    private void CloseDrawer() => _drawerOpen = false;

    /// <summary>On a narrow screen the open drawer lies over the page; following one of its links closes it.</summary>
    private void CloseDrawerOverThePage(object? sender, LocationChangedEventArgs e)
    {
        if (!_narrowScreen || _drawerOpen != true) return;
        _drawerOpen = false;
        _ = InvokeAsync(StateHasChanged);
    }
}
