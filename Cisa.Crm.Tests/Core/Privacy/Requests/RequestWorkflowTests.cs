using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Core.Partners;
using Microsoft.EntityFrameworkCore;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Privacy.Requests;

public sealed class RequestWorkflowTests : SubjectRequestTestBase
{
    private const string Email = "lies.vermeulen@example.be";

    /// <summary>One human as a customer's contact person (with a disclosure to a subcontractor) and as a job applicant.</summary>
    private async Task<(PersonRef Contact, PersonRef Applicant, int SubcontractorId)> ApplicantWhoIsAlsoCustomerContactAsync()
    {
        var customer = await Partners.CustomerAsync("Herentals Bouw");
        var contact = await Partners.ContactAsync(Partners.Contact(customer) with { FirstName = "Lies", LastName = "Vermeulen", Emails = [Email] });
        var subcontractor = await Partners.SubcontractorAsync("Netwerk Partners");
        await Partners.AsAsync(SalesPeople.Sofie, () => Db.Get<DisclosureService>().RecordAsync(contact, PartnerData.MinimalDisclosure(subcontractor)));
        var procedure = await Recruitment.ProcedureAsync("Project leader", new DateOnly(2025, 1, 1));
        var applicant = await Recruitment.ApplicantAsync(Recruitment.Applicant(procedure, RecruitmentAssessmentId) with { FirstName = "Lies", LastName = "Vermeulen", Email = "LIES.vermeulen@example.be", Phone = "0470 12 34 56" });
        await Recruitment.UploadCvAsync(applicant);
        return (new PersonRef(PersonCategory.PartnerContact, contact), new PersonRef(PersonCategory.Applicant, applicant), subcontractor);
    }

    /// <summary>A prospect with <paramref name="calls"/> calls, and a verified request whose match with that prospect is confirmed.</summary>
    private async Task<(int Prospect, PersonRef Person, int RequestId)> ConfirmedProspectRequestAsync(int calls, RequestInput intake, ProspectInput? input = null)
    {
        var prospect = await ProspectWithCallsAsync(calls, input);
        var person = new PersonRef(PersonCategory.Prospect, prospect);
        var id = await VerifiedRequestAsync(intake);
        await Records.ConfirmMatchAsync(id, person);
        return (prospect, person, id);
    }

    [Fact]
    public async Task DSR_FIND_one_search_finds_the_person_in_every_category_by_email_phone_and_name()
    {
        var (contact, applicant, _) = await ApplicantWhoIsAlsoCustomerContactAsync();
        var prospect = await Sales.ProspectAsync(Sales.Prospect(ProspectCompanyId, ProspectAssessmentId) with { FirstName = "Lies", LastName = "Vermeulen", Email = "l.vermeulen@other.be", Mobile = "+32 470 12 34 56" });
        await Sales.ProspectAsync(Sales.Prospect(ProspectCompanyId, ProspectAssessmentId) with { FirstName = "Jan", LastName = "Vermeulen" });
        var id = await Requests.CreateAsync(Intake(email: Email));

        var byEmail = await Records.SearchAsync(id, new FindQuery(" Lies.Vermeulen@EXAMPLE.be ", null, null, null));
        var byPhone = await Records.SearchAsync(id, new FindQuery(null, "0470/12.34.56", null, null));
        var byName = await Records.SearchAsync(id, new FindQuery(null, null, "lies", "VERMEULEN"));

        Assert.Equal([contact, applicant], byEmail.Select(f => f.Found.Person));
        Assert.All(byEmail, f => Assert.Equal(MatchedOn.Email, f.Found.MatchedOn));
        Assert.Equal([new PersonRef(PersonCategory.Prospect, prospect), applicant], byPhone.Select(f => f.Found.Person));
        Assert.Equal([new PersonRef(PersonCategory.Prospect, prospect), contact, applicant], byName.Select(f => f.Found.Person));
        var found = byEmail.Single(f => f.Found.Person == contact).Found;
        Assert.Equal((1, "Herentals Bouw"), (found.Disclosures, found.Context));
        Assert.True(byEmail.Single(f => f.Found.Person == applicant).Found.HasCv);
    }

    [Fact]
    public async Task DSR_FIND_DSR_EXEMPT_the_applicant_record_is_erased_and_the_customer_contact_exempted_and_restricted_in_one_go()
    {
        var (contact, applicant, subcontractor) = await ApplicantWhoIsAlsoCustomerContactAsync();
        var id = await VerifiedRequestAsync(Intake(RequestedRights.Erasure, Email));
        await Records.ConfirmMatchAsync(id, contact);
        await Records.ConfirmMatchAsync(id, applicant);

        await DecideAsync(id, applicant, DecisionAction.Erase);
        await DecideAsync(id, contact, DecisionAction.Exempt, ExemptionGround.CustomerContract, restrictInstead: true);
        await ExecuteAsync(id);

        Assert.False(await ExistsAsync(PersonCategory.Applicant, applicant.Id));
        Assert.False(await HasCvAsync(applicant.Id));
        await using var db = Db.CreateContext();
        var kept = await db.PartnerContacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id);
        Assert.True(kept.IsRestricted);
        var details = await Requests.GetAsync(id);
        Assert.Equal(RequestStatus.Executed, details.Request.Status);
        Assert.All(details.Matches, m => Assert.NotNull(m.Decision!.ExecutedAtUtc));
        Assert.Equal("exempt;restricted", details.Matches.Single(m => m.Person.Person == contact).Decision!.Result);
        var notification = Assert.Single(details.Notifications);
        Assert.Equal((subcontractor, DecisionAction.Restrict), (notification.RecipientCompanyId, notification.Action));
        var audit = await AuditAsync("SubjectRequest.Exempt");
        Assert.Contains("request=", Assert.Single(audit).Details, StringComparison.Ordinal);
        Assert.Single(await AuditAsync("SubjectRequest.Erase"));
        var reply = await Requests.DraftReplyAsync(id);
        Assert.Contains("we moeten onze klanten onder contract kunnen contacteren", reply, StringComparison.Ordinal);
        Assert.Contains("Gegevensbeschermingsautoriteit", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DSR_EXEMPT_an_exemption_needs_a_legal_ground_and_other_needs_words()
    {
        var (contact, _, _) = await ApplicantWhoIsAlsoCustomerContactAsync();
        var id = await VerifiedRequestAsync(Intake(email: Email));
        await Records.ConfirmMatchAsync(id, contact);

        var noGround = await Assert.ThrowsAsync<CrmValidationException>(() => DecideAsync(id, contact, DecisionAction.Exempt));
        var otherWithoutText = await Assert.ThrowsAsync<CrmValidationException>(() => DecideAsync(id, contact, DecisionAction.Exempt, ExemptionGround.Other));

        Assert.Equal("Ground", Assert.Single(noGround.Errors).Field);
        Assert.Equal("GroundText", Assert.Single(otherWithoutText.Errors).Field);
    }

    [Fact]
    public async Task DSR_EXEMPT_decisions_run_in_one_transaction_a_refused_one_leaves_all_untouched()
    {
        var (contact, applicant, _) = await ApplicantWhoIsAlsoCustomerContactAsync();
        var id = await VerifiedRequestAsync(Intake(email: Email));
        await Records.ConfirmMatchAsync(id, applicant);
        await Records.ConfirmMatchAsync(id, contact);
        await Retention.PlaceLegalHoldAsync(contact, "Invoice dispute before the court of Turnhout.");
        await DecideAsync(id, applicant, DecisionAction.Erase);
        await DecideAsync(id, contact, DecisionAction.Erase);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => ExecuteAsync(id));

        Assert.Equal("UnderLegalHold", refused.Code);
        Assert.True(await ExistsAsync(PersonCategory.Applicant, applicant.Id));
        Assert.True(await HasCvAsync(applicant.Id));
        Assert.Equal(RequestStatus.Verified, (await Requests.GetAsync(id)).Request.Status);
    }

    [Fact]
    public async Task DSR_OBJECT_an_objection_erases_the_prospect_and_a_keyed_hash_refuses_the_same_person_on_create_and_import()
    {
        var input = Sales.Prospect(ProspectCompanyId, ProspectAssessmentId) with { Email = "pieter.claes@kempen-ict.be", Mobile = "0478 11 22 33" };
        var (prospect, person, id) = await ConfirmedProspectRequestAsync(2, Intake(RequestedRights.ObjectionToProcessing, "pieter.claes@kempen-ict.be"), input);
        await DecideAsync(id, person, DecisionAction.EraseAndSuppress);

        await ExecuteAsync(id);

        Assert.False(await ExistsAsync(PersonCategory.Prospect, prospect));
        await using (var db = Db.CreateContext())
        {
            var entries = await db.SuppressionEntries.AsNoTracking().ToListAsync();
            Assert.Equal(2, entries.Count);
            Assert.All(entries, e => Assert.Equal("DSR-2026-0001", e.RequestReference));
            Assert.DoesNotContain(entries, e => e.KeyedHash.Contains("pieter", StringComparison.Ordinal) || e.KeyedHash.Contains("478", StringComparison.Ordinal));
        }

        var again = await Assert.ThrowsAsync<RuleViolationException>(() => Sales.ProspectAsync(Sales.Prospect(ProspectCompanyId, ProspectAssessmentId) with { Email = "Pieter.Claes@kempen-ict.be" }));
        Assert.Equal("Suppressed", again.Code);
        var csv = "FirstName;LastName;Company;Email;Mobile\nPieter;Claes;Kempen ICT;;+32478112233\nAn;Nieuw;Kempen ICT;an.nieuw@kempen-ict.be;\n";
        var import = await Sales.AsAsync(SalesPeople.Sofie, () => Db.Get<Cisa.Crm.Core.Prospects.Import.ProspectImportService>()
            .PreviewAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), new Cisa.Crm.Core.Prospects.Import.ImportBatch(ProspectAssessmentId, SalesData.Note, ProspectSource.Event)));
        Assert.Equal(1, import.Rows.Count(r => r.Status == Cisa.Crm.Core.Common.Import.ImportRowStatus.Suppressed));
    }

    [Fact]
    public async Task DSR_ACCESS_the_report_holds_data_purpose_basis_source_recipients_retention_and_rights_in_the_requesters_language()
    {
        var (contact, applicant, _) = await ApplicantWhoIsAlsoCustomerContactAsync();
        var id = await VerifiedRequestAsync(Intake(RequestedRights.Access, Email, language: ReplyLanguage.English));
        await Records.ConfirmMatchAsync(id, contact);
        await Records.ConfirmMatchAsync(id, applicant);

        var report = await Requests.AccessReportAsync(id);

        Assert.Equal("en", report.Language);
        Assert.Equal(2, report.Records.Count);
        var contactRecord = report.Records.Single(r => r.Category == "Contact person at a customer or supplier");
        string Value(ReportRecord r, string label) => r.Entries.Single(e => e.Label == label).Value;
        Assert.Equal("Netwerk Partners", Value(contactRecord, "Recipients"));
        Assert.Equal(Email, Value(contactRecord, "E-mail address"));
        Assert.Contains("10 years", Value(contactRecord, "Retention period"), StringComparison.Ordinal);
        Assert.Equal("Performance of the agreement with your employer", Value(contactRecord, "Lawful basis"));
        Assert.Single(contactRecord.Lists.Single(l => l.Heading == "Shared with subcontractors").Rows);
        var applicantRecord = report.Records.Single(r => r.Category == "Job applicant");
        Assert.Contains("answering the vacancy Project leader", Value(applicantRecord, "Source of the data"), StringComparison.Ordinal);
        Assert.Contains("Current and future selection procedures", Value(applicantRecord, "Purpose"), StringComparison.Ordinal);
        Assert.Contains("Applied for a role that fits", Value(applicantRecord, "Our legitimate interest"), StringComparison.Ordinal);
        Assert.Contains(report.General, e => e.Label == "Supervisory authority" && e.Value.Contains("Data Protection Authority", StringComparison.Ordinal));
        Assert.Contains(report.General, e => e.Value.Contains("support@cisanet.be", StringComparison.Ordinal));
        var generated = Assert.Single(await AuditAsync("SubjectRequest.AccessReportGenerated"));
        Assert.Equal("records=2;language=English", generated.Details);
    }

    [Fact]
    public async Task DSR_ACCESS_a_prospect_report_in_Dutch_lists_the_calls_and_the_legitimate_interest()
    {
        var (_, _, id) = await ConfirmedProspectRequestAsync(2, Intake(RequestedRights.Access));

        var report = await Requests.AccessReportAsync(id);

        var record = Assert.Single(report.Records);
        Assert.Equal("Prospect (contact in verband met onze ICT-diensten)", record.Category);
        Assert.Equal(2, record.Lists.Single(l => l.Heading == "Telefoongesprekken").Rows.Count);
        Assert.Contains(record.Entries, e => e.Label == "Rechtsgrond" && e.Value.Contains("6.1.f", StringComparison.Ordinal));
        Assert.Contains(record.Entries, e => e.Label == "Bewaartermijn" && e.Value.Contains("14 maart 2028", StringComparison.Ordinal));
        Assert.Contains(record.Entries, e => e.Label == "Ons gerechtvaardigd belang" && e.Value.EndsWith(" — " + SalesData.Note, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DSR_NOTIFY_rectifying_a_shared_contact_lists_the_recipient_who_is_ticked_off_when_told()
    {
        var (contact, _, subcontractor) = await ApplicantWhoIsAlsoCustomerContactAsync();
        var id = await VerifiedRequestAsync(Intake(RequestedRights.Rectification, Email));
        await Records.ConfirmMatchAsync(id, contact);
        await Records.DecideAsync(id, new DecisionInput { Person = contact, Action = DecisionAction.Rectify, NewLastName = "Vermeulen-Peeters", NewEmail = "Lies.VP@example.be" });

        await ExecuteAsync(id);

        await using (var db = Db.CreateContext())
        {
            var rectified = await db.PartnerContacts.AsNoTracking().Include(c => c.Emails).SingleAsync(c => c.Id == contact.Id);
            Assert.Equal(("Vermeulen-Peeters", "vermeulen-peeters"), (rectified.LastName, rectified.LastNameKey));
            Assert.Equal(["lies.vp@example.be"], rectified.Emails.Select(e => e.Address));
        }

        var notification = Assert.Single((await Requests.GetAsync(id)).Notifications);
        Assert.Equal((subcontractor, DecisionAction.Rectify, null), (notification.RecipientCompanyId, notification.Action, notification.NotifiedAtUtc));
        await Records.MarkNotifiedAsync(id, notification.Id);
        Assert.NotNull(Assert.Single((await Requests.GetAsync(id)).Notifications).NotifiedAtUtc);
        Assert.Equal("fields=LastName,Email", Assert.Single((await Requests.GetAsync(id)).Matches).Decision!.Result);
    }

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_prospect_is_locked_for_sales_and_lifting_it_is_audited_with_a_reason()
    {
        var (prospect, person, id) = await ConfirmedProspectRequestAsync(1, Intake(RequestedRights.Restriction));
        await DecideAsync(id, person, DecisionAction.Restrict);
        await ExecuteAsync(id);

        var locked = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Sales.AsAsync(SalesPeople.Sofie, () => Db.Get<Cisa.Crm.Core.Prospects.Calls.CallLogService>().LogAsync(prospect, SalesData.Call())));
        Assert.Equal("Restricted", locked.Code);

        await Assert.ThrowsAsync<CrmValidationException>(() => Records.LiftRestrictionAsync(person, null));
        await Records.LiftRestrictionAsync(person, RestrictionLiftReason.AccuracyVerified);

        Assert.False((await Sales.ProspectRowAsync(prospect)).IsRestricted);
        Assert.Equal("reason=AccuracyVerified;unrestricted", Assert.Single(await AuditAsync("Restriction.Lifted")).Details);
    }

    [Fact]
    public async Task DSR_FIND_a_confirmed_record_is_held_from_the_retention_sweep_until_the_request_is_answered()
    {
        var (_, _, id) = await ConfirmedProspectRequestAsync(1, Intake(RequestedRights.Access));

        SetToday(new DateOnly(2028, 3, 14));
        var whileOpen = await Sweep.RunAsync(CrmActor.System, SweepTrigger.Scheduled);
        Assert.Equal((0, 1), (whileOpen.ProspectsErased, whileOpen.Held));

        await Requests.AnswerAsync(id, "Attached is the overview of your data.", await VersionAsync(id));
        var afterAnswer = await Sweep.RunAsync(CrmActor.System, SweepTrigger.Scheduled);
        Assert.Equal(1, afterAnswer.ProspectsErased);
        Assert.Equal(RequestStatus.Answered, (await Requests.GetAsync(id)).Request.Status);
    }

    [Fact]
    public async Task DSR_RIGHTS_answering_waits_for_the_decisions_and_refusing_needs_a_reason()
    {
        var (_, person, id) = await ConfirmedProspectRequestAsync(0, Intake());
        await DecideAsync(id, person, DecisionAction.Erase);

        var pending = await Assert.ThrowsAsync<RuleViolationException>(async () => await Requests.AnswerAsync(id, "Done.", await VersionAsync(id)));
        Assert.Equal("DecisionsPending", pending.Code);
        await Assert.ThrowsAsync<CrmValidationException>(async () => await Requests.RefuseAsync(id, " ", await VersionAsync(id)));

        await ExecuteAsync(id);
        await Requests.AnswerAsync(id, await Requests.DraftReplyAsync(id), await VersionAsync(id));

        var request = (await Requests.GetAsync(id)).Request;
        Assert.Equal((RequestStatus.Answered, Today), (request.Status, request.ClosedOn));
        Assert.Contains("Uw gegevens als prospect zijn gewist.", request.Outcome, StringComparison.Ordinal);
        await Assert.ThrowsAsync<RuleViolationException>(() => Records.ConfirmMatchAsync(id, person));
    }
}
