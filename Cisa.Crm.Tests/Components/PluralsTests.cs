using System.Globalization;
using Cisa.Crm.Web;
using Cisa.Crm.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Cisa.Crm.Tests.Components;

/// <summary>Counted texts take their proper plural form in both languages, with the count formatted in the culture.</summary>
public sealed class PluralsTests : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddCrmLocalization().BuildServiceProvider();

    private string Plural(string culture, string key, long count)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        return _services.GetRequiredService<IStringLocalizer<SharedResource>>().Plural(key, count).Value;
    }

    [Theory]
    [InlineData(CrmCultures.Dutch, 0, "0 gesprekken")]
    [InlineData(CrmCultures.Dutch, 1, "1 gesprek")]
    [InlineData(CrmCultures.Dutch, 2, "2 gesprekken")]
    [InlineData(CrmCultures.Dutch, 10_000, "10.000 gesprekken")]
    [InlineData(CrmCultures.English, 0, "0 calls")]
    [InlineData(CrmCultures.English, 1, "1 call")]
    [InlineData(CrmCultures.English, 2, "2 calls")]
    [InlineData(CrmCultures.English, 10_000, "10.000 calls")] // Belgian English groups thousands with a point too
    public void A_count_takes_the_plural_form_of_its_language(string culture, long count, string expected) =>
        Assert.Equal(expected, Plural(culture, "Find.Calls", count));

    [Theory]
    [InlineData(CrmCultures.Dutch, 1, "afweging te herzien")]
    [InlineData(CrmCultures.Dutch, 3, "afwegingen te herzien")]
    [InlineData(CrmCultures.English, 1, "assessment to review")]
    [InlineData(CrmCultures.English, 0, "assessments to review")]
    public void A_label_beside_a_figure_agrees_with_the_figure(string culture, long count, string expected) =>
        Assert.Equal(expected, Plural(culture, "Dashboard.Privacy.AssessmentsOverdue", count));

    [Theory]
    [InlineData(0, PluralForm.Other)]
    [InlineData(1, PluralForm.One)]
    [InlineData(2, PluralForm.Other)]
    [InlineData(-1, PluralForm.One)]
    public void Dutch_and_English_use_one_for_exactly_one_thing(long count, PluralForm form) => Assert.Equal(form, Plurals.FormOf(count));

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        _services.Dispose();
    }
}
