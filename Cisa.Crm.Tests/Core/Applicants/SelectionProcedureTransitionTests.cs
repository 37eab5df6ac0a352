using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Errors;

namespace Cisa.Crm.Tests.Core.Applicants;

/// <summary>Closing and reopening a selection procedure on the entity alone, without a database.</summary>
public sealed class SelectionProcedureTransitionTests
{
    private static readonly DateOnly Opened = new(2026, 1, 5);
    private static readonly DateOnly Today = new(2026, 3, 12);

    private static SelectionProcedure Open() => new() { Kind = ProcedureKind.Vacancy, Title = "Systeembeheerder", OpenedOn = Opened };

    private static List<Application> Applications(params int[] applicantIds) =>
        applicantIds.Select(id => new Application { ApplicantId = id, AppliedOn = Opened }).ToList();

    private static Dictionary<int, ApplicationOutcome> Outcomes(params (int ApplicantId, ApplicationOutcome Outcome)[] outcomes) =>
        outcomes.ToDictionary(o => o.ApplicantId, o => o.Outcome);

    [Fact]
    public void RET_APP_CV_closing_an_open_procedure_sets_the_end_date_its_retention_counts_from_and_every_applicants_outcome()
    {
        var procedure = Open();
        var applications = Applications(7, 9);

        procedure.Close(new DateOnly(2026, 3, 1), Today, applications, Outcomes((7, ApplicationOutcome.Hired), (9, ApplicationOutcome.KeptForFuture)));

        Assert.Equal((new DateOnly(2026, 3, 1), false), (procedure.EndedOn, procedure.IsOpen));
        Assert.Equal([ApplicationOutcome.Hired, ApplicationOutcome.KeptForFuture], applications.Select(a => a.Outcome));
    }

    [Theory]
    [InlineData("2026-01-05")] // the day it opened
    [InlineData("2026-03-12")] // today
    public void A_procedure_can_end_on_the_day_it_opened_or_today(string endedOn)
    {
        var procedure = Open();
        var end = DateOnly.Parse(endedOn, System.Globalization.CultureInfo.InvariantCulture);

        procedure.Close(end, Today, [], Outcomes());

        Assert.Equal(end, procedure.EndedOn);
    }

    [Fact]
    public void A_closed_procedure_cannot_be_closed_again()
    {
        var procedure = Open();
        procedure.Close(Today, Today, [], Outcomes());

        var refused = Assert.Throws<RuleViolationException>(() => procedure.Close(Today, Today, [], Outcomes()));

        Assert.Equal("ProcedureClosed", refused.Code);
        Assert.Equal(Today, procedure.EndedOn);
    }

    [Fact]
    public void A_missing_outcome_and_a_future_end_date_are_reported_together_and_nothing_changes()
    {
        var procedure = Open();
        var applications = Applications(7, 9, 11);

        var refused = Assert.Throws<CrmValidationException>(() =>
            procedure.Close(Today.AddDays(1), Today, applications, Outcomes((7, ApplicationOutcome.Hired), (11, (ApplicationOutcome)42))));

        Assert.Equal([("EndedOn", "EndDateInvalid"), ("Outcome[9]", "OutcomeRequired"), ("Outcome[11]", "OutcomeRequired")],
            refused.Errors.Select(e => (e.Field, e.Code)));
        Assert.True(procedure.IsOpen);
        Assert.All(applications, a => Assert.Null(a.Outcome));
    }

    [Fact]
    public void A_procedure_cannot_end_before_it_opened()
    {
        var procedure = Open();

        var refused = Assert.Throws<CrmValidationException>(() => procedure.Close(Opened.AddDays(-1), Today, [], Outcomes()));

        Assert.Equal(("EndedOn", "EndDateInvalid"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code));
        Assert.True(procedure.IsOpen);
    }

    [Fact]
    public void Reopening_a_closed_procedure_clears_its_end_date()
    {
        var procedure = Open();
        procedure.Close(Today, Today, [], Outcomes());

        procedure.Reopen();

        Assert.Equal((null, true), (procedure.EndedOn, procedure.IsOpen));
    }

    [Fact]
    public void An_open_procedure_cannot_be_reopened()
    {
        var procedure = Open();

        Assert.Equal("ProcedureOpen", Assert.Throws<RuleViolationException>(procedure.Reopen).Code);
        Assert.True(procedure.IsOpen);
    }
}
