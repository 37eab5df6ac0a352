using System.Globalization;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Privacy.Erasure;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Privacy.Suppression;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Core.Privacy.Requests;

/// <summary>
/// Data-subject requests from intake to answer (DSR-*), for the privacy officer only. The core guards every
/// step: nothing is disclosed, changed or erased before the requester's identity is verified (DSR-IDENTITY),
/// the deadline follows Art. 12(3) (DSR-DEADLINE), all decisions of a request are carried out in one
/// transaction with the retention sweep's eraser, and every step is audited without personal data.
/// </summary>
public sealed class SubjectRequestService(
    IDbContextFactory<CrmDbContext> dbFactory,
    ICurrentActor currentActor,
    PersonEraser eraser,
    SuppressionList suppression,
    AuditTrail trail,
    TimeProvider time,
    IOptions<RetentionOptions> retentionOptions)
{
    private const string EntityType = "SubjectRequest";

    public async Task<int> CreateAsync(RequestInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        var today = BrusselsTime.Today(time);
        var v = new Validator();
        if (input.Rights == RequestedRights.None)
        {
            v.Add(nameof(input.Rights), "RightsRequired");
        }

        var channel = v.Required(nameof(input.Channel), input.Channel);
        var received = input.ReceivedOn ?? today;
        if (received > today)
        {
            v.Add(nameof(input.ReceivedOn), "DateInFuture");
        }

        var name = v.RequiredText(nameof(input.RequesterName), input.RequesterName, 200);
        var email = v.Text(nameof(input.RequesterEmail), input.RequesterEmail, 254);
        if (email is not null && ContactNormaliser.NormaliseEmail(email) is null)
        {
            v.Add(nameof(input.RequesterEmail), "EmailInvalid");
        }

        var phone = v.Text(nameof(input.RequesterPhone), input.RequesterPhone, 40);
        if (phone is not null && ContactNormaliser.NormalisePhone(phone) is null)
        {
            v.Add(nameof(input.RequesterPhone), "PhoneInvalid");
        }

        var address = v.Text(nameof(input.RequesterAddress), input.RequesterAddress, 300);
        var text = v.RequiredText(nameof(input.RequestText), input.RequestText, SubjectRequest.TextMaxLength);
        v.ThrowIfInvalid();

        return await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var year = received.Year;
            var prefix = string.Create(CultureInfo.InvariantCulture, $"DSR-{year}-");
            var count = await db.SubjectRequests.CountAsync(r => r.Reference.StartsWith(prefix), cancellationToken);
            var request = new SubjectRequest
            {
                Reference = prefix + (count + 1).ToString("0000", CultureInfo.InvariantCulture),
                Rights = input.Rights,
                Channel = channel!.Value,
                ReceivedOn = received,
                DueOn = RequestDeadline.DueOn(received),
                RequesterName = name,
                RequesterEmail = email is null ? null : ContactNormaliser.NormaliseEmail(email),
                RequesterPhone = phone is null ? null : ContactNormaliser.NormalisePhone(phone),
                RequesterAddress = address,
                Language = input.Language,
                RequestText = text,
                Status = RequestStatus.Received,
                CreatedById = actor.Id,
                CreatedByName = actor.DisplayName,
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            db.SubjectRequests.Add(request);
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "SubjectRequest.Received", EntityType, Key(request.Id),
                $"rights={request.Rights};channel={request.Channel};received={received:yyyy-MM-dd}", cancellationToken);
            return request.Id;
        }, cancellationToken);
    }

    /// <summary>The request list: open requests first, the most urgent (overdue) on top; closed ones after, newest first.</summary>
    public async Task<PagedResult<RequestRow>> ListAsync(bool openOnly, PageRequest page, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = BrusselsTime.Today(time);
        var open = new[] { RequestStatus.Received, RequestStatus.Verified, RequestStatus.Executed };
        var requests = db.SubjectRequests.AsNoTracking();
        if (openOnly)
        {
            requests = requests.Where(r => open.Contains(r.Status));
        }

        var rows = await requests
            .OrderBy(r => open.Contains(r.Status) ? 0 : 1)
            .ThenBy(r => open.Contains(r.Status) ? (r.ExtendedDueOn ?? r.DueOn) : DateOnly.MaxValue)
            .ThenByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id)
            .Skip(page.SafeSkip).Take(page.SafeTake)
            .Select(r => new { r.Id, r.Reference, r.RequesterName, r.Rights, r.Channel, r.ReceivedOn, Due = r.ExtendedDueOn ?? r.DueOn, Extended = r.ExtendedDueOn != null, r.Status })
            .ToListAsync(cancellationToken);
        return new PagedResult<RequestRow>(
            rows.Select(r => new RequestRow(r.Id, r.Reference, r.RequesterName, r.Rights, r.Channel, r.ReceivedOn, r.Due, r.Extended, r.Status,
                RequestDeadline.DaysLeft(r.Due, today))).ToList(),
            await requests.CountAsync(cancellationToken));
    }

    /// <summary>For the dashboard: open requests due within the next seven days or overdue.</summary>
    public async Task<IReadOnlyList<RequestRow>> DueThisWeekAsync(CancellationToken cancellationToken = default)
    {
        var all = await ListAsync(openOnly: true, new PageRequest(0, PageRequest.MaxTake), cancellationToken);
        return all.Items.Where(r => r.DaysLeft <= 7).ToList();
    }

    public Task<RequestDetails> GetAsync(int id, CancellationToken cancellationToken = default) => GetAsync(id, recordView: true, cancellationToken);

    /// <summary>
    /// The request with its matches, decisions and notifications. Opening it is audited; a page that reloads it
    /// after one of its own steps (itself audited) passes <paramref name="recordView"/> false.
    /// </summary>
    public async Task<RequestDetails> GetAsync(int id, bool recordView, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        return await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var request = await FindAsync(db, id, cancellationToken);
            var matches = await db.RequestMatches.AsNoTracking().Where(m => m.RequestId == id).OrderBy(m => m.Id).ToListAsync(cancellationToken);
            var decisions = await db.RequestDecisions.AsNoTracking().Where(d => d.RequestId == id).ToListAsync(cancellationToken);
            var labels = await PersonDirectory.LabelsAsync(db, matches.Select(m => new PersonRef(m.Category, m.PersonId)), cancellationToken);
            var rows = matches.Select(m =>
            {
                var person = new PersonRef(m.Category, m.PersonId);
                var decision = decisions.FirstOrDefault(d => d.Category == m.Category && d.PersonId == m.PersonId);
                var label = labels.GetValueOrDefault(person);
                return new MatchRow(label ?? new PersonLabel(person, "#" + Key(person.Id), null, false), label is not null, decision is null ? null : ToRow(decision));
            }).ToList();
            var notifications = await db.RecipientNotifications.AsNoTracking().Where(n => n.RequestId == id).OrderBy(n => n.RecipientName)
                .Select(n => new NotificationRow(n.Id, n.RecipientCompanyId, n.RecipientName, n.Action, n.NotifiedAtUtc, n.NotifiedByName))
                .ToListAsync(cancellationToken);
            if (recordView)
            {
                await trail.RecordAsync(db, actor, "SubjectRequest.Viewed", EntityType, Key(id), cancellationToken: cancellationToken);
            }

            return new RequestDetails(request, RequestDeadline.DaysLeft(request.EffectiveDueOn, BrusselsTime.Today(time)), rows, notifications);
        }, cancellationToken);
    }

    /// <summary>DSR-IDENTITY: records how and by whom the requester's identity was verified.</summary>
    public async Task<Guid> VerifyIdentityAsync(int id, IdentityMethod? method, string? note, Guid version, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        var v = new Validator();
        var how = v.Required("IdentityMethod", method);
        var text = v.Text("IdentityNote", note, SubjectRequest.ReasonMaxLength, required: method == IdentityMethod.Other);
        v.ThrowIfInvalid();
        return await ChangeAsync(id, version, actor, "SubjectRequest.IdentityVerified", request =>
        {
            RequireStatus(request, RequestStatus.Received);
            request.IdentityMethod = how;
            request.IdentityNote = text;
            request.IdentityVerifiedAtUtc = time.GetUtcNow().UtcDateTime;
            request.IdentityVerifiedById = actor.Id;
            request.IdentityVerifiedByName = actor.DisplayName;
            request.Status = RequestStatus.Verified;
            return $"method={how}";
        }, cancellationToken);
    }

    /// <summary>DSR-DEADLINE: one extension of one or two months, with a reason, recorded no later than the original due date.</summary>
    public async Task<Guid> ExtendAsync(int id, int months, string? reason, DateOnly? toldOn, Guid version, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        var today = BrusselsTime.Today(time);
        var v = new Validator();
        if (months is < 1 or > RequestDeadline.MaxExtensionMonths)
        {
            v.Add("Months", "ExtensionMonths", RequestDeadline.MaxExtensionMonths);
        }

        var why = v.RequiredText("ExtensionReason", reason, SubjectRequest.ReasonMaxLength);
        var told = v.Required("ExtensionToldOn", toldOn);
        if (told > today)
        {
            v.Add("ExtensionToldOn", "DateInFuture");
        }

        v.ThrowIfInvalid();
        return await ChangeAsync(id, version, actor, "SubjectRequest.Extended", request =>
        {
            if (!request.IsOpen)
            {
                throw new RuleViolationException("RequestClosed", "This request is closed.");
            }

            if (request.ExtendedDueOn is not null)
            {
                throw new RuleViolationException("AlreadyExtended", "The deadline of this request was already extended.");
            }

            if (today > request.DueOn || told > request.DueOn || told < request.ReceivedOn)
            {
                throw new RuleViolationException("ExtensionTooLate", "An extension must be decided and told to the requester within the first month.");
            }

            request.ExtendedDueOn = RequestDeadline.ExtendedDueOn(request.ReceivedOn, months);
            request.ExtensionReason = why;
            request.ExtensionToldOn = told;
            return string.Create(CultureInfo.InvariantCulture, $"months={months};due={request.ExtendedDueOn:yyyy-MM-dd}");
        }, cancellationToken);
    }

    /// <summary>Refuses the request with a reason; holds it placed are released.</summary>
    public async Task<Guid> RefuseAsync(int id, string? reason, Guid version, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        var v = new Validator();
        var why = v.RequiredText("Outcome", reason, SubjectRequest.TextMaxLength);
        v.ThrowIfInvalid();
        return await ChangeAsync(id, version, actor, "SubjectRequest.Refused", request =>
        {
            if (request.Status is not (RequestStatus.Received or RequestStatus.Verified))
            {
                throw new RuleViolationException("RequestWrongState", "This step is not possible in the request's current state.");
            }

            request.Status = RequestStatus.Refused;
            request.Outcome = why;
            request.ClosedOn = BrusselsTime.Today(time);
            return null;
        }, cancellationToken, releaseHolds: true);
    }

    /// <summary>Closes the request with the reply as sent. Decisions must have been carried out first.</summary>
    public async Task<Guid> AnswerAsync(int id, string? reply, Guid version, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        var v = new Validator();
        var text = v.RequiredText("Outcome", reply, SubjectRequest.TextMaxLength);
        v.ThrowIfInvalid();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.RequestDecisions.AnyAsync(d => d.RequestId == id && d.ExecutedAtUtc == null, cancellationToken))
            {
                throw new RuleViolationException("DecisionsPending", "Carry out the decisions before answering.");
            }
        }

        return await ChangeAsync(id, version, actor, "SubjectRequest.Answered", request =>
        {
            if (request.Status is not (RequestStatus.Verified or RequestStatus.Executed))
            {
                throw new RuleViolationException("IdentityNotVerified", "The requester's identity must be verified first.");
            }

            request.Status = RequestStatus.Answered;
            request.Outcome = text;
            request.ClosedOn = BrusselsTime.Today(time);
            return null;
        }, cancellationToken, releaseHolds: true);
    }

    /// <summary>DSR-FIND: the records that may be the requester's, each marked when already confirmed.</summary>
    public async Task<IReadOnlyList<(FoundPerson Found, bool Confirmed)>> SearchAsync(int id, FindQuery query, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        return await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var request = await FindAsync(db, id, cancellationToken);
            RequireOpen(request);
            var found = await PersonFinder.FindAsync(db, query, cancellationToken);
            var confirmed = (await db.RequestMatches.Where(m => m.RequestId == id).Select(m => new { m.Category, m.PersonId }).ToListAsync(cancellationToken))
                .Select(m => new PersonRef(m.Category, m.PersonId)).ToHashSet();
            await trail.RecordAsync(db, actor, "SubjectRequest.Searched", EntityType, Key(id), $"found={found.Count}", cancellationToken);
            return (IReadOnlyList<(FoundPerson, bool)>)found.Select(f => (f, confirmed.Contains(f.Person))).ToList();
        }, cancellationToken);
    }

    /// <summary>Confirms a record is the requester's; while the request is open the retention sweep leaves it alone.</summary>
    public async Task ConfirmMatchAsync(int id, PersonRef person, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var request = await FindAsync(db, id, cancellationToken);
            RequireOpen(request);
            if (request.Status == RequestStatus.Executed)
            {
                throw new RuleViolationException("RequestWrongState", "This step is not possible in the request's current state.");
            }

            if ((await PersonDirectory.LabelsAsync(db, [person], cancellationToken)).Count == 0)
            {
                throw new RecordNotFoundException(person.Category.ToString());
            }

            if (await db.RequestMatches.AnyAsync(m => m.RequestId == id && m.Category == person.Category && m.PersonId == person.Id, cancellationToken))
            {
                return true;
            }

            var now = time.GetUtcNow().UtcDateTime;
            db.RequestMatches.Add(new RequestMatch { RequestId = id, Category = person.Category, PersonId = person.Id, ConfirmedAtUtc = now, ConfirmedById = actor.Id });
            db.RetentionHolds.Add(new RetentionHold
            {
                Category = person.Category,
                PersonId = person.Id,
                Kind = HoldKind.SubjectRequest,
                RequestId = id,
                Reason = request.Reference,
                PlacedById = actor.Id,
                PlacedByName = actor.DisplayName,
                PlacedAtUtc = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "SubjectRequest.MatchConfirmed", person.Category.ToString(), Key(person.Id), $"request={id}", cancellationToken);
            return true;
        }, cancellationToken);
    }

    public async Task RemoveMatchAsync(int id, PersonRef person, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var request = await FindAsync(db, id, cancellationToken);
            RequireOpen(request);
            if (await db.RequestDecisions.AnyAsync(d => d.RequestId == id && d.Category == person.Category && d.PersonId == person.Id && d.ExecutedAtUtc != null, cancellationToken))
            {
                throw new RuleViolationException("RequestWrongState", "This step is not possible in the request's current state.");
            }

            await db.RequestDecisions.Where(d => d.RequestId == id && d.Category == person.Category && d.PersonId == person.Id).ExecuteDeleteAsync(cancellationToken);
            await db.RequestMatches.Where(m => m.RequestId == id && m.Category == person.Category && m.PersonId == person.Id).ExecuteDeleteAsync(cancellationToken);
            await ReleaseHoldsAsync(db, id, person, actor, cancellationToken);
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
            RequireVerified(request);
            if (request.Status != RequestStatus.Verified)
            {
                throw new RuleViolationException("RequestWrongState", "This step is not possible in the request's current state.");
            }

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
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        return await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var request = await FindAsync(db, id, cancellationToken, tracked: true);
            RequireVerified(request);
            if (request.Status != RequestStatus.Verified)
            {
                throw new RuleViolationException("RequestWrongState", "This step is not possible in the request's current state.");
            }

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
                    DecisionAction.Rectify => await PersonChanges.RectifyAsync(db, person, decision, now, cancellationToken),
                    DecisionAction.Restrict => await PersonChanges.SetRestrictedAsync(db, person, true, now, cancellationToken),
                    DecisionAction.Exempt when decision.RestrictInstead => "exempt;" + await PersonChanges.SetRestrictedAsync(db, person, true, now, cancellationToken),
                    _ => "exempt",
                };
                decision.ExecutedAtUtc = now;
                audit.Add(new AuditRecord("SubjectRequest." + decision.Action, person.Category.ToString(), Key(person.Id), $"request={id};{decision.Result}"));
            }

            request.Status = RequestStatus.Executed;
            request.ExecutedAtUtc = now;
            request.ConcurrencyStamp = Guid.NewGuid();
            db.Entry(request).Property(r => r.ConcurrencyStamp).OriginalValue = version;
            await db.SaveChangesAsync(cancellationToken);
            audit.Add(new AuditRecord("SubjectRequest.Executed", EntityType, Key(id), string.Create(CultureInfo.InvariantCulture, $"decisions={decisions.Count}")));
            await trail.RecordManyAsync(db, actor, audit, cancellationToken);
            return request.ConcurrencyStamp;
        }, cancellationToken);
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
        var why = v.Required("LiftReason", reason);
        v.ThrowIfInvalid();
        await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var result = await PersonChanges.SetRestrictedAsync(db, person, false, time.GetUtcNow().UtcDateTime, cancellationToken);
            await trail.RecordAsync(db, actor, "Restriction.Lifted", person.Category.ToString(), Key(person.Id), $"reason={why};{result}", cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>DSR-ACCESS: the access report of the confirmed records, in the requester's language; generating it is audited.</summary>
    public async Task<AccessReport> AccessReportAsync(int id, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        return await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var request = await FindAsync(db, id, cancellationToken);
            RequireVerified(request);
            var matches = await db.RequestMatches.AsNoTracking().Where(m => m.RequestId == id).OrderBy(m => m.Id)
                .Select(m => new PersonRef(m.Category, m.PersonId)).ToListAsync(cancellationToken);
            var report = await new AccessReportBuilder(db, retentionOptions.Value, BrusselsTime.Today(time)).BuildAsync(request, matches, cancellationToken);
            await trail.RecordAsync(db, actor, "SubjectRequest.AccessReportGenerated", EntityType, Key(id),
                string.Create(CultureInfo.InvariantCulture, $"records={report.Records.Count};language={request.Language}"), cancellationToken);
            return report;
        }, cancellationToken);
    }

    /// <summary>A draft reply in the requester's language saying what was done, what was exempted and why, and where to complain.</summary>
    public async Task<string> DraftReplyAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await FindAsync(db, id, cancellationToken);
        var decisions = await db.RequestDecisions.AsNoTracking().Where(d => d.RequestId == id).ToListAsync(cancellationToken);
        return ReplyDraft.Compose(request, decisions);
    }

    private async Task<string> EraseAsync(CrmDbContext db, PersonRef person, bool suppress, string reference, CancellationToken cancellationToken)
    {
        if (await db.RetentionHolds.AnyAsync(h => h.Category == person.Category && h.PersonId == person.Id && h.Kind == HoldKind.LegalHold && h.ReleasedAtUtc == null, cancellationToken))
        {
            throw new RuleViolationException("UnderLegalHold", "A record under a legal hold cannot be erased: exempt it instead.");
        }

        if (suppress)
        {
            var (emails, phones) = await PersonChanges.ContactDetailsAsync(db, person, cancellationToken);
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

    private static async Task AddNotificationsAsync(CrmDbContext db, int requestId, PersonRef person, DecisionAction action, CancellationToken cancellationToken)
    {
        if (person.Category != PersonCategory.PartnerContact)
        {
            return;
        }

        var recipients = await db.Disclosures.Where(d => d.PartnerContactId == person.Id)
            .Join(db.Companies, d => d.SubcontractorId, c => c.Id, (d, c) => new { c.Id, c.Name })
            .Distinct().ToListAsync(cancellationToken);
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
        var action = v.Required(nameof(input.Action), input.Action);
        var decision = new RequestDecision { Category = input.Person.Category, PersonId = input.Person.Id };
        if (action == DecisionAction.Exempt)
        {
            decision.Ground = v.Required(nameof(input.Ground), input.Ground);
            decision.GroundText = v.Text(nameof(input.GroundText), input.GroundText, SubjectRequest.ReasonMaxLength, required: input.Ground == ExemptionGround.Other);
            decision.RestrictInstead = input.RestrictInstead;
        }

        if (action == DecisionAction.Rectify)
        {
            decision.NewFirstName = v.Text(nameof(input.NewFirstName), input.NewFirstName, 100);
            decision.NewLastName = v.Text(nameof(input.NewLastName), input.NewLastName, 100);
            var email = v.Text(nameof(input.NewEmail), input.NewEmail, 254);
            decision.NewEmail = email is null ? null : ContactNormaliser.NormaliseEmail(email);
            if (email is not null && decision.NewEmail is null)
            {
                v.Add(nameof(input.NewEmail), "EmailInvalid");
            }

            var phone = v.Text(nameof(input.NewPhone), input.NewPhone, 40);
            decision.NewPhone = phone is null ? null : ContactNormaliser.NormalisePhone(phone);
            if (phone is not null && decision.NewPhone is null)
            {
                v.Add(nameof(input.NewPhone), "PhoneInvalid");
            }

            if (decision.NewFirstName is null && decision.NewLastName is null && email is null && phone is null)
            {
                v.Add(nameof(input.NewFirstName), "RectificationEmpty");
            }
        }

        v.ThrowIfInvalid();
        decision.Action = action!.Value;
        return decision;
    }

    private async Task<Guid> ChangeAsync(int id, Guid version, CrmActor actor, string action, Func<SubjectRequest, string?> change,
        CancellationToken cancellationToken, bool releaseHolds = false) =>
        await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var request = await FindAsync(db, id, cancellationToken, tracked: true);
            var details = change(request);
            db.ExpectVersion(request, version, v => request.ConcurrencyStamp = v);
            await db.SaveChangesAsync(cancellationToken);
            if (releaseHolds)
            {
                await ReleaseHoldsAsync(db, id, null, actor, cancellationToken);
            }

            await trail.RecordAsync(db, actor, action, EntityType, Key(id), details, cancellationToken);
            return request.ConcurrencyStamp;
        }, cancellationToken);

    private async Task ReleaseHoldsAsync(CrmDbContext db, int requestId, PersonRef? person, CrmActor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var holds = db.RetentionHolds.Where(h => h.Kind == HoldKind.SubjectRequest && h.RequestId == requestId && h.ReleasedAtUtc == null);
        if (person is { } p)
        {
            holds = holds.Where(h => h.Category == p.Category && h.PersonId == p.Id);
        }

        await holds.ExecuteUpdateAsync(s => s.SetProperty(h => h.ReleasedAtUtc, now).SetProperty(h => h.ReleasedById, actor.Id).SetProperty(h => h.ReleasedByName, actor.DisplayName), cancellationToken);
    }

    private static async Task<SubjectRequest> FindAsync(CrmDbContext db, int id, CancellationToken cancellationToken, bool tracked = false)
    {
        var requests = tracked ? db.SubjectRequests : db.SubjectRequests.AsNoTracking();
        return await requests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new RecordNotFoundException(EntityType);
    }

    private static void RequireStatus(SubjectRequest request, RequestStatus status)
    {
        if (request.Status != status)
        {
            throw new RuleViolationException("RequestWrongState", "This step is not possible in the request's current state.");
        }
    }

    private static void RequireOpen(SubjectRequest request)
    {
        if (!request.IsOpen)
        {
            throw new RuleViolationException("RequestClosed", "This request is closed.");
        }
    }

    /// <summary>DSR-IDENTITY: nothing is disclosed, changed or erased before the requester's identity is verified.</summary>
    private static void RequireVerified(SubjectRequest request)
    {
        if (request.IdentityVerifiedAtUtc is null)
        {
            throw new RuleViolationException("IdentityNotVerified", "The requester's identity must be verified first.");
        }
    }

    private static DecisionRow ToRow(RequestDecision d) =>
        new(d.Id, new PersonRef(d.Category, d.PersonId), d.Action, d.Ground, d.GroundText, d.RestrictInstead, d.NewFirstName, d.NewLastName, d.NewEmail, d.NewPhone, d.ExecutedAtUtc, d.Result);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
