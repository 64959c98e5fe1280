using Dashboard.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Domain.Users;

/// <summary>The checks every new account passes, whether made at set-up or at sign-up.</summary>
public static class AccountRules
{
    /// <summary>Identity's password rules, as errors on the Password field; empty when the password is fine.</summary>
    public static async Task<IReadOnlyList<Error>> CheckPasswordAsync(UserManager<Account> users, string email, string? password)
    {
        if (string.IsNullOrEmpty(password))
            return [Error.Invalid("Choose a password.", "Password")];
        var errors = new List<Error>();
        var candidate = new Account { UserName = email, Email = email };
        foreach (var validator in users.PasswordValidators)
        {
            var outcome = await validator.ValidateAsync(users, candidate, password);
            if (!outcome.Succeeded) errors.Add(IdentityErrors.ToError(outcome));
        }
        return errors;
    }
}
