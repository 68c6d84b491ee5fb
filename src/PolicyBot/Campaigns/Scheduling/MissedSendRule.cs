namespace PolicyBot.Campaigns.Scheduling;

/// <summary>What to do with a scheduled send found on start-up or on a late wake-up.</summary>
public enum MissedSendVerdict
{
    /// <summary>Its time has not come: keep waiting.</summary>
    NotYetDue,

    /// <summary>Due, and less than the grace late: send it now.</summary>
    SendNow,

    /// <summary>The grace or more late (the bot was down): do not send; report it as missed.</summary>
    Missed,
}

/// <summary>
/// The missed-send rule: a send missed while the bot was down goes out on restart when it is less than
/// <see cref="Grace"/> late, otherwise it is reported as missed (a reminder hours late could land at night).
/// </summary>
/// <param name="Grace">How late a send may still go out (≥ 0; zero: never late).</param>
public sealed record MissedSendRule(TimeSpan Grace)
{
    /// <summary>The verdict for a send due at <paramref name="due"/> seen at <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative grace.</exception>
    public MissedSendVerdict Judge(DateTimeOffset due, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Grace, TimeSpan.Zero, nameof(Grace));
        if (due > now)
        {
            return MissedSendVerdict.NotYetDue;
        }

        return now - due < Grace || now == due ? MissedSendVerdict.SendNow : MissedSendVerdict.Missed;
    }
}
