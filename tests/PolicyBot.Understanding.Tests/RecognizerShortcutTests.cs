namespace PolicyBot.Understanding.Tests;

/// <summary>
/// The recognizers run only on texts that hold what their findings are made of (digits, '@', a dot, a time word), which
/// is most of the CPU a turn saves. The shortcut must lose nothing: every text of every corpus file (but the held-out
/// ones) and of the staff questions that the bot reads (<see cref="CorpusFiles.EveryText"/>: questions, messages, paraphrases,
/// typed answers and fact lines) reads the same with every
/// recognizer forced to run.
/// What the date-time model finds depends on the day ("tomorrow", "the day" on a Saturday is the weekend), so both are
/// read at fixed times: a school-day morning, a Saturday evening and a Sunday noon.
/// </summary>
public class RecognizerShortcutTests
{
    private static readonly DateTimeOffset[] Times =
    [
        new(2026, 12, 2, 9, 30, 0, TimeSpan.Zero),    // Wednesday
        new(2026, 12, 5, 20, 0, 0, TimeSpan.Zero),    // Saturday
        new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero),    // Sunday
    ];

    private static readonly (SituationReader Fast, SituationReader Full)[] Readers = [.. Times.Select(t => (Reader(t, false), Reader(t, true)))];

    private static SituationReader Reader(DateTimeOffset now, bool always) => new(Stevensville.Policy, new SituationReaderOptions
    {
        SchoolEmailDomains = [Stevensville.SchoolDomain],
        Clock = new FixedClock(now),
        AlwaysRunRecognizers = always,
    });

    /// <summary>
    /// One case per source of texts: the sentences written here, then each corpus file and the staff questions (by file
    /// name). A case per file, not per text: the texts number over 20,000, and as many test cases cost the suite minutes of
    /// its own; a failure names every text that reads differently.
    /// </summary>
    public static TheoryData<string> Sources()
    {
        var data = new TheoryData<string>();
        foreach (var source in TextsBySource.Value.Keys)
        {
            data.Add(source);
        }
        return data;
    }

    private const string Written = "(the sentences written in this file)";

    /// <summary>Numbers the date-time model reads as a time or a date (each must open the shortcut).</summary>
    private static readonly string[] TimesBesideNumbers =
    [
        "can I text her at 8", "can I text her after 3:00", "I text them at 3:30", "can I call at 8pm", "for the 5th, can I text her",
        "can I text her on the 12th", "can I text her on Sat", "can I text her on 12/5", "can I text her Dec 5", "can I text her on May 9",
        "can I text her on the 5th of May", "can I text her on 2026-12-05", "can I text her at eight thirty", "can I text her at half past eight",
        "can I text her at one", "can I text her around 8", "can I text her 8 sharp", "can I text her at 8ish",
        "can I text her 8h30",
        "can I text her a year ago", "can I text her in 3 days", "can I text her 2 weeks from now", "can I text her at eighteen ten",
        "can I text her 8 in the morning", "can I text her at 9 on Saturday", "can I text her at 7.45", "can I text her at 8 a.m.",
    ];

    /// <summary>Numbers that are no time (the shortcut must skip the model for them, or it saves nothing).</summary>
    private static readonly string[] NumbersThatAreNoTime =
    [
        "can I friend a 7th grader?", "can I text my 5th period class?", "I gave 160 students my number", "he turned 18, can I accept his request?",
        "one of my students asked", "should they text me when they are absent or late?", "after a suicide in her family, can I message her?",
        "I have about 250 student friends", "can I text a 10th grader?", "before an overnight trip can I collect numbers?",
        "holiday greetings and vacation photos",
    ];

    /// <summary>
    /// Each source's texts, trimmed, in the order of the sources, without those an earlier source holds ("my cell", "text"
    /// are in most files): every file read once per run.
    /// </summary>
    private static readonly Lazy<Dictionary<string, List<string>>> TextsBySource = new(() =>
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string source, IEnumerable<string> texts) => map[source] = texts.Select(t => t.Trim()).Where(t => t.Length > 0 && seen.Add(t)).ToList();
        Add(Written, [
            "can I text her at 9pm on a school night?", "I call students at ten thirty during class", "Saturday morning practice texts",
            "email me at coach.smith@gmail.com", "my number is 406-555-0142", "my blog is www.mrsmithteaches.com", "tonight after the game",
            .. TimesBesideNumbers, .. NumbersThatAreNoTime,
        ]);
        foreach (var file in CorpusFiles.Sources())
        {
            Add(Path.GetFileName(file), CorpusFiles.TextsOf(file));
        }
        return map;
    });

    [Fact]
    public void The_shortcut_opens_for_every_time_beside_a_number_and_stays_shut_for_numbers_that_are_no_time()
    {
        var reference = Times[0].DateTime;
        Assert.All(TimesBesideNumbers, text =>
        {
            Assert.True(Scanning.TextRecognizers.Shared.DateTimes(text, reference).Any(), $"the model finds no time in \"{text}\"");
            Assert.True(Scanning.Scanner.MayHoldATime(text), $"the shortcut skips \"{text}\"");
        });
        Assert.All(NumbersThatAreNoTime, text => Assert.False(Scanning.Scanner.MayHoldATime(text), $"the shortcut runs the model on \"{text}\""));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Every_text_reads_the_same_with_every_recognizer_forced_to_run(string source)
    {
        // Only the texts the shortcut skips the date-time model for can read differently: where it opens, both readers run
        // the same code (the shortcut is the only difference the option makes, Scanner.FindRecognized); the opening itself
        // is tested above. Asked of the text as the scanner sees it, normalized, so no text the shortcut skips is left out.
        // And of those, only where the model finds something: with no finding the forced run adds no claim. Most skipped
        // texts find nothing, so they cost one run of the model, not six readings (as the two tests below).
        // The reader serves concurrent turns in the bot; reading the texts in parallel keeps this case to the cores.
        var differ = new System.Collections.Concurrent.ConcurrentBag<string>();
        var skipped = TextsBySource.Value[source].Where(t => !Scanning.Scanner.MayHoldATime(Scanning.Words.Normalize(t))).ToList();
        Assert.True(skipped.Count > 0, $"the shortcut opens for every text of {source}: nothing to compare");
        var reference = Times[0].DateTime;
        Parallel.ForEach(skipped, text =>
        {
            // In the parallel body, not a filter before it: the enumeration of a Parallel.ForEach source is serialized.
            if (!Scanning.TextRecognizers.Shared.DateTimes(Scanning.Words.Normalize(text), reference).Any())
            {
                return;
            }
            foreach (var (fast, full) in Readers)
            {
                var (withShortcut, forced) = (fast.Read(text).Explain(), full.Read(text).Explain());
                if (withShortcut != forced)
                {
                    differ.Add($"\"{text}\"\n  with the shortcut: {withShortcut}\n  every recognizer: {forced}");
                    break;
                }
            }
        });
        Assert.True(differ.Count == 0, $"{differ.Count} text(s) of {source} read differently:\n{string.Join("\n", differ.Order(StringComparer.Ordinal))}");
    }

    /// <summary>
    /// Beyond the corpus: each word of the date-time model's own English definitions (Microsoft.Recognizers.Definitions),
    /// in a few short sentences ("can I text her the day", "… at brunch", "… tmrw about it"). Wherever the model finds
    /// anything, the sentence reads the same with and without the shortcut.
    /// </summary>
    [Fact]
    public void Every_word_of_the_date_time_models_vocabulary_reads_the_same_with_every_recognizer_forced_to_run()
    {
        var words = DefinitionWords();
        Assert.True(words.Count > 300, $"only {words.Count} words read from the definitions");

        var reference = Times[0].DateTime;
        var lost = new List<string>();
        foreach (var word in words)
        {
            foreach (var text in new[] { $"can I text her {word} about it", $"can I text her the {word}", $"can I text her this {word}", $"can I text her next {word}", $"can I text her at {word}", $"can I text her in a {word}" })
            {
                // Only where the model finds something can the shortcut lose anything.
                if (Scanning.TextRecognizers.Shared.DateTimes(text, reference).Any()
                    && Readers.Any(r => r.Full.Read(text).Explain() != r.Fast.Read(text).Explain()))
                {
                    lost.Add(text);
                }
            }
        }
        Assert.Empty(lost);
    }

    /// <summary>Every word of the date-time model's own English definitions (Microsoft.Recognizers.Definitions).</summary>
    private static SortedSet<string> DefinitionWords()
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var field in typeof(Microsoft.Recognizers.Definitions.English.DateTimeDefinitions).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        {
            var value = field.GetValue(null);
            IEnumerable<object?> parts = value switch
            {
                string text => [text],
                System.Collections.IDictionary map => map.Keys.Cast<object?>(),
                System.Collections.IEnumerable items => items.Cast<object?>(),
                _ => [],
            };
            foreach (var part in parts)
            {
                words.UnionWith(System.Text.RegularExpressions.Regex.Matches(part?.ToString()?.ToLowerInvariant() ?? "", "[a-z]{2,}(?:'[a-z]+)?").Select(m => m.Value));
            }
        }
        return words;
    }

    /// <summary>
    /// Where the shortcut skips the model, nothing is lost: numbers (digits, ordinals, words) beside each word of the
    /// model's definitions ("at 8", "8 sharp", "on the 7th.", "eight thirty", "8 to 9"), and the words the shortcut no
    /// longer counts on their own ("after", "late", "one", "half", "holiday" …) beside each of them. Only texts the
    /// shortcut skips and in which the model finds something are read twice.
    /// </summary>
    [Fact]
    public void Numbers_and_qualifying_words_beside_every_word_of_the_date_time_models_vocabulary_read_the_same_with_every_recognizer_forced_to_run()
    {
        var words = DefinitionWords();
        var texts = new List<string>();
        foreach (var word in words)
        {
            foreach (var number in new[] { "8", "18", "7th", "eight", "one", "thirteen" })
            {
                texts.AddRange([$"can I text her {word} {number} about it", $"can I text her {number} {word} about it", $"can I text her {word} the {number}.",
                    $"can I text her at {word} {number}", $"can I text her {number} {word} 9", $"can I text her {number} {word} ten"]);
            }
            foreach (var qualifier in new[] { "after", "before", "until", "till", "during", "late", "early", "half", "quarter", "holiday", "vacation" })
            {
                texts.AddRange([$"can I text her {word} {qualifier} about it", $"can I text her {qualifier} {word} about it", $"can I text her a {qualifier} {word}"]);
            }
        }

        var reference = Times[0].DateTime;
        var lost = texts.Where(text => !Scanning.Scanner.MayHoldATime(text)
                && Scanning.TextRecognizers.Shared.DateTimes(text, reference).Any()
                && Readers.Any(r => r.Full.Read(text).Explain() != r.Fast.Read(text).Explain()))
            .ToList();
        Assert.Empty(lost);
    }
}
