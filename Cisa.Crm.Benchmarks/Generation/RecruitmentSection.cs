using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Prospects;
using static Cisa.Crm.Benchmarks.Generation.EfSqliteFormat;

namespace Cisa.Crm.Benchmarks.Generation;

/// <summary>
/// Selection procedures and applicants with their applications. A closed procedure has an outcome
/// for every applicant; an applicant counts as past retention (RET-APP-CONTACT) when every procedure
/// they were in ended more than five years ago.
/// </summary>
internal static class RecruitmentSection
{
    private sealed record Procedure(int Id, ProcedureKind Kind, DateOnly OpenedOn, DateOnly? EndedOn);

    public static void Write(GenerationRun run, List<AgencyContact> agencyContacts, int recruitmentAssessmentId)
    {
        var procedures = WriteProcedures(run);
        var pool = procedures[0];
        var fiveYearsAgo = run.AsOf.AddYears(-5);
        var old = procedures.Where(p => p.EndedOn is { } e && e < fiveYearsAgo).ToList();
        var current = procedures.Where(p => p.Kind == ProcedureKind.Vacancy && (p.EndedOn is null || p.EndedOn >= fiveYearsAgo)).ToList();
        var closed = procedures.Where(p => p.EndedOn is not null).ToList();

        var count = run.Options.Applicants;
        var order = Enumerable.Range(0, count).ToList();
        run.Random.Shuffle(order);
        var expired = order.Take(run.Options.Expired(count)).ToHashSet();

        var applicants = run.Table("Applicants", "Id", "Email", "Phone", "Street", "PostalCode", "City", "CountryCode", "PreferredLanguage", "Source",
            "AgencyId", "AgencyContactId", "AssessmentId", "LegitimateInterestNote", "LegitimateInterestNoteById", "LegitimateInterestNoteByName",
            "LegitimateInterestNoteAtUtc", "CreatedAtUtc", "UpdatedAtUtc", "ConcurrencyStamp", "FirstName", "LastName", "FirstNameKey", "LastNameKey",
            "IsRestricted", "RestrictedAtUtc");
        var applications = run.Table("Applications", "ApplicantId", "ProcedureId", "AppliedOn", "Outcome", "Notes", "ConcurrencyStamp");
        var chosen = new List<Procedure>(2);
        for (var i = 0; i < count; i++)
        {
            var id = i + 1;
            var source = expired.Contains(i)
                ? (run.Random.Bool(0.75f) || agencyContacts.Count == 0 ? ApplicantSource.Vacancy : ApplicantSource.RecruitmentAgency)
                : run.Random.WeightedRandom([ApplicantSource.Vacancy, ApplicantSource.Spontaneous, ApplicantSource.RecruitmentAgency], [0.5f, 0.3f, 0.2f]);
            if (source == ApplicantSource.RecruitmentAgency && agencyContacts.Count == 0)
            {
                source = ApplicantSource.Vacancy;
            }

            chosen.Clear();
            if (expired.Contains(i))
            {
                chosen.Add(run.Random.ListItem(old));
                if (run.Random.Bool(0.2f))
                {
                    chosen.Add(run.Random.ListItem(old));
                }
            }
            else
            {
                chosen.Add(source == ApplicantSource.Spontaneous ? pool : run.Random.ListItem(current));
                if (run.Random.Bool(0.2f))
                {
                    chosen.Add(run.Random.ListItem(closed));
                }
            }

            var applied = chosen.DistinctBy(p => p.Id).Select(p => (Procedure: p, On: AppliedOn(run, p))).OrderBy(a => a.On).ToList();
            var created = run.OfficeMoment(applied[0].On, applied[0].On);
            var updated = run.OfficeMoment(applied[^1].On, applied[^1].Procedure.EndedOn ?? run.AsOf);
            var (first, last) = run.Names.Next();
            var email = run.Random.Bool(0.95f) ? run.Contacts.Email(first, last, run.Random.ArrayElement(FlemishWords.MailProviders)) : null;
            var phone = email is null || run.Random.Bool(0.8f) ? run.Contacts.Mobile() : null;
            (string PostalCode, string City, string Zone)? place = run.Random.Bool(0.6f) ? run.Random.ArrayElement(FlemishWords.Places) : null;
            var agency = source == ApplicantSource.RecruitmentAgency ? run.Random.ListItem(agencyContacts) : null;
            var hr = run.AnyHR();
            var restricted = run.Random.Bool(0.005f);
            applicants.Insert(id, email, phone, place is null ? null : $"{run.Random.ArrayElement(FlemishWords.Streets)} {run.Random.Int(1, 250)}",
                place?.PostalCode, place?.City, "BE", Enum(run.Random.Bool(0.9f) ? PreferredLanguage.Dutch : PreferredLanguage.French), Enum(source),
                agency?.AgencyId, agency?.Id, recruitmentAssessmentId, "Profiel past bij de ICT-functies waarvoor we aanwerven.", hr.Id, hr.Name,
                DateTime(created), DateTime(created), DateTime(updated), Guid(run.NewGuid()), first, last,
                ContactNormaliser.SearchKey(first), ContactNormaliser.SearchKey(last), Bool(restricted), restricted ? DateTime(updated) : null);

            foreach (var (procedure, on) in applied)
            {
                // Closing a procedure records an outcome for every applicant in it.
                var outcome = procedure.EndedOn is null ? (ApplicationOutcome?)null
                    : run.Random.WeightedRandom([ApplicationOutcome.Rejected, ApplicationOutcome.KeptForFuture, ApplicationOutcome.Withdrawn, ApplicationOutcome.Hired],
                        [0.6f, 0.25f, 0.1f, 0.05f]);
                applications.Insert(id, procedure.Id, Date(on), outcome is { } o ? Enum(o) : null,
                    run.Random.Bool(0.3f) ? "Sterk technisch profiel; tweede gesprek voorstellen." : null, Guid(run.NewGuid()));
            }

            run.Wrote(1 + applied.Count);
        }

        run.Expired["Applicants (every procedure ended > 5 years ago)"] = expired.Count;
    }

    /// <summary>
    /// The standing pool of spontaneous applications (open), one old and one recent closed vacancy and an
    /// open one (so every kind exists at any scale), then vacancies spread over twelve years.
    /// </summary>
    private static List<Procedure> WriteProcedures(GenerationRun run)
    {
        var table = run.Table("SelectionProcedures", "Id", "Kind", "Title", "Department", "OpenedOn", "EndedOn", "ConcurrencyStamp");
        var asOf = run.AsOf;
        var procedures = new List<Procedure>
        {
            new(1, ProcedureKind.SpontaneousPool, asOf.AddYears(-12), null),
            new(2, ProcedureKind.Vacancy, asOf.AddYears(-7).AddDays(-90), asOf.AddYears(-7)),
            new(3, ProcedureKind.Vacancy, asOf.AddYears(-1).AddDays(-60), asOf.AddYears(-1)),
            new(4, ProcedureKind.Vacancy, asOf.AddDays(-20), null),
        };
        for (var id = 5; id <= run.Options.Vacancies + 1; id++)
        {
            var opened = asOf.AddDays(-run.Random.Int(15, 12 * 365));
            var ended = opened.AddDays(run.Random.Int(30, 120));
            procedures.Add(new Procedure(id, ProcedureKind.Vacancy, opened, ended > asOf.AddDays(-7) ? null : ended));
        }

        foreach (var p in procedures)
        {
            table.Insert(p.Id, Enum(p.Kind), p.Kind == ProcedureKind.SpontaneousPool ? "Spontane sollicitaties" : run.Random.ArrayElement(FlemishWords.VacancyTitles),
                p.Kind == ProcedureKind.SpontaneousPool ? null : run.Random.ArrayElement(FlemishWords.Departments), Date(p.OpenedOn), OrNull(p.EndedOn),
                Guid(run.NewGuid()));
        }

        run.Wrote(procedures.Count);
        return procedures;
    }

    private static DateOnly AppliedOn(GenerationRun run, Procedure procedure)
    {
        var from = procedure.Kind == ProcedureKind.SpontaneousPool ? run.AsOf.AddYears(-3) : procedure.OpenedOn;
        var to = procedure.EndedOn ?? run.AsOf;
        return from.AddDays(run.Random.Int(0, Math.Max(0, to.DayNumber - from.DayNumber)));
    }
}
