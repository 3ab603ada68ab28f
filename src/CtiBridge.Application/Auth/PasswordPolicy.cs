using CtiBridge.Domain.Errors;

namespace CtiBridge.Application.Auth;

/// <summary>
/// The password rule users know: 8–20 characters, at least one letter, one digit and one symbol,
/// no spaces (no whitespace at all). Breaking it is <c>weak_password</c> (400).
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 20;

    /// <summary>What is wrong with <paramref name="password"/>, or null when it meets the rule.</summary>
    public static string? Check(string? password)
    {
        if (string.IsNullOrEmpty(password)) return "The password is required.";
        if (password.Length < MinLength || password.Length > MaxLength) return $"The password must be {MinLength}–{MaxLength} characters long.";
        if (password.Any(char.IsWhiteSpace)) return "The password must not contain spaces.";
        if (!password.Any(char.IsLetter)) return "The password must contain a letter.";
        if (!password.Any(char.IsDigit)) return "The password must contain a digit.";
        if (password.All(char.IsLetterOrDigit)) return "The password must contain a symbol.";
        return null;
    }

    /// <summary>Throws <c>weak_password</c> when the rule is not met.</summary>
    public static void Enforce(string? password)
    {
        if (Check(password) is { } problem) throw new CtiException(ErrorCodes.WeakPassword, problem, ErrorKind.Validation);
    }
}
