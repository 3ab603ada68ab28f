using System.Threading.RateLimiting;
using CtiBridge.Domain.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CtiBridge.Api.Auth;

/// <summary>Configuration section <c>RateLimiting:Login</c>.</summary>
public sealed class LoginRateLimitSettings
{
    /// <summary>Login attempts per client IP and tenant domain per window.</summary>
    public int PermitLimit { get; set; } = 10;
    /// <summary>All session requests (login, refresh) per client IP per window.</summary>
    public int PerIpPermitLimit { get; set; } = 60;
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// Login throttling with ASP.NET Core's rate limiter: the middleware policy <see cref="PolicyName"/>
/// limits session requests per client IP, and <see cref="LoginThrottle"/> limits login attempts per
/// IP + tenant domain (the domain is in the body, so that check runs in the endpoint). Both answer
/// 429 <c>rate_limited</c> with Retry-After. Account lockout (per user) is separate.
/// </summary>
public static class LoginRateLimiting
{
    public const string PolicyName = "session";

    public static IServiceCollection AddCtiLoginRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<LoginRateLimitSettings>().BindConfiguration("RateLimiting:Login");
        services.AddSingleton<LoginThrottle>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(PolicyName, http =>
            {
                var s = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<LoginRateLimitSettings>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(ClientIp(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = s.PerIpPermitLimit, Window = TimeSpan.FromSeconds(s.WindowSeconds), QueueLimit = 0,
                });
            });
            o.OnRejected = async (ctx, ct) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var pd = new ProblemDetails { Status = 429, Title = "Too many requests; try again later." };
                pd.Extensions["code"] = ErrorCodes.RateLimited;
                await ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .TryWriteAsync(new ProblemDetailsContext { HttpContext = ctx.HttpContext, ProblemDetails = pd });
            };
        });
        return services;
    }

    /// <summary>The client address (behind a proxy, configure forwarded headers so this is the real client).</summary>
    public static string ClientIp(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>Per IP + tenant login attempt limiter.</summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public LoginThrottle(Microsoft.Extensions.Options.IOptions<LoginRateLimitSettings> options)
    {
        var s = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = s.PermitLimit, Window = TimeSpan.FromSeconds(s.WindowSeconds), QueueLimit = 0 }));
    }

    /// <summary>Takes one attempt for this IP and tenant; false (with the wait) when the limit is reached.</summary>
    public bool TryAcquire(HttpContext http, string? domain, out TimeSpan retryAfter)
    {
        var key = LoginRateLimiting.ClientIp(http) + "|" + (domain ?? "").Trim().ToLowerInvariant();
        using var lease = _limiter.AttemptAcquire(key);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.Zero;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
