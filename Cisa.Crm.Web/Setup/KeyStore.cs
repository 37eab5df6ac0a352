using System.Security.Cryptography;

namespace Cisa.Crm.Web.Setup;

/// <summary>
/// Where the app's secret keys come from: configuration first (user-secrets, environment variables).
/// On a developer machine a missing key is generated once into <c>db/keys/</c> (git-ignored); in
/// production a missing key stops the app with a message naming the setting.
/// </summary>
public sealed class KeyStore(string folder, bool mayGenerate)
{
    public const int MinimumLength = 32;

    public string Folder { get; } = folder;

    /// <summary>Whether missing secrets may be generated (a developer or demo machine, never production).</summary>
    public bool MayGenerate { get; } = mayGenerate;

    public string Resolve(IConfiguration configuration, string setting, string fileName)
    {
        var configured = configuration[setting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Length >= MinimumLength
                ? configured
                : throw new InvalidOperationException($"The setting {setting} must be at least {MinimumLength} characters long.");
        }

        if (!MayGenerate)
        {
            throw new InvalidOperationException(
                $"The setting {setting} is missing: set a random secret of at least {MinimumLength} characters (environment variable {setting.Replace(":", "__", StringComparison.Ordinal)}).");
        }

        var path = Path.Combine(Folder, fileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Folder);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        File.WriteAllText(path, key);
        return key;
    }

    /// <summary>
    /// The audit anchor's file (LOG-ACTIONS): the setting, whose folder must exist, so a mistyped path stops the start
    /// instead of leaving the trail's end unproven; on a developer machine <c>db/keys/&lt;database&gt;.audit-anchor.json</c>,
    /// one per database file. It must not be the database file itself: the anchor is what a copy of that file lacks.
    /// </summary>
    public string ResolveAuditAnchor(IConfiguration configuration, string setting, string databaseFile)
    {
        var configured = configuration[setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!MayGenerate)
            {
                throw new InvalidOperationException(
                    $"The setting {setting} is missing: name a file outside the database's folder, on another volume, where the app keeps the end of the audit trail (environment variable {setting.Replace(":", "__", StringComparison.Ordinal)}).");
            }

            return Path.Combine(Folder, $"{Path.GetFileNameWithoutExtension(databaseFile)}.audit-anchor.json");
        }

        var path = Path.GetFullPath(configured);
        var folder = Path.GetDirectoryName(path);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new InvalidOperationException($"The setting {setting} names a file in a folder that does not exist: {folder}.");
        }

        if (!string.IsNullOrEmpty(databaseFile) && string.Equals(path, Path.GetFullPath(databaseFile), StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The setting {setting} must name a file other than the database.");
        }

        return path;
    }
}
