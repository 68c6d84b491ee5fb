using PolicyBot.Understanding.Lexicons;

namespace PolicyBot.Understanding;

/// <summary>Settings of a <see cref="SituationReader"/> for one school district.</summary>
public sealed record SituationReaderOptions
{
    /// <summary>
    /// The district's e-mail domains, e.g. <c>stevensville.k12.mt.us</c>. An address at one of them (or a
    /// subdomain) reads as school e-mail; any other address as personal e-mail. Empty: every address is personal.
    /// </summary>
    public IReadOnlyList<string> SchoolEmailDomains { get; init; } = [];

    /// <summary>The lexicon to use; null loads the one embedded for the policy.</summary>
    public Lexicon? Lexicon { get; init; }

    /// <summary>Start of the school day (inclusive) for reading times: 07:00.</summary>
    public TimeOnly SchoolDayStart { get; init; } = new(7, 0);

    /// <summary>End of the school day (exclusive) for reading times: 16:00.</summary>
    public TimeOnly SchoolDayEnd { get; init; } = new(16, 0);

    /// <summary>The clock relative dates ("tomorrow", "Saturday") are resolved against.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// The district's time zone: "today" and "tonight" are the district's, not the server's (a server on UTC would read a
    /// Friday-evening question in Montana as Saturday's). Default: the clock's local zone.
    /// </summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>
    /// Run every recognizer on every text, even where the text lacks what its findings are made of (digits, '@', a
    /// dot, a time word). Off by default (it only costs time); tests turn it on to show the shortcut loses no cue.
    /// </summary>
    public bool AlwaysRunRecognizers { get; init; }
}
