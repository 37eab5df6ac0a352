namespace Cisa.Crm.Core.Data.Bookkeeping;

/// <summary>A record that knows when it was created; <see cref="BookkeepingInterceptor"/> sets it when EF adds the row.</summary>
public interface ICreated
{
    DateTime CreatedAtUtc { get; set; }
}

/// <summary>A record that knows when it was created and last edited; <see cref="BookkeepingInterceptor"/> sets both.</summary>
public interface IStamped : ICreated
{
    /// <summary>The last edit by a user; it drives retention, so only an edit (a save under an expected version) moves it.</summary>
    DateTime UpdatedAtUtc { get; set; }
}

/// <summary>
/// A record edited with optimistic concurrency: an edit is saved on the version the user saw
/// (<see cref="CrmWrite.ExpectVersion{TEntity}"/>) and <see cref="BookkeepingInterceptor"/> gives it a new one.
/// </summary>
public interface IVersioned
{
    Guid ConcurrencyStamp { get; set; }
}

/// <summary>
/// A row that belongs to its owner's form (a partner contact's e-mail addresses, phones, postal addresses):
/// when one is added, changed or removed, the audit names the owner's list (<c>Emails</c>) as changed.
/// </summary>
public interface IPartOfRecord;

/// <summary>
/// A value the CRM keeps up to date itself (a search key, who wrote a note, the last call, the last review),
/// not a field a user edits: the audit never names it as a changed field.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAnEditAttribute : Attribute;
