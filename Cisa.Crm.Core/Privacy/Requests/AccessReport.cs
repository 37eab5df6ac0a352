namespace Cisa.Crm.Core.Privacy.Requests;

/// <summary>
/// DSR-ACCESS: everything held about the requester, fully worded in their language, so that the printable
/// page and the JSON download (portability) show the same thing.
/// </summary>
public sealed record AccessReport(
    string Reference,
    string Language,
    DateOnly GeneratedOn,
    string Title,
    string Introduction,
    string RequesterName,
    IReadOnlyList<ReportRecord> Records,
    IReadOnlyList<ReportEntry> General);

/// <summary>One record of one category: its data and what the law asks to tell about it.</summary>
public sealed record ReportRecord(string Category, string Heading, IReadOnlyList<ReportEntry> Entries, IReadOnlyList<ReportList> Lists);

public sealed record ReportEntry(string Label, string Value);

public sealed record ReportList(string Heading, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
