namespace PolicyBot.Campaigns.Scheduling;

/// <summary>
/// What <see cref="ScheduleReader"/> made of an administrator's words: a <see cref="Schedule"/>, or a refusal whose
/// <see cref="Refusal"/> says why and gives an example that works (shown to the administrator as is).
/// </summary>
public sealed record ScheduleReading
{
    private ScheduleReading(Schedule? schedule, string? refusal)
    {
        Schedule = schedule;
        Refusal = refusal;
    }

    /// <summary>The schedule understood; null when refused.</summary>
    public Schedule? Schedule { get; }

    /// <summary>The refusal message (one or two sentences, with an example that works); null when understood.</summary>
    public string? Refusal { get; }

    /// <summary>True when the words were read into a schedule.</summary>
    public bool IsUnderstood => Schedule is not null;

    /// <summary>A reading that produced <paramref name="schedule"/>.</summary>
    public static ScheduleReading Understood(Schedule schedule) => new(schedule ?? throw new ArgumentNullException(nameof(schedule)), null);

    /// <summary>A refusal: "I can't schedule that: {why}{, e.g. 'example'}."</summary>
    /// <param name="why">The reason, in the administrator's terms ("February has no 30th").</param>
    /// <param name="example">A phrase that works, or null when <paramref name="why"/> already gives one.</param>
    public static ScheduleReading Refused(string why, string? example) =>
        new(null, example is null ? $"I can't schedule that: {why}." : $"I can't schedule that: {why}. For example: '{example}'.");
}
