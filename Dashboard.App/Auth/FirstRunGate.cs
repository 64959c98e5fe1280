namespace Dashboard.App.Auth;

/// <summary>
/// While no account exists, every page leads to set-up; once one does, the set-up page is gone (404).
/// Framework files, assets and the health endpoint pass through untouched.
/// </summary>
internal sealed class FirstRunGate(RequestDelegate next, SetupState setup)
{
    private static readonly string[] PassThroughPrefixes =
        ["/_framework", "/_content", "/_blazor", "/assets", "/healthz", "/not-found", "/error"];

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var isSetupPage = path.Equals(AuthPaths.Setup, StringComparison.OrdinalIgnoreCase);
        if (!isSetupPage && (PassThroughPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                             || Path.HasExtension(path.Value)))
        {
            await next(context);
            return;
        }

        var complete = await setup.IsCompleteAsync(context.RequestAborted);
        if (isSetupPage && complete)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (!isSetupPage && !complete && HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Redirect(AuthPaths.Setup);
            return;
        }
        await next(context);
    }
}
