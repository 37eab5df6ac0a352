using Cisa.Crm.Core.Common.Csv;
using Cisa.Crm.Core.Common.Import;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Cisa.Crm.Web.Components.Shared.Import;

/// <summary>
/// How an import's rows read in the user's language: the status (a duplicate says whether it is one of the CRM or of
/// the file), the problems field by field, and the rejected rows as a CSV file with a reason column. A code the core
/// lists as allowed ("Event") is followed by its meaning ("Evenement"), so the user knows what to write and what it means.
/// </summary>
public sealed class ImportWording(IStringLocalizer text, ErrorMessages messages, ImportFormat format)
{
    public string Status(ImportRowResult row) => row.Status == ImportRowStatus.Duplicate && DuplicateReason(row) is { } reason
        ? text[$"Import.Status.{reason.Code}"]
        : text[$"Import.Status.{row.Status}"];

    /// <summary>The row's problems, each as "Field: message"; why a duplicate is one, without a field.</summary>
    public IEnumerable<string> Problems(ImportRowResult row) => row.Errors.Select(error =>
        error.Field == PersonImport.RowField ? Message(error) : $"{FieldName(error.Field)}: {Message(error)}");

    /// <summary>The status and the problems in one cell, for the download.</summary>
    public string Reason(ImportRowResult row) => string.Join(" ", [$"{Status(row)}.", .. Problems(row)]);

    /// <summary>The rows left out, under the file's own header and a reason column, ready to correct and import again.</summary>
    public byte[] RejectedCsv(RejectedRows rejected) => CrmCsv.Write(
        [.. rejected.Header, text["Import.Rejected.ReasonColumn"]],
        rejected.Rows.Select(r => (IReadOnlyList<string?>)[.. r.Cells, Reason(r.Result)]));

    private static FieldError? DuplicateReason(ImportRowResult row) =>
        row.Errors.FirstOrDefault(e => e.Field == PersonImport.RowField && e.Code is "DuplicateInCrm" or "DuplicateInFile");

    /// <summary>
    /// The core's message; for an unknown code, the allowed codes (as the core lists them) each followed by its meaning
    /// where that differs from the code.
    /// </summary>
    private string Message(FieldError error)
    {
        if (error is { Code: "ValueUnknown", Arguments: [var written, string allowed] } && format.CodedFor(error.Field) is { } column)
        {
            var explained = allowed.Split(", ").Select(code => Explained(column, code));
            return messages.For(error with { Arguments = [written, string.Join(", ", explained)] });
        }

        return messages.For(error);
    }

    /// <summary>"Event (Evenement)"; "LinkedIn" alone, as its meaning is its name.</summary>
    public string Explained(CodedColumn column, string code) => Meaning(column, code) is { } meaning ? $"{code} ({meaning})" : code;

    /// <summary>What a code means in the reader's language, or null where the code already reads as its meaning ("LinkedIn").</summary>
    public string? Meaning(CodedColumn column, string code)
    {
        var label = text[column.LabelKey(code)];
        return label.ResourceNotFound || string.Equals(label.Value, code, StringComparison.OrdinalIgnoreCase) ? null : label.Value;
    }

    /// <summary>"Emails[1]" reads as "E-mail"; "Addresses[0].PostalCode" as "Postcode".</summary>
    private string FieldName(string field)
    {
        var name = field.Contains('.', StringComparison.Ordinal) ? field[(field.LastIndexOf('.') + 1)..] : field;
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        return text[$"Field.{(bracket < 0 ? name : name[..bracket])}"];
    }
}
