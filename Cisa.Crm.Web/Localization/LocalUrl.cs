namespace Cisa.Crm.Web.Localization;

/// <summary>Reduces a return URL to a path on this site, so no link can send a user elsewhere.</summary>
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
        return isLocal ? url : "/";
    }
}
