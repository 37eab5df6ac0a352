using MudBlazor;

namespace Cisa.Crm.Web.Components.Layout;

/// <summary>The house colours: a calm blue for structure, one warm accent for what needs attention.</summary>
public static class CrmTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#0f7b6c",
            Tertiary = "#c2571a",
            AppbarBackground = "#1f4e79",
            Background = "#f5f7fa",
            DrawerBackground = "#ffffff",
            DrawerText = "#243447",
            DrawerIcon = "#1f4e79",
            TextPrimary = "#1c2733",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "8px",
        },
    };
}
