using MudBlazor;

namespace Dashboard.App.Layout;

/// <summary>The product's colours, light and dark.</summary>
public static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        // Every colour that carries text meets WCAG AA (4.5:1) against what it sits on, checked by axe-core in
        // EndToEnd/AccessibilityTests: MudBlazor's default greens, ambers and sky blues do not on white.
        PaletteLight = new PaletteLight
        {
            Primary = "#4F46E5",
            Secondary = "#0369A1",
            Success = "#15803D",
            Warning = "#B45309",
            Error = "#B91C1C",
            Info = "#1D4ED8",
            TextSecondary = "rgba(0,0,0,0.68)",
            AppbarBackground = "#1E1B4B",
            Background = "#F7F7FB",
            DrawerBackground = "#FFFFFF",
        },
        // On the dark surfaces the colours are light, so text on a filled colour is dark.
        PaletteDark = new PaletteDark
        {
            Primary = "#818CF8",
            PrimaryContrastText = "#0B1020",
            Secondary = "#38BDF8",
            SecondaryContrastText = "#0B1020",
            Success = "#4ADE80",
            SuccessContrastText = "#052E16",
            Warning = "#FBBF24",
            WarningContrastText = "#1C1300",
            Error = "#F87171",
            ErrorContrastText = "#2A0707",
            Info = "#60A5FA",
            InfoContrastText = "#0B1020",
            TextSecondary = "rgba(255,255,255,0.74)",
            AppbarBackground = "#111827",
            Background = "#0B1020",
            Surface = "#151B2E",
            DrawerBackground = "#111827",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
