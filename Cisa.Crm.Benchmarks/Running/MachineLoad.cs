namespace Cisa.Crm.Benchmarks.Running;

/// <summary>The machine's load average, printed with the figures: other work on the same cores (a build, a test run) skews them.</summary>
public static class MachineLoad
{
    public static string Describe() =>
        File.Exists("/proc/loadavg") ? $"load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "load average unknown";
}
