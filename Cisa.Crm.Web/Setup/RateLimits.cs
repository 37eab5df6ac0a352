using System.Globalization;
using System.Threading.RateLimiting;
using Cisa.Crm.Web.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Web.Setup;

/// <summary>
/// ASP.NET Core's rate limiter on sign-in and on every endpoint a program can call (downloads, the access report, the
/// language switch, sign-out). Each limit counts per signed-in user, or per client address for someone not signed in;
/// past it the answer is 429 with <c>Retry-After</c> and one sentence in the user's language. Pages are not limited.
/// </summary>
public static class RateLimits
{
    /// <summary>The sign-in endpoints: the local sign-in form's post and the start of an Entra sign-in.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Every other endpoint a program can call.</summary>
    public const string Programs = "programs";

    public static IServiceCollection AddCrmRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.SignIn.IsSane && o.Programs.IsSane,
                $"{RateLimitOptions.Section}: each PermitLimit must be between 1 and 100000 and each Window between 00:00:01 and 01:00:00.")
            .ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(SignIn, context => Partition(context, o => o.SignIn));
            options.AddPolicy(Programs, context => Partition(context, o => o.Programs));
            options.OnRejected = RefuseAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, Func<RateLimitOptions, RateLimit> pick)
    {
        var limit = pick(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        // Behind a reverse proxy the client address is the proxy's unless forwarded headers are on (see docs/security.md).
        var key = context.User.Identity?.IsAuthenticated == true
            ? "user:" + context.User.ToCrmActor().Id
            : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });
    }

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=utf-8";
        var text = rejected.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        await response.WriteAsync(text["RateLimit.TooMany", seconds], cancellationToken);
    }
}

/// <summary>The <c>Crm:RateLimits</c> section; defaults repeated in appsettings.json.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Crm:RateLimits";

    /// <summary>Sign-ins per client address (an office behind one address shares it).</summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Calls of the program endpoints per user.</summary>
    public RateLimit Programs { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(1) };
}

/// <summary>At most <see cref="PermitLimit"/> requests in each <see cref="Window"/>.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    internal bool IsSane => PermitLimit is >= 1 and <= 100_000 && Window >= TimeSpan.FromSeconds(1) && Window <= TimeSpan.FromHours(1);
}
