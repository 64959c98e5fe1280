using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Dashboard.App.Auth;

/// <summary>
/// Sign-in, sign-up and two-factor pages take at most 20 submissions a minute from one address: enough for a
/// person, too few to guess passwords or codes. Account lockout covers a single account on top of this.
/// </summary>
public static class AuthRateLimits
{
    public const string Policy = "auth";
    public const int PermitsPerMinute = 20;

    public static IServiceCollection AddAuthRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, http =>
                // Only form posts count: reading the page is free.
                HttpMethods.IsPost(http.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = PermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("reads"));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many attempts from your address. Wait a minute, then try again.", ct);
            };
        });
}
