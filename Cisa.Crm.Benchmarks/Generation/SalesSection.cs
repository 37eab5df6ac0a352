using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Calls;
using Cisa.Crm.Demo;
using static Cisa.Crm.Benchmarks.Generation.EfSqliteFormat;

namespace Cisa.Crm.Benchmarks.Generation;

/// <summary>
/// Prospects and their calls. Each prospect's calls are made first, so <c>LastCallAtUtc</c> is the
/// latest of them and the follow-up is the latest call's, exactly as logging the calls would leave it.
/// </summary>
internal static class SalesSection
{
    private static readonly CallOutcome[] FollowedUp = [CallOutcome.CallBack, CallOutcome.Voicemail, CallOutcome.MeetingBooked];

    private sealed record CallDraft(DateTime At, CallOutcome Outcome, DemoStaff.Member By);

    /// <summary>Returns the ids of the busy prospects (1,000 calls each at full scale).</summary>
    public static List<int> Write(GenerationRun run, IReadOnlyList<GeneratedCompany> companies, int prospectingAssessmentId, int eventsAssessmentId)
    {
        var options = run.Options;
        var count = options.Prospects;
        var targets = companies.Where(c => c.Type is CompanyType.Prospect or CompanyType.Customer).ToList();

        // RET-PROSPECT: a share whose last contact (call or update) is more than two years old.
        var order = Enumerable.Range(0, count).ToList();
        run.Random.Shuffle(order);
        var expired = new bool[count];
        foreach (var i in order.Take(options.Expired(count)))
        {
            expired[i] = true;
        }

        var busy = order.Skip(options.Expired(count)).Concat(order.Take(options.Expired(count))).Take(Math.Min(options.BusyProspects, count)).ToHashSet();
        var callsPerProspect = DistributeCalls(run, count, busy);

        var prospects = run.Table("Prospects", "Id", "JobTitle", "CompanyId", "Email", "Phone", "Mobile", "PreferredLanguage", "Source", "SourceDetail",
            "AssessmentId", "LegitimateInterestNote", "LegitimateInterestNoteById", "LegitimateInterestNoteByName", "LegitimateInterestNoteAtUtc",
            "OwnerId", "OwnerName", "CreatedAtUtc", "UpdatedAtUtc", "LastCallAtUtc", "FollowUpOn", "FollowUpOwnerId", "ConcurrencyStamp",
            "FirstName", "LastName", "FirstNameKey", "LastNameKey", "IsRestricted", "RestrictedAtUtc", "CompanyNameKey");
        var calls = run.Table("Calls", "ProspectId", "CompanyId", "OccurredAtUtc", "Direction", "Outcome", "DurationMinutes", "Report", "FollowUpOn",
            "LoggedById", "LoggedByName", "CreatedAtUtc", "UpdatedAtUtc", "ConcurrencyStamp");

        var twoYearsAgo = run.AsOf.AddYears(-2);
        var expiredProspects = 0L;
        var expiredCalls = 0L;
        var drafts = new List<CallDraft>();
        for (var i = 0; i < count; i++)
        {
            var id = i + 1;
            var company = run.Random.ListItem(targets);
            var (first, last) = run.Names.Next();
            var owner = run.Random.Bool(0.05f) ? DemoStaff.Sales : run.AnySales();

            // The window in which this person was in contact with the firm.
            DateOnly from, to;
            DateTime created;
            if (expired[i])
            {
                to = twoYearsAgo.AddDays(-run.Random.Int(1, 3 * 365));
                from = to.AddDays(-run.Random.Int(0, 3 * 365));
                created = run.OfficeMoment(from, from);
            }
            else
            {
                created = run.OfficeMoment(run.AsOf.AddDays(-run.Random.Int(0, 4 * 365)), run.AsOf);
                var createdDay = GenerationRun.Day(created);
                from = createdDay > twoYearsAgo ? createdDay : twoYearsAgo.AddDays(1);
                to = run.AsOf;
            }

            drafts.Clear();
            for (var c = 0; c < callsPerProspect[i]; c++)
            {
                var at = run.OfficeMoment(from, to);
                drafts.Add(new CallDraft(at < created ? created : at, run.Random.Enum<CallOutcome>(), run.Random.Bool(0.7f) ? owner : run.AnySales()));
            }

            drafts.Sort((a, b) => a.At.CompareTo(b.At));
            var lastCall = drafts.Count > 0 ? drafts[^1] : null;
            // Within the window too: a kept prospect was touched in the last two years even without calls.
            var updated = run.OfficeMoment(from, to);
            if (updated < created)
            {
                updated = created;
            }

            DateOnly? followUpOn = null;
            string? followUpOwner = null;
            if (lastCall is not null && FollowedUp.Contains(lastCall.Outcome))
            {
                followUpOn = GenerationRun.Day(lastCall.At).AddDays(run.Random.Int(2, 30));
                followUpOwner = lastCall.By.Id;
            }

            var email = run.Random.Bool(0.9f) ? run.Contacts.Email(first, last, company.Domain) : null;
            var phone = email is null || run.Random.Bool(0.85f) ? run.Contacts.Landline(company.Place.Zone) : null;
            var mobile = run.Random.Bool(0.5f) ? run.Contacts.Mobile() : null;
            var source = run.Random.WeightedRandom(
                [ProspectSource.CompanyWebsite, ProspectSource.LinkedIn, ProspectSource.Event, ProspectSource.Referral, ProspectSource.Inbound, ProspectSource.Other],
                [0.33f, 0.28f, 0.15f, 0.1f, 0.1f, 0.04f]);
            var sourceDetail = source switch
            {
                ProspectSource.Other => "Doorverwezen via het lokale ondernemersnetwerk",
                ProspectSource.Event => $"Infosessie {company.Place.City}",
                _ => null,
            };
            var restricted = !busy.Contains(i) && run.Random.Bool(0.005f);
            var language = run.Random.WeightedRandom([PreferredLanguage.Dutch, PreferredLanguage.French, PreferredLanguage.English], [0.85f, 0.1f, 0.05f]);
            prospects.Insert(id, run.Random.ArrayElement(FlemishWords.ProspectJobTitles), company.Id, email, phone, mobile, Enum(language), Enum(source),
                sourceDetail, source == ProspectSource.Event ? eventsAssessmentId : prospectingAssessmentId,
                "Beslist over de ICT-infrastructuur van het bedrijf.", owner.Id, owner.Name, DateTime(created),
                owner.Id, owner.Name, DateTime(created), DateTime(updated), OrNull(lastCall?.At), OrNull(followUpOn), followUpOwner, Guid(run.NewGuid()),
                first, last, ContactNormaliser.SearchKey(first), ContactNormaliser.SearchKey(last), Bool(restricted), restricted ? DateTime(updated) : null,
                ContactNormaliser.SearchKey(company.Name));
            run.Wrote();

            foreach (var call in drafts)
            {
                var spoke = call.Outcome is not (CallOutcome.NoAnswer or CallOutcome.Voicemail or CallOutcome.WrongNumber);
                var callFollowUp = call == lastCall ? followUpOn
                    : FollowedUp.Contains(call.Outcome) ? GenerationRun.Day(call.At).AddDays(run.Random.Int(2, 30)) : null;
                var loggedAt = call.At.AddMinutes(run.Random.Int(1, 30));
                calls.Insert(id, company.Id, DateTime(call.At), Enum(run.Random.Bool(0.85f) ? CallDirection.Outgoing : CallDirection.Incoming), Enum(call.Outcome),
                    spoke ? run.Random.Int(2, 25) : null, call.Outcome == CallOutcome.NoAnswer ? "" : run.Random.ArrayElement(FlemishWords.CallReports),
                    OrNull(callFollowUp), call.By.Id, call.By.Name, DateTime(loggedAt), DateTime(loggedAt), Guid(run.NewGuid()));
            }

            run.Wrote(drafts.Count);
            if (expired[i])
            {
                expiredProspects++;
                expiredCalls += drafts.Count;
            }
        }

        run.Expired["Prospects (last contact > 2 years ago)"] = expiredProspects;
        run.Expired["Calls of those prospects"] = expiredCalls;
        return busy.Select(i => i + 1).Order().ToList();
    }

    /// <summary>
    /// Exactly the requested number of calls: the busy prospects get theirs, about one prospect in seven
    /// none at all, and the rest are spread at random over the others (ten each on average at full scale).
    /// </summary>
    private static int[] DistributeCalls(GenerationRun run, int prospects, HashSet<int> busy)
    {
        var perProspect = new int[prospects];
        var remaining = (long)run.Options.Calls;
        foreach (var i in busy)
        {
            perProspect[i] = (int)Math.Min(run.Options.CallsPerBusyProspect, remaining);
            remaining -= perProspect[i];
        }

        var callers = Enumerable.Range(0, prospects).Where(i => !busy.Contains(i) && run.Random.Bool(0.85f)).ToArray();
        if (callers.Length == 0)
        {
            callers = Enumerable.Range(0, prospects).ToArray();
        }

        for (var c = 0L; c < remaining; c++)
        {
            perProspect[callers[run.Random.Int(0, callers.Length - 1)]]++;
        }

        return perProspect;
    }
}
