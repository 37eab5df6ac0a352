using System.Buffers;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cisa.Crm.Core.Common.Csv;

/// <summary>
/// CSV as Belgian spreadsheets read and write it: semicolons, UTF-8 with a byte-order mark. Every
/// import and export of people uses these settings, so what the CRM exports it can import again.
/// </summary>
public static class CrmCsv
{
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    public static CsvConfiguration WriterConfiguration { get; } = new(CultureInfo.InvariantCulture) { Delimiter = ";" };

    public static CsvConfiguration ReaderConfiguration { get; } = new(CultureInfo.InvariantCulture)
    {
        DetectDelimiter = true,
        DetectDelimiterValues = [";", ",", "\t"],
        PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
        MissingFieldFound = null,
        BadDataFound = null,
        TrimOptions = TrimOptions.Trim,
    };

    /// <summary>
    /// A cell a spreadsheet would run as a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab, return)
    /// gets a leading apostrophe, so an exported name like <c>=HYPERLINK(...)</c> stays text.
    /// </summary>
    public static string Neutralise(string? value) =>
        string.IsNullOrEmpty(value) ? "" : FormulaStarts.Contains(value[0]) ? "'" + value : value;

    /// <summary>Writes rows to a UTF-8 (with BOM) semicolon CSV, every cell neutralised.</summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, WriterConfiguration))
        {
            foreach (var name in header)
            {
                csv.WriteField(name);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(Neutralise(cell));
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }
}
