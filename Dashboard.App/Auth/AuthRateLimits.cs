using System.Threading.RateLimiting;

namespace Dashboard.App.Auth;

/// <summary>
/// Sign-in, sign-up and two-factor pages take at most 20 submissions a minute from one address, and opening an
/// invitation link counts too: enough for a person, too few to guess passwords, codes or invitation tokens.
/// Account lockout covers a single account on top of this.
/// </summary>
public static class AuthRateLimits
{
    public const string Policy = "auth";
    public const int PermitsPerMinute = 20;

    public static IServiceCollection AddAuthRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, http =>
                // Form posts and invitation look-ups count; simply reading the page is free.
                HttpMethods.IsPost(http.Request.Method) || http.Request.Query.ContainsKey("invitation")
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
