using Cisa.Crm.Core.Applicants;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Cisa.Crm.Web.Components.Pages.Applicants;

/// <summary>How procedures and an applicant's status in them are shown, the same on every HR page.</summary>
public static class ProcedureDisplay
{
    /// <summary>
    /// A procedure's name. The spontaneous pool is named by its kind in the user's language: its stored title is whatever
    /// was typed when it was opened (the demo's is Dutch) and would show untranslated on an English page.
    /// </summary>
    public static string Title(IStringLocalizer text, ProcedureKind kind, string title) =>
        kind == ProcedureKind.SpontaneousPool ? text["Procedure.PoolTitle"] : title;

    public static string Title(IStringLocalizer text, ProcedureRow procedure) => Title(text, procedure.Kind, procedure.Title);

    public static string Status(IStringLocalizer text, ApplicantStatus status) => text[$"ApplicantStatus.{status}"];

    /// <summary>Outlined chips in the theme's contrast-checked colours: only the hired stand out.</summary>
    public static Color StatusColor(ApplicantStatus status) => status switch
    {
        ApplicantStatus.InProcedure => Color.Info,
        ApplicantStatus.Hired => Color.Success,
        _ => Color.Default,
    };
}
