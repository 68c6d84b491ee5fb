using System.Text.RegularExpressions;
using PolicyBot.Understanding.Lexicons;
using PolicyBot.Understanding.Safety;

namespace PolicyBot.Understanding.Tests;

/// <summary>
/// Which lexicon pattern and which safety cue matches which corpus text (<see cref="CorpusFiles.EveryText"/>), found once
/// per test run by running every expression on every text, so that the tests that skipping loses nothing
/// (<see cref="RequiredTextTests"/>, <see cref="RequiredTextSetsTests"/>) share those few tens of millions of runs
/// instead of each making its own. Each expression runs as a copy without the app's match timeout: on a busy test run a
/// first match (compiling the expression) can take longer than the timeout, which says nothing about what it matches.
/// </summary>
internal static class CorpusMatches
{
    /// <summary>One text, as the scanner reads it (<see cref="Scanning.Words.Normalize"/>), and the patterns it matches.</summary>
    /// <param name="Text">The normalized text.</param>
    /// <param name="AsciiLower">Its lower case where it is ASCII (what the patterns' required texts are checked on), else null.</param>
    /// <param name="Matched">The indexes into <see cref="Patterns"/> of the patterns matching it.</param>
    public sealed record PatternText(string Text, string? AsciiLower, IReadOnlyList<int> Matched);

    /// <summary>One text, as the detector reads it (<see cref="DangerDetector.Normalize"/>), and the cues it matches.</summary>
    /// <param name="Text">The normalized text.</param>
    /// <param name="Matched">The indexes into <see cref="Cues"/> of the cues matching it.</param>
    public sealed record CueText(string Text, IReadOnlyList<int> Matched);

    /// <summary>Every pattern of the embedded lexicon, in file order.</summary>
    public static IReadOnlyList<PatternCue> Patterns => LexiconRuns.Value.Patterns;

    /// <summary>Each distinct non-empty corpus text, normalized as the scanner does, with the patterns it matches.</summary>
    public static IReadOnlyList<PatternText> PatternTexts => LexiconRuns.Value.Texts;

    /// <summary>The embedded safety signals file.</summary>
    public static SafetySignals Signals => CueRuns.Value.Signals;

    /// <summary>Every cue of the embedded safety signals, the categories' then the benign ones'.</summary>
    public static IReadOnlyList<SignalCue> Cues => CueRuns.Value.Cues;

    /// <summary>Each distinct non-empty corpus text, normalized as the detector does, with the cues it matches.</summary>
    public static IReadOnlyList<CueText> CueTexts => CueRuns.Value.Texts;

    private static readonly Lazy<(List<PatternCue> Patterns, List<PatternText> Texts)> LexiconRuns = new(() =>
    {
        var patterns = Lexicon.LoadEmbedded(Stevensville.Policy).Entries.SelectMany(e => e.Patterns).ToList();
        // Compiled: over ten million runs, compiled code saves more than its compiling costs.
        var regexes = patterns.Select(p => new Regex(p.Regex.ToString(), p.Regex.Options | RegexOptions.Compiled)).ToArray();
        var texts = CorpusFiles.EveryText().Select(Scanning.Words.Normalize).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var runs = new PatternText[texts.Count];
        Parallel.For(0, texts.Count, i =>
        {
            var text = texts[i];
            runs[i] = new PatternText(text, System.Text.Ascii.IsValid(text) ? text.ToLowerInvariant() : null,
                [.. Enumerable.Range(0, regexes.Length).Where(k => regexes[k].IsMatch(text))]);
        });
        return (patterns, runs.ToList());
    });

    private static readonly Lazy<(SafetySignals Signals, List<SignalCue> Cues, List<CueText> Texts)> CueRuns = new(() =>
    {
        var signals = SafetySignalsLoader.Load(DangerDetector.EmbeddedFileName, EmbeddedSafetyYaml());
        var cues = signals.Categories.SelectMany(c => c.Cues).Concat(signals.Benign.SelectMany(b => b.Cues)).ToList();
        var regexes = cues.Select(c => new Regex(c.Regex.ToString(), c.Regex.Options)).ToArray();
        var texts = CorpusFiles.EveryText().Select(DangerDetector.Normalize).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var runs = new CueText[texts.Count];
        Parallel.For(0, texts.Count, i => runs[i] = new CueText(texts[i], [.. Enumerable.Range(0, regexes.Length).Where(k => regexes[k].IsMatch(texts[i]))]));
        return (signals, cues, runs.ToList());
    });

    /// <summary>The embedded safety signals file's text.</summary>
    public static string EmbeddedSafetyYaml()
    {
        using var stream = typeof(DangerDetector).Assembly.GetManifestResourceStream("PolicyBot.Understanding.Safety." + DangerDetector.EmbeddedFileName)!;
        return new StreamReader(stream).ReadToEnd();
    }
}
