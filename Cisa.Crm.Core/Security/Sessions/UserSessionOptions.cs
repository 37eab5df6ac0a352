using Microsoft.Extensions.Options;

namespace Cisa.Crm.Core.Security.Sessions;

/// <summary>
/// How long a signed-in session lives (the <c>Crm:Sessions</c> section; defaults repeated in the web project's
/// appsettings.json). ASVS 3.3.2 at level 2: at most 12 hours, and 30 minutes without use.
/// </summary>
public sealed class UserSessionOptions
{
    public const string Section = "Crm:Sessions";

    /// <summary>A session not used for this long (no request, nothing clicked or typed in an open page) has ended.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however much it is used.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How often an open page checks its session on the server. A sign-out on this app instance ends its pages at once;
    /// this bounds how long a page on another instance outlives a sign-out.
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Refuses session settings that make no sense, naming the setting.</summary>
public sealed class UserSessionOptionsValidator : IValidateOptions<UserSessionOptions>
{
    public ValidateOptionsResult Validate(string? name, UserSessionOptions options)
    {
        var failures = new List<string>();
        void Between(string setting, TimeSpan value, TimeSpan min, TimeSpan max)
        {
            if (value < min || value > max)
            {
                failures.Add($"{UserSessionOptions.Section}:{setting} must be between {min} and {max}; it is {value}.");
            }
        }

        Between(nameof(UserSessionOptions.IdleTimeout), options.IdleTimeout, TimeSpan.FromMinutes(2), TimeSpan.FromHours(24));
        Between(nameof(UserSessionOptions.AbsoluteLifetime), options.AbsoluteLifetime, options.IdleTimeout, TimeSpan.FromDays(7));
        Between(nameof(UserSessionOptions.RevalidationInterval), options.RevalidationInterval, TimeSpan.FromSeconds(1), options.IdleTimeout);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
