using MudBlazor;

namespace Cisa.Crm.Web.Components.Layout;

/// <summary>
/// The house colours: a calm blue for structure, one warm accent for what needs attention. Every colour that carries
/// text, as the text or behind white text, reaches WCAG 2.1 AA (4.5:1) on white and on the page background
/// (#f5f7fa); MudBlazor's bright defaults for success, warning, info and error, and its grey secondary text, do not.
/// app.css takes the accent from here (<c>--mud-palette-tertiary</c>), so the palette is set in this one place.
/// </summary>
public static class CrmTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#0f7b6c",
            // Overdue dates and warnings in text: 5.0:1 on the page background (was #c2571a, 4.2:1).
            Tertiary = "#ad4e17",
            // Subtitles, captions and secondary lines: 5.1:1 on the page background (MudBlazor's grey was 4.5:1 and failed).
            TextSecondary = "#5b6b7c",
            // Chips, alerts and buttons in these colours show white text on them or their colour as text on white:
            // 5.1 to 5.8:1 (MudBlazor's #00c853, #ff9800, #2196f3 and #f44336 gave 2.2, 2.2, 3.1 and 3.7:1).
            Success = "#2e7d32",
            Warning = "#a15c00",
            Info = "#1565c0",
            Error = "#c62828",
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
