using MudBlazor;

namespace Dashboard.App.Layout;

/// <summary>The product's colours, light and dark.</summary>
public static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#4F46E5",
            Secondary = "#0EA5E9",
            AppbarBackground = "#1E1B4B",
            Background = "#F7F7FB",
            DrawerBackground = "#FFFFFF",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#818CF8",
            Secondary = "#38BDF8",
            AppbarBackground = "#111827",
            Background = "#0B1020",
            Surface = "#151B2E",
            DrawerBackground = "#111827",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
