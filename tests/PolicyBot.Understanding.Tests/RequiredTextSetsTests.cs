using System.Text.RegularExpressions;
using PolicyBot.Understanding.Lexicons;
using PolicyBot.Understanding.Safety;

namespace PolicyBot.Understanding.Tests;

/// <summary>
/// A lexicon pattern or safety cue runs only on a message holding a text of <em>each</em> part of it that needs one
/// (<see cref="RequiredText.AllOf"/>: "join"/"joining" and "students"/"kids"), not only of its most selective part. The
/// sets read from a pattern must be right, and skipping must lose nothing: on every text of the corpus files (the held-out
/// ones left out) and the staff questions, a pattern or cue skipped for a further set does not match, and the scanner's
/// and detector's index answers as each one's own check does.
/// </summary>
public class RequiredTextSetsTests
{
    [Theory]
    [InlineData(@"\b(?:join|joining)\s+(?:the\s+)?(?:students?|kids)\b", "join|joining;student|kids")]
    [InlineData(@"my (?:son|daughter) (?:is|was) scared", "my ;son|daughter; ;is|was; scared")]
    [InlineData(@"(?<=my )abc(?:de)?f", "abc;f")]
    [InlineData(@"x(?:abc)+(?:yz){0,2}", "x;abc")]
    [InlineData(@"(?:a|b)c", "a|b;c")]
    [InlineData(@"\b(?:my (?:son|daughter) is scared)\b", "my ;son|daughter; is scared")]
    [InlineData(@"(?:ab(?:cd|ef)|gh)ij", "ab|gh;ij")]
    public void Every_part_that_needs_text_gives_a_set(string pattern, string expected)
    {
        var sets = RequiredText.AllOf(new Regex(pattern, RegexOptions.CultureInvariant));
        Assert.Equal(
            expected.Split(';').Select(s => string.Join("|", s.Split('|').Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal),
            sets.Select(s => string.Join("|", s.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
        // The single set of RequiredText.Of is one of them.
        var best = RequiredText.Of(new Regex(pattern, RegexOptions.CultureInvariant));
        Assert.NotNull(best);
        Assert.Contains(sets, s => s.Count == best.Count && s.All(best.Contains));
    }

    [Theory]
    [InlineData(@"abc|def")]            // each branch needs its own text, neither is needed by every match
    [InlineData(@"(?<name>abc)")]       // not followed
    [InlineData(@"(?:abc)?")]
    public void No_sets_where_nothing_is_known_to_be_needed(string pattern)
    {
        Assert.Empty(RequiredText.AllOf(new Regex(pattern, RegexOptions.CultureInvariant)));
    }

    [Fact]
    public void Ignoring_case_the_sets_are_lower_case_and_ascii_only()
    {
        var sets = RequiredText.AllAsciiLowerCaseOf(new Regex("\\bJoin\\s+(?:caf\u00e9|Club)\\s+Teams\\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
        Assert.Equal(["join", "teams"], sets.Select(s => string.Join("|", s)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(@"(?-i:\bTeams\b)", "teams")]
    [InlineData(@"\bgroup (?-i:Remind)(?!\s+me)", "group |remind")]
    public void A_case_sensitive_group_needs_its_text_when_case_is_ignored(string pattern, string expected)
    {
        var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        Assert.Equal(expected.Split('|').Order(StringComparer.Ordinal),
            RequiredText.AllAsciiLowerCaseOf(regex).Select(s => string.Join("|", s)).Order(StringComparer.Ordinal));
        Assert.NotNull(RequiredText.AsciiLowerCaseOf(regex));
        Assert.NotNull(RequiredText.Of(new Regex(pattern, RegexOptions.CultureInvariant)));
    }

    [Fact]
    public void The_index_with_further_sets_needs_one_text_of_each()
    {
        var index = new RequiredTextIndex([["ab"], null, ["x"]], [[["cd", "ef"]], [["zz"]], []]);
        Assert.Equal([true, true, true], index.MayMatch("ab ef zz x"));
        Assert.Equal([false, false, true], index.MayMatch("ab x"));
        Assert.Equal([false, true, false], index.MayMatch("cd zz"));
    }

    [Fact]
    public void A_pattern_skipped_for_a_further_set_never_matches_a_corpus_text()
    {
        var patterns = CorpusMatches.Patterns;
        var texts = CorpusMatches.PatternTexts;
        Assert.True(texts.Count > 1000, $"only {texts.Count} texts");

        // Every match of every pattern on every text is known (CorpusMatches): each must be one the further sets let run.
        var lost = texts.SelectMany(t => t.Matched.Where(k => !patterns[k].MayMatchAll(t.AsciiLower))
            .Select(k => $"line {patterns[k].Line}: /{patterns[k].Source}/ on '{t.Text}'")).ToList();
        // Counted with the scanner's indexes (answering as each pattern's own checks do: the last test of this class).
        var (first, all) = (new RequiredTextIndex([.. patterns.Select(p => p.Required)]), new RequiredTextIndex([.. patterns.Select(p => p.Required)], [.. patterns.Select(p => p.AlsoRequired)]));
        var skipped = texts.Where(t => t.AsciiLower is not null).Sum(t => first.MayMatch(t.AsciiLower).Count(may => may) - all.MayMatch(t.AsciiLower).Count(may => may));

        Assert.Empty(lost);
        Assert.True(skipped > texts.Count, $"only {skipped} runs skipped for a further set: the sets no longer rule anything out");
    }

    [Fact]
    public void A_cue_skipped_for_a_further_set_never_matches_a_corpus_text()
    {
        var (signals, cues, texts) = (CorpusMatches.Signals, CorpusMatches.Cues, CorpusMatches.CueTexts);

        var lost = texts.SelectMany(t => t.Matched.Where(k => !cues[k].MayMatchAll(t.Text))
            .Select(k => $"{cues[k].Describe(signals.FileName)} on '{t.Text}'")).ToList();
        var (first, all) = (new RequiredTextIndex([.. cues.Select(c => c.Required)]), new RequiredTextIndex([.. cues.Select(c => c.Required)], [.. cues.Select(c => c.AlsoRequired)]));
        var skipped = texts.Sum(t => first.MayMatch(t.Text).Count(may => may) - all.MayMatch(t.Text).Count(may => may));

        Assert.Empty(lost);
        Assert.True(skipped > texts.Count, $"only {skipped} runs skipped for a further set: the sets no longer rule anything out");
    }

    [Fact]
    public void The_index_answers_as_each_cue_and_pattern_does_with_its_further_sets()
    {
        var signals = SafetySignalsLoader.Load(DangerDetector.EmbeddedFileName, CorpusMatches.EmbeddedSafetyYaml());
        var cues = signals.Benign.SelectMany(b => b.Cues).Concat(signals.Categories.SelectMany(c => c.Cues)).ToList();
        var cueIndex = new RequiredTextIndex([.. cues.Select(c => c.Required)], [.. cues.Select(c => c.AlsoRequired)]);
        var patterns = Lexicon.LoadEmbedded(Stevensville.Policy).Entries.SelectMany(e => e.Patterns).ToList();
        var patternIndex = new RequiredTextIndex([.. patterns.Select(p => p.Required)], [.. patterns.Select(p => p.AlsoRequired)]);

        var differ = new List<string>();
        foreach (var text in CorpusFiles.EveryText().Where(t => t.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var normalized = DangerDetector.Normalize(text);
            var may = cueIndex.MayMatch(normalized);
            differ.AddRange(cues.Where((c, k) => may[k] != c.MayMatchAll(normalized)).Select(c => $"{c.Describe(signals.FileName)} on '{normalized}'"));
            var lower = PolicyBot.Understanding.Scanning.Words.Normalize(text).ToLowerInvariant();
            if (System.Text.Ascii.IsValid(lower))
            {
                may = patternIndex.MayMatch(lower);
                differ.AddRange(patterns.Where((p, k) => may[k] != p.MayMatchAll(lower)).Select(p => $"line {p.Line}: /{p.Source}/ on '{lower}'"));
            }
        }
        Assert.Empty(differ);
    }
}
