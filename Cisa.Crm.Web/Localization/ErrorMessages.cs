using Cisa.Crm.Core.Errors;
using Microsoft.Extensions.Localization;

namespace Cisa.Crm.Web.Localization;

/// <summary>
/// The user-facing wording of what the core reports: refusals as sentences in the user's language (anything
/// else becomes a neutral apology), and field problems.
/// </summary>
public sealed class ErrorMessages(IStringLocalizer<SharedResource> text)
{
    public string For(Exception exception)
    {
        if (exception is PermissionDeniedException denied)
        {
            return text["Error.PermissionDenied", text[$"Permission.{denied.Permission}"]];
        }

        if (exception is CrmException crm)
        {
            var localized = text[$"Error.{crm.Code}", [.. crm.Arguments]];
            return localized.ResourceNotFound ? crm.Message : localized.Value;
        }

        return text["Error.Unexpected"];
    }

    /// <summary>One field's problem, as shown under the field.</summary>
    public string For(FieldError error)
    {
        var localized = text[$"Validation.{error.Code}", [.. error.Arguments]];
        return localized.ResourceNotFound ? error.Code : localized.Value;
    }
}
