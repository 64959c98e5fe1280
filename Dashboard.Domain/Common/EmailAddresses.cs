using System.Net.Mail;

namespace Dashboard.Domain.Common;

/// <summary>One check for every email a person types (set-up, sign-in, invitations, domain sign-ups).</summary>
public static class EmailAddresses
{
    public const int MaxLength = 256;

    /// <summary>Trims the address and explains what is wrong with it, if anything.</summary>
    public static Result<string> Validate(string? raw, string field = "Email")
    {
        var email = raw?.Trim() ?? "";
        if (email.Length == 0) return Error.Invalid("Enter an email address.", field);
        if (email.Length > MaxLength) return Error.Invalid($"An email address can have at most {MaxLength} characters.", field);
        if (email.Any(char.IsWhiteSpace)) return Error.Invalid($"\"{email}\" contains a space.", field);
        var at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1)
            return Error.Invalid($"\"{email}\" is not an email address: it needs one @ with a name before it and a domain after it.", field);
        var domain = email[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains(".."))
            return Error.Invalid($"\"{email}\" has no valid domain after the @ (for example name@company.com).", field);
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            return Error.Invalid($"\"{email}\" is not a valid email address.", field);
        return email;
    }
}
