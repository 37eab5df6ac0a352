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
}
