namespace PolicyBot.Rules.Safety;

/// <summary>
/// A district's safety guidance: what a staff member should do when a student may be in danger. It is NOT policy text
/// (the bot never quotes it as policy): it comes from a district file beside the policy (format in the header of
/// <c>Policies/stevensville.safety.yaml</c>), read by <see cref="SafetyGuidanceLoader"/>, or from
/// <see cref="Default"/> when a district has none. General guidance, not legal advice. Immutable.
/// </summary>
/// <param name="District">The district's name as the card shows it: "{District}'s safety guidance".</param>
/// <param name="Emergency">Immediate danger: the number to call and the line shown first.</param>
/// <param name="Reporting">The duty to report under district procedure, one short line each, in order.</param>
/// <param name="Contact">The district's safety contact.</param>
/// <param name="CrisisLine">The crisis line (988 Suicide &amp; Crisis Lifeline by default).</param>
/// <param name="Source">Where it came from: the file's name, or <see cref="DefaultsSource"/>.</param>
public sealed record SafetyGuidance(
    string District,
    EmergencyLine Emergency,
    IReadOnlyList<string> Reporting,
    SafetyContact Contact,
    CrisisLine CrisisLine,
    string Source)
{
    /// <summary>The <see cref="Source"/> of guidance built by <see cref="Default"/>.</summary>
    public const string DefaultsSource = "(default safety guidance)";

    /// <summary>Immediate danger, by default.</summary>
    public static EmergencyLine DefaultEmergency { get; } = new("911", "If a student is in immediate danger, call 911 now.");

    /// <summary>The duty to report, by default: general wording, not legal advice.</summary>
    public static IReadOnlyList<string> DefaultReporting { get; } =
    [
        "Tell your principal or school counselor right away, even if you are not sure, and follow your district's procedure for a student at risk.",
        "Suspected abuse or neglect must also be reported to child protective services or law enforcement, as state law requires.",
        "Do not promise the student to keep it secret, and do not investigate on your own.",
    ];

    /// <summary>The safety contact, by default: no name or number the bot could get wrong.</summary>
    public static SafetyContact DefaultContact { get; } = new("your principal or school counselor", null, null);

    /// <summary>The 988 Suicide &amp; Crisis Lifeline (United States).</summary>
    public static CrisisLine DefaultCrisisLine { get; } =
        new("988 Suicide & Crisis Lifeline", "988", "Call or text 988, any time, day or night. You can call about a student, with a student, or for yourself.");

    /// <summary>The default guidance for <paramref name="district"/>, for a district without a safety file.</summary>
    /// <param name="district">The district's name (the policy's).</param>
    public static SafetyGuidance Default(string district)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(district);
        return new(district, DefaultEmergency, DefaultReporting, DefaultContact, DefaultCrisisLine, DefaultsSource);
    }
}

/// <summary>The number to call in immediate danger, and the line the card shows first.</summary>
/// <param name="Number">The number, e.g. <c>911</c>.</param>
/// <param name="Text">The line, e.g. "If a student is in immediate danger, call 911 now."</param>
public sealed record EmergencyLine(string Number, string Text);

/// <summary>Who staff tell first in the district.</summary>
/// <param name="Name">A name or a role, e.g. "your principal or school counselor" or "Pat Lee, district safety coordinator".</param>
/// <param name="Phone">A phone number as staff dial it, or null.</param>
/// <param name="Note">One more line (hours, an after-hours number …), or null.</param>
public sealed record SafetyContact(string Name, string? Phone, string? Note);

/// <summary>A crisis line.</summary>
/// <param name="Name">Its name, e.g. "988 Suicide &amp; Crisis Lifeline".</param>
/// <param name="Number">The number to call (and text), e.g. <c>988</c>.</param>
/// <param name="Text">One line on how and when to use it.</param>
public sealed record CrisisLine(string Name, string Number, string Text);
