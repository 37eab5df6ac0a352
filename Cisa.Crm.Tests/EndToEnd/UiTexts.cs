using System.Globalization;
using Cisa.Crm.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// A UI text as the page shows it in a language, read from the app's own resources: a journey asserts the message a
/// person sees in their language without copying the wording (a reworded text does not break it, a missing or
/// other-language one does).
/// </summary>
public static class UiTexts
{
    public static string Get(BrowserFixture browser, string culture, string key, params object[] arguments) =>
        Get(browser.Factory.Services, culture, key, arguments);

    /// <summary>The same, from the running app's services (a test without a browser).</summary>
    public static string Get(IServiceProvider services, string culture, string key, params object[] arguments)
    {
        // Both cultures: a text with a number or a date formats it as that language does.
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
            var text = arguments.Length == 0 ? localizer[key] : localizer[key, arguments];
            Assert.False(text.ResourceNotFound, $"no text {key}");
            return text.Value;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
