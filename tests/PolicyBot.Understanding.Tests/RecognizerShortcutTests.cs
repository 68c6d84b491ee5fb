namespace PolicyBot.Understanding.Tests;

/// <summary>
/// The recognizers run only on texts that hold what their findings are made of (digits, '@', a dot, a time word), which
/// is most of the CPU a turn saves. The shortcut must lose nothing: every text of every corpus file and of the staff
/// questions (each field, and each "key: line" of the fact columns) reads the same with every recognizer forced to run.
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

    public static TheoryData<string> Texts()
    {
        var texts = new List<string>
        {
            "can I text her at 9pm on a school night?", "I call students at ten thirty during class", "Saturday morning practice texts",
            "email me at coach.smith@gmail.com", "my number is 406-555-0142", "my blog is www.mrsmithteaches.com", "tonight after the game",
        };
        var files = Directory.GetFiles(CorpusFiles.Folder, "*.tsv").Append(Path.Combine(AppContext.BaseDirectory, "Data", "staff-questions.tsv"));
        foreach (var field in files.SelectMany(f => File.ReadAllLines(f).Skip(1)).SelectMany(l => l.Split('\t')))
        {
            texts.Add(field);
            texts.AddRange(field.Split(" | ").Where(p => p.Contains(": ", StringComparison.Ordinal)).Select(p => p[(p.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
        }
        var data = new TheoryData<string>();
        foreach (var text in texts.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal))
        {
            data.Add(text);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_text_reads_the_same_with_every_recognizer_forced_to_run(string text)
    {
        foreach (var (fast, full) in Readers)
        {
            Assert.Equal(full.Read(text).Explain(), fast.Read(text).Explain());
        }
    }

    /// <summary>
    /// Beyond the corpus: each word of the date-time model's own English definitions (Microsoft.Recognizers.Definitions),
    /// in a few short sentences ("can I text her the day", "… at brunch", "… tmrw about it"). Wherever the model finds
    /// anything, the sentence reads the same with and without the shortcut.
    /// </summary>
    [Fact]
    public void Every_word_of_the_date_time_models_vocabulary_reads_the_same_with_every_recognizer_forced_to_run()
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

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
