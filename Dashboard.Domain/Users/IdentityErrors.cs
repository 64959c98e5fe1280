using Dashboard.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Domain.Users;

/// <summary>Turns Identity's refusals into one readable error on the field it concerns.</summary>
public static class IdentityErrors
{
    public static Error ToError(IdentityResult result)
    {
        var errors = result.Errors.ToList();
        var field = errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "Password" : "Email";
        var message = string.Join(" ", errors
            .Where(e => field != "Password" || e.Code.StartsWith("Password", StringComparison.Ordinal))
            .Select(e => e.Description));
        return errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail")
            ? Error.Conflict("An account with this email already exists.", "Email")
            : Error.Invalid(message, field);
    }
}
