using System.Text.RegularExpressions;

namespace PolicyBot.Understanding.Safety;

/// <summary>A danger category of the signals file (suicide, abuse …) and its cues.</summary>
internal sealed record SignalCategory(string Id, string Label, IReadOnlyList<SignalCue> Cues);

/// <summary>A named group of ordinary staff talk that contains danger words ("fire drill", "shoot her a text").</summary>
internal sealed record BenignGroup(string Name, IReadOnlyList<SignalCue> Cues);

/// <summary>A phrase or pattern as written (with its line) and compiled.</summary>
internal sealed record SignalCue(string Source, Regex Regex, int Line)
{
    /// <summary>The literal texts one of which every match holds (<see cref="RequiredText"/>), or null when none is known.</summary>
    public IReadOnlyCollection<string>? Required { get; } = RequiredText.Of(Regex);

    public string Describe(string fileName) => $"{fileName}, line {Line}: {Source}";

    /// <summary>
    /// False when <see cref="Regex"/> cannot match <paramref name="text"/>: the text holds none of <see cref="Required"/>.
    /// The detector answers this for all cues at once (<see cref="RequiredTextIndex"/>); this is the same answer for one.
    /// </summary>
    public bool MayMatch(string text) => RequiredText.MayMatch(Required, text);

    /// <summary>Further sets of texts every match holds one text of, besides <see cref="Required"/> (<see cref="RequiredText.AllOf"/>).</summary>
    public IReadOnlyList<IReadOnlyCollection<string>> AlsoRequired { get; } = RequiredText.Others(RequiredText.AllOf(Regex), RequiredText.Of(Regex));

    /// <summary><see cref="MayMatch"/>, and false as well when the text holds no text of one of <see cref="AlsoRequired"/>'s sets: the detector's answer.</summary>
    public bool MayMatchAll(string text) => MayMatch(text) && RequiredText.MayMatchAll(AlsoRequired, text);
}

/// <summary>
/// Denial words, the words after a denial word that make it no denial ("not sure", "can't stop"), the words that
/// end a denial's reach, and how many words before a signal a denial may stand.
/// </summary>
internal sealed record SignalNegation(IReadOnlySet<string> Cues, IReadOnlySet<string> NotDenials, IReadOnlySet<string> ScopeEnds, int MaxWords);

/// <summary>The whole signals file, validated.</summary>
internal sealed record SafetySignals(string FileName, IReadOnlyList<SignalCategory> Categories, IReadOnlyList<BenignGroup> Benign, SignalNegation Negation);
