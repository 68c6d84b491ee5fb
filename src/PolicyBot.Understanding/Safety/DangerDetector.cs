using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using PolicyBot.Understanding.Lexicons;
using PolicyBot.Understanding.Scanning;

namespace PolicyBot.Understanding.Safety;

/// <summary>
/// Tells whether a staff member's message says a student may be in danger (suicide or self-harm, abuse, neglect, a
/// threat or a weapon, a missing child, a medical emergency or overdose, sextortion or grooming), from the cues of a
/// safety signals file (format and principles in the header of <c>Safety/safety-signals.yaml</c>). No Bot Framework.
/// </summary>
/// <remarks>
/// Built to miss nothing rather than to be quiet: a false alarm costs a glance at a card, a miss costs much more.
/// A signal is set aside only when it lies wholly inside ordinary staff talk the file names ("fire drill",
/// "shoot her a text") or right after a plain denial ("she is not suicidal"); a hedge is no denial ("I'm not
/// sure, but …", "I don't think she's safe"). Immutable and thread-safe. Every cue is a separate regular expression,
/// run only on a message holding the literal text it needs (<see cref="RequiredText"/>): a few dozen microseconds a message.
/// </remarks>
public sealed partial class DangerDetector
{
    /// <summary>The signals file embedded in this assembly: general staff language, not one district's.</summary>
    public const string EmbeddedFileName = "safety-signals.yaml";

    private const string ResourcePrefix = "PolicyBot.Understanding.Safety.";
    private static readonly char[] ClauseBreaks = ['.', ',', ';', ':', '!', '?', '(', ')', '"', '\n'];
    private readonly SafetySignals _signals;

    /// <summary>Which cues may match a message: the benign groups' cues, then the categories' cues, in file order.</summary>
    private readonly RequiredTextIndex _index;

    private DangerDetector(SafetySignals signals)
    {
        _signals = signals;
        _index = new RequiredTextIndex([.. AllCues(signals).Select(c => c.Required)], [.. AllCues(signals).Select(c => c.AlsoRequired)]);
    }

    /// <summary>Every cue in the order of <see cref="_index"/> (and of <see cref="Detect"/>'s loops).</summary>
    private static IEnumerable<SignalCue> AllCues(SafetySignals signals) =>
        signals.Benign.SelectMany(b => b.Cues).Concat(signals.Categories.SelectMany(c => c.Cues));

    /// <summary>The file the signals were read from (used in messages).</summary>
    public string FileName => _signals.FileName;

    /// <summary>The category ids of the signals file, in file order.</summary>
    public IReadOnlyList<string> Categories => _signals.Categories.Select(c => c.Id).ToList();

    /// <summary>Number of phrases and patterns, for diagnostics.</summary>
    public int CueCount => _signals.Categories.Sum(c => c.Cues.Count);

    /// <summary>The detector of the embedded <see cref="EmbeddedFileName"/>.</summary>
    /// <exception cref="LexiconLoadException">The embedded file is invalid (a build that should not have passed its tests).</exception>
    public static DangerDetector LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + EmbeddedFileName)
            ?? throw new LexiconLoadException(EmbeddedFileName, 0, "no such embedded safety signals file.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Load(EmbeddedFileName, reader.ReadToEnd());
    }

    /// <summary>Loads a signals file from disk.</summary>
    /// <exception cref="LexiconLoadException">The file is missing or invalid; the message names file, line and entry.</exception>
    public static DangerDetector LoadFile(string path)
    {
        var name = Path.GetFileName(path);
        return File.Exists(path)
            ? Load(name, File.ReadAllText(path))
            : throw new LexiconLoadException(name, 0, $"the safety signals file '{path}' does not exist.");
    }

    /// <summary>Loads signals from YAML text; <paramref name="fileName"/> is used in error messages.</summary>
    /// <exception cref="LexiconLoadException">The text is invalid; the message names file, line and entry.</exception>
    public static DangerDetector Load(string fileName, string yaml) => new(SafetySignalsLoader.Load(fileName, yaml));

    /// <summary>Reads one message. Never throws on user text; a pattern that times out on a pathological text gives no signal.</summary>
    /// <param name="message">What the person typed.</param>
    public DangerAlarm Detect(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = Normalize(message);
        if (text.Length == 0)
        {
            return DangerAlarm.None;
        }
        // The cues are visited in AllCues' order, so the k-th cue's answer is mayMatch[k].
        var mayMatch = _index.MayMatch(text);
        var k = 0;
        var benign = new List<(int Start, int End, string Group)>();
        foreach (var group in _signals.Benign)
        {
            foreach (var cue in group.Cues)
            {
                if (mayMatch[k++])
                {
                    benign.AddRange(Matches(cue, text, true).Select(m => (m.Index, m.Index + m.Length, group.Name)));
                }
            }
        }
        // The words are needed only to judge a denial before a signal: split when a first signal is found.
        List<Word>? words = null;
        var standing = new List<(int Start, DangerSignal Signal)>();
        var setAside = new List<DangerSignal>();
        foreach (var category in _signals.Categories)
        {
            foreach (var cue in category.Cues)
            {
                if (!mayMatch[k++])
                {
                    continue;   // most cues, most messages: nothing to match or allocate
                }
                foreach (var m in Matches(cue, text, true))
                {
                    var (start, end) = (m.Index, m.Index + m.Length);
                    var signal = new DangerSignal(category.Id, m.Value, cue.Describe(FileName));
                    if (benign.FirstOrDefault(b => b.Start <= start && end <= b.End) is { Group: { } group })
                    {
                        setAside.Add(signal with { SetAsideBecause = $"ordinary talk ({group})" });
                    }
                    else if (DeniedBy(text, words ??= Words.Split(text), start, end) is { } denial)
                    {
                        setAside.Add(signal with { SetAsideBecause = $"denied by '{denial}'" });
                    }
                    else
                    {
                        standing.Add((start, signal));
                    }
                }
            }
        }
        return new DangerAlarm(standing.OrderBy(s => s.Start).Select(s => s.Signal).ToList(), setAside);
    }

    /// <summary>
    /// The denial word that denies the signal [start, end), or null: a negation cue among the few words just before it,
    /// in the same clause, that is not part of the signal itself and is not followed by a hedge ("not sure").
    /// </summary>
    private string? DeniedBy(string text, List<Word> words, int start, int end)
    {
        var negation = _signals.Negation;
        var first = words.FindIndex(w => w.Start >= start);
        if (first < 0)
        {
            first = words.Count;
        }
        for (var k = first - 1; k >= 0 && k >= first - negation.MaxWords; k--)
        {
            var gapEnd = k + 1 < first ? words[k + 1].Start : start;
            if (text.AsSpan(words[k].End, Math.Max(0, gapEnd - words[k].End)).IndexOfAny(ClauseBreaks) >= 0
                || negation.ScopeEnds.Contains(words[k].Lower))
            {
                return null;
            }
            if (negation.Cues.Contains(words[k].Lower))
            {
                // "not sure", "can't stop", "doesn't want anyone to know": the word after it makes it no denial.
                var next = k + 1 < words.Count ? words[k + 1].Lower : "";
                return negation.NotDenials.Contains(next) ? null : words[k].Lower;
            }
        }
        return null;
    }

    private static IEnumerable<Match> Matches(SignalCue cue, string text, bool mayMatch)
    {
        if (!mayMatch)
        {
            return [];   // the text holds none of the texts every match of this cue holds: most cues, most messages
        }
        // A cue whose text times out twice gives no signal rather than stalling the turn.
        return (IEnumerable<Match>?)TimedMatches.Of(cue.Regex, text) ?? [];
    }

    /// <summary>Typographic quotes and dashes as ASCII, lower case, every run of white space one space.</summary>
    internal static string Normalize(string message) =>
        Spaces().Replace(Words.Normalize(message).ToLowerInvariant(), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
