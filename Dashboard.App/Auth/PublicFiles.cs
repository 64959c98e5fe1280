namespace Dashboard.App.Auth;

/// <summary>
/// The app's static files: the same bytes for anyone, signed in or not, so they skip the cookie's stamp check and
/// the first-run gate. <c>StartsWithSegments</c> compares without regard to case.
/// </summary>
public static class PublicFiles
{
    private static readonly PathString[] Folders = ["/_framework", "/_content", "/assets"];

    public static bool Serves(PathString path) => Folders.Any(path.StartsWithSegments);
}
