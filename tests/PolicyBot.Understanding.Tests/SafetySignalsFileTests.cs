using PolicyBot.Understanding.Lexicons;
using PolicyBot.Understanding.Safety;

namespace PolicyBot.Understanding.Tests;

/// <summary>
/// The safety signals are data validated at load: each broken file starts from the real one, breaks one thing, and
/// the error names the file, the line and the entry (the lexicon's error type).
/// </summary>
public class SafetySignalsFileTests
{
    private const string FileName = "broken.safety-signals.yaml";
    private static readonly string Yaml = Embedded();

    private static string Embedded()
    {
        using var stream = typeof(DangerDetector).Assembly.GetManifestResourceStream("PolicyBot.Understanding.Safety." + DangerDetector.EmbeddedFileName)!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static LexiconLoadException Broken(string original, string replacement)
    {
        Assert.Contains(original, Yaml);   // the mutation must hit the real file
        return Assert.Throws<LexiconLoadException>(() => DangerDetector.Load(FileName, Yaml.Replace(original, replacement)));
    }

    private static int LineOf(string marker) => Yaml.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(marker)).i + 1;

    [Fact]
    public void The_embedded_file_loads_with_its_categories()
    {
        var detector = DangerDetector.LoadEmbedded();
        Assert.Equal("safety-signals.yaml", detector.FileName);
        Assert.Equal(["suicide", "abuse", "neglect", "violence", "missing", "medical", "exploitation", "danger"], detector.Categories);
        Assert.True(detector.CueCount > 250, $"only {detector.CueCount} cues");
    }

    [Fact]
    public void A_pattern_that_does_not_compile()
    {
        var e = Broken("      - kidnap(?:ped|ping|s)?\n", "      - kidnap(?:ped|ping|s?\n");
        Assert.Equal(LineOf("kidnap(?:ped"), e.Line);
        Assert.StartsWith($"{FileName}, line {e.Line}: signals → danger → patterns → 'kidnap(?:ped|ping|s?': not a valid regular expression", e.Message);
    }

    [Fact]
    public void An_undefined_word()
    {
        var e = Broken("(?:she|he|they|{kid}|someone|somebody)", "(?:she|he|they|{kids}|someone|somebody)");
        Assert.Contains("signals → medical → patterns: '{kids}' is not defined under words (defined: self, self3, obj, subj, poss, kid, adult, pills, weapon, weekday).", e.Message);
        Assert.True(e.Line > 0);
    }

    [Fact]
    public void A_pattern_that_matches_empty_text()
    {
        var e = Broken("      - kidnap(?:ped|ping|s)?\n", "      - (?:kidnap)?\n");
        Assert.Equal($"{FileName}, line {LineOf("kidnap(?:ped")}: signals → danger → patterns → '(?:kidnap)?': matches empty text.", e.Message);
    }

    [Fact]
    public void A_pattern_in_upper_case()
    {
        var e = Broken("      - kidnap(?:ped|ping|s)?\n", "      - Kidnap(?:ped|ping|s)?\n");
        Assert.Contains("has upper-case letters; messages are matched in lower case", e.Message);
    }

    [Fact]
    public void A_group_starting_with_a_space_is_explained()
    {
        var e = Broken("      - kidnap(?:ped|ping|s)?\n", "      - kidnap(?: ped)?\n");
        Assert.Contains("found a mapping: a pattern with ': ' in it", e.Message);
        Assert.Equal(LineOf("kidnap(?:ped"), e.Line);
    }

    [Fact]
    public void An_unknown_key()
    {
        var e = Broken("    label: neglect\n", "    label: neglect\n    weak-patterns: [x]\n");
        Assert.Equal($"{FileName}, line {LineOf("label: neglect") + 1}: signals → neglect: unknown key 'weak-patterns' (known: label, phrases, patterns).", e.Message);
    }

    [Fact]
    public void A_category_without_a_label()
    {
        var e = Broken("    label: neglect\n", "");
        Assert.Contains("signals → neglect: 'label' is missing.", e.Message);
    }

    [Fact]
    public void A_negation_cue_that_is_not_one_word()
    {
        var e = Broken("  cues: [not, no, never,", "  cues: [not, no way, never,");
        Assert.Equal($"{FileName}, line {LineOf("  cues: [not, no, never,")}: negation → cues: 'no way' is not a single word.", e.Message);
    }

    [Fact]
    public void Not_yaml_at_all()
    {
        var e = Assert.Throws<LexiconLoadException>(() => DangerDetector.Load(FileName, "signals: [unclosed"));
        Assert.StartsWith($"{FileName}, line ", e.Message);
        Assert.Contains(": not a valid safety signals file: ", e.Message);
        Assert.Throws<LexiconLoadException>(() => DangerDetector.LoadFile("/no/such/safety-signals.yaml"));
    }
}
