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
    /// <summary>
    /// A cell a spreadsheet would run as a formula gets a leading apostrophe, so an exported name like
    /// <c>=HYPERLINK(...)</c> stays text. CsvHelper's own escape does it: it checks the first character against
    /// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab and return (its default <see cref="CsvConfiguration.InjectionCharacters"/>),
    /// and also quotes the escaped cell, so a spreadsheet reads the apostrophe as part of the text.
    /// </summary>
    public static CsvConfiguration WriterConfiguration { get; } = new(CultureInfo.InvariantCulture)
    {
        Delimiter = ";",
        InjectionOptions = InjectionOptions.Escape,
    };

    public static CsvConfiguration ReaderConfiguration { get; } = new(CultureInfo.InvariantCulture)
    {
        DetectDelimiter = true,
        DetectDelimiterValues = [";", ",", "\t"],
        PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
        MissingFieldFound = null,
        BadDataFound = null,
        TrimOptions = TrimOptions.Trim,
    };

    /// <summary>Writes rows to a UTF-8 (with BOM) semicolon CSV, every formula-like cell escaped (see <see cref="WriterConfiguration"/>).</summary>
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
                    csv.WriteField(cell);
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }
}
