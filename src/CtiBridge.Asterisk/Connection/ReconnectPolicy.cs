namespace CtiBridge.Asterisk.Connection;

/// <summary>Capped exponential backoff with jitter, for both clients ("Asterisk:Ari:Reconnect", "Asterisk:Ami:Reconnect").</summary>
public sealed class ReconnectOptions
{
    /// <summary>Delay after the first failure.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>The cap: no delay is longer.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Growth factor per failed attempt.</summary>
    public double Multiplier { get; set; } = 2.0;
    /// <summary>0..1: each delay is shortened by a random fraction up to this ratio, so many clients do not retry in lockstep.</summary>
    public double JitterRatio { get; set; } = 0.2;
}

/// <summary>
/// Computes reconnect delays: <c>min(MaxDelay, InitialDelay * Multiplier^(attempt-1)) * (1 - JitterRatio * r)</c>, r in [0,1)
/// from an injected source. Jitter only shortens, so the cap is never exceeded.
/// </summary>
public sealed class BackoffPolicy
{
    private readonly ReconnectOptions _options;
    private readonly Func<double> _jitter;

    /// <param name="options">Delays and ratios.</param>
    /// <param name="jitterSource">Returns a value in [0,1); defaults to <see cref="Random.Shared"/>. Tests pass a seeded or constant source.</param>
    public BackoffPolicy(ReconnectOptions options, Func<double>? jitterSource = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.InitialDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "InitialDelay must not be negative.");
        if (options.MaxDelay < options.InitialDelay) throw new ArgumentOutOfRangeException(nameof(options), "MaxDelay must be at least InitialDelay.");
        if (options.Multiplier < 1.0) throw new ArgumentOutOfRangeException(nameof(options), "Multiplier must be at least 1.");
        if (options.JitterRatio is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(options), "JitterRatio must be within 0..1.");
        _options = options;
        _jitter = jitterSource ?? Random.Shared.NextDouble;
    }

    /// <summary>The delay before retry number <paramref name="attempt"/> (1 = after the first failure).</summary>
    public TimeSpan GetDelay(int attempt)
    {
        if (attempt < 1) attempt = 1;
        double baseTicks = _options.InitialDelay.Ticks * Math.Pow(_options.Multiplier, Math.Min(attempt - 1, 62));
        double capped = Math.Min(baseTicks, _options.MaxDelay.Ticks);
        double r = Math.Clamp(_jitter(), 0.0, 1.0);
        double jittered = capped * (1.0 - _options.JitterRatio * r);
        return TimeSpan.FromTicks((long)Math.Max(0, jittered));
    }
}
