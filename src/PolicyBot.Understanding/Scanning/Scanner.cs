using System.Globalization;
using System.Text.RegularExpressions;
using F23.StringSimilarity;
using PolicyBot.Understanding.Lexicons;
using PolicyBot.Understanding.Safety;

namespace PolicyBot.Understanding.Scanning;

/// <summary>A span of the text that a lexicon entry or a recognizer claims; FactId null for neutral words.</summary>
internal sealed record Claim(string? FactId, string ValueId, int Start, int End, CueSource Source, string Origin, bool Weak, bool AnswerOnly = false)
{
    public int Length => End - Start;

    public bool Contains(Claim other) => Start <= other.Start && other.End <= End;

    public Cue ToCue(string text) => new(FactId!, ValueId, text[Start..End], Start, Length, Source, Origin, Weak);
}

/// <summary>The claims found in a text: those that stand, and those inside the scope of a negation.</summary>
internal sealed record Scan(string Text, IReadOnlyList<Claim> Claims, IReadOnlySet<Claim> Negated);

/// <summary>
/// Finds every cue of a lexicon in a text: exact phrases, typos of single-word phrases, patterns, and the
/// recognizers' phone numbers, e-mail addresses, URLs and times. A claim strictly inside a longer claim
/// gives way to it ("group chat" is not "chat"). Claims in the scope of a negation are marked.
/// </summary>
internal sealed partial class Scanner
{
    private static readonly Damerau Distance = new();
    private static readonly char[] ScopeBreaks = ['.', ',', ';', ':', '!', '?', '(', ')', '"'];
    private static readonly HashSet<string> InvertedSubjects = new(StringComparer.Ordinal) { "i", "we", "you", "it", "they", "he", "she", "that", "this", "there" };
    private static readonly HashSet<string> AnsweringSubjects = new(StringComparer.Ordinal) { "i", "i'm", "im", "we", "we're", "it", "it's", "its", "they", "they're", "he", "he's", "she", "she's", "that", "that's", "thats", "this", "just", "not" };

    private readonly Lexicon _lexicon;
    private readonly SituationReaderOptions _options;
    private readonly TextRecognizers _recognizers;
    private readonly Dictionary<string, List<(LexiconEntry Entry, PhraseCue Phrase)>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly HashSet<string> _phraseWords = new(StringComparer.Ordinal);
    private readonly Dictionary<char, string[]> _vocabularyByFirstLetter;

    public Scanner(Lexicon lexicon, SituationReaderOptions options, TextRecognizers recognizers)
    {
        _lexicon = lexicon;
        _options = options;
        _recognizers = recognizers;
        var vocabulary = new HashSet<string>(lexicon.Fuzzy.Vocabulary, StringComparer.Ordinal);
        foreach (var entry in lexicon.Entries)
        {
            foreach (var phrase in entry.Phrases)
            {
                if (!_byFirstWord.TryGetValue(phrase.Words[0], out var list))
                {
                    _byFirstWord[phrase.Words[0]] = list = [];
                }
                list.Add((entry, phrase));
                _phraseWords.UnionWith(phrase.Words);
                if (phrase.Words.Length == 1)
                {
                    vocabulary.Add(phrase.Words[0]);
                }
            }
        }
        _phraseWords.UnionWith(vocabulary);
        // A typo keeps its first letter (see TypoOf), so each word is compared only with the words that share it.
        _vocabularyByFirstLetter = vocabulary.Where(w => w.Length >= lexicon.Fuzzy.MinLength && w.All(char.IsLetter))
            .Order(StringComparer.Ordinal)
            .GroupBy(w => w[0])
            .ToDictionary(g => g.Key, g => g.ToArray());
        _knownWords = vocabulary.Where(w => w.Length >= 3).ToHashSet(StringComparer.Ordinal);
        var patterns = lexicon.Entries.SelectMany(e => e.Patterns).ToList();
        _patternIndex = new RequiredTextIndex([.. patterns.Select(p => p.Required)], [.. patterns.Select(p => p.AlsoRequired)]);
    }

    /// <summary>Which lexicon patterns may match a lower-cased ASCII text, in the order of the entries and their patterns.</summary>
    private readonly RequiredTextIndex _patternIndex;

    private readonly HashSet<string> _knownWords;

    /// <summary>True when a word of <paramref name="original"/> is one of the lexicon's words (a one-word phrase or a
    /// fuzzy-vocabulary word such as an app's name): the text is about the policy's subject, even with no cue.</summary>
    public bool KnowsAWordOf(string original) =>
        Words.Normalize(original).ToLowerInvariant().Split(NonLetters, StringSplitOptions.RemoveEmptyEntries).Any(_knownWords.Contains);

    private static readonly char[] NonLetters = [.. Enumerable.Range(0, 128).Select(i => (char)i).Where(c => !char.IsLetter(c) && c != '\'' && c != '-')];

    public Scan Run(string original)
    {
        var text = Words.Normalize(original);
        var words = Words.Split(text);

        // Typos are corrected towards the lexicon's vocabulary first; phrases and patterns then read the
        // corrected text, and every span is mapped back to the text as typed.
        var corrected = Correct(text, words);
        var found = new List<Claim>();
        FindPhrases(corrected, found);
        FindPatterns(corrected, found);
        FindRecognized(text, found);
        var claims = WithoutContained(found);
        return new Scan(original, claims, Negated(text, words, claims));
    }

    /// <summary>A text with typos corrected, and for each of its characters the index in the text as typed.</summary>
    private sealed record Corrected(string Text, int[] StartMap, int[] EndMap, List<(int Start, int End, string Typed, string Meant)> Corrections)
    {
        /// <summary>The span in the text as typed of the corrected span [start, end).</summary>
        public (int Start, int End) Original(int start, int end) => (StartMap[start], EndMap[end - 1]);

        public (CueSource Source, string Note) Source(int start, int end, CueSource source)
        {
            var typos = Corrections.Where(c => c.Start < end && start < c.End).ToList();
            return typos.Count == 0 ? (source, "") : (CueSource.Typo, $" (typo: {string.Join(", ", typos.Select(t => $"{t.Typed} → {t.Meant}"))})");
        }
    }

    private Corrected Correct(string text, List<Word> words)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var starts = new List<int>(text.Length);
        var ends = new List<int>(text.Length);
        var corrections = new List<(int, int, string, string)>();
        var at = 0;
        foreach (var word in words)
        {
            var meant = _lexicon.Fuzzy.Aliases.GetValueOrDefault(word.Lower)
                ?? (_lexicon.Fuzzy.RealWords.Contains(word.Lower) ? null : TypoOf(word.Lower));
            if (meant is null)
            {
                continue;
            }
            for (; at < word.Start; at++)
            {
                builder.Append(text[at]);
                starts.Add(at);
                ends.Add(at + 1);
            }
            for (var k = 0; k < meant.Length; k++)
            {
                builder.Append(meant[k]);
                starts.Add(word.Start + Math.Min(k, word.Length - 1));
                ends.Add(k == meant.Length - 1 ? word.End : word.Start + Math.Min(k, word.Length - 1) + 1);
            }
            corrections.Add((word.Start, word.End, text[word.Start..word.End], meant));
            at = word.End;
        }
        for (; at < text.Length; at++)
        {
            builder.Append(text[at]);
            starts.Add(at);
            ends.Add(at + 1);
        }
        return new Corrected(builder.ToString(), [.. starts], [.. ends], corrections);
    }

    private void FindPhrases(Corrected corrected, List<Claim> found)
    {
        var words = Words.Split(corrected.Text);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].Lower;
            var key = word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word;
            foreach (var first in key == word ? [word] : new[] { word, key })
            {
                if (!_byFirstWord.TryGetValue(first, out var candidates))
                {
                    continue;
                }
                foreach (var (entry, phrase) in candidates)
                {
                    if (i + phrase.Words.Length > words.Count)
                    {
                        continue;
                    }
                    var match = true;
                    for (var k = 0; k < phrase.Words.Length && match; k++)
                    {
                        match = Words.SameOrPossessive(words[i + k].Lower, phrase.Words[k]);
                    }
                    if (match)
                    {
                        var (cs, ce) = (words[i].Start, words[i + phrase.Words.Length - 1].End);
                        var (start, end) = corrected.Original(cs, ce);
                        var (source, note) = corrected.Source(start, end, CueSource.Phrase);
                        found.Add(new Claim(entry.FactId, entry.ValueId, start, end, source, $"{entry.Name}: \"{phrase.Text}\"{note}", phrase.Weak, entry.AnswerOnly));
                    }
                }
            }
        }
    }

    private void FindPatterns(Corrected corrected, List<Claim> found)
    {
        var text = corrected.Text;
        // Of the ~200 patterns only a few can match a given message: each runs only when the text holds a literal of each
        // part of it that needs one ("join"/"joining" and "students"/"kids"), all looked up in one pass (RequiredTextIndex). Case is ignored, so only an ASCII text is
        // looked up (lower-cased); any other text is read by every pattern.
        var mayMatch = System.Text.Ascii.IsValid(text) ? _patternIndex.MayMatch(text.ToLowerInvariant()) : null;
        var k = 0;
        foreach (var entry in _lexicon.Entries)
        {
            foreach (var pattern in entry.Patterns)
            {
                if (mayMatch is not null && !mayMatch[k++])
                {
                    continue;
                }
                if (TimedMatches.Of(pattern.Regex, text) is not { } matches)
                {
                    continue;   // a pathological text: this pattern gives no cue rather than stalling the turn
                }
                foreach (Match m in matches)
                {
                    var (cs, ce) = Trim(text, m.Index, m.Index + m.Length);
                    if (ce > cs)
                    {
                        var (start, end) = corrected.Original(cs, ce);
                        var (source, note) = corrected.Source(start, end, CueSource.Pattern);
                        found.Add(new Claim(entry.FactId, entry.ValueId, start, end, source, $"{entry.Name}: /{pattern.Source}/{note}", pattern.Weak, entry.AnswerOnly));
                    }
                }
            }
        }
    }

    private void FindRecognized(string text, List<Claim> found)
    {
        // Each recognizer costs a full pass of its model; most messages hold nothing any of them can find, so each
        // runs only when the text has what its findings are made of (digits, '@', a dot, a time word).
        var digits = text.Count(char.IsAsciiDigit);
        var phones = digits >= 7 ? _recognizers.PhoneNumbers(text) : [];
        foreach (var phone in phones)
        {
            if (Target("phone-number") is { } target)
            {
                found.Add(new Claim(target.Fact, target.Value, phone.Start, phone.End, CueSource.PhoneNumber, "phone number recognizer", false));
            }
        }
        foreach (var email in text.Contains('@') ? _recognizers.EmailAddresses(text) : [])
        {
            var school = IsSchoolDomain(DomainOf(email.Value));
            found.Add(Target(school ? "school-email" : "other-email") is { } target
                ? new Claim(target.Fact, target.Value, email.Start, email.End, CueSource.EmailAddress,
                    $"e-mail recognizer: {(school ? "a school domain" : "not a school domain")}", false)
                : new Claim(null, "email", email.Start, email.End, CueSource.EmailAddress, "e-mail recognizer", false));
        }
        foreach (var url in text.Contains('.') ? _recognizers.Urls(text) : [])
        {
            if (found.Any(c => c.Source == CueSource.EmailAddress && c.Start <= url.Start && url.End <= c.End))
            {
                continue;   // the domain part of an e-mail address
            }
            // A web address is a personal site only when the text says it is theirs ("my blog is …").
            var before = text[Math.Max(0, SentenceStart(text, url.Start))..url.Start];
            var theirs = MySiteBefore().IsMatch(before) && !IsSchoolDomain(DomainOf(url.Value));
            found.Add(theirs && Target("own-url") is { } target
                ? new Claim(target.Fact, target.Value, url.Start, url.End, CueSource.Url, "URL recognizer: an address the text calls theirs", false)
                : new Claim(null, "url", url.Start, url.End, CueSource.Url, "URL recognizer", false));
        }
        // To the minute: the recognizers cache results by text and reference time, so a reference that changes every
        // tick would add a cache entry for every call (measured by tests/PolicyBot.Benchmarks.Http).
        if (!_options.AlwaysRunRecognizers && (!MayHoldATime(text) || (Target("school-hours") is null && Target("outside-school-hours") is null)))
        {
            return;
        }
        var now = TimeZoneInfo.ConvertTime(_options.Clock.GetUtcNow(), _options.TimeZone ?? _options.Clock.LocalTimeZone).DateTime;
        var reference = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, now.Kind);
        foreach (var (start, end, _, values) in _recognizers.DateTimes(text, reference))
        {
            if (InSchoolHours(values) is { } inSchool && Target(inSchool ? "school-hours" : "outside-school-hours") is { } target)
            {
                found.Add(new Claim(target.Fact, target.Value, start, end, CueSource.DateTime,
                    $"date-time recognizer: {(inSchool ? $"a school day between {_options.SchoolDayStart:HH\\:mm} and {_options.SchoolDayEnd:HH\\:mm}" : "evening, night or weekend")}", false));
            }
        }
    }

    /// <summary>
    /// False when the date-time model can find no time of day, weekday, weekend or short date range in the text, so
    /// running it (~0.9 ms) could add no school-hours claim: the text has no time word and no number in a time's shape.
    /// A number alone ("7th grade", "160 students", "turn 18") is never a time; the model reads one only with a word
    /// beside it ("at 8", "on the 5th", "May 5", "eight thirty") or a separator or suffix ("3:30", "12/5", "8pm").
    /// RecognizerShortcutTests reads every corpus text, and every word of the model's definitions beside numbers and
    /// beside the words this leaves out ("after", "late", "one", "holiday" …), with and without this shortcut.
    /// </summary>
    internal static bool MayHoldATime(string text) => TimeWord().IsMatch(text) || TimeShapedNumber().IsMatch(text);

    /// <summary>
    /// Words from which the date-time model finds a time of day, weekday or part of the week with no number beside them.
    /// The last ones (from "midday") were found by reading each word of the model's own English definitions in short
    /// sentences with and without this shortcut (RecognizerShortcutTests): "midday", "lunchtime", "the day", "tmrw" …
    /// Words that only qualify a time ("after", "late", "early", "half") or are numbers ("one", "eight") are not here:
    /// they count only beside a number (<see cref="TimeShapedNumber"/>) or another word of this list.
    /// </summary>
    [GeneratedRegex(@"\b(?:a\.?m|p\.?m|ampm|noon|midnight|mornings?|afternoons?|evenings?|nights?|tonight|today|tomorrow|yesterday|weekends?|weekdays?|workweeks?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|mon|tues?|wed|wedn|weds|thu|thurs?|fri|sat|sun|weeks?|months?|years?|hours?|minutes?|o'?clock|daily|nightly|dawn|dusk|sunrise|sunset|summers?|winters?|spring|fall|autumn|christmas|thanksgiving|easter|halloween|valentine|hanukkah|kwanzaa|passover|ramadan|eid|new\s+year|labor\s+day|memorial\s+day|independence\s+day|veterans\s+day|presidents|january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|lunch|breakfast|dinner|bedtime|midday|midmorning|midafternoon|noonish|lunchtime|brunch|supper|dinnertime|daytime|nighttime|tonite|days?|fortnights?|decades?|seconds?|secs?|mins?|hrs?|asap|eod|otd|tmrw?|recently|previously|xmas|juneteenth|mayday|pentecost|ramathan|qingming|yuandan)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeWord();

    /// <summary>A number as the date-time model reads hours, minutes and days: digits (with an ordinal or plural ending) or words.</summary>
    private const string Number = @"(?:\d+(?:st|nd|rd|th|s)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)";

    /// <summary>
    /// A number the date-time model may read as a time or a date: digits with letters attached ("8pm", "8h30"; not
    /// "7th", "30s"), digits joined by a separator ("3:30", "12/5", "6-8"), a number after a word that places it ("at",
    /// "on the", "around", "by", "may" …) or before one ("sharp", "ish", "to", "may", "thirty" as in "eight thirty").
    /// Deliberately wider than what the model reads (see <see cref="MayHoldATime"/>'s tests).
    /// </summary>
    [GeneratedRegex(
        @"\d(?!(?:st|nd|rd|th|s)\b)\p{L}"
        + @"|\d\s*[:./\-–—~]\s*\d"
        + @"|\b(?:at|around|circa|approx(?:imately)?|exactly|by|in|on|for|from|between|since|until|till|til|before|after|to|through|thru|past|sharp|may|and|the|of|this|next|last|every|each)\s+(?:(?:the|about|around|approximately|exactly|just|roughly)\s+)?" + Number + @"\b"
        + @"|\b" + Number + @"\s*(?:-?ish|sharp|ampm|and|to|through|thru|till|until|-|–|—|~|of\s+may|may|five|ten|fifteen|twenty|thirty|forty|fifty|oh)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeShapedNumber();

    private (string Fact, string Value)? Target(string kind) => _lexicon.Recognizers.GetValueOrDefault(kind) is { } target ? target : null;

    /// <summary>
    /// True when every reading of the expression falls on a weekday between the school day's start and
    /// end; false when every reading falls outside; null when readings disagree or say nothing about the
    /// time (a weekday without a time, "now", a duration).
    /// </summary>
    private bool? InSchoolHours(IReadOnlyList<IReadOnlyDictionary<string, string>> values)
    {
        bool? result = null;
        foreach (var value in values)
        {
            var one = OneValue(value);
            if (one is null || (result is not null && result != one))
            {
                return null;
            }
            result = one;
        }
        return result;
    }

    private bool? OneValue(IReadOnlyDictionary<string, string> value)
    {
        if (value.TryGetValue("timex", out var timex) && timex.Contains("PRESENT_REF", StringComparison.Ordinal))
        {
            return null;
        }
        value.TryGetValue("type", out var type);
        switch (type)
        {
            case "time" when TimeOnly.TryParse(value.GetValueOrDefault("value"), CultureInfo.InvariantCulture, out var time):
                return InSchoolHours(time);
            case "datetime" when DateTime.TryParse(value.GetValueOrDefault("value"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at):
                return !IsWeekend(at) && InSchoolHours(TimeOnly.FromDateTime(at));
            case "timerange" when TimeOnly.TryParse(value.GetValueOrDefault("start"), CultureInfo.InvariantCulture, out var from)
                                && TimeOnly.TryParse(value.GetValueOrDefault("end"), CultureInfo.InvariantCulture, out var to):
                return RangeVerdict(from, to);
            // An open range ("after 9 pm", "before 6 am") is outside school hours on any day when it lies wholly beyond the
            // school day's end or before its start.
            case "timerange" when TimeOnly.TryParse(value.GetValueOrDefault("start"), CultureInfo.InvariantCulture, out var after)
                                && !value.ContainsKey("end"):
                return after >= _options.SchoolDayEnd ? false : null;
            case "timerange" when TimeOnly.TryParse(value.GetValueOrDefault("end"), CultureInfo.InvariantCulture, out var before)
                                && !value.ContainsKey("start"):
                return before <= _options.SchoolDayStart ? false : null;
            case "datetimerange" when DateTime.TryParse(value.GetValueOrDefault("start"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                                    && DateTime.TryParse(value.GetValueOrDefault("end"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var to):
                return from.Date == to.Date || to == from.Date.AddDays(1)
                    ? IsWeekend(from) ? false : RangeVerdict(TimeOnly.FromDateTime(from), TimeOnly.FromDateTime(to))
                    : AllWeekend(from.Date, to.Date) ? false : null;
            case "date" when DateTime.TryParse(value.GetValueOrDefault("value"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                return IsWeekend(day) ? false : null;
            case "daterange" when DateTime.TryParse(value.GetValueOrDefault("start"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                                && DateTime.TryParse(value.GetValueOrDefault("end"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var to):
                return AllWeekend(from, to) ? false : null;
            default:
                return null;
        }
    }

    private bool? RangeVerdict(TimeOnly from, TimeOnly to)
    {
        if (from >= _options.SchoolDayStart && to <= _options.SchoolDayEnd && to > from)
        {
            return true;
        }
        return from >= _options.SchoolDayEnd || (to <= _options.SchoolDayStart && to > from) ? false : null;
    }

    private bool InSchoolHours(TimeOnly time) => time >= _options.SchoolDayStart && time < _options.SchoolDayEnd;

    private static bool IsWeekend(DateTime day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>True when every day in [from, to) is a Saturday or Sunday (the recognizer's ranges end exclusively).</summary>
    private static bool AllWeekend(DateTime from, DateTime to)
    {
        if (to <= from || (to - from).TotalDays > 3)
        {
            return false;
        }
        for (var day = from.Date; day < to.Date || day == from.Date; day = day.AddDays(1))
        {
            if (!IsWeekend(day))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The vocabulary word <paramref name="word"/> is a typo of, or null: the word is not itself a lexicon
    /// word or a negation cue, and exactly one closest vocabulary word is within the threshold (same first
    /// letter, see <see cref="IsTypo"/>). Does not consult the lexicon's real-words list (the caller does).
    /// </summary>
    internal string? TypoOf(string word)
    {
        if (word.Length < 3 || !word.All(char.IsLetter) || _phraseWords.Contains(word) || _lexicon.Negation.Cues.Contains(word))
        {
            return null;
        }
        if (!_vocabularyByFirstLetter.TryGetValue(word[0], out var sameFirstLetter))
        {
            return null;
        }
        var best = int.MaxValue;
        var closest = new List<string>();
        Span<int> letters = stackalloc int[26];
        var counted = CountLetters(word, letters);
        Span<int> difference = stackalloc int[26];
        foreach (var candidate in sameFirstLetter)
        {
            // The distance is at least the difference in length, and IsTypo allows two edits only from 10 letters.
            var lengths = Math.Abs(candidate.Length - word.Length);
            if (lengths > 2 || (lengths == 2 && candidate.Length < 10))
            {
                continue;
            }
            // And at least half the letters the two words do not share (see LetterDifference): most candidates are
            // ruled out by this count before the distance, which is the costly part of reading a message's words.
            if (counted && (LetterDifference(letters, candidate, difference) + 1) / 2 > (candidate.Length >= 10 ? 2 : 1))
            {
                continue;
            }
            var d = (int)Distance.Distance(word, candidate);
            if (!IsTypo(word, candidate, d))
            {
                continue;
            }
            if (d < best)
            {
                (best, closest) = (d, [candidate]);
            }
            else if (d == best)
            {
                closest.Add(candidate);
            }
        }
        return closest.Count == 1 ? closest[0] : null;
    }

    /// <summary>Counts the letters a-z of <paramref name="word"/>; false (and no counts) when it has any other character.</summary>
    private static bool CountLetters(string word, Span<int> counts)
    {
        counts.Clear();
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
            counts[c - 'a']++;
        }
        return true;
    }

    /// <summary>
    /// How many letters one word has that the other lacks, counted with repeats (the L1 distance of the two words' letter
    /// counts), or 0 (rules nothing out) when <paramref name="candidate"/> has a character other than a-z. Each edit of the
    /// Damerau distance changes this by at most two (a substitution two, an insertion or deletion one, a transposition
    /// none), so the distance is at least half of it, rounded up.
    /// </summary>
    private static int LetterDifference(ReadOnlySpan<int> wordLetters, string candidate, Span<int> difference)
    {
        wordLetters.CopyTo(difference);
        foreach (var c in candidate)
        {
            if (c is < 'a' or > 'z')
            {
                return 0;   // not counted: the distance decides
            }
            difference[c - 'a']--;
        }
        var total = 0;
        foreach (var d in difference)
        {
            total += Math.Abs(d);
        }
        return total;
    }

    /// <summary>
    /// The strict threshold: one insertion, deletion or transposition for phrases under 7 letters (no
    /// substitution: "test" is not "text"); any one edit from 7 letters; two edits from 10 letters.
    /// </summary>
    internal static bool IsTypo(string word, string phrase, int distance)
    {
        if (distance == 0)
        {
            return false;
        }
        if (phrase.Length >= 10)
        {
            return distance <= 2;
        }
        if (phrase.Length >= 7)
        {
            return distance <= 1;
        }
        return distance == 1 && (word.Length != phrase.Length || IsTransposition(word, phrase));
    }

    private static bool IsTransposition(string a, string b)
    {
        var diffs = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
        return diffs.Count == 2 && diffs[1] == diffs[0] + 1 && a[diffs[0]] == b[diffs[1]] && a[diffs[1]] == b[diffs[0]];
    }

    /// <summary>
    /// Drops every claim that lies strictly inside a longer one; claims over the same span all stand. A weak claim of a
    /// fact that anchors no activity (a purpose, an approval) inside the claim of an act or a way of doing it stands too:
    /// it is a default for its own fact ("a friend request" is social unless a purpose is named, "the school's official
    /// page" is approved unless said otherwise), not a rival reading of the same words, and any specific claim of its
    /// fact outweighs it later. For the same reason such a default hides nothing inside it.
    /// </summary>
    private List<Claim> WithoutContained(List<Claim> found)
    {
        var anchors = _lexicon.Activities;
        bool Anchors(string? factId) => factId is not null
            && (factId == anchors.FactId || anchors.StrongAnchors.Contains(factId) || anchors.WeakAnchors.Contains(factId));
        bool IsDefault(Claim c) => c.Weak && c.FactId is not null && !Anchors(c.FactId);
        var distinct = found.Distinct().OrderByDescending(c => c.Length).ThenBy(c => c.Start).ToList();
        var kept = new List<Claim>();
        foreach (var claim in distinct)
        {
            // An answer's words for one question hide no other question's: "photos from my hiking trip, nothing about
            // school", claimed whole as a personal purpose, still says what is posted.
            if (!kept.Any(k => k.Length > claim.Length && k.Contains(claim)
                    && !IsDefault(k) && !(IsDefault(claim) && Anchors(k.FactId))
                    && !(k.AnswerOnly && claim.FactId is not null && claim.FactId != k.FactId)))
            {
                kept.Add(claim);
            }
        }
        return kept.OrderBy(c => c.Start).ThenBy(c => c.FactId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Claims a negation denies: the first claim inside its scope, which runs from the word after the cue
    /// up to a scope-ending word, punctuation, or the lexicon's maximum number of words. A cue that is part
    /// of a claim ("not a student", "no longer enrolled") opens no scope; nor does an inverted question ("don't I …?").
    /// </summary>
    private HashSet<Claim> Negated(string text, List<Word> words, List<Claim> claims)
    {
        var negated = new HashSet<Claim>();
        var negation = _lexicon.Negation;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (!negation.Cues.Contains(word.Lower) || claims.Any(c => c.Start <= word.Start && word.End <= c.End))
            {
                continue;
            }
            if (i + 1 < words.Count && word.Lower.EndsWith("n't", StringComparison.Ordinal) && InvertedSubjects.Contains(words[i + 1].Lower))
            {
                continue;
            }
            // "no" before a subject ("no, it's personal", "no I just …") answers; it denies nothing after it.
            if (word.Lower == "no" && i + 1 < words.Count && AnsweringSubjects.Contains(words[i + 1].Lower))
            {
                continue;
            }
            var scopeStart = word.End;
            var scopeEnd = word.End;
            for (var k = i + 1; k < words.Count && k <= i + negation.MaxWords; k++)
            {
                if (text.AsSpan(words[k - 1].End, words[k].Start - words[k - 1].End).IndexOfAny(ScopeBreaks) >= 0
                    || negation.ScopeEnds.Contains(words[k].Lower))
                {
                    break;
                }
                scopeEnd = words[k].End;
            }
            // The negation applies to the first cue in its scope (and whatever overlaps it): "never text
            // students" denies the texting, not that they are students.
            // A cue of a focus fact in the scope takes the negation instead: "I don't text students for
            // personal reasons" denies the reason.
            var inScope = claims.Where(c => c.Start >= scopeStart && c.Start < scopeEnd).OrderBy(c => c.Start).ToList();
            if (inScope.Count > 0)
            {
                var first = inScope.FirstOrDefault(c => c.FactId is not null && negation.Focus.Contains(c.FactId)) ?? inScope[0];
                negated.UnionWith(inScope.Where(c => c.Start < first.End && c.End > first.Start));
            }
        }
        return negated;
    }

    private bool IsSchoolDomain(string domain) =>
        _options.SchoolEmailDomains.Any(d => domain.Equals(d, StringComparison.OrdinalIgnoreCase)
            || domain.EndsWith("." + d.TrimStart('.'), StringComparison.OrdinalIgnoreCase));

    private static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        var rest = at >= 0 ? address[(at + 1)..] : address;
        rest = SchemePrefix().Replace(rest, "");
        var end = rest.IndexOfAny(['/', ':', '?', '#']);
        return (end >= 0 ? rest[..end] : rest).TrimEnd('.');
    }

    private static int SentenceStart(string text, int index)
    {
        var last = text.LastIndexOfAny(['.', '!', '?', '\n'], Math.Max(0, index - 1));
        // A dot inside the address itself is not a sentence end; the recognizer's span starts after it anyway.
        return last < 0 ? 0 : last + 1;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return (start, end);
    }

    /// <summary>"my blog is", "my own website:", "my channel at" just before the address.</summary>
    [GeneratedRegex(@"\bmy\s+(?:own\s+|personal\s+|private\s+)?(?:blog|site|website|web\s+site|channel|page|account|profile|podcast|portfolio|vlog|store|shop)\b[^.!?]{0,20}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MySiteBefore();

    [GeneratedRegex(@"^(?:https?://)?(?:www\.)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemePrefix();
}
