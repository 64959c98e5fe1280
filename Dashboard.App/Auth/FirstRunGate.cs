namespace Dashboard.App.Auth;

/// <summary>
/// While no account exists, every page leads to set-up; once one does, the set-up page is gone (404).
/// Framework files, assets and the health endpoint pass through untouched.
/// </summary>
internal sealed class FirstRunGate(RequestDelegate next, SetupState setup)
{
    // Besides the static files: the circuit's hub, the health endpoint and the error pages.
    private static readonly PathString[] PassThroughPrefixes = ["/_blazor", "/healthz", "/not-found", "/error"];

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var isSetupPage = path.Equals(AuthPaths.Setup, StringComparison.OrdinalIgnoreCase);
        if (!isSetupPage && (PublicFiles.Serves(path) || PassThroughPrefixes.Any(path.StartsWithSegments)
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
