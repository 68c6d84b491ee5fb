namespace PolicyBot.Campaigns.Scheduling;

/// <summary>
/// What <see cref="ScheduleReader"/> made of an administrator's words: a <see cref="Schedule"/>, or a refusal whose
/// <see cref="Refusal"/> says why and gives an example that works (shown to the administrator as is).
/// </summary>
public sealed record ScheduleReading
{
    private ScheduleReading(Schedule? schedule, string? refusal, string? note = null)
    {
        Schedule = schedule;
        Refusal = refusal;
        Note = note;
    }

    /// <summary>The schedule understood; null when refused.</summary>
    public Schedule? Schedule { get; }

    /// <summary>The refusal message (one or two sentences, with an example that works); null when understood.</summary>
    public string? Refusal { get; }

    /// <summary>For a one-off at a time the clocks skip or repeat that day, what happens then ("2:30 AM does not exist on
    /// Sunday, March 14 (the clocks go forward); it runs at 3:30 AM"); else null.</summary>
    public string? Note { get; }

    /// <summary>True when the words were read into a schedule.</summary>
    public bool IsUnderstood => Schedule is not null;

    /// <summary>A reading that produced <paramref name="schedule"/>.</summary>
    public static ScheduleReading Understood(Schedule schedule) => Understood(schedule, null);

    /// <summary>A reading that produced <paramref name="schedule"/>, with a <see cref="Note"/> (null for none).</summary>
    public static ScheduleReading Understood(Schedule schedule, string? note) =>
        new(schedule ?? throw new ArgumentNullException(nameof(schedule)), null, note);

    /// <summary>What the bot repeats back before saving: <see cref="Schedule.Describe"/> and the <see cref="Note"/>, if
    /// any; for a refusal, the refusal.</summary>
    /// <param name="now">The moment of describing.</param>
    public string Describe(DateTimeOffset now) =>
        Schedule is null ? Refusal! : Note is null ? Schedule.Describe(now) : $"{Schedule.Describe(now)}. {Note}.";

    /// <summary>A refusal: "I can't schedule that: {why}{, e.g. 'example'}."</summary>
    /// <param name="why">The reason, in the administrator's terms ("February has no 30th").</param>
    /// <param name="example">A phrase that works, or null when <paramref name="why"/> already gives one.</param>
    public static ScheduleReading Refused(string why, string? example) =>
        new(null, example is null ? $"I can't schedule that: {why}." : $"I can't schedule that: {why}. For example: '{example}'.");
}
