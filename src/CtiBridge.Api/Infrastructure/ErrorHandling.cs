using System.Diagnostics;
using System.Text.Json;
using CtiBridge.Application.Common;
using CtiBridge.Domain.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Api.Infrastructure;

/// <summary>
/// Every error leaves the service as RFC 9457 ProblemDetails with a stable <c>code</c> extension
/// (see <see cref="ErrorCodes"/>): <see cref="CtiException"/> by its kind, validation failures as
/// 400 <c>validation_failed</c> with per-field <c>errors</c>, unreadable bodies as 400, and anything
/// unexpected as 500 <c>internal_error</c> without internals (the trace id points into the log).
/// </summary>
public static class ErrorHandling
{
    /// <summary>Maps an <see cref="ErrorKind"/> to its HTTP status.</summary>
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The default code for a status that carries none.</summary>
    public static string CodeOf(int status) => status switch
    {
        400 => ErrorCodes.ValidationFailed,
        401 => ErrorCodes.Unauthenticated,
        403 => ErrorCodes.Forbidden,
        404 => ErrorCodes.NotFound,
        405 => ErrorCodes.MethodNotAllowed,
        409 => ErrorCodes.Conflict,
        429 => ErrorCodes.RateLimited,
        >= 500 => ErrorCodes.InternalError,
        _ => ErrorCodes.HttpError,
    };

    /// <summary>ProblemDetails, the exception handler, and the 400 shape for model-binding failures.</summary>
    public static IServiceCollection AddCtiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var pd = ctx.ProblemDetails;
            pd.Extensions.TryAdd("code", CodeOf(pd.Status ?? ctx.HttpContext.Response.StatusCode));
            pd.Extensions.TryAdd("traceId", Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<CtiExceptionHandler>();
        // PostConfigure: AddControllers installs its own factory, which this one replaces.
        services.PostConfigure<ApiBehaviorOptions>(o => o.InvalidModelStateResponseFactory = ctx =>
        {
            // Malformed JSON, wrong JSON types, missing body: MVC's model state, reshaped.
            var entries = ctx.ModelState.Where(e => e.Value is { Errors.Count: > 0 }).ToList();
            var parameterNames = ctx.ActionDescriptor.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            // "The request field is required." only echoes a body that failed to parse: drop it when there is a real reason.
            if (entries.Any(e => !parameterNames.Contains(e.Key)))
                entries = entries.Where(e => !parameterNames.Contains(e.Key)).ToList();
            var errors = entries
                .GroupBy(e => NormalizeKey(e.Key, parameterNames))
                .ToDictionary(
                    g => g.Key,
                    g => g.SelectMany(e => e.Value!.Errors).Select(x => Sanitize(x)).Distinct().ToArray());
            var pd = new ValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is invalid.",
                Instance = ctx.HttpContext.Request.Path,
            };
            pd.Extensions["code"] = ErrorCodes.ValidationFailed;
            pd.Extensions["traceId"] = Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier;
            return new BadRequestObjectResult(pd) { ContentTypes = { "application/problem+json" } };
        });
        return services;
    }

    // "$.priority" → "priority"; the whole body → "$".
    private static string NormalizeKey(string key, HashSet<string> parameterNames)
    {
        if (key.StartsWith("$.", StringComparison.Ordinal)) key = key[2..];
        if (key is "" or "$" || parameterNames.Contains(key)) return "$";
        return string.Join('.', key.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
    }

    // System.Text.Json messages name CLR types and byte positions; say it in the client's words.
    private static string Sanitize(Microsoft.AspNetCore.Mvc.ModelBinding.ModelError error)
    {
        var message = error.ErrorMessage;
        if (string.IsNullOrEmpty(message)) return error.Exception is null ? "The value is invalid." : "The request body is not valid JSON.";
        if (message.Contains("could not be converted", StringComparison.Ordinal)) return "The value has the wrong type.";
        if (message.Contains("non-empty request body", StringComparison.Ordinal)) return "A request body is required.";
        if (message.Contains("LineNumber", StringComparison.Ordinal) || message.Contains("Path:", StringComparison.Ordinal)) return "The request body is not valid JSON.";
        return message;
    }

    /// <summary>
    /// The database did not answer (stopped, unreachable, failing over), as opposed to refusing a change: a transient
    /// provider error, a socket error or a timeout anywhere in the chain (EF Core wraps them as "likely due to a transient
    /// failure").
    /// </summary>
    internal static bool IsDatabaseUnreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is System.Data.Common.DbException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException) return true;
        return false;
    }

    private sealed class CtiExceptionHandler(IProblemDetailsService problems, ILogger<CtiExceptionHandler> log) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            ProblemDetails pd;
            switch (exception)
            {
                case InputValidationException v:
                    pd = new ValidationProblemDetails(v.Errors.ToDictionary(e => e.Key.Length == 0 ? "$" : e.Key, e => e.Value))
                    {
                        Status = 400, Title = "The request is invalid.", Detail = v.Message,
                    };
                    pd.Extensions["code"] = v.Code;
                    break;
                case CtiException c:
                    pd = new ProblemDetails { Status = StatusOf(c.Kind), Title = c.Message };
                    pd.Extensions["code"] = c.Code;
                    break;
                case BadHttpRequestException b:
                    pd = new ProblemDetails { Status = b.StatusCode, Title = "The request could not be read." };
                    pd.Extensions["code"] = CodeOf(b.StatusCode);
                    break;
                case JsonException:
                    pd = new ProblemDetails { Status = 400, Title = "The request body is not valid JSON for this operation." };
                    pd.Extensions["code"] = ErrorCodes.ValidationFailed;
                    break;
                case var _ when IsDatabaseUnreachable(exception):
                    log.LogWarning("The database cannot be reached for {Method} {Path}: {Message}", http.Request.Method, http.Request.Path,
                        exception.GetBaseException().Message);
                    pd = new ProblemDetails { Status = 503, Title = "The database cannot be reached; try again shortly." };
                    pd.Extensions["code"] = ErrorCodes.DatabaseUnavailable;
                    http.Response.Headers.RetryAfter = "5";
                    break;
                case DbUpdateConcurrencyException:
                case DbUpdateException:
                    log.LogWarning(exception, "Database refused a change");
                    pd = new ProblemDetails { Status = 409, Title = "The change conflicts with existing data." };
                    pd.Extensions["code"] = ErrorCodes.Conflict;
                    break;
                default:
                    log.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);
                    pd = new ProblemDetails { Status = 500, Title = "An unexpected error occurred." };
                    pd.Extensions["code"] = ErrorCodes.InternalError;
                    break;
            }
            http.Response.StatusCode = pd.Status!.Value;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = pd, Exception = exception });
        }
    }
}
