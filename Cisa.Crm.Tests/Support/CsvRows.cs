using Cisa.Crm.Core.Common.Import;

namespace Cisa.Crm.Tests.Support;

/// <summary>Reads an exported CSV back with the import's own reader, keyed by the export's column names.</summary>
public static class CsvRows
{
    public static List<Dictionary<string, string>> Read(byte[] bytes, IReadOnlyList<string> columns) =>
        PersonImport.Read(new MemoryStream(bytes), columns)
            .Select(record => columns.ToDictionary(c => c, c => record[c.ToLowerInvariant()] ?? ""))
            .ToList();
}
