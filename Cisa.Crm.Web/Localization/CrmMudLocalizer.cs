using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Cisa.Crm.Web.Localization;

/// <summary>
/// MudBlazor's own texts (the pagers' "Rows per page" and "1-25 of 27", the date picker, the data grid's menus,
/// the close buttons' labels...) from our resource files, under <c>MudBlazor.{MudBlazor's key}</c>, so a Dutch page is
/// Dutch throughout. MudBlazor's <see cref="DefaultLocalizationInterceptor"/> asks this localizer first (in English too,
/// see <see cref="CrmCultures.AddCrmLocalization"/>) and falls back to its own English for a key we lack.
/// </summary>
public sealed class CrmMudLocalizer(IStringLocalizer<SharedResource> text) : MudLocalizer
{
    public const string Prefix = "MudBlazor.";

    public override LocalizedString this[string key] => Named(key, text[Prefix + key]);

    public override LocalizedString this[string key, params object[] arguments] => Named(key, text[Prefix + key, arguments]);

    // MudBlazor knows the text by its own key; a key we lack falls back to MudBlazor's English.
    private static LocalizedString Named(string key, LocalizedString found) => new(key, found.Value, found.ResourceNotFound);
}
