using System.Diagnostics;
using System.Globalization;
using Bogus;
using Cisa.Crm.Demo;
using Cisa.Crm.Core.Time;
using Microsoft.Data.Sqlite;

namespace Cisa.Crm.Benchmarks.Generation;

/// <summary>What every section of the generator shares: the seeded randomness, the reference date, the connection and the counts.</summary>
internal sealed class GenerationRun
{
    private const int RowsPerTransaction = 250_000;

    private readonly List<BulkInsert> _tables = [];
    private long _rowsSinceCommit;

    public GenerationRun(GeneratorOptions options, SqliteConnection connection, DateOnly asOf)
    {
        Options = options;
        Connection = connection;
        AsOf = asOf;
        Random = new Randomizer(options.Seed);
        Faker = new Faker("nl_BE") { Random = Random };
        Contacts = new ContactPoints(Random);
        Names = new PersonNames(Random);

        // "Now" is the end of the working day on the reference date, so every generated moment lies before it.
        Now = BrusselsTime.ToUtc(asOf.ToDateTime(new TimeOnly(17, 30)));
        Sales = [DemoStaff.Sales, DemoStaff.SalesColleague, .. InventedStaff("bench-sales", 18, Core.Security.CrmRoles.Sales, options.Seed + 1)];
        HR = [DemoStaff.HR, .. InventedStaff("bench-hr", 2, Core.Security.CrmRoles.HR, options.Seed + 2)];
    }

    public GeneratorOptions Options { get; }

    public SqliteConnection Connection { get; }

    public DateOnly AsOf { get; }

    public DateTime Now { get; }

    public Randomizer Random { get; }

    public Faker Faker { get; }

    public ContactPoints Contacts { get; }

    public PersonNames Names { get; }

    public IReadOnlyList<DemoStaff.Member> Sales { get; }

    public IReadOnlyList<DemoStaff.Member> HR { get; }

    public Dictionary<string, long> Expired { get; } = new(StringComparer.Ordinal);

    public Stopwatch Clock { get; } = new();

    public long Rows => _tables.Sum(t => t.Rows);

    public IReadOnlyDictionary<string, long> RowsPerTable =>
        _tables.GroupBy(t => t.Table).ToDictionary(g => g.Key, g => g.Sum(t => t.Rows), StringComparer.Ordinal);

    public BulkInsert Table(string table, params string[] columns)
    {
        SchemaCheck.EnsureCovered(Connection, table, columns);
        var insert = new BulkInsert(Connection, table, columns);
        _tables.Add(insert);
        return insert;
    }

    /// <summary>Commits every quarter million rows, so the write-ahead log stays small while the load runs in large transactions.</summary>
    public void Wrote(int rows = 1)
    {
        _rowsSinceCommit += rows;
        if (_rowsSinceCommit >= RowsPerTransaction)
        {
            Execute("COMMIT; BEGIN;");
            _rowsSinceCommit = 0;
        }
    }

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public DemoStaff.Member AnySales() => Sales[Random.Int(0, Sales.Count - 1)];

    public DemoStaff.Member AnyHR() => HR[Random.Int(0, HR.Count - 1)];

    /// <summary>A version-4 GUID from the seeded generator, so the same seed gives the same concurrency stamps.</summary>
    public Guid NewGuid()
    {
        var bytes = Random.Bytes(16);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>A moment during Brussels office hours on a day between the two dates (inclusive), never after <see cref="Now"/>.</summary>
    public DateTime OfficeMoment(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            to = from;
        }

        var day = from.AddDays(Random.Int(0, to.DayNumber - from.DayNumber));
        var utc = BrusselsTime.ToUtc(day.ToDateTime(new TimeOnly(Random.Int(8, 17), Random.Int(0, 59))));
        return utc > Now ? Now.AddMinutes(-Random.Int(1, 120)) : utc;
    }

    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(BrusselsTime.FromUtc(utc));

    public void DisposeTables()
    {
        foreach (var table in _tables)
        {
            table.Dispose();
        }
    }

    /// <summary>Colleagues of the demo users, numbered after them; their own generator keeps the data the same whatever their number.</summary>
    private static List<DemoStaff.Member> InventedStaff(string prefix, int count, string role, int seed)
    {
        var faker = new Faker("nl_BE") { Random = new Randomizer(seed) };
        return Enumerable.Range(3, count)
            .Select(i => new DemoStaff.Member(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i:D2}"), faker.Name.FullName(), role))
            .ToList();
    }
}
