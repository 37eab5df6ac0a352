namespace Cisa.Crm.Core.Errors;

/// <summary>One problem with one input field. <see cref="Code"/> maps to the resource <c>Validation.{Code}</c>.</summary>
public sealed record FieldError(string Field, string Code, params object[] Arguments);

/// <summary>Input the core refuses; nothing was saved. The form shows each error beside its field.</summary>
public sealed class CrmValidationException(IReadOnlyList<FieldError> errors)
    : CrmException("Validation", "The input is not valid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Code}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public IEnumerable<FieldError> For(string field) => Errors.Where(e => e.Field == field);
}

/// <summary>The record was changed by someone else since it was read; nothing was overwritten.</summary>
public sealed class ConcurrencyConflictException(string entity)
    : CrmException("ConcurrencyConflict", $"{entity} was changed by someone else in the meantime.", entity);

/// <summary>The record does not exist (any more), or the caller may not know it exists.</summary>
public sealed class RecordNotFoundException(string entity)
    : CrmException("NotFound", $"{entity} was not found.", entity);

/// <summary>A privacy rule forbids the operation (restriction, suppression, overdue assessment…).</summary>
public sealed class RuleViolationException(string code, string message, params object[] arguments)
    : CrmException(code, message, arguments);
