using System.Reflection;
using Cisa.Crm.Core.Data.Bookkeeping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cisa.Crm.Core.Common;

/// <summary>
/// The fields an edit changed, so the audit entry can name them (never their values: the trail holds no
/// personal data). Read from EF's change tracker (<see cref="Of"/>): the property names, and for rows that
/// belong to the record's form (<see cref="IPartOfRecord"/>) the name of their list, in the order the entity
/// declares them. Stamps, versions and <see cref="NotAnEditAttribute"/> bookkeeping are not named.
/// </summary>
public sealed class FieldChanges
{
    private readonly List<string> _names = [];

    public bool Any => _names.Count > 0;

    public int Count => _names.Count;

    public IReadOnlyList<string> Names => _names;

    /// <summary>What the tracked <paramref name="entity"/> and its parts changed since they were loaded; call it before setting bookkeeping fields.</summary>
    public static FieldChanges Of(DbContext db, object entity)
    {
        db.ChangeTracker.DetectChanges();
        var entry = db.Entry(entity);
        var named = entry.Properties.Where(p => p.IsModified && IsField(p.Metadata.PropertyInfo))
            .Select(p => (Member: p.Metadata.PropertyInfo, p.Metadata.Name))
            .Concat(entry.ComplexProperties.Where(c => c.Properties.Any(p => p.IsModified && IsField(p.Metadata.PropertyInfo)))
                .Select(c => (Member: c.Metadata.PropertyInfo, c.Metadata.Name)))
            .Concat(entry.Collections.Where(c => PartsChanged(db, c)).Select(c => (Member: c.Metadata.PropertyInfo, c.Metadata.Name)));
        var changes = new FieldChanges();
        changes._names.AddRange(named.OrderBy(n => Depth(n.Member)).ThenBy(n => n.Member!.MetadataToken).Select(n => n.Name));
        return changes;
    }

    /// <summary>Kept for the subject request's rectification, which names partner contacts' primary e-mail and phone itself.</summary>
    public void Apply<T>(string field, T current, T value, Action<T> set)
    {
        if (!EqualityComparer<T>.Default.Equals(current, value))
        {
            set(value);
            _names.Add(field);
        }
    }

    public override string ToString() => "fields=" + string.Join(",", _names);

    /// <summary>A property a user edits: not a stamp, version or search key, nor a value the CRM sets itself.</summary>
    private static bool IsField(PropertyInfo? member) =>
        member is not null && !typeof(IStamped).GetProperties().Concat(typeof(IVersioned).GetProperties()).Any(p => p.Name == member.Name)
        && member.GetCustomAttribute<NotAnEditAttribute>() is null;

    /// <summary>Whether a row of an <see cref="IPartOfRecord"/> list was added, changed or removed (found by its key to the owner: a removed row has lost the navigation).</summary>
    private static bool PartsChanged(DbContext db, CollectionEntry collection)
    {
        var target = collection.Metadata.TargetEntityType;
        if (!target.ClrType.IsAssignableTo(typeof(IPartOfRecord)) || collection.Metadata is not INavigation { ForeignKey: var fk })
        {
            return false;
        }

        var owner = fk.PrincipalKey.Properties.Select(p => collection.EntityEntry.CurrentValues[p]).ToArray();
        return db.ChangeTracker.Entries().Any(e => e.Metadata == target && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && fk.Properties.Select(p => e.State == EntityState.Deleted ? e.OriginalValues[p] : e.CurrentValues[p]).SequenceEqual(owner));
    }

    private static int Depth(MemberInfo? member)
    {
        var depth = 0;
        for (var type = member?.DeclaringType; type is not null; type = type.BaseType)
        {
            depth++;
        }

        return depth;
    }
}
