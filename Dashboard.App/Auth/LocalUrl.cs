namespace Dashboard.App.Auth;

public static class LocalUrl
{
    /// <summary>The return address if it stays on this site, else Home: no open redirects after sign-in.</summary>
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\")
            ? url
            : "/";
}
