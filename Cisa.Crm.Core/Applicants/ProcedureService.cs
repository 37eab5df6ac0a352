using System.Globalization;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Applicants;

public sealed record ProcedureInput(ProcedureKind Kind, string? Title, string? Department, DateOnly? OpenedOn);

/// <summary>An applicant in one procedure: when they applied, the outcome once closed, and whether they are restricted.</summary>
public sealed record ProcedureApplicantRow(int ApplicantId, string Name, ApplicationOutcome? Outcome, DateOnly AppliedOn = default, ApplicantSource Source = default,
    bool IsRestricted = false)
{
    /// <summary>In the procedure while it is open (no outcome yet), else the outcome it was closed with.</summary>
    public ApplicantStatus Status => Outcome switch
    {
        ApplicationOutcome.Hired => ApplicantStatus.Hired,
        ApplicationOutcome.Rejected => ApplicantStatus.Rejected,
        ApplicationOutcome.Withdrawn => ApplicantStatus.Withdrawn,
        ApplicationOutcome.KeptForFuture => ApplicantStatus.KeptForFuture,
        _ => ApplicantStatus.InProcedure,
    };
}

/// <summary>One procedure with its applicants, for its own page.</summary>
public sealed record ProcedureDetails(ProcedureRow Procedure, IReadOnlyList<ProcedureApplicantRow> Applicants);

public sealed record ProcedureRow(int Id, ProcedureKind Kind, string Title, string? Department, DateOnly OpenedOn, DateOnly? EndedOn, int Applicants, Guid Version);

/// <summary>Selection procedures: open a vacancy or the spontaneous pool, close it with an outcome per applicant, reopen it.</summary>
public sealed class ProcedureService(IDbContextFactory<CrmDbContext> dbFactory, ICurrentActor currentActor, AuditTrail trail, TimeProvider time)
{
    public const string EntityType = "Procedure";

    public async Task<IReadOnlyList<ProcedureRow>> ListAsync(bool openOnly = false, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.ApplicantsRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var procedures = db.SelectionProcedures.AsNoTracking();
        if (openOnly)
        {
            procedures = procedures.Where(p => p.EndedOn == null);
        }

        return await procedures
            .OrderBy(p => p.EndedOn != null).ThenByDescending(p => p.OpenedOn)
            .Select(p => new ProcedureRow(p.Id, p.Kind, p.Title, p.Department, p.OpenedOn, p.EndedOn,
                db.Applications.Count(a => a.ProcedureId == p.Id), p.ConcurrencyStamp))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The applicants in one procedure (for closing it with an outcome per applicant).</summary>
    public async Task<IReadOnlyList<ProcedureApplicantRow>> ApplicantsOfAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.ApplicantsRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ApplicantsOf(db, id).ToListAsync(cancellationToken);
    }

    /// <summary>One procedure and its applicants with their status in it, for the procedure's page (HR and the privacy officer).</summary>
    public async Task<ProcedureDetails> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.ApplicantsRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var procedure = await db.SelectionProcedures.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new ProcedureRow(p.Id, p.Kind, p.Title, p.Department, p.OpenedOn, p.EndedOn,
                db.Applications.Count(a => a.ProcedureId == p.Id), p.ConcurrencyStamp))
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException(EntityType);
        return new ProcedureDetails(procedure, await ApplicantsOf(db, id).ToListAsync(cancellationToken));
    }

    private static IQueryable<ProcedureApplicantRow> ApplicantsOf(CrmDbContext db, int id) =>
        db.Applications.AsNoTracking().Where(a => a.ProcedureId == id)
            .Join(db.Applicants, a => a.ApplicantId, p => p.Id, (a, p) => new { a, p })
            .OrderBy(x => x.p.LastNameKey).ThenBy(x => x.p.FirstNameKey).ThenBy(x => x.p.Id)
            .Select(x => new ProcedureApplicantRow(x.p.Id, x.p.FirstName + " " + x.p.LastName, x.a.Outcome, x.a.AppliedOn, x.p.Source, x.p.IsRestricted));

    public async Task<int> OpenAsync(ProcedureInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.ApplicantsWrite, cancellationToken);
        var v = new Validator();
        var title = v.RequiredText(nameof(input.Title), input.Title, ApplicantLimits.Title);
        var department = v.Text(nameof(input.Department), input.Department, ApplicantLimits.Department);
        var today = BrusselsTime.Today(time);
        var opened = input.OpenedOn ?? today;
        v.Day(nameof(input.OpenedOn), opened, DateWindow.Past(today), tooLate: "DateInFuture");
        v.Choice(nameof(input.Kind), input.Kind);

        v.ThrowIfInvalid();
        return await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var procedure = new SelectionProcedure { Kind = input.Kind, Title = title, Department = department, OpenedOn = opened };
            db.SelectionProcedures.Add(procedure);
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "Procedure.Opened", EntityType, procedure.Id.ToString(CultureInfo.InvariantCulture), $"kind={procedure.Kind}", cancellationToken);
            return procedure.Id;
        }, cancellationToken);
    }

    /// <summary>
    /// Closes the procedure on <paramref name="endedOn"/> (default today) and records an outcome for every
    /// applicant in it; from that date RET-APP-CV and RET-APP-CONTACT count.
    /// </summary>
    public async Task CloseAsync(int id, IReadOnlyDictionary<int, ApplicationOutcome> outcomes, Guid version, DateOnly? endedOn = null, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.ApplicantsWrite, cancellationToken);
        await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var procedure = await db.SelectionProcedures.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new RecordNotFoundException(EntityType);
            var today = BrusselsTime.Today(time);
            var end = endedOn ?? today;
            var applications = await db.Applications.Where(a => a.ProcedureId == id).ToListAsync(cancellationToken);
            procedure.Close(end, today, applications, outcomes);
            db.ExpectVersion(procedure, version);
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "Procedure.Closed", EntityType, id.ToString(CultureInfo.InvariantCulture),
                $"ended={end:yyyy-MM-dd};applications={applications.Count}", cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Reopens a closed procedure: its applicants have no expiry again until it closes anew.</summary>
    public async Task ReopenAsync(int id, Guid version, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.ApplicantsWrite, cancellationToken);
        await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var procedure = await db.SelectionProcedures.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new RecordNotFoundException(EntityType);
            procedure.Reopen();
            // The earlier outcomes no longer stand: they are given again when the procedure closes anew.
            await db.Applications.Where(a => a.ProcedureId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Outcome, (ApplicationOutcome?)null), cancellationToken);
            db.ExpectVersion(procedure, version);
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "Procedure.Reopened", EntityType, id.ToString(CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
            return true;
        }, cancellationToken);
    }
}
