using Cisa.Crm.Benchmarks.Generation;
using Microsoft.Data.Sqlite;

namespace Cisa.Crm.Benchmarks.Running;

/// <summary>What a workload gets: the options, the generated database and its manifest, and where to report progress.</summary>
public sealed class BenchContext(RunOptions options, DatasetManifest manifest, TextWriter log)
{
    public RunOptions Options { get; } = options;

    public DatasetManifest Manifest { get; } = manifest;

    public TextWriter Log { get; } = log;

    public string DatabasePath { get; } = Path.GetFullPath(options.DatabasePath);

    public string ConnectionString => BenchServices.ConnectionString(DatabasePath);

    /// <summary>
    /// A copy of the benchmark database for a workload that writes (an import, the browser's sign-ins),
    /// so every run starts from the generated data. Deleted when disposed.
    /// </summary>
    public ScratchDatabase ScratchCopy(string purpose)
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }

        var path = $"{DatabasePath}.{purpose}-scratch.db";
        File.Copy(DatabasePath, path, overwrite: true);
        return new ScratchDatabase(path);
    }
}

public sealed class ScratchDatabase(string path) : IDisposable
{
    public string Path { get; } = path;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>One benchmark workload (P-LIST, P-SEARCH, …).</summary>
public interface IWorkload
{
    string Id { get; }

    Task<WorkloadResult> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
