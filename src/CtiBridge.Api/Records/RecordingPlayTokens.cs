using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using CtiBridge.Api.Auth;
using CtiBridge.Application.Records;
using CtiBridge.Domain.Errors;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CtiBridge.Api.Records;

/// <summary>A URL that plays (or downloads) one recording without an Authorization header, and until when it works.</summary>
/// <param name="Url">The audio's path with its play token (<c>/api/v1/recordings/{id}/audio/play?token=…</c>); range requests welcome.</param>
/// <param name="ExpiresAt">The token's end (an hour after it was issued).</param>
public sealed record RecordingPlayUrl(string Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Play tokens: an <c>&lt;audio&gt;</c> element (or a download link) cannot send the bearer token, so the signed-in user asks
/// for a URL naming one recording, herself and one play, valid for <see cref="RecordingPlays.Window"/>, encrypted and
/// signed by ASP.NET Core Data Protection (the keys of <c>DataProtection:KeysFolder</c>). The access token itself never goes
/// into a URL (URLs end up in logs and histories): a leaked play URL plays that one recording for at most an hour, as the
/// user who asked, and stops when she is disabled or signs out of the session it came from. docs/reports.md.
/// </summary>
public sealed class RecordingPlayTokens(IDataProtectionProvider protection, TimeProvider time, AccessTokenGate gate)
{
    /// <summary>The play token is not valid: tampered with, expired, of another recording or another mode (401).</summary>
    public const string InvalidToken = "play_token_invalid";
    /// <summary>The request is signed in as another user than the one the play token was issued to (401).</summary>
    public const string NotYours = "play_token_not_yours";

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("CtiBridge.RecordingPlay.v1").ToTimeLimitedDataProtector();

    private sealed record Payload(Guid RecordingId, bool Download, Guid TenantId, Guid UserId, string? Username, string? TenantDomain,
        string[] Roles, string? SessionTokenId, string PlayId);

    /// <summary>A play URL for <paramref name="recordingId"/>, issued to the signed-in user of <paramref name="user"/>.</summary>
    public RecordingPlayUrl Issue(ClaimsPrincipal user, Guid recordingId, bool download)
    {
        if (!Guid.TryParse(user.FindFirstValue(CtiClaims.TenantId), out var tenant) || !Guid.TryParse(user.FindFirstValue(CtiClaims.UserId), out var id))
            throw new CtiException(ErrorCodes.Forbidden, "Play URLs are for signed-in users; an API key sends its header with the audio request.", ErrorKind.Forbidden);
        var expires = time.GetUtcNow() + RecordingPlays.Window;
        var payload = new Payload(recordingId, download, tenant, id, user.FindFirstValue(CtiClaims.Username), user.FindFirstValue(CtiClaims.TenantDomain),
            user.FindAll(CtiClaims.Role).Select(c => c.Value).ToArray(), user.FindFirstValue(JwtRegisteredClaimNames.Jti),
            Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        var token = Protector.Protect(JsonSerializer.Serialize(payload), expires);
        return new RecordingPlayUrl($"/api/v1/recordings/{recordingId}/audio/play?token={Uri.EscapeDataString(token)}", expires);
    }

    /// <summary>
    /// The user a play token stands for (claims as her access token's) and the play it names, if it is valid for
    /// <paramref name="recordingId"/>, her account and session still allow it, and <paramref name="signedIn"/> (a request
    /// that also carries a bearer token) is nobody else; else <see cref="InvalidToken"/> or <see cref="NotYours"/>.
    /// </summary>
    public async Task<(ClaimsPrincipal User, bool Download, string PlayId)> ReadAsync(string? token, Guid recordingId, ClaimsPrincipal? signedIn,
        CancellationToken ct)
    {
        Payload? p = null;
        try
        {
            if (!string.IsNullOrEmpty(token))
                p = JsonSerializer.Deserialize<Payload>(Protector.Unprotect(token, out var expires));
        }
        catch (CryptographicException) { }
        catch (JsonException) { }
        if (p is null || p.RecordingId != recordingId)
            throw new CtiException(InvalidToken, "This play URL is not valid (expired, or for another recording): open the recording again.", ErrorKind.Unauthenticated);
        if (signedIn?.FindFirstValue(CtiClaims.UserId) is { } other && other != p.UserId.ToString())
            throw new CtiException(NotYours, "This play URL was issued to another user.", ErrorKind.Unauthenticated);
        if (gate.IsSignedOut(p.SessionTokenId) || !await gate.AllowsAsync(p.TenantId, p.UserId, ct))
            throw new CtiException(InvalidToken, "The user of this play URL signed out or may no longer sign in.", ErrorKind.Unauthenticated);
        var claims = new List<Claim> { new(CtiClaims.UserId, p.UserId.ToString()), new(CtiClaims.TenantId, p.TenantId.ToString()) };
        if (p.Username is not null) claims.Add(new Claim(CtiClaims.Username, p.Username));
        if (p.TenantDomain is not null) claims.Add(new Claim(CtiClaims.TenantDomain, p.TenantDomain));
        claims.AddRange(p.Roles.Select(r => new Claim(CtiClaims.Role, r)));
        return (new ClaimsPrincipal(new ClaimsIdentity(claims, "RecordingPlayToken", CtiClaims.Username, CtiClaims.Role)), p.Download, p.PlayId);
    }
}
