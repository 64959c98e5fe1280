using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Domain.Users;

/// <summary>The checks every new account passes, whether made at set-up or at sign-up.</summary>
public static class AccountRules
{
    /// <summary>Identity's password validators (see <see cref="PasswordStrength"/>), as errors on the Password field; empty when fine.</summary>
    public static async Task<IReadOnlyList<Error>> CheckPasswordAsync(UserManager<Account> users, string email, string? password,
        string? displayName = null)
    {
        if (string.IsNullOrEmpty(password))
            return [Error.Invalid("Choose a password.", "Password")];
        var errors = new List<Error>();
        var candidate = new Account { UserName = email, Email = email, DisplayName = displayName ?? "" };
        foreach (var validator in users.PasswordValidators)
        {
            var outcome = await validator.ValidateAsync(users, candidate, password);
            if (!outcome.Succeeded) errors.Add(IdentityErrors.ToError(outcome));
        }
        return errors;
    }

    /// <summary>Identity for accounts with the product's rules: unique addresses, <see cref="PasswordStrength"/>.</summary>
    public static IdentityBuilder AddDashboardAccounts(this IServiceCollection services, Action<IdentityOptions>? configure = null) =>
        services.AddIdentityCore<Account>(options =>
            {
                options.User.RequireUniqueEmail = true;
                UseStrengthRules(options.Password);
                configure?.Invoke(options);
            })
            .AddEntityFrameworkStores<DashboardDbContext>()
            .AddPasswordValidator<PasswordStrength>();

    /// <summary>
    /// Identity's password options for <see cref="PasswordStrength"/>: length and guessability decide, not
    /// composition (NIST SP 800-63B). Set by the app and by every test that builds Identity.
    /// </summary>
    public static void UseStrengthRules(PasswordOptions options)
    {
        // PasswordStrength checks the length itself, with advice; Identity's own check would repeat it.
        options.RequiredLength = 1;
        options.RequireDigit = false;
        options.RequireLowercase = false;
        options.RequireUppercase = false;
        options.RequireNonAlphanumeric = false;
        options.RequiredUniqueChars = 1;
    }
}
