using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Companies;

/// <summary>What a user fills in for a company.</summary>
public sealed record CompanyInput
{
    public string? Name { get; init; }
    public string? EnterpriseNumber { get; init; }
    public CompanyType Type { get; init; } = CompanyType.Prospect;
    public string? Sector { get; init; }
    public string? Street { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public string? CountryCode { get; init; } = "BE";
    public string? Website { get; init; }
    public string? AccountOwnerId { get; init; }
    public string? AccountOwnerName { get; init; }
    public DateOnly? RelationshipStartedOn { get; init; }
    public DateOnly? RelationshipEndedOn { get; init; }
}

public sealed record CompanyRow(int Id, string Name, string? EnterpriseNumber, CompanyType Type, string? City, string? AccountOwnerName, DateTime UpdatedAtUtc);

public sealed record CompanyOption(int Id, string Name, CompanyType Type);

public sealed record CompanyHistoryRow(CompanyType From, CompanyType To, DateTime ChangedAtUtc, string ChangedByName);

public sealed record CompanyDetails(int Id, CompanyInput Input, DateTime CreatedAtUtc, DateTime UpdatedAtUtc, Guid Version,
    IReadOnlyList<CompanyHistoryRow> History, int ProspectCount);

public enum CompanySort
{
    Name,
    Type,
    City,
    Updated,
}

public sealed record CompanyQuery(string? Search = null, CompanyType? Type = null, CompanySort Sort = CompanySort.Name, bool Descending = false);

/// <summary>Companies: the directory Sales works from, with the relationship history kept.</summary>
public sealed class CompanyService(IDbContextFactory<CrmDbContext> dbFactory, ICurrentActor currentActor, AuditTrail trail, TimeProvider time)
{
    public async Task<PagedResult<CompanyRow>> SearchAsync(CompanyQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.CompaniesRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var companies = Filter(db.Companies.AsNoTracking(), query.Search, query.Type);
        var total = await companies.CountAsync(cancellationToken);
        companies = (query.Sort, query.Descending) switch
        {
            (CompanySort.Type, false) => companies.OrderBy(c => c.Type).ThenBy(c => c.NameKey),
            (CompanySort.Type, true) => companies.OrderByDescending(c => c.Type).ThenBy(c => c.NameKey),
            (CompanySort.City, false) => companies.OrderBy(c => c.City).ThenBy(c => c.NameKey),
            (CompanySort.City, true) => companies.OrderByDescending(c => c.City).ThenBy(c => c.NameKey),
            (CompanySort.Updated, false) => companies.OrderBy(c => c.UpdatedAtUtc),
            (CompanySort.Updated, true) => companies.OrderByDescending(c => c.UpdatedAtUtc),
            (_, true) => companies.OrderByDescending(c => c.NameKey),
            _ => companies.OrderBy(c => c.NameKey),
        };
        var rows = await companies.Skip(page.SafeSkip).Take(page.SafeTake)
            .Select(c => new CompanyRow(c.Id, c.Name, c.EnterpriseNumber, c.Type, c.City, c.AccountOwnerName, c.UpdatedAtUtc))
            .ToListAsync(cancellationToken);
        return new PagedResult<CompanyRow>(rows, total);
    }

    /// <summary>Companies whose name starts with <paramref name="search"/>, for pickers (at most 20).</summary>
    public async Task<IReadOnlyList<CompanyOption>> FindOptionsAsync(string? search, CompanyType? type = null, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        if (!(type == CompanyType.RecruitmentAgency && actor.Has(Permission.RecruitmentAgenciesRead)))
        {
            actor.Demand(Permission.CompaniesRead);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Filter(db.Companies.AsNoTracking(), search, type)
            .OrderBy(c => c.NameKey).Take(20)
            .Select(c => new CompanyOption(c.Id, c.Name, c.Type))
            .ToListAsync(cancellationToken);
    }

    public async Task<CompanyDetails> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.CompaniesRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var company = await db.Companies.AsNoTracking().Include(c => c.TypeHistory).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException(nameof(Company));
        var prospects = await db.Prospects.CountAsync(p => p.CompanyId == id, cancellationToken)
            + await db.PartnerContacts.CountAsync(p => p.CompanyId == id, cancellationToken);
        return new CompanyDetails(company.Id, ToInput(company), company.CreatedAtUtc, company.UpdatedAtUtc, company.ConcurrencyStamp,
            company.TypeHistory.OrderByDescending(h => h.ChangedAtUtc).Select(h => new CompanyHistoryRow(h.From, h.To, h.ChangedAtUtc, h.ChangedByName)).ToList(),
            prospects);
    }

    public async Task<int> CreateAsync(CompanyInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.CompaniesWrite, cancellationToken);
        return await dbFactory.InTransactionAsync(nameof(Company), async db => (await AddAsync(db, actor, input, cancellationToken)).Id, cancellationToken);
    }

    /// <summary>
    /// Validates, saves and audits a new company inside the caller's transaction, so that a record created together
    /// with it (a prospect at a company the CRM did not have) is saved with it or not at all.
    /// </summary>
    internal async Task<Company> AddAsync(CrmDbContext db, CrmActor actor, CompanyInput input, CancellationToken cancellationToken)
    {
        actor.Demand(Permission.CompaniesWrite);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A company is added inside the transaction of the change it belongs to.");
        }

        var valid = await ValidateAsync(db, input, existingId: null, BrusselsTime.Today(time), cancellationToken);
        var company = new Company { Name = valid.Name!, Type = valid.Type };
        Apply(company, valid, actor, time.GetUtcNow().UtcDateTime);
        db.Companies.Add(company);
        await db.SaveChangesAsync(cancellationToken);
        await trail.RecordAsync(db, actor, "Company.Created", nameof(Company), company.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"type={company.Type}", cancellationToken);
        return company;
    }

    /// <summary>Saves an edit made on <paramref name="version"/>; a type change is kept in the history.</summary>
    public async Task<Guid> UpdateAsync(int id, CompanyInput input, Guid version, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.CompaniesWrite, cancellationToken);
        return await dbFactory.InTransactionAsync(nameof(Company), async db =>
        {
            var company = await db.Companies.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new RecordNotFoundException(nameof(Company));
            var valid = await ValidateAsync(db, input, id, BrusselsTime.Today(time), cancellationToken);
            if (valid.Type == CompanyType.Prospect && company.Type != CompanyType.Prospect
                && await db.PartnerContacts.AnyAsync(p => p.CompanyId == id, cancellationToken))
            {
                // Contact persons belong to customers and suppliers; a prospect has prospects instead.
                throw new CrmValidationException([new FieldError(nameof(CompanyInput.Type), "HasPartnerContacts")]);
            }
            var previousNameKey = company.NameKey;
            Apply(company, valid, actor, time.GetUtcNow().UtcDateTime);
            var changes = FieldChanges.Of(db, company);
            if (!changes.Any)
            {
                return company.ConcurrencyStamp;
            }

            db.ExpectVersion(company, version);
            await db.SaveChangesAsync(cancellationToken);
            if (company.NameKey != previousNameKey)
            {
                // The prospects' copy of the key, for the list's company sort; in the same transaction as the rename.
                // Not an edit of the prospects: their UpdatedAtUtc (retention) and version stay as they are.
                await db.Prospects.Where(p => p.CompanyId == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.CompanyNameKey, company.NameKey), cancellationToken);
            }

            await trail.RecordAsync(db, actor, "Company.Updated", nameof(Company), id.ToString(System.Globalization.CultureInfo.InvariantCulture), changes.ToString(), cancellationToken);
            return company.ConcurrencyStamp;
        }, cancellationToken);
    }

    /// <summary>A won prospect company becomes a customer; the change is kept in its history.</summary>
    public async Task<Guid> MarkWonAsync(int id, Guid version, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.CompaniesWrite, cancellationToken);
        return await dbFactory.InTransactionAsync(nameof(Company), async db =>
        {
            var company = await db.Companies.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new RecordNotFoundException(nameof(Company));
            company.Win(actor, time.GetUtcNow().UtcDateTime);
            db.ExpectVersion(company, version);
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "Company.Won", nameof(Company), id.ToString(System.Globalization.CultureInfo.InvariantCulture), "type=Prospect->Customer", cancellationToken);
            return company.ConcurrencyStamp;
        }, cancellationToken);
    }

    /// <summary>How many companies there are of each type (every type present, zero included).</summary>
    public async Task<IReadOnlyDictionary<CompanyType, int>> CountByTypeAsync(CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.CompaniesRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.Companies.AsNoTracking()
            .GroupBy(c => c.Type)
            .Select(g => new { Type = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Type, x => x.Count, cancellationToken);
        return Enum.GetValues<CompanyType>().ToDictionary(t => t, t => counts.GetValueOrDefault(t));
    }

    public async Task<int> CountRecruitmentAgenciesAsync(CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.RecruitmentAgenciesRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Companies.CountAsync(c => c.Type == CompanyType.RecruitmentAgency, cancellationToken);
    }

    private static IQueryable<Company> Filter(IQueryable<Company> companies, string? search, CompanyType? type)
    {
        if (type is { } t)
        {
            companies = companies.Where(c => c.Type == t);
        }

        var key = ContactNormaliser.SearchKey(search);
        if (key.Length > 0)
        {
            // A prefix range on the indexed key: "kem" matches "kempen…" without scanning the table.
            var upper = key + "\uffff";
            var enterprise = Companies.EnterpriseNumber.Normalise(search);
            companies = companies.Where(c => (string.Compare(c.NameKey, key) >= 0 && string.Compare(c.NameKey, upper) < 0)
                || (enterprise != null && c.EnterpriseNumber == enterprise));
        }

        return companies;
    }

    private static async Task<CompanyInput> ValidateAsync(CrmDbContext db, CompanyInput input, int? existingId, DateOnly today, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var name = v.RequiredText(nameof(input.Name), input.Name, CompanyLimits.Name);
        string? enterpriseNumber = null;
        if (!string.IsNullOrWhiteSpace(input.EnterpriseNumber))
        {
            enterpriseNumber = Companies.EnterpriseNumber.Normalise(input.EnterpriseNumber);
            if (enterpriseNumber is null)
            {
                v.Add(nameof(input.EnterpriseNumber), "EnterpriseNumberInvalid");
            }
            else if (await db.Companies.AnyAsync(c => c.EnterpriseNumber == enterpriseNumber && c.Id != existingId, cancellationToken))
            {
                v.Add(nameof(input.EnterpriseNumber), "EnterpriseNumberTaken");
            }
        }

        var country = v.Country(nameof(input.CountryCode), input.CountryCode);
        var postalCode = v.PostalCode(nameof(input.PostalCode), input.PostalCode, country, AddressLimits.PostalCode);

        var website = v.Text(nameof(input.Website), input.Website, CompanyLimits.Website);
        if (website is not null)
        {
            website = NormaliseWebsite(website);
            if (website is null)
            {
                v.Add(nameof(input.Website), "WebsiteInvalid");
            }
        }

        v.Choice(nameof(input.Type), input.Type);

        // RET-PARTNER counts from the end: a day no person means (0001-01-01) would make the contacts due at once.
        var relationship = DateWindow.Relationship(today);
        var startOk = input.RelationshipStartedOn is not { } start || v.Day(nameof(input.RelationshipStartedOn), start, relationship);
        var endOk = input.RelationshipEndedOn is not { } end || v.Day(nameof(input.RelationshipEndedOn), end, relationship);
        if (startOk && endOk && input.RelationshipEndedOn is { } ended && input.RelationshipStartedOn is { } started && ended < started)
        {
            v.Add(nameof(input.RelationshipEndedOn), "EndBeforeStart");
        }

        var result = input with
        {
            Name = name,
            EnterpriseNumber = enterpriseNumber,
            CountryCode = country,
            PostalCode = postalCode,
            Website = website,
            Sector = v.Text(nameof(input.Sector), input.Sector, CompanyLimits.Sector),
            Street = v.Text(nameof(input.Street), input.Street, AddressLimits.Street),
            City = v.Text(nameof(input.City), input.City, AddressLimits.City),
            AccountOwnerId = v.Text(nameof(input.AccountOwnerId), input.AccountOwnerId, 128),
            AccountOwnerName = v.Text(nameof(input.AccountOwnerName), input.AccountOwnerName, 200),
        };
        v.ThrowIfInvalid();
        return result;
    }

    private static string? NormaliseWebsite(string website)
    {
        var candidate = website.Contains("://", StringComparison.Ordinal) ? website : "https://" + website;
        return Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.', StringComparison.Ordinal)
            ? uri.ToString().TrimEnd('/')
            : null;
    }

    private static void Apply(Company company, CompanyInput input, CrmActor actor, DateTime now)
    {
        company.Name = input.Name!;
        company.EnterpriseNumber = input.EnterpriseNumber;
        company.ChangeType(input.Type, actor, now);
        company.Sector = input.Sector;
        company.Street = input.Street;
        company.PostalCode = input.PostalCode;
        company.City = input.City;
        company.CountryCode = input.CountryCode!;
        company.Website = input.Website;
        company.AccountOwnerId = input.AccountOwnerId;
        company.AccountOwnerName = input.AccountOwnerName;
        company.RelationshipStartedOn = input.RelationshipStartedOn;
        company.RelationshipEndedOn = input.RelationshipEndedOn;
    }

    private static CompanyInput ToInput(Company c) => new()
    {
        Name = c.Name, EnterpriseNumber = c.EnterpriseNumber, Type = c.Type, Sector = c.Sector, Street = c.Street,
        PostalCode = c.PostalCode, City = c.City, CountryCode = c.CountryCode, Website = c.Website,
        AccountOwnerId = c.AccountOwnerId, AccountOwnerName = c.AccountOwnerName,
        RelationshipStartedOn = c.RelationshipStartedOn, RelationshipEndedOn = c.RelationshipEndedOn,
    };
}
