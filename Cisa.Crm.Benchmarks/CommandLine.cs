using System.Globalization;

namespace Cisa.Crm.Benchmarks;

/// <summary>A verb followed by <c>--name value</c> options; unknown options are refused so a typo cannot go unnoticed.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    public CommandLine(IReadOnlyList<string> args)
    {
        Verb = args.Count > 0 ? args[0] : "";
        for (var i = 1; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected --option value, got '{args[i]}'.");
            }

            _options[args[i][2..]] = args[++i];
        }
    }

    public string Verb { get; }

    public string Text(string name, string fallback) => Read(name) ?? fallback;

    public int Int(string name, int fallback) => Read(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => Read(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public DateOnly? Date(string name) => Read(name) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    public IReadOnlyList<string> List(string name) =>
        Read(name) is { } text ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    public void EnsureAllUsed()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }
    }

    private string? Read(string name)
    {
        _read.Add(name);
        return _options.GetValueOrDefault(name);
    }
}
