using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace Cisa.Crm.Core.Data.Sqlite;

/// <summary>
/// One prepared <c>INSERT</c> of an entity type, reused for every row, in the context's open transaction: for
/// bulk writes (the CSV import), where <c>SaveChanges</c> would track every entity and build and prepare new
/// SQL for every batch. The EF model is the source of the statement: its table, every mapped column except the
/// generated key, and each value converted by the column's own type mapping, so the rows are the ones
/// <c>SaveChanges</c> would have written. Values are bound by position (<see cref="PositionalStatement"/>). The
/// generated key is set back on the entity, read with <c>last_insert_rowid</c>: a <c>RETURNING</c> clause doubled
/// the cost of each insert.
/// </summary>
public sealed class PreparedInsert<TEntity> : IAsyncDisposable
    where TEntity : class
{
    private readonly SqliteConnection _connection;
    private readonly PositionalStatement _statement;
    private readonly InsertColumn[] _columns;
    private readonly PropertyInfo _key;

    internal PreparedInsert(SqliteConnection connection, PositionalStatement statement, InsertColumn[] columns, PropertyInfo key)
    {
        _connection = connection;
        _statement = statement;
        _columns = columns;
        _key = key;
    }

    /// <summary>The columns the statement fills, in order.</summary>
    public IReadOnlyList<string> ColumnNames => _columns.Select(c => c.Name).ToList();

    /// <summary>Inserts the entity and sets its generated key.</summary>
    public Task InsertAsync(TEntity entity, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            var value = column.Getter.GetClrValueUsingContainingEntity(entity);
            _statement.Bind(i + 1, value is null ? null : column.Converter?.ConvertToProvider(value) ?? value, column.AsText);
        }

        _statement.Execute();
        _key.SetValue(entity, Convert.ChangeType(raw.sqlite3_last_insert_rowid(_connection.Handle), _key.PropertyType, CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _statement.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Builds a <see cref="PreparedInsert{TEntity}"/> from the model.</summary>
public static class PreparedInsert
{
    public static Task<PreparedInsert<TEntity>> CreateAsync<TEntity>(CrmDbContext db, CancellationToken cancellationToken)
        where TEntity : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        _ = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A prepared insert writes in the transaction of its change: begin one first.");
        var entityType = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var key = entityType.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd, PropertyInfo: { } keyInfo } keyProperty] ? (keyProperty, keyInfo)
            : throw new NotSupportedException($"{typeof(TEntity).Name}: a prepared insert needs a single generated key.");
        var sql = db.GetService<ISqlGenerationHelper>();

        var connection = db.Database.GetDbConnection() as SqliteConnection
            ?? throw new NotSupportedException("A prepared insert reads the new key the SQLite way (last_insert_rowid).");
        var columns = new List<InsertColumn>();
        // A complex type's members (the legitimate-interest note) are columns of the same table.
        foreach (var property in entityType.GetProperties().Where(p => p != key.keyProperty)
            .Concat(entityType.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties())))
        {
            if (property.IsShadowProperty() || property.GetColumnName(table) is not { } name)
            {
                throw new NotSupportedException($"{typeof(TEntity).Name}.{property.Name}: a prepared insert fills CLR properties mapped to its table only.");
            }

            // The column's store type says how a value that could go either way is stored (EF keeps GUIDs as text).
            var mapping = property.GetRelationalTypeMapping();
            columns.Add(new InsertColumn(name, property.GetGetter(), mapping.Converter, !mapping.StoreType.Equals("BLOB", StringComparison.OrdinalIgnoreCase)));
        }

        var statement = PositionalStatement.Prepare(connection,
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) "
            + $"VALUES ({string.Join(", ", columns.Select(_ => "?"))})");
        return Task.FromResult(new PreparedInsert<TEntity>(connection, statement, columns.ToArray(), key.keyInfo));
    }
}

internal sealed record InsertColumn(string Name, IClrPropertyGetter Getter, ValueConverter? Converter, bool AsText);
