using Cisa.Crm.Benchmarks.Generation;
using Microsoft.Data.Sqlite;

namespace Cisa.Crm.Benchmarks.Running;

/// <summary>
/// A small generated database (scale 0.001, the same day) on which a one-shot workload does its work once, untimed,
/// before the measured run. The app runs for days: its EF model and compiled queries are built long before a sweep or
/// an import, so the figures are taken warm, not in the first seconds of a fresh process.
/// </summary>
public sealed class WarmUpDatabase : IAsyncDisposable
{
    private WarmUpDatabase(string path, DatasetManifest manifest)
    {
        Path = path;
        Manifest = manifest;
    }

    public string Path { get; }

    public DatasetManifest Manifest { get; }

    public static async Task<WarmUpDatabase> CreateAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var path = $"{context.DatabasePath}.warm-up-scratch.db";
        var manifest = await BenchDataGenerator.GenerateAsync(new GeneratorOptions(path, Scale: 0.001, AsOf: context.Manifest.AsOf), TextWriter.Null, cancellationToken);
        return new WarmUpDatabase(path, manifest);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm", DatasetManifest.PathFor(Path) })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}
