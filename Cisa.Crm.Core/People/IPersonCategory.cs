using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Erasure;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.People;

/// <summary>
/// Everything the cross-category features (search, privacy lists, subject requests, retention, erasure) need to know
/// about one kind of data subject. One class per category; <see cref="PersonRegistry"/> finds them all, so a new
/// category is one such class plus its entity, and no service switches on <see cref="PersonCategory"/>.
/// </summary>
public interface IPersonCategory
{
    PersonCategory Category { get; }

    /// <summary>The resource key of the category's name in the user's language.</summary>
    string LabelKey { get; }

    /// <summary>What a user needs to see records of this category (the search box offers only those).</summary>
    Permission ReadPermission { get; }

    /// <summary>The app's path of a record's own page.</summary>
    string PagePath(int id);

    /// <summary>The name of the Material icon the lists show beside a record (the web layer resolves it).</summary>
    string IconName { get; }

    /// <summary>The retention rules that erase (part of) this category's records.</summary>
    IReadOnlyList<RetentionRule> RetentionRules { get; }

    Task<bool> ExistsAsync(CrmDbContext db, int id, CancellationToken cancellationToken);

    /// <summary>What the given records' retention counts from, for the expiry the retention preview shows.</summary>
    Task<Dictionary<int, RetentionAnchor>> RetentionAnchorsAsync(CrmDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    /// <summary>Name, context (company) and restriction of the given records, in one query.</summary>
    Task<List<PersonLabel>> LabelsAsync(CrmDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    /// <summary>The record, tracked, with its contact points loaded (for restriction and rectification), or null.</summary>
    Task<Person?> LoadAsync(CrmDbContext db, int id, CancellationToken cancellationToken);

    /// <summary>The normalised e-mail addresses and phone numbers of a record from <see cref="LoadAsync"/>.</summary>
    (IReadOnlyList<string> Emails, IReadOnlyList<string> Phones) ContactPoints(Person record);

    /// <summary>Rectification of the contact points (the names are the same on every category and done by the caller).</summary>
    void RectifyContactPoints(Person record, RequestDecision decision, FieldChanges changes, DateTime now);

    /// <summary>
    /// Erases a batch with set-based statements inside the caller's transaction (see <see cref="PersonEraser"/> for what
    /// goes and what stays); returns what was erased per person, for the audit.
    /// </summary>
    Task<IReadOnlyList<ErasedPerson>> EraseAsync(CrmDbContext db, int[] batch, CancellationToken cancellationToken);

    /// <summary>DSR-NOTIFY: whether records of this category are ever disclosed to recipients (who are then told of changes).</summary>
    bool IsDisclosed { get; }

    /// <summary>DSR-NOTIFY: the companies this person's data was disclosed to (none for a category that is never disclosed).</summary>
    Task<List<(int Id, string Name)>> RecipientsAsync(CrmDbContext db, int id, CancellationToken cancellationToken);

    /// <summary>The SQL the prepared search reads this category with (see <see cref="Data.Sqlite.PersonSearchSql"/>).</summary>
    PersonSearchTable Search { get; }

    /// <summary>DSR-FIND: what the privacy officer sees of the records the search matched, with the records pointing at them.</summary>
    Task<List<FoundPerson>> FoundAsync(CrmDbContext db, IReadOnlyDictionary<int, MatchedOn> matches, CancellationToken cancellationToken);

    /// <summary>The records pointing at a found person, as (resource key, count) pairs; a null count is a yes without a number.</summary>
    IEnumerable<(string TextKey, int? Count)> Related(FoundPerson found);

    /// <summary>DSR-ACCESS: this record's part of the access report, or null when it is gone.</summary>
    Task<ReportRecord?> AccessReportAsync(AccessReportBuilder report, ReplyLanguage language, int id, CancellationToken cancellationToken);
}

/// <summary>
/// The category's table in the search's SQL, aliased <c>t</c>: the company shown beside a hit, how a phone number
/// matches, and how an e-mail matches given the condition on one address column (a prefix range or an equality).
/// </summary>
public sealed record PersonSearchTable(string Table, string Company, string PhoneWhere, Func<string, (string Where, string Order)> EmailWhere);

/// <summary>
/// What the categories share: what they are given when made (their enum value, read permission, icon, retention
/// rules and search SQL), and their entity's table, for existence and loading.
/// </summary>
public abstract class PersonCategoryBase<TPerson>(
    PersonCategory category, Permission readPermission, string iconName, IReadOnlyList<RetentionRule> retentionRules, PersonSearchTable search) : IPersonCategory
    where TPerson : Person
{
    public PersonCategory Category => category;

    public string LabelKey => $"PersonCategory.{category}";

    public Permission ReadPermission => readPermission;

    public string IconName => iconName;

    public IReadOnlyList<RetentionRule> RetentionRules => retentionRules;

    public PersonSearchTable Search => search;

    public abstract string PagePath(int id);

    public Task<bool> ExistsAsync(CrmDbContext db, int id, CancellationToken cancellationToken) =>
        db.Set<TPerson>().AnyAsync(p => p.Id == id, cancellationToken);

    public async Task<Person?> LoadAsync(CrmDbContext db, int id, CancellationToken cancellationToken) =>
        await WithContactPoints(db.Set<TPerson>()).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public (IReadOnlyList<string> Emails, IReadOnlyList<string> Phones) ContactPoints(Person record) => ContactPoints((TPerson)record);

    public void RectifyContactPoints(Person record, RequestDecision decision, FieldChanges changes, DateTime now) =>
        RectifyContactPoints((TPerson)record, decision, changes, now);

    public abstract Task<List<PersonLabel>> LabelsAsync(CrmDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    public abstract Task<Dictionary<int, RetentionAnchor>> RetentionAnchorsAsync(CrmDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    public abstract Task<IReadOnlyList<ErasedPerson>> EraseAsync(CrmDbContext db, int[] batch, CancellationToken cancellationToken);

    public virtual bool IsDisclosed => false;

    public virtual Task<List<(int Id, string Name)>> RecipientsAsync(CrmDbContext db, int id, CancellationToken cancellationToken) => Task.FromResult(new List<(int, string)>());

    public abstract Task<List<FoundPerson>> FoundAsync(CrmDbContext db, IReadOnlyDictionary<int, MatchedOn> matches, CancellationToken cancellationToken);

    public abstract IEnumerable<(string TextKey, int? Count)> Related(FoundPerson found);

    public abstract Task<ReportRecord?> AccessReportAsync(AccessReportBuilder report, ReplyLanguage language, int id, CancellationToken cancellationToken);

    /// <summary>The related tables <see cref="LoadAsync"/> brings along (a category whose contact points are rows of their own).</summary>
    protected virtual IQueryable<TPerson> WithContactPoints(IQueryable<TPerson> people) => people;

    protected abstract (IReadOnlyList<string> Emails, IReadOnlyList<string> Phones) ContactPoints(TPerson record);

    protected abstract void RectifyContactPoints(TPerson record, RequestDecision decision, FieldChanges changes, DateTime now);

    /// <summary>The values that are there (a person may have no e-mail or no phone).</summary>
    protected static List<string> Present(params string?[] values) => values.Where(v => v is not null).Select(v => v!).ToList();
}
