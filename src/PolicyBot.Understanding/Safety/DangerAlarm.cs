namespace PolicyBot.Understanding.Safety;

/// <summary>
/// What <see cref="DangerDetector.Detect"/> found in one message: the danger signals that stand (any one fires the
/// safety card) and those it set aside as ordinary talk or denied, for tests and diagnostics. Holds message text:
/// log <see cref="Categories"/> only, never <see cref="DangerSignal.Text"/>.
/// </summary>
/// <param name="Signals">Signals that stand, in text order.</param>
/// <param name="SetAside">Signals inside ordinary staff talk ("fire drill") or denied ("she is not suicidal").</param>
public sealed record DangerAlarm(IReadOnlyList<DangerSignal> Signals, IReadOnlyList<DangerSignal> SetAside)
{
    /// <summary>An alarm that found nothing.</summary>
    public static DangerAlarm None { get; } = new([], []);

    /// <summary>True when at least one signal stands: the message may say a student is in danger.</summary>
    public bool Fired => Signals.Count > 0;

    /// <summary>The categories of the standing signals (ids from the signals file, e.g. <c>suicide</c>), each once, in text order.</summary>
    public IReadOnlyList<string> Categories => Signals.Select(s => s.Category).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>One cue of the signals file found in a message.</summary>
/// <param name="Category">The category id, e.g. <c>suicide</c> or <c>missing</c>.</param>
/// <param name="Text">The words matched (normalized: lower case, single spaces).</param>
/// <param name="Cue">Where the cue is written: file, line and the phrase or pattern.</param>
/// <param name="SetAsideBecause">Null when the signal stands; else why not, e.g. <c>ordinary talk (drills)</c> or <c>denied by 'not'</c>.</param>
public sealed record DangerSignal(string Category, string Text, string Cue, string? SetAsideBecause = null);
