using System.Reflection;
using System.Text.RegularExpressions;
using PolicyBot.Rules.Model;
using PolicyBot.Understanding.Safety;

namespace PolicyBot.Understanding.Lexicons;

/// <summary>
/// The words staff use for a policy's facts and values, as data: one YAML file per policy
/// (format in the header of <c>Lexicons/stevensville.lexicon.yaml</c>). Built only by the loader,
/// which validates every entry against the policy. Immutable and thread-safe.
/// </summary>
public sealed class Lexicon
{
    internal Lexicon(string fileName, string policyId, IReadOnlyList<LexiconEntry> entries, FuzzySettings fuzzy,
        NegationSettings negation, ActivitySettings activities, IReadOnlyList<Combination> combinations,
        IReadOnlyDictionary<string, (string Fact, string Value)> recognizers, IReadOnlyList<LexiconEntry>? answers = null,
        IReadOnlyDictionary<(string Fact, string Value), IReadOnlySet<string>>? answerWords = null)
    {
        AnswerEntries = answers ?? [];
        AnswerWords = answerWords ?? new Dictionary<(string Fact, string Value), IReadOnlySet<string>>();
        Recognizers = recognizers;
        FileName = fileName;
        PolicyId = policyId;
        Entries = entries;
        Fuzzy = fuzzy;
        Negation = negation;
        Activities = activities;
        Combinations = combinations;
    }

    /// <summary>The file the lexicon was read from (used in messages).</summary>
    public string FileName { get; }

    /// <summary>The id of the policy this lexicon describes.</summary>
    public string PolicyId { get; }

    /// <summary>Number of phrases and patterns, for diagnostics.</summary>
    public int CueCount => _cueCount ??= Entries.Sum(e => e.Phrases.Count + e.Patterns.Count);

    /// <summary>Counted once: every reading asks (an empty lexicon calls nothing off topic).</summary>
    private int? _cueCount;

    internal IReadOnlyList<LexiconEntry> Entries { get; }

    /// <summary>
    /// Words that settle a fact only in an answer to that fact's own question (<c>answers:</c>): "approved" answers
    /// "Has administration approved it?", but in a question it could be anything approved.
    /// </summary>
    internal IReadOnlyList<LexiconEntry> AnswerEntries { get; }

    /// <summary>
    /// Single words (<c>answer-words:</c>) that lean a typed answer towards a choice when no phrase of the lexicon settled
    /// it: counted like the words of the choice's label and description ("lab feedback" → teaching, "to play games
    /// together" → personal). Keyed by (fact, value); words are lower case, plurals folded as the reader folds them.
    /// </summary>
    internal IReadOnlyDictionary<(string Fact, string Value), IReadOnlySet<string>> AnswerWords { get; }

    /// <summary>This lexicon with its answer words added to its entries, to read a typed answer with.</summary>
    internal Lexicon ForAnswers() => AnswerEntries.Count == 0 ? this :
        new Lexicon(FileName, PolicyId, [.. Entries, .. AnswerEntries], Fuzzy, Negation, Activities, Combinations, Recognizers, null, AnswerWords);

    internal FuzzySettings Fuzzy { get; }

    internal NegationSettings Negation { get; }

    internal ActivitySettings Activities { get; }

    internal IReadOnlyList<Combination> Combinations { get; }

    /// <summary>What the recognizers' findings mean for this policy: kind (<see cref="RecognizerKinds"/>) → fact and value.</summary>
    internal IReadOnlyDictionary<string, (string Fact, string Value)> Recognizers { get; }

    /// <summary>The kinds of finding a lexicon can map to a fact value under <c>recognizers:</c>.</summary>
    internal static readonly string[] RecognizerKinds = ["phone-number", "school-email", "other-email", "own-url", "school-hours", "outside-school-hours"];

    /// <summary>
    /// Loads the lexicon embedded in this assembly for <paramref name="policy"/>: the file under
    /// <c>Lexicons/</c> whose <c>policy:</c> names the policy's id.
    /// </summary>
    /// <exception cref="LexiconLoadException">There is none, or it is invalid.</exception>
    public static Lexicon LoadEmbedded(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var assembly = Assembly.GetExecutingAssembly();
        const string prefix = "PolicyBot.Understanding.Lexicons.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order())
        {
            var fileName = resource[prefix.Length..];
            var yaml = ReadResource(assembly, resource);
            if (LexiconLoader.DeclaredPolicy(yaml) == policy.Metadata.Id)
            {
                return LexiconLoader.Load(fileName, yaml, policy);
            }
        }
        throw new LexiconLoadException("Lexicons/", 0, $"no embedded lexicon declares 'policy: {policy.Metadata.Id}'.");
    }

    /// <summary>Loads the embedded lexicon file <paramref name="fileName"/> (e.g. <c>stevensville.lexicon.yaml</c>) for <paramref name="policy"/>.</summary>
    /// <exception cref="LexiconLoadException">The file is missing or invalid.</exception>
    public static Lexicon LoadEmbedded(string fileName, Policy policy)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = "PolicyBot.Understanding.Lexicons." + fileName;
        if (assembly.GetManifestResourceInfo(resource) is null)
        {
            throw new LexiconLoadException(fileName, 0, "no such embedded lexicon.");
        }
        return LexiconLoader.Load(fileName, ReadResource(assembly, resource), policy);
    }

    /// <summary>Loads a lexicon file from disk for <paramref name="policy"/>.</summary>
    /// <exception cref="LexiconLoadException">The file is missing or invalid.</exception>
    public static Lexicon LoadFile(string path, Policy policy)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new LexiconLoadException(name, 0, $"the lexicon file '{path}' does not exist.");
        }
        return LexiconLoader.Load(name, File.ReadAllText(path), policy);
    }

    /// <summary>Loads a lexicon from YAML text; <paramref name="fileName"/> is used in error messages.</summary>
    /// <exception cref="LexiconLoadException">The lexicon is invalid for <paramref name="policy"/>.</exception>
    public static Lexicon Load(string fileName, string yaml, Policy policy) => LexiconLoader.Load(fileName, yaml, policy);

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>A lexicon entry: the cues for one value of one fact, or a neutral group (FactId null).</summary>
internal sealed record LexiconEntry(
    string? FactId,
    string ValueId,
    IReadOnlyList<PhraseCue> Phrases,
    IReadOnlyList<PatternCue> Patterns,
    IReadOnlySet<string> Overrides,
    int Line,
    bool AnswerOnly = false)
{
    /// <summary>The prefix of an answer-only entry's name, and so of its cues' origin.</summary>
    public const string AnswerPrefix = "answers → ";

    /// <summary>"medium → text", "neutral → devices", or "answers → account-stage → approved".</summary>
    public string Name => FactId is null ? $"neutral → {ValueId}" : $"{(AnswerOnly ? AnswerPrefix : "")}{FactId} → {ValueId}";
}

/// <summary>A phrase: its words (lower case) as written in the file.</summary>
internal sealed record PhraseCue(string Text, string[] Words, bool Weak, int Line);

/// <summary>A regular expression cue.</summary>
internal sealed record PatternCue(string Source, Regex Regex, bool Weak, int Line)
{
    /// <summary>
    /// Lower-case texts one of which the lower-cased form of every ASCII text the pattern matches holds
    /// (<see cref="RequiredText.AsciiLowerCaseOf"/>), or null when none is known.
    /// </summary>
    public IReadOnlyCollection<string>? Required { get; } = RequiredText.AsciiLowerCaseOf(Regex);

    /// <summary>
    /// False when <see cref="Regex"/> cannot match the text whose lower-cased form is <paramref name="asciiLower"/>: it
    /// holds none of <see cref="Required"/>. Null for a text that is not all ASCII, which the pattern always reads. The
    /// scanner answers this for all patterns at once (<see cref="RequiredTextIndex"/>); this is the same answer for one.
    /// </summary>
    public bool MayMatch(string? asciiLower) => asciiLower is null || RequiredText.MayMatch(Required, asciiLower);

    /// <summary>
    /// Further sets of lower-case texts every match holds one text of, besides <see cref="Required"/>: those of the other
    /// parts of the pattern's sequence (<see cref="RequiredText.AllAsciiLowerCaseOf"/>). Empty when none is known.
    /// </summary>
    public IReadOnlyList<IReadOnlyCollection<string>> AlsoRequired { get; } = RequiredText.Others(RequiredText.AllAsciiLowerCaseOf(Regex), RequiredText.AsciiLowerCaseOf(Regex));

    /// <summary>
    /// <see cref="MayMatch"/>, and false as well when the text holds no text of one of <see cref="AlsoRequired"/>'s sets:
    /// what the scanner answers (<see cref="RequiredTextIndex"/>).
    /// </summary>
    public bool MayMatchAll(string? asciiLower) => asciiLower is null || (MayMatch(asciiLower) && RequiredText.MayMatchAll(AlsoRequired, asciiLower));
}

/// <summary>
/// Typo tolerance: misspelt words are corrected towards the single-word phrases and the extra
/// <see cref="Vocabulary"/> (words patterns rely on) of at least <see cref="MinLength"/> letters, except
/// English words in their own right (<see cref="RealWords"/>).
/// </summary>
/// <see cref="Aliases"/> are short forms read as their full word before matching ("insta" → "instagram").
internal sealed record FuzzySettings(int MinLength, IReadOnlySet<string> Vocabulary, IReadOnlySet<string> RealWords, IReadOnlyDictionary<string, string> Aliases);

/// <summary>
/// Negation cue words, the words that end their scope, and the longest scope. <see cref="Focus"/>: facts
/// whose cue takes the negation when one lies in the scope ("I don't text students for personal reasons"
/// denies the reason, not the texting).
/// </summary>
internal sealed record NegationSettings(IReadOnlySet<string> Cues, IReadOnlySet<string> ScopeEnds, int MaxWords, IReadOnlySet<string> Focus);

/// <summary>
/// How the activity is settled: the fact that names it, which facts' cues establish it (strong,
/// weak), the order in which activities win when strong anchors disagree, and <see cref="Decisive"/>
/// values (fact, value) whose activity wins over the precedence whenever a strong anchor also names it
/// (confidential material named beside posting makes it a question about posting, wherever). <see cref="Containers"/>:
/// activities the others happen through (no second part); <see cref="OwnPart"/>: values (fact, value) that name an act of
/// their own, which never happens through a container: beside a container or another act they are a part of their own
/// ("my cell for emergencies" beside a group, "checking the district's page" beside a post). <see cref="Bound"/>: facts
/// said of one act only when a message names two ("email them about the project, and accept the request one sent me":
/// the project is the e-mail's purpose, not the request's). <see cref="BesideContainer"/>: values (fact, value) that are a
/// part of their own beside a container only ("post the team pics on my own Instagram" beside a team account).
/// <see cref="BesidePosting"/>: values (fact, value) of another activity that are a part of their own beside posting only
/// ("post my vacation pics on insta during my prep": using social media at school is a question of its own).
/// <see cref="SocialContact"/>: values (fact, value) of ways of contacting through a social networking site, beside which
/// <see cref="BesidePosting"/>'s values are a part of their own too ("he snaps me during my lunch at school").
/// <see cref="SocialContactSite"/>: values (fact, value) that part takes as said ("he snaps me" is on a social networking
/// site, so its question is not which kind of site); a part made beside posting takes them too when the post's own site is
/// named by one of <see cref="SocialSites"/> ("post on my personal Facebook from my district Chromebook").
/// <see cref="People"/>: the facts that say who a person is, whose exception beside words pointing at others makes a part
/// for the others (null: every fact with an exception value).
/// <see cref="Unread"/>: what makes a stretch of a message a part of its own when nothing in it was read as an act ("share
/// my personal art website with students").
/// <see cref="Apart"/>: values (fact, value) of <see cref="People"/> whose person is never the one another value's plain
/// mention names, wherever it stands ("txt my chem students …, and call their parents": a parent is not the student).
/// </summary>
internal sealed record ActivitySettings(string FactId, IReadOnlySet<string> StrongAnchors, IReadOnlySet<string> WeakAnchors,
    IReadOnlyList<string> Precedence, IReadOnlyList<(string Fact, string Value)> Decisive, IReadOnlySet<string> Containers, TopicFacts? Topic = null,
    IReadOnlyList<(string Fact, string Value)>? OwnPart = null, IReadOnlySet<string>? Bound = null, IReadOnlyList<(string Fact, string Value)>? BesideContainer = null,
    UnreadStretch? Unread = null, IReadOnlyList<(string Fact, string Value)>? BesidePosting = null,
    IReadOnlyList<(string Fact, string Value)>? SocialContact = null, IReadOnlySet<string>? People = null,
    IReadOnlyList<(string Fact, string Value)>? Apart = null, IReadOnlyList<(string Fact, string Value)>? SocialContactSite = null,
    WordList? SocialSites = null);

/// <summary>
/// A stretch of a message none of whose words was read as an act is a part of its own when it holds one of <see cref="Acts"/>
/// (words of doing: "share", "setting up") and one of <see cref="Things"/> (things of the subject: "page", "site") or the
/// topic's words (apps, "website").
/// </summary>
internal sealed record UnreadStretch(WordList Acts, WordList Things);

/// <summary>Words or word sequences matched whole-word and case-insensitively (spaces match any run of white space).</summary>
internal sealed class WordList
{
    private readonly System.Text.RegularExpressions.Regex? _regex;

    /// <summary>Creates the list; <paramref name="words"/> are lower-case.</summary>
    public WordList(IReadOnlyList<string> words)
    {
        _regex = words.Count == 0 ? null :
            new(@"\b(?:" + string.Join("|", words.OrderByDescending(w => w.Length).Select(w => System.Text.RegularExpressions.Regex.Escape(w).Replace(@"\ ", @"\s+"))) + @")\b",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Compiled);
    }

    /// <summary>True when <paramref name="text"/> holds one of the words.</summary>
    public bool Mentions(string text) => _regex?.IsMatch(text) ?? false;
}

/// <summary>
/// What puts a message on the policy's subject: a cue of any of <see cref="Any"/> (a way of contacting, a site, something
/// posted), or a specific (not weak) cue of one of <see cref="Specific"/> ("a boy in my class", not a bare "students"),
/// except the values of <see cref="NotAlone"/> (one's own family: "my daughter is getting married, how many personal days
/// do I get?"). A message with none — "can I wear my team jersey on Friday?" — is about something else. The words of the
/// neutral groups in <see cref="Aside"/> name no subject ("do I just email the business office?" asked about mileage).
/// </summary>
internal sealed record TopicFacts(IReadOnlySet<string> Any, IReadOnlySet<string> Specific, WordList Words, IReadOnlySet<(string Fact, string Value)> NotAlone,
    IReadOnlySet<string> Aside)
{
    /// <summary>True when <paramref name="text"/> names the subject in one of <see cref="Words"/> (an app, "online", "follow").</summary>
    public bool Mentions(string text) => Words.Mentions(text);

    /// <summary>True when a cue of <paramref name="factId"/> = <paramref name="valueId"/> (weak or not) puts the message on topic.</summary>
    public bool OnTopic(string factId, string valueId, bool weak) =>
        Any.Contains(factId) || (!weak && Specific.Contains(factId) && !NotAlone.Contains((factId, valueId)));
}

/// <summary>When the cued values of a fact include one of <see cref="AnyOf"/> and one of <see cref="With"/> (and nothing else), the fact is <see cref="Gives"/>.</summary>
internal sealed record Combination(string FactId, IReadOnlySet<string> AnyOf, IReadOnlySet<string> With, string? Gives, bool AnswersOnly = false)
{
    /// <summary>True when <paramref name="values"/> (two or more of the fact's values) are exactly this combination's kind of mix.</summary>
    public bool Covers(string factId, IReadOnlyCollection<string> values) =>
        FactId == factId && values.All(v => AnyOf.Contains(v) || With.Contains(v)) && values.Any(AnyOf.Contains) && values.Any(With.Contains);
}
