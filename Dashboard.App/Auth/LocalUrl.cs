namespace Dashboard.App.Auth;

public static class LocalUrl
{
    /// <summary>
    /// The return address if it stays on this site, else Home: no open redirects after sign-in, and no address the
    /// redirect itself would refuse ("/\t/evil.example" reads as "//evil.example" to a browser), so never a 500.
    /// </summary>
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/'
        && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? url
            : "/";
}
