using System.Text.RegularExpressions;
using PolicyBot.Understanding.Lexicons;
using PolicyBot.Understanding.Safety;

namespace PolicyBot.Understanding.Tests;

/// <summary>
/// The safety signals run only on a message holding a text every match of the cue holds (<see cref="RequiredText"/>).
/// The texts read from a pattern must be right for every construct, and skipping must lose nothing: on every text of
/// the corpus files and the staff questions, a cue that is skipped does not match.
/// </summary>
public class RequiredTextTests
{
    [Theory]
    [InlineData(@"\b(?:(?:she|he|they) (?:is|was) scared)\b", " scared")]
    [InlineData(@"\b(?:kill|kills|killed) (?:him|her)self\b", "self")]
    [InlineData(@"won'?t go", "t go")]
    [InlineData(@"(?:a|b)?cd", "cd")]
    [InlineData(@"(?:abc){2}x", "abc")]
    [InlineData(@"x(?:abc)+", "abc")]
    [InlineData(@"abc(?! def)\b", "abc")]
    [InlineData(@"(?<=my )abc", "abc")]
    [InlineData(@"[abc]def", "def")]
    [InlineData(@"[]x]yz", "yz")]
    [InlineData(@"[^\]]wxyz", "wxyz")]
    [InlineData(@"\.com|\$5", ".com|$5")]
    [InlineData(@"a{b", "a{b")]
    [InlineData(@"(?:\w+ ){0,2}guns?", "gun")]
    [InlineData(@"(?:bruis(?:e|es|ing)|welts?)", "bruis|welt")]
    [InlineData(@"(?>abc)d", "abc")]
    public void The_texts_every_match_holds(string pattern, string expected)
    {
        var texts = RequiredText.Of(new Regex(pattern, RegexOptions.CultureInvariant));
        Assert.NotNull(texts);
        Assert.Equal(expected.Split('|').Order(StringComparer.Ordinal), texts.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(@"(?:ab|)")]          // a branch that needs nothing
    [InlineData(@"(?:abc)?")]
    [InlineData(@"x{0,3}")]
    [InlineData(@"a*")]
    [InlineData(@"\b(?=abc)")]        // zero-width only
    [InlineData(@"[abc]\d+")]
    [InlineData(@"(?<name>abc)")]     // constructs not followed: the expression always runs
    [InlineData(@"(?i)abc")]
    [InlineData(@"(?i:abc)")]
    [InlineData(@"(abc)\1")]
    [InlineData(@"\p{L}abc")]
    [InlineData(@"\x41bc")]
    [InlineData(@"[a-z-[aeiou]]x")]
    [InlineData(@"(?#note)abc")]
    public void No_texts_where_a_match_may_hold_none_or_the_pattern_is_not_followed(string pattern)
    {
        Assert.Null(RequiredText.Of(new Regex(pattern, RegexOptions.CultureInvariant)));
    }

    [Fact]
    public void No_texts_when_case_is_ignored()
    {
        Assert.Null(RequiredText.Of(new Regex("abc", RegexOptions.IgnoreCase)));
        Assert.NotNull(RequiredText.Of(new Regex("abc", RegexOptions.CultureInvariant)));
    }

    [Theory]
    [InlineData(@"\b(?:Snap ?Chat|insta)\b", "snap|insta")]
    [InlineData(@"my (?:own )?(?:CELL|phone)", "cell|phone")]
    public void Lower_case_texts_when_case_is_ignored(string pattern, string expected)
    {
        var texts = RequiredText.AsciiLowerCaseOf(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled));
        Assert.NotNull(texts);
        Assert.Equal(expected.Split('|').Order(StringComparer.Ordinal), texts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_lower_case_texts_when_a_required_text_is_not_ascii()
    {
        // With case ignored the Kelvin sign matches 'k': an ASCII text may match a pattern whose literal is not ASCII.
        Assert.Null(RequiredText.AsciiLowerCaseOf(new Regex("\u212Aid", RegexOptions.IgnoreCase)));
        Assert.Null(RequiredText.AsciiLowerCaseOf(new Regex("caf\u00e9", RegexOptions.IgnoreCase)));
        Assert.Null(RequiredText.AsciiLowerCaseOf(new Regex("abc", RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)));
    }

    [Fact]
    public void A_skipped_lexicon_pattern_never_matches_a_corpus_text()
    {
        var patterns = CorpusMatches.Patterns;
        var texts = CorpusMatches.PatternTexts;
        Assert.True(texts.Count > 1500, $"only {texts.Count} texts");

        // Every match of every pattern on every text is known (CorpusMatches): each must be one the pattern's texts let run.
        var lost = texts.SelectMany(t => t.Matched.Where(k => !patterns[k].MayMatch(t.AsciiLower))
            .Select(k => $"line {patterns[k].Line}: /{patterns[k].Source}/ on '{t.Text}'")).ToList();
        var matched = texts.Sum(t => t.Matched.Count);
        // Counted with an index of the first sets (the scanner's own index, with the further sets, answers as each pattern's
        // own check does on every corpus text: RequiredTextSetsTests).
        var index = new RequiredTextIndex([.. patterns.Select(p => p.Required)]);
        var skipped = texts.Where(t => t.AsciiLower is not null).Sum(t => (long)index.MayMatch(t.AsciiLower).Count(may => !may));

        Assert.Empty(lost);
        Assert.True(matched > 200, $"only {matched} matches: the corpus no longer exercises the patterns");
        Assert.True(skipped > patterns.Count * (long)texts.Count * 3 / 4, $"only {skipped} of {patterns.Count * (long)texts.Count} runs skipped");
    }

    [Fact]
    public void A_skipped_cue_never_matches_a_corpus_text()
    {
        var (signals, cues, texts) = (CorpusMatches.Signals, CorpusMatches.Cues, CorpusMatches.CueTexts);
        Assert.True(texts.Count > 1500, $"only {texts.Count} texts");

        var lost = texts.SelectMany(t => t.Matched.Where(k => !cues[k].MayMatch(t.Text))
            .Select(k => $"{cues[k].Describe(signals.FileName)} on '{t.Text}'")).ToList();
        var matched = texts.Sum(t => t.Matched.Count);
        var index = new RequiredTextIndex([.. cues.Select(c => c.Required)]);
        var skipped = texts.Sum(t => (long)index.MayMatch(t.Text).Count(may => !may));

        Assert.Empty(lost);
        Assert.True(matched > 200, $"only {matched} matches: the corpus no longer exercises the cues");
        Assert.True(skipped > cues.Count * (long)texts.Count * 9 / 10, $"only {skipped} of {cues.Count * (long)texts.Count} runs skipped");
    }

    [Theory]
    [InlineData("x", "abc|x", "b", "true|false|false")]
    [InlineData("ab", "abc|b|ab", "zz", "true|false|true")]
    [InlineData("abab", "bab|c", "", "true|true|true")]
    public void The_index_finds_texts_anywhere_overlapping_or_one_character_long(string text, string first, string second, string expected)
    {
        // Three expressions: one needing one of the 'first' texts, one needing one of the 'second' texts (none known when
        // empty: it always runs), one needing "b".
        IReadOnlyCollection<string>? Texts(string joined) => joined.Length == 0 ? null : joined.Split('|');
        var index = new RequiredTextIndex([Texts(first), Texts(second), ["b"]]);
        var may = index.MayMatch(text);
        Assert.Equal(expected.Split('|').Select(bool.Parse), may);
    }

    [Fact]
    public void Nearly_every_cue_of_the_embedded_file_has_texts()
    {
        var signals = SafetySignalsLoader.Load(DangerDetector.EmbeddedFileName, CorpusMatches.EmbeddedSafetyYaml());
        var cues = signals.Categories.SelectMany(c => c.Cues).Concat(signals.Benign.SelectMany(b => b.Cues)).ToList();
        var without = cues.Where(c => RequiredText.Of(c.Regex) is null).Select(c => c.Describe(signals.FileName)).ToList();
        Assert.True(without.Count <= cues.Count / 20, "cues always run: " + string.Join("; ", without));
    }
}
