// Writing what the crawl found, skipped and measured to artifacts/crawl/<case>.txt.
using System.Globalization;
using System.Text;

namespace Cisa.Crm.Tests.EndToEnd.Crawl;

public sealed partial class Crawler
{
    /// <summary>Writes what was found, skipped and measured to <c>artifacts/crawl/&lt;case&gt;.txt</c>.</summary>
    public async Task WriteReportAsync()
    {
        Directory.CreateDirectory(ReportFolder);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{_case}: {_total.Elapsed.TotalSeconds:0.0}s, {_links} link(s) requested, {_clicks} click(s), {_findings.Count} finding(s)");
        report.AppendLine(CultureInfo.InvariantCulture, $"phases: {string.Join(", ", _phases.Select(p => $"{p.Key} {p.Value.TotalSeconds:0.0}s"))}");
        report.AppendLine().AppendLine("findings:");
        lock (_findings)
        {
            _findings.ForEach(f => report.AppendLine("  " + f));
        }

        report.AppendLine().AppendLine("pages:");
        _log.ForEach(l => report.AppendLine("  " + l));
        report.AppendLine().AppendLine("clicks:");
        _clickLog.ForEach(c => report.AppendLine("  " + c));
        report.AppendLine().AppendLine("not clicked:");
        _skipped.ForEach(s => report.AppendLine("  " + s));
        await File.WriteAllTextAsync(Path.Combine(ReportFolder, _case + ".txt"), report.ToString());
    }
}
