using Cisa.Crm.Core.Errors;
using Cisa.Crm.Web.Localization;

namespace Cisa.Crm.Web.Endpoints;

/// <summary>
/// What an endpoint answers when the core refuses, instead of a 500: a record that does not exist (an unknown id, an
/// applicant without a CV) is a 404, which a browser shows as the not-found page; a missing permission a 403; any other
/// refusal (e.g. DSR-IDENTITY: the identity is not verified yet) a 409 with the core's sentence in the user's language.
/// Nothing is disclosed or recorded in any of these cases: the core refuses before it reads or audits.
/// </summary>
internal sealed class CoreRefusals(ErrorMessages messages) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RecordNotFoundException)
        {
            return Results.NotFound();
        }
        catch (PermissionDeniedException denied)
        {
            return Results.Problem(messages.For(denied), statusCode: StatusCodes.Status403Forbidden);
        }
        catch (CrmException refused)
        {
            return Results.Problem(messages.For(refused), statusCode: StatusCodes.Status409Conflict);
        }
    }
}
