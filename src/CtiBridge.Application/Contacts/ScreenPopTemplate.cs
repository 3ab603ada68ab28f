using System.Text.RegularExpressions;
using CtiBridge.Domain.Errors;

namespace CtiBridge.Application.Contacts;

/// <summary>Error codes of the third-party screen pop.</summary>
public static class ScreenPopErrors
{
    /// <summary>The URL template is not an http(s) URL with a fixed host, or names an unknown variable (400).</summary>
    public const string InvalidUrlTemplate = "screen_pop_url_invalid";
}

/// <summary>
/// The tenant's third-party screen pop URL template: <c>https://crm.example.com/pop?n={number}&amp;c={callId}&amp;a={agent}&amp;o={data.orderId}</c>.
/// Variables: <c>{number}</c> (the caller's number), <c>{callId}</c>, <c>{agent}</c> (the agent's username),
/// <c>{data.KEY}</c> (attached data). Every value is URL-encoded; the scheme (http or https) and host are fixed text
/// of the template, so no value can turn the link into <c>javascript:</c> or another site.
/// </summary>
public static partial class ScreenPopTemplate
{
    public const int MaxLength = 2000;

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Variable();

    // A literal http(s) scheme and host, then the end or a path/query/fragment: variables only after the host.
    [GeneratedRegex(@"^https?://[A-Za-z0-9.\-]+(:[0-9]{1,5})?([/?#]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex FixedOrigin();

    [GeneratedRegex(@"^(number|callId|agent|data\.[A-Za-z0-9_.\-]{1,64})$")]
    private static partial Regex KnownVariable();

    /// <summary>Throws <c>screen_pop_url_invalid</c> (400) unless the template is empty or a valid http(s) template.</summary>
    public static void Validate(string? template)
    {
        if (string.IsNullOrWhiteSpace(template)) return;
        static CtiException Refuse(string message) => new(ScreenPopErrors.InvalidUrlTemplate, message, ErrorKind.Validation);
        if (template.Length > MaxLength) throw Refuse($"The screen pop URL is at most {MaxLength} characters.");
        if (!FixedOrigin().IsMatch(template))
            throw Refuse("The screen pop URL must start with http:// or https:// and a fixed host (variables only after the host); javascript:, data: and other schemes are refused.");
        foreach (Match m in Variable().Matches(template))
        {
            if (!KnownVariable().IsMatch(m.Groups[1].Value))
                throw Refuse($"Unknown variable {m.Value}: use {{number}}, {{callId}}, {{agent}} or {{data.KEY}}.");
        }
        if (Variable().Replace(template, "").IndexOfAny(['{', '}']) >= 0)
            throw Refuse("Unbalanced { or } in the screen pop URL: variables are written {number}, {callId}, {agent} or {data.KEY}.");
        var sample = Render(template, new ScreenPopCallInfo(Guid.Empty, "agent", "+15550100", new Dictionary<string, string>()));
        if (sample is null || template.Replace("{", "").Replace("}", "").Any(char.IsWhiteSpace))
            throw Refuse("The screen pop URL is not a valid http(s) URL.");
    }

    /// <summary>The URL for a call (values URL-encoded; an unknown attached-data key is empty); null when the template is empty or the result is not http(s).</summary>
    public static string? Render(string? template, ScreenPopCallInfo call)
    {
        if (string.IsNullOrWhiteSpace(template)) return null;
        var url = Variable().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            var value = name switch
            {
                "number" => call.Number,
                "callId" => call.CallId.ToString(),
                "agent" => call.Agent,
                _ when name.StartsWith("data.", StringComparison.Ordinal) => call.AttachedData.GetValueOrDefault(name[5..]),
                _ => null,
            };
            return Uri.EscapeDataString(value ?? "");
        });
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri : null;
    }
}
