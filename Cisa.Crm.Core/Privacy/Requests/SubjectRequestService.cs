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
using Cisa.Crm.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using static Cisa.Crm.Core.Privacy.Requests.RequestRules;

namespace Cisa.Crm.Core.Privacy.Requests;

/// <summary>
/// Data-subject requests from intake to answer (DSR-*), for the privacy officer only: intake, identity
/// (DSR-IDENTITY), the Art. 12(3) deadline (DSR-DEADLINE), the access report, refusal and answer. What happens to
/// the requester's records (find, decide, carry out, notify) is <see cref="RequestRecordsService"/>. Every step is
/// guarded in the core and audited without personal data.
/// </summary>
public sealed class SubjectRequestService(
    IDbContextFactory<CrmDbContext> dbFactory,
    ICurrentActor currentActor,
    AuditTrail trail,
    TimeProvider time,
    IOptions<RetentionOptions> retentionOptions,
    PersonRegistry registry)
{
    public async Task<int> CreateAsync(RequestInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        var today = BrusselsTime.Today(time);
        var v = new Validator();
        if (input.Rights == RequestedRights.None)
        {
            v.Add(nameof(input.Rights), "RightsRequired");
        }
        else
        {
            v.Choice(nameof(input.Rights), input.Rights);
        }

        var channel = v.Choice(nameof(input.Channel), input.Channel);
        v.Choice(nameof(input.Language), input.Language);
        var received = input.ReceivedOn ?? today;
        v.Day(nameof(input.ReceivedOn), received, DateWindow.Past(today), tooLate: "DateInFuture");

        var name = v.RequiredText(nameof(input.RequesterName), input.RequesterName, 200);
        var email = v.Email(nameof(input.RequesterEmail), input.RequesterEmail);
        var phone = v.Phone(nameof(input.RequesterPhone), input.RequesterPhone);

        var address = v.MultilineText(nameof(input.RequesterAddress), input.RequesterAddress, 300);
        var text = v.RequiredMultilineText(nameof(input.RequestText), input.RequestText, SubjectRequest.TextMaxLength);
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
                RequesterEmail = email,
                RequesterPhone = phone,
                RequesterAddress = address,
                Language = input.Language,
                RequestText = text,
                CreatedById = actor.Id,
                CreatedByName = actor.DisplayName,
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
            var labels = await registry.LabelsAsync(db, matches.Select(m => new PersonRef(m.Category, m.PersonId)), cancellationToken);
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
        var how = v.Choice("IdentityMethod", method);
        var text = v.Text("IdentityNote", note, SubjectRequest.ReasonMaxLength, required: method == IdentityMethod.Other);
        v.ThrowIfInvalid();
        return await ChangeAsync(id, version, actor, "SubjectRequest.IdentityVerified", request =>
        {
            request.Verify(how!.Value, text, actor, time.GetUtcNow().UtcDateTime);
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

        var why = v.RequiredMultilineText("ExtensionReason", reason, SubjectRequest.ReasonMaxLength);
        var told = v.Required("ExtensionToldOn", toldOn);
        if (told is { } day)
        {
            v.Day("ExtensionToldOn", day, DateWindow.Past(today), tooLate: "DateInFuture");
        }

        v.ThrowIfInvalid();
        return await ChangeAsync(id, version, actor, "SubjectRequest.Extended", request =>
        {
            request.Extend(months, why, told!.Value, today);
            return string.Create(CultureInfo.InvariantCulture, $"months={months};due={request.ExtendedDueOn:yyyy-MM-dd}");
        }, cancellationToken);
    }

    /// <summary>Refuses the request with a reason; holds it placed are released.</summary>
    public async Task<Guid> RefuseAsync(int id, string? reason, Guid version, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        var v = new Validator();
        var why = v.RequiredMultilineText("Outcome", reason, SubjectRequest.TextMaxLength);
        v.ThrowIfInvalid();
        return await ChangeAsync(id, version, actor, "SubjectRequest.Refused", request =>
        {
            request.Refuse(why, BrusselsTime.Today(time));
            return null;
        }, cancellationToken, releaseHolds: true);
    }

    /// <summary>Closes the request with the reply as sent. Decisions must have been carried out first.</summary>
    public async Task<Guid> AnswerAsync(int id, string? reply, Guid version, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        var v = new Validator();
        var text = v.RequiredMultilineText("Outcome", reply, SubjectRequest.TextMaxLength);
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
            request.Answer(text, BrusselsTime.Today(time));
            return null;
        }, cancellationToken, releaseHolds: true);
    }

    /// <summary>DSR-ACCESS: the access report of the confirmed records, in the requester's language; generating it is audited.</summary>
    public async Task<AccessReport> AccessReportAsync(int id, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.SubjectRequestsManage, cancellationToken);
        return await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var request = await FindAsync(db, id, cancellationToken);
            request.EnsureIdentityVerified();
            var matches = await db.RequestMatches.AsNoTracking().Where(m => m.RequestId == id).OrderBy(m => m.Id)
                .Select(m => new PersonRef(m.Category, m.PersonId)).ToListAsync(cancellationToken);
            var report = await new AccessReportBuilder(db, retentionOptions.Value, BrusselsTime.Today(time), registry).BuildAsync(request, matches, cancellationToken);
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

    private async Task<Guid> ChangeAsync(int id, Guid version, CrmActor actor, string action, Func<SubjectRequest, string?> change,
        CancellationToken cancellationToken, bool releaseHolds = false) =>
        await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var request = await FindAsync(db, id, cancellationToken, tracked: true);
            var details = change(request);
            db.ExpectVersion(request, version);
            await db.SaveChangesAsync(cancellationToken);
            if (releaseHolds)
            {
                await ReleaseHoldsAsync(db, id, null, actor, time.GetUtcNow().UtcDateTime, cancellationToken);
            }

            await trail.RecordAsync(db, actor, action, EntityType, Key(id), details, cancellationToken);
            return request.ConcurrencyStamp;
        }, cancellationToken);

    private static DecisionRow ToRow(RequestDecision d) =>
        new(d.Id, new PersonRef(d.Category, d.PersonId), d.Action, d.Ground, d.GroundText, d.RestrictInstead, d.NewFirstName, d.NewLastName, d.NewEmail, d.NewPhone, d.ExecutedAtUtc, d.Result);

}
