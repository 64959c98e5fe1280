namespace Dashboard.App.Auth;

public static class AuthPaths
{
    public const string Login = "/account/login";
    public const string Logout = "/account/logout";
    public const string Setup = "/setup";
}
