using System.Security.Cryptography;
using System.Text;
using CtiBridge.Application.Common;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CtiBridge.Application.Auth;

/// <summary>
/// Sign-in, refresh, sign-out, "who am I" and password change. Login accepts the tenant domain plus
/// the username, agent number or email. Failures: unknown or disabled tenant → <c>tenant_not_found</c>
/// (401); unknown user or wrong password → <c>invalid_credentials</c> (401), also while the account is
/// locked and for the attempt that locks it; locked → <c>account_locked</c> (403) and disabled user →
/// <c>account_disabled</c> (403), each told only to someone who knows the password.
/// </summary>
public sealed class AuthService(
    CtiDbContext db,
    PasswordHasher hasher,
    IAccessTokenIssuer tokens,
    IInputValidator validator,
    TimeProvider clock,
    IOptions<AuthOptions> options,
    ILogger<AuthService> log)
{
    private AuthOptions Options => options.Value;

    /// <summary>Signs a user in.</summary>
    public async Task<SessionResponse> LoginAsync(LoginRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var domain = request.Domain!.Trim().ToLowerInvariant();
        var login = request.Login!.Trim().ToLowerInvariant();
        var now = clock.GetUtcNow();

        db.ScopeToSystem(); // the tenant is not known until we have looked it up
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Domain == domain, ct);
        if (tenant is null || !tenant.Enabled)
        {
            hasher.VerifyDummy(request.Password!);
            throw new CtiException(ErrorCodes.TenantNotFound, "No such tenant.", ErrorKind.Unauthenticated);
        }
        db.ScopeToTenant(tenant.Id);

        var user = await db.Users.Include(u => u.AgentProfile)
            .FirstOrDefaultAsync(u => u.Username == login || u.Email == login || u.AgentNumber == login, ct);
        if (user is null)
        {
            hasher.VerifyDummy(request.Password!);
            log.LogInformation("Login refused for {Domain}/{Login}: unknown user", domain, login);
            throw InvalidCredentials();
        }
        var passwordIsRight = hasher.Verify(request.Password!, user.PasswordHash);
        if (user.LockedUntil is { } until && until > now)
        {
            // The lock is told only to someone who knows the password: to anyone else a locked account answers
            // exactly as an unknown user or a wrong password does, so it does not confirm that the user exists.
            log.LogInformation("Login refused for {Domain}/{User}: locked until {Until}", domain, user.Username, until);
            if (passwordIsRight) throw Locked(until);
            throw InvalidCredentials();
        }
        if (!passwordIsRight)
        {
            user.FailedLoginCount++;
            if (user.FailedLoginCount >= Math.Max(1, Options.MaxFailedLogins))
            {
                user.FailedLoginCount = 0;
                user.LockedUntil = now.AddMinutes(Options.LockoutMinutes);
                await db.SaveChangesAsync(ct);
                log.LogWarning("Account {Domain}/{User} locked after repeated failed logins", domain, user.Username);
                throw InvalidCredentials();
            }
            await db.SaveChangesAsync(ct);
            log.LogInformation("Login refused for {Domain}/{User}: wrong password ({Count})", domain, user.Username, user.FailedLoginCount);
            throw InvalidCredentials();
        }
        if (!user.Enabled)
            throw new CtiException(ErrorCodes.AccountDisabled, "This account is disabled.", ErrorKind.Forbidden);

        user.FailedLoginCount = 0;
        user.LockedUntil = null;
        user.LastLoginAt = now;
        if (hasher.NeedsRehash(user.PasswordHash)) user.PasswordHash = hasher.Hash(request.Password!);
        var session = await OpenSessionAsync(tenant, user, now, ct);
        log.LogInformation("User {Domain}/{User} signed in", domain, user.Username);
        return session;
    }

    /// <summary>Exchanges a refresh token for a new session; the old token is spent (rotation).</summary>
    public async Task<SessionResponse> RefreshAsync(RefreshRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var now = clock.GetUtcNow();
        var hash = HashToken(request.RefreshToken!);
        db.ScopeToSystem(); // the token names its tenant
        var token = await db.RefreshTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, ct)
            ?? throw InvalidRefresh();
        if (token.RevokedAt is not null && !await SpentWithinGraceAsync(token, now, ct))
        {
            // A spent token used again: someone copied it. End every session of that user.
            await RevokeAllAsync(token.UserId, now, ct);
            log.LogWarning("Reuse of a spent refresh token for user {User}: all sessions revoked", token.UserId);
            throw InvalidRefresh();
        }
        if (token.ExpiresAt <= now) throw InvalidRefresh();
        var tenant = await db.Tenants.AsNoTracking().FirstAsync(t => t.Id == token.TenantId, ct);
        var user = await db.Users.Include(u => u.AgentProfile).FirstAsync(u => u.Id == token.UserId, ct);
        if (!tenant.Enabled || !user.Enabled) throw InvalidRefresh();
        if (user.LockedUntil is { } until && until > now) throw Locked(until);

        // A token spent within the grace keeps pointing at its first successor, which stays live: the answer that carried
        // it may yet reach the browser (two tabs), and revoking it then would sign that tab out.
        if (token.RevokedAt is null)
        {
            token.RevokedAt = now;
            return await OpenSessionAsync(tenant, user, now, ct, replaced: token);
        }
        log.LogInformation("Refresh token of user {User} exchanged again {Seconds:0.0} s after it was spent (reload or second tab)",
            token.UserId, (now - token.RevokedAt.Value).TotalSeconds);
        return await OpenSessionAsync(tenant, user, now, ct);
    }

    /// <summary>
    /// A token exchanged (not revoked by a sign-out or a password change) less than the grace ago, whose successor is
    /// still live: the client lost the answer, not its secret.
    /// </summary>
    private async Task<bool> SpentWithinGraceAsync(RefreshToken token, DateTimeOffset now, CancellationToken ct)
    {
        if (token.ReplacedById is not { } successorId || token.RevokedAt is not { } spentAt) return false;
        if (now - spentAt > TimeSpan.FromSeconds(Math.Max(0, Options.RefreshReuseGraceSeconds))) return false;
        return await db.RefreshTokens.AnyAsync(t => t.Id == successorId && t.RevokedAt == null && t.ExpiresAt > now, ct);
    }

    /// <summary>Ends every session (refresh token) of the user. Access tokens expire on their own.</summary>
    public async Task LogoutAsync(Actor actor, CancellationToken ct = default)
    {
        db.ScopeToTenant(actor.TenantId);
        await RevokeAllAsync(actor.UserId, clock.GetUtcNow(), ct);
    }

    /// <summary>The signed-in user.</summary>
    public async Task<MeResponse> MeAsync(Actor actor, CancellationToken ct = default)
    {
        db.ScopeToTenant(actor.TenantId);
        var user = await db.Users.AsNoTracking().Include(u => u.AgentProfile).FirstOrDefaultAsync(u => u.Id == actor.UserId, ct)
            ?? throw new CtiException(ErrorCodes.NotFound, "The user no longer exists.", ErrorKind.Unauthenticated);
        var tenant = await db.Tenants.AsNoTracking().FirstAsync(ct);
        return ToMe(tenant, user);
    }

    /// <summary>Changes the signed-in user's password (current password required); ends other sessions.</summary>
    public async Task ChangePasswordAsync(Actor actor, ChangePasswordRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        db.ScopeToTenant(actor.TenantId);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == actor.UserId, ct)
            ?? throw new CtiException(ErrorCodes.NotFound, "The user no longer exists.", ErrorKind.Unauthenticated);
        if (!hasher.Verify(request.CurrentPassword!, user.PasswordHash))
            throw new CtiException(ErrorCodes.InvalidCredentials, "The current password is wrong.", ErrorKind.Validation);
        var tenant = await db.Tenants.AsNoTracking().FirstAsync(ct);
        PasswordPolicy.Enforce(request.NewPassword, PasswordContext.For(tenant, user.Username));
        if (request.NewPassword == request.CurrentPassword)
            throw new CtiException(ErrorCodes.WeakPassword, "The new password must differ from the current one.", ErrorKind.Validation);
        var now = clock.GetUtcNow();
        user.PasswordHash = hasher.Hash(request.NewPassword!);
        user.PasswordChangedAt = now;
        await RevokeAllAsync(user.Id, now, ct);
    }

    /// <summary>Maps a user to the public shape.</summary>
    public static MeResponse ToMe(Tenant tenant, User user) => new(
        user.Id, tenant.Id, tenant.Domain, user.Username, user.DisplayName, user.Email, user.AgentNumber,
        RoleNames.Of(user.Roles), user.IsPlatformAdmin, user.AgentProfile?.Extension, tenant.Settings.NotificationsEnabled);

    private async Task<SessionResponse> OpenSessionAsync(Tenant tenant, User user, DateTimeOffset now, CancellationToken ct, RefreshToken? replaced = null)
    {
        var raw = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var refresh = new RefreshToken
        {
            TenantId = tenant.Id, UserId = user.Id, TokenHash = HashToken(raw), CreatedAt = now,
            ExpiresAt = now.AddDays(Options.RefreshTokenDays),
        };
        db.RefreshTokens.Add(refresh);
        if (replaced is not null) replaced.ReplacedById = refresh.Id;
        await db.SaveChangesAsync(ct);
        var access = tokens.Issue(new SessionPrincipal(tenant.Id, tenant.Domain, user.Id, user.Username, user.DisplayName, user.Roles, user.IsPlatformAdmin));
        return new SessionResponse(access.Token, access.ExpiresAt, raw, refresh.ExpiresAt, ToMe(tenant, user));
    }

    private async Task RevokeAllAsync(Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        var active = await db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync(ct);
        foreach (var t in active) t.RevokedAt = now;
        await db.SaveChangesAsync(ct);
    }

    private static string HashToken(string raw) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));

    private static CtiException InvalidCredentials() =>
        new(ErrorCodes.InvalidCredentials, "Wrong username or password.", ErrorKind.Unauthenticated);

    private static CtiException InvalidRefresh() =>
        new(ErrorCodes.InvalidCredentials, "The refresh token is invalid or expired.", ErrorKind.Unauthenticated);

    private static CtiException Locked(DateTimeOffset until) =>
        new(ErrorCodes.AccountLocked, $"Too many failed sign-ins; the account is locked until {until:u}.", ErrorKind.Forbidden);
}
