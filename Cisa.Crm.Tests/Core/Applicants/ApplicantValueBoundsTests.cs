using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.People;

namespace Cisa.Crm.Tests.Core.Applicants;

/// <summary>Dates, country codes and coded values no person means are refused at their field, and nothing is saved (issue 18, defect 6).</summary>
public sealed class ApplicantValueBoundsTests : ApplicantTestBase
{
    [Theory]
    [InlineData("XX")]
    [InlineData("1A")]
    [InlineData("EU")]
    public async Task An_applicant_in_a_country_that_is_not_an_ISO_3166_code_is_refused(string country)
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            CreateApplicantAsync(NewApplicant() with { Street = "Hoofdstraat 1", PostalCode = "12345", City = "Nergens", CountryCode = country }));

        Assert.Contains(refusal.For(nameof(ApplicantInput.CountryCode)), e => e.Code == "CountryInvalid");
        Assert.Equal(0, await Data.CountAsync<Applicant>());
    }

    [Fact]
    public async Task An_applicant_language_out_of_the_enum_is_refused()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            CreateApplicantAsync(NewApplicant() with { PreferredLanguage = (PreferredLanguage)42 }));

        Assert.Contains(refusal.For(nameof(ApplicantInput.PreferredLanguage)), e => e.Code == "ChoiceUnknown");
        Assert.Equal(0, await Data.CountAsync<Applicant>());
    }

    [Fact]
    public async Task A_procedure_opened_before_1900_is_refused_at_its_date()
    {
        var before = await Data.CountAsync<SelectionProcedure>();

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Procedures.OpenAsync(new ProcedureInput(ProcedureKind.Vacancy, "Medieval scribe", null, DateOnly.MinValue)));

        Assert.Contains(refusal.For(nameof(ProcedureInput.OpenedOn)), e => e.Code == "DateOutOfRange");
        Assert.Equal(before, await Data.CountAsync<SelectionProcedure>());
    }
}
