using System.Reflection;
using CtiBridge.Domain.Errors;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Application.Common;

/// <summary>An input failed its validator: 400 with code <c>validation_failed</c> and per-field errors.</summary>
public sealed class InputValidationException(IReadOnlyDictionary<string, string[]> errors)
    : CtiException(ErrorCodes.ValidationFailed, "One or more fields are invalid.", ErrorKind.Validation)
{
    /// <summary>Field name (camelCase, as in the JSON) → messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>
/// Validates every use-case input with its FluentValidation validator. An input type without a
/// registered validator is a programming error and throws, so "every input is validated" holds.
/// </summary>
public interface IInputValidator
{
    /// <summary>Throws <see cref="InputValidationException"/> when <paramref name="input"/> is invalid.</summary>
    Task ValidateAsync<T>(T input, CancellationToken ct = default);
}

internal sealed class InputValidator(IServiceProvider services) : IInputValidator
{
    public async Task ValidateAsync<T>(T input, CancellationToken ct = default)
    {
        var validator = services.GetService<IValidator<T>>()
            ?? throw new InvalidOperationException($"No validator is registered for {typeof(T).Name}.");
        if (input is null)
            throw new InputValidationException(new Dictionary<string, string[]> { [""] = ["A request body is required."] });
        var result = await validator.ValidateAsync(input, ct);
        if (result.IsValid) return;
        var errors = result.Errors
            .GroupBy(e => CamelCasePath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        throw new InputValidationException(errors);
    }

    private static string CamelCasePath(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}

/// <summary>Validator registration (FluentValidation's DI package is not available here).</summary>
public static class ValidationServiceCollectionExtensions
{
    /// <summary>Registers every concrete <c>AbstractValidator&lt;T&gt;</c> of <paramref name="assembly"/> as a singleton <c>IValidator&lt;T&gt;</c>.</summary>
    public static IServiceCollection AddValidatorsFrom(this IServiceCollection services, Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var iface in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
                services.AddSingleton(iface, type);
        }
        return services;
    }
}

/// <summary>Reusable rules.</summary>
public static class Rules
{
    /// <summary>Tenant domain: lower-case letters, digits and inner hyphens, 1–63.</summary>
    public const string DomainPattern = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$";
    /// <summary>Username: letters, digits, dot, underscore, hyphen, 1–64.</summary>
    public const string UsernamePattern = "^[A-Za-z0-9._-]{1,64}$";
    /// <summary>Agent numbers and extensions: 2–20 digits.</summary>
    public const string DigitsPattern = "^[0-9]{2,20}$";
    /// <summary>Phone numbers: optional +, then 1–31 digits.</summary>
    public const string PhoneNumberPattern = @"^\+?[0-9]{1,31}$";

    public static IRuleBuilderOptions<T, string?> Required<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.NotEmpty().WithMessage("Required.").MaximumLength(maxLength);

    public static IRuleBuilderOptions<T, string?> Optional<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength);
}
