using System.Globalization;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Privacy.Erasure;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Privacy.Suppression;
using Cisa.Crm.Core.Security;
using Microsoft.EntityFrameworkCore;
using static Cisa.Crm.Core.Privacy.Requests.RequestRules;

namespace Cisa.Crm.Core.Privacy.Requests;

/// <summary>
/// The requester's records in a subject request: one search over every category (DSR-FIND), the matches the
/// privacy officer confirms (held from the retention sweep while the request is open), a decision per record
/// (erase, object, rectify, restrict, exempt: DSR-EXEMPT), all carried out in one transaction with the retention
/// sweep's eraser, the recipients to tell (DSR-NOTIFY) and lifting a restriction (DSR-RESTRICT).
/// </summary>
public sealed class RequestRecordsService(
    IDbContextFactory<CrmDbContext> dbFactory,
    ICurrentActor currentActor,
    PersonEraser eraser,
    PersonSearchService search,
    SuppressionList suppression,
    AuditTrail trail,
    TimeProvider time,
    PersonRegistry registry)
{
    /// <summary>DSR-FIND: the records that may be the requester's, each marked when already confirmed.</summary>
    public async Task<IReadOnlyList<(FoundPerson Found, bool Confirmed)>> SearchAsync(int id, FindQuery query, CancellationToken cancellationToken = default)
    {
        return await OnRequestAsync(id, r => r.EnsureOpen(), async (db, _, actor) =>
        {
            var found = await search.FindAsync(db, query, cancellationToken);
            var confirmed = (await db.RequestMatches.Where(m => m.RequestId == id).Select(m => new { m.Category, m.PersonId }).ToListAsync(cancellationToken))
                .Select(m => new PersonRef(m.Category, m.PersonId)).ToHashSet();
            await trail.RecordAsync(db, actor, "SubjectRequest.Searched", EntityType, Key(id), $"found={found.Count}", cancellationToken);
            return (IReadOnlyList<(FoundPerson, bool)>)found.Select(f => (f, confirmed.Contains(f.Person))).ToList();
        }, cancellationToken);
    }

    /// <summary>Confirms a record is the requester's; while the request is open the retention sweep leaves it alone.</summary>
    public async Task ConfirmMatchAsync(int id, PersonRef person, CancellationToken cancellationToken = default)
    {
        await OnRequestAsync(id, r => r.EnsureCanConfirmMatch(), async (db, request, actor) =>
        {
            if ((await registry.LabelsAsync(db, [person], cancellationToken)).Count == 0)
            {
                throw new RecordNotFoundException(person.Category.ToString());
            }

            if (await db.RequestMatches.AnyAsync(m => m.RequestId == id && m.Category == person.Category && m.PersonId == person.Id, cancellationToken))
            {
                return true;
            }

            var now = time.GetUtcNow().UtcDateTime;
            db.RequestMatches.Add(new RequestMatch { RequestId = id, Category = person.Category, PersonId = person.Id, ConfirmedAtUtc = now, ConfirmedById = actor.Id });
            db.RetentionHolds.Add(RetentionHold.Place(person, HoldKind.SubjectRequest, request.Reference, actor, now, requestId: id));
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "SubjectRequest.MatchConfirmed", person.Category.ToString(), Key(person.Id), $"request={id}", cancellationToken);
            return true;
        }, cancellationToken);
    }

    public async Task RemoveMatchAsync(int id, PersonRef person, CancellationToken cancellationToken = default)
    {
        await OnRequestAsync(id, r => r.EnsureOpen(), async (db, _, actor) =>
        {
            if (await db.RequestDecisions.AnyAsync(d => d.RequestId == id && d.Category == person.Category && d.PersonId == person.Id && d.ExecutedAtUtc != null, cancellationToken))
            {
                throw SubjectRequest.WrongState();
            }

            await db.RequestDecisions.Where(d => d.RequestId == id && d.Category == person.Category && d.PersonId == person.Id).ExecuteDeleteAsync(cancellationToken);
            await db.RequestMatches.Where(m => m.RequestId == id && m.Category == person.Category && m.PersonId == person.Id).ExecuteDeleteAsync(cancellationToken);
            await ReleaseHoldsAsync(db, id, person, actor, time.GetUtcNow().UtcDateTime, cancellationToken);
            await trail.RecordAsync(db, actor, "SubjectRequest.MatchRemoved", person.Category.ToString(), Key(person.Id), $"request={id}", cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Records (or replaces) the decision for one confirmed record. Only after the identity is verified.</summary>
    public async Task DecideAsync(int id, DecisionInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        var decision = ValidateDecision(input);
        await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var request = await FindAsync(db, id, cancellationToken);
            request.EnsureCanDecide();

            var person = input.Person;
            if (!await db.RequestMatches.AnyAsync(m => m.RequestId == id && m.Category == person.Category && m.PersonId == person.Id, cancellationToken))
            {
                throw new RuleViolationException("NotAMatch", "Confirm that this record is the requester's before deciding on it.");
            }

            await db.RequestDecisions.Where(d => d.RequestId == id && d.Category == person.Category && d.PersonId == person.Id).ExecuteDeleteAsync(cancellationToken);
            decision.RequestId = id;
            db.RequestDecisions.Add(decision);
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "SubjectRequest.Decided", person.Category.ToString(), Key(person.Id),
                $"request={id};action={decision.Action}{(decision.Ground is { } g ? ";ground=" + g : "")}", cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Carries out every decision of the request in one transaction: erasures through the shared eraser,
    /// suppression entries for objections, rectifications, restrictions, and the recipients to notify
    /// (DSR-NOTIFY) taken from the disclosure log before anything is erased.
    /// </summary>
    public async Task<Guid> ExecuteAsync(int id, Guid version, CancellationToken cancellationToken = default)
    {
        return await OnRequestAsync(id, r => r.EnsureCanDecide(), async (db, request, actor) =>
        {
            var decisions = await db.RequestDecisions.Where(d => d.RequestId == id && d.ExecutedAtUtc == null).ToListAsync(cancellationToken);
            if (decisions.Count == 0)
            {
                throw new RuleViolationException("NoDecisions", "Decide on at least one record first.");
            }

            var now = time.GetUtcNow().UtcDateTime;
            var audit = new List<AuditRecord>();
            foreach (var decision in decisions)
            {
                var person = new PersonRef(decision.Category, decision.PersonId);
                var restricts = decision.Action == DecisionAction.Restrict || (decision.Action == DecisionAction.Exempt && decision.RestrictInstead);
                var notifyAs = restricts ? DecisionAction.Restrict : decision.Action;
                if (decision.Action is DecisionAction.Erase or DecisionAction.EraseAndSuppress or DecisionAction.Rectify || restricts)
                {
                    await AddNotificationsAsync(db, id, person, notifyAs, cancellationToken);
                }

                decision.Result = decision.Action switch
                {
                    DecisionAction.Erase => await EraseAsync(db, person, suppress: false, request.Reference, cancellationToken),
                    DecisionAction.EraseAndSuppress => await EraseAsync(db, person, suppress: true, request.Reference, cancellationToken),
                    DecisionAction.Rectify => await PersonChanges.RectifyAsync(registry, db, person, decision, now, cancellationToken),
                    DecisionAction.Restrict => await PersonChanges.SetRestrictedAsync(registry, db, person, true, now, cancellationToken),
                    DecisionAction.Exempt when decision.RestrictInstead => "exempt;" + await PersonChanges.SetRestrictedAsync(registry, db, person, true, now, cancellationToken),
                    _ => "exempt",
                };
                decision.ExecutedAtUtc = now;
                audit.Add(new AuditRecord("SubjectRequest." + decision.Action, person.Category.ToString(), Key(person.Id), $"request={id};{decision.Result}"));
            }

            request.Execute(now);
            db.ExpectVersion(request, version);
            await db.SaveChangesAsync(cancellationToken);
            audit.Add(new AuditRecord("SubjectRequest.Executed", EntityType, Key(id), string.Create(CultureInfo.InvariantCulture, $"decisions={decisions.Count}")));
            await trail.RecordManyAsync(db, actor, audit, cancellationToken);
            return request.ConcurrencyStamp;
        }, cancellationToken, tracked: true);
    }

    /// <summary>DSR-NOTIFY: ticks off a recipient once told.</summary>
    public async Task MarkNotifiedAsync(int id, long notificationId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var notification = await db.RecipientNotifications.SingleOrDefaultAsync(n => n.Id == notificationId && n.RequestId == id, cancellationToken)
                ?? throw new RecordNotFoundException(nameof(RecipientNotification));
            notification.NotifiedAtUtc ??= time.GetUtcNow().UtcDateTime;
            notification.NotifiedByName ??= actor.DisplayName;
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "SubjectRequest.RecipientNotified", EntityType, Key(id),
                string.Create(CultureInfo.InvariantCulture, $"recipient={notification.RecipientCompanyId};action={notification.Action}"), cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>DSR-RESTRICT: lifting a restriction is an audited action with a reason from a closed list.</summary>
    public async Task LiftRestrictionAsync(PersonRef person, RestrictionLiftReason? reason, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        var v = new Validator();
        var why = v.Choice("LiftReason", reason);
        v.ThrowIfInvalid();
        await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var result = await PersonChanges.SetRestrictedAsync(registry, db, person, false, time.GetUtcNow().UtcDateTime, cancellationToken);
            await trail.RecordAsync(db, actor, "Restriction.Lifted", person.Category.ToString(), Key(person.Id), $"reason={why};{result}", cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// What every operation on a request's records starts with: the privacy officer's permission, one transaction, and the
    /// request loaded (tracked only when the work changes it) and in a state that allows the operation.
    /// </summary>
    private async Task<T> OnRequestAsync<T>(int id, Action<SubjectRequest> ensureState, Func<CrmDbContext, SubjectRequest, CrmActor, Task<T>> work,
        CancellationToken cancellationToken, bool tracked = false)
    {
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        return await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var request = await FindAsync(db, id, cancellationToken, tracked);
            ensureState(request);
            return await work(db, request, actor);
        }, cancellationToken);
    }

    private async Task<string> EraseAsync(CrmDbContext db, PersonRef person, bool suppress, string reference, CancellationToken cancellationToken)
    {
        if (await db.RetentionHolds.AnyAsync(h => h.Category == person.Category && h.PersonId == person.Id && h.Kind == HoldKind.LegalHold && h.ReleasedAtUtc == null, cancellationToken))
        {
            throw new RuleViolationException("UnderLegalHold", "A record under a legal hold cannot be erased: exempt it instead.");
        }

        if (suppress)
        {
            var (emails, phones) = await PersonChanges.ContactDetailsAsync(registry, db, person, cancellationToken);
            foreach (var email in emails)
            {
                await suppression.AddAsync(db, email, null, reference, cancellationToken);
            }

            foreach (var phone in phones)
            {
                await suppression.AddAsync(db, null, phone, reference, cancellationToken);
            }
        }

        var erased = await eraser.EraseAsync(db, person.Category, [person.Id], cancellationToken);
        var details = erased.Count == 0 ? "gone" : erased[0].Details;
        return suppress ? details + ";suppressed" : details;
    }

    private async Task AddNotificationsAsync(CrmDbContext db, int requestId, PersonRef person, DecisionAction action, CancellationToken cancellationToken)
    {
        var recipients = await registry[person.Category].RecipientsAsync(db, person.Id, cancellationToken);
        foreach (var recipient in recipients)
        {
            var exists = db.RecipientNotifications.Local.Any(n => n.RequestId == requestId && n.RecipientCompanyId == recipient.Id && n.Action == action)
                || await db.RecipientNotifications.AnyAsync(n => n.RequestId == requestId && n.RecipientCompanyId == recipient.Id && n.Action == action, cancellationToken);
            if (!exists)
            {
                db.RecipientNotifications.Add(new RecipientNotification { RequestId = requestId, RecipientCompanyId = recipient.Id, RecipientName = recipient.Name, Action = action });
            }
        }
    }

    private static RequestDecision ValidateDecision(DecisionInput input)
    {
        var v = new Validator();
        var action = v.Choice(nameof(input.Action), input.Action);
        var decision = new RequestDecision { Category = input.Person.Category, PersonId = input.Person.Id };
        if (action == DecisionAction.Exempt)
        {
            decision.Ground = v.Choice(nameof(input.Ground), input.Ground);
            decision.GroundText = v.Text(nameof(input.GroundText), input.GroundText, SubjectRequest.ReasonMaxLength, required: input.Ground == ExemptionGround.Other);
            decision.RestrictInstead = input.RestrictInstead;
        }

        if (action == DecisionAction.Rectify)
        {
            decision.NewFirstName = v.Text(nameof(input.NewFirstName), input.NewFirstName, 100);
            decision.NewLastName = v.Text(nameof(input.NewLastName), input.NewLastName, 100);
            decision.NewEmail = v.Email(nameof(input.NewEmail), input.NewEmail);
            decision.NewPhone = v.Phone(nameof(input.NewPhone), input.NewPhone);
            if (decision.NewFirstName is null && decision.NewLastName is null && string.IsNullOrWhiteSpace(input.NewEmail) && string.IsNullOrWhiteSpace(input.NewPhone))
            {
                v.Add(nameof(input.NewFirstName), "RectificationEmpty");
            }
        }

        v.ThrowIfInvalid();
        decision.Action = action!.Value;
        return decision;
    }
}
