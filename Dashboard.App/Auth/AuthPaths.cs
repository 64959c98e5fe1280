namespace Dashboard.App.Auth;

public static class AuthPaths
{
    public const string Login = "/account/login";
    public const string Logout = "/account/logout";
    public const string Setup = "/setup";
    public const string LoginTwoFactor = "/account/login-2fa";
    public const string RefreshSignIn = "/account/refresh-signin";
    public const string ConfirmEmail = "/account/confirm-email";
    public const string ForgotPassword = "/account/forgot-password";
    public const string ResetPassword = "/account/reset-password";
}
