using Microsoft.AspNetCore.Identity;

namespace Dashboard.Domain.Users;

/// <summary>
/// NIST SP 800-63B: at least <see cref="MinimumLength"/> characters and no composition rules ("one digit, one
/// symbol"), but a password an attacker would guess early is refused. zxcvbn estimates that from its own
/// dictionaries (common passwords, names, words, keyboard patterns) plus the person's own name and address.
/// </summary>
public sealed class PasswordStrength : IPasswordValidator<Account>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    /// <summary>zxcvbn's 0-4 scale: 3 is "safely unguessable: moderate protection from an offline attack".</summary>
    public const int MinimumScore = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password) =>
        Task.FromResult(Check(password, user.Email, user.DisplayName) is { } problem
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooWeak", Description = problem })
            : IdentityResult.Success);

    /// <summary>What is wrong with the password, as a sentence with zxcvbn's hint; null when it is fine.</summary>
    public static string? Check(string? password, params string?[] personal)
    {
        if (string.IsNullOrEmpty(password)) return "Choose a password.";
        if (password.Length < MinimumLength)
            return $"Use at least {MinimumLength} characters (this one has {password.Length}). A few unrelated words make a long password that is easy to remember.";
        if (password.Length > MaximumLength) return $"Use at most {MaximumLength} characters.";

        var userInputs = personal.Where(p => !string.IsNullOrWhiteSpace(p))
            .SelectMany(p => p!.Split(['@', '.', ' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries)).ToList();
        var estimate = Zxcvbn.Zxcvbn.MatchPassword(password, userInputs);
        if (estimate.Score >= MinimumScore) return null;
        return $"This password is too easy to guess (it could be cracked in {estimate.CrackTimeDisplay}). {Hint(estimate)}";
    }

    /// <summary>
    /// zxcvbn's own advice, as its reference implementation words it: about the longest pattern it recognised
    /// (this port reports the patterns, not the sentences).
    /// </summary>
    private static string Hint(Zxcvbn.Result estimate)
    {
        var weakest = estimate.MatchSequence.Where(m => m.Pattern != "bruteforce").MaxBy(m => m.Token.Length);
        var warning = weakest switch
        {
            Zxcvbn.Matcher.DictionaryMatch { DictionaryName: "passwords" } match => match.Rank <= 100
                ? "This is a top-100 common password." : "This is similar to a commonly used password.",
            Zxcvbn.Matcher.DictionaryMatch { DictionaryName: "user_inputs" } => "Your name or email address is easy to guess.",
            Zxcvbn.Matcher.DictionaryMatch { DictionaryName: "male_names" or "female_names" or "surnames" } => "Names on their own are easy to guess.",
            Zxcvbn.Matcher.DictionaryMatch => "A word by itself is easy to guess.",
            { Pattern: "spatial" } => "Keyboard patterns such as qwerty are easy to guess.",
            { Pattern: "repeat" } => "Repeats like \"aaa\" or \"abcabc\" are easy to guess.",
            { Pattern: "sequence" } => "Sequences like abc or 6543 are easy to guess.",
            { Pattern: "date" } => "Dates are easy to guess.",
            _ => null,
        };
        return (warning is null ? "" : warning + " ") + "Add another word or two; uncommon words are better, and no symbols or digits are required.";
    }
}
