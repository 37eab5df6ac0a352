namespace Cisa.Crm.Web.Localization;

/// <summary>
/// Reduces a return URL to a path on this site, so no link can send a user elsewhere. A control character (a line break, a
/// tab, NUL) makes it the home page too: no real address of the app has one, and ASP.NET Core's local redirect refuses it.
/// </summary>
public static class LocalUrl
{
    public static string OrRoot(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "/";
        }

        // Local means "/path" but not "//host" or "/\host" (browsers read both as another site).
        var isLocal = url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
        return isLocal && !url.Any(char.IsControl) ? url : "/";
    }
}
