using System.Reflection;
using PolicyBot.Understanding.Lexicons;
using Xunit.Abstractions;

namespace PolicyBot.Understanding.Tests;

/// <summary>
/// The lexicon is data validated against its policy at start-up: one broken lexicon per error, each
/// starting from the real file, breaking one thing, and asserting the message names file, line and entry.
/// </summary>
public class LexiconTests(ITestOutputHelper output)
{
    private const string FileName = "broken.lexicon.yaml";
    private static readonly string Yaml = Embedded("stevensville.lexicon.yaml");

    private static string Embedded(string name)
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream("PolicyBot.Understanding.Lexicons." + name)!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static LexiconLoadException Broken(string yaml) =>
        Assert.Throws<LexiconLoadException>(() => Lexicon.Load(FileName, yaml, Stevensville.Policy));

    private static string Replace(string original, string replacement)
    {
        Assert.Contains(original, Yaml);   // the mutation must hit the real file
        return Yaml.Replace(original, replacement);
    }

    private static int LineOf(string yaml, string marker) =>
        yaml.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(marker)).i + 1;

    [Fact]
    public void The_embedded_lexicon_loads_for_its_policy()
    {
        var lexicon = Lexicon.LoadEmbedded(Stevensville.Policy);
        Assert.Equal("stevensville.lexicon.yaml", lexicon.FileName);
        Assert.Equal(Stevensville.Policy.Metadata.Id, lexicon.PolicyId);
        Assert.True(lexicon.CueCount > 300, $"only {lexicon.CueCount} cues");
    }

    [Fact]
    public void Unknown_fact()
    {
        var yaml = Replace("\n  medium:\n", "\n  channel:\n");
        var e = Broken(yaml);
        Assert.Equal(LineOf(yaml, "  channel:"), e.Line);
        Assert.Equal($"{FileName}, line {e.Line}: facts → channel: the policy has no fact 'channel' (facts: activity, relationship, medium, purpose, site-kind, time, access-reason, device, content, site, account-stage, account-use).", e.Message);
    }

    [Fact]
    public void Unknown_value()
    {
        var yaml = Replace("\n    text:\n", "\n    txt-message:\n");
        var e = Broken(yaml);
        Assert.Equal(LineOf(yaml, "txt-message:"), e.Line);
        Assert.Contains("facts → medium → txt-message: the policy has no value 'txt-message' for fact 'medium' (values: phone-number, text, school-email,", e.Message);
    }

    [Fact]
    public void Answer_words_are_single_words_of_known_values()
    {
        var phrase = Broken(Replace("    educational: [homework, assignment,", "    educational: [homework, an assignment,"));
        Assert.Contains("answer-words → purpose → educational: 'an assignment' is not one word (phrases belong under answers:).", phrase.Message);
        var value = Broken(Replace("    educational: [homework, assignment,", "    teaching: [homework, assignment,"));
        Assert.Contains("answer-words → purpose → teaching: the policy has no value 'teaching' for fact 'purpose'.", value.Message);
        Assert.Equal(LineOf(Replace("    educational: [homework, assignment,", "    teaching: [homework, assignment,"), "    teaching: [homework"), value.Line);
    }

    [Fact]
    public void Own_part_naming_an_unknown_fact_or_value()
    {
        var fact = Broken(Replace("own-part: { medium: [phone-number,", "own-part: { channel: [phone-number,"));
        Assert.Contains("activities → own-part: the policy has no fact 'channel'", fact.Message);
        var value = Broken(Replace("own-part: { medium: [phone-number,", "own-part: { medium: [phone-numbr,"));
        Assert.Contains("activities → own-part → medium", value.Message);
        Assert.Contains("phone-numbr", value.Message);
    }

    [Fact]
    public void Topic_setting_aside_a_neutral_group_the_file_does_not_have()
    {
        var yaml = Replace("    aside: [reporting-and-menus, gradebook-work]\n", "    aside: [reporting-and-menu, gradebook-work]\n");
        var e = Broken(yaml);
        Assert.Equal(LineOf(yaml, "aside: [reporting-and-menu, gradebook-work]"), e.Line);
        Assert.Contains("activities → topic → aside: 'reporting-and-menu' is no neutral group of this file", e.Message);
    }

    [Fact]
    public void Override_of_an_unknown_value()
    {
        var yaml = Replace("overrides: [school-email]", "overrides: [school-mail]");
        var e = Broken(yaml);
        Assert.Equal(LineOf(yaml, "overrides: [school-mail]"), e.Line);
        Assert.Contains("facts → medium → personal-email → overrides: 'school-mail' is not another value of fact 'medium'", e.Message);
    }

    [Fact]
    public void Pattern_that_does_not_compile()
    {
        var yaml = Replace("- '\\bprivately\\s+message\\b'", "- '\\bprivately\\s+(message\\b'");
        var e = Broken(yaml);
        Assert.Equal(LineOf(yaml, "privately\\s+(message"), e.Line);
        Assert.Contains("facts → medium → other-app → patterns: the pattern '\\bprivately\\s+(message\\b' is not a valid regular expression", e.Message);
    }

    [Fact]
    public void Pattern_using_an_undefined_shared_pattern()
    {
        var yaml = Replace("(?<=\\b(?&administration-asked-me-to)", "(?<=\\b(?&administration-asks)");
        var e = Broken(yaml);
        Assert.Equal(LineOf(yaml, "(?&administration-asks)"), e.Line);
        Assert.Contains("facts → account-stage → approved → patterns: the pattern uses '(?&administration-asks)', but shared-patterns defines no 'administration-asks' before it (defined: same-workplace, working-student, staff-role, says-nothing-of-me, names-no-parent, site-or-message-word, school-group, reply-words, account-owning-group, private-teaching, paid-outside-district, students-hurt-or-out, administration-asked-me-to, outside-agency, family-outing, sleepover, their-friends, showing-a-class-a-site, reading-own-mail, handle-as-a-verb, students-named-on-photos).", e.Message);
    }

    [Fact]
    public void Shared_pattern_that_does_not_compile_or_is_badly_named()
    {
        var bad = Broken(Replace("  showing-a-class-a-site: '\\b(?:show|", "  showing-a-class-a-site: '\\b((?:show|"));
        Assert.Contains("shared-patterns → showing-a-class-a-site: '\\b((?:show|", bad.Message);
        Assert.Contains("is not a valid regular expression", bad.Message);
        var name = Broken(Replace("  showing-a-class-a-site: '", "  Showing_A_Site: '"));
        Assert.Contains("shared-patterns → Showing_A_Site: a name is lower-case letters, digits and hyphens, starting with a letter.", name.Message);
    }

    [Fact]
    public void A_shared_pattern_is_one_expression_for_every_cue_that_uses_it()
    {
        // The site's cue and the lesson's cue read the same words, so both claims stand ("showing a class a site").
        var reading = Stevensville.Reader.Read("Can I show my class a YouTube video during the school day?");
        Assert.Equal("social-networking", reading.Facts["site-kind"]);
        Assert.Equal("teaching", reading.Facts["access-reason"]);
    }

    [Fact]
    public void Unknown_key_in_an_entry()
    {
        var yaml = Replace("      overrides: [school-email]\n", "      overides: [school-email]\n");
        var e = Broken(yaml);
        Assert.Equal(LineOf(yaml, "overides:"), e.Line);
        Assert.Contains("facts → medium → personal-email: unknown key 'overides' (known: phrases, patterns, weak-phrases, weak-patterns, overrides).", e.Message);
    }

    [Fact]
    public void Lexicon_for_another_policy()
    {
        var yaml = Replace("policy: stevensville-electronic-resources", "policy: butte-social-media");
        var e = Broken(yaml);
        Assert.Equal(LineOf(yaml, "policy: butte"), e.Line);
        Assert.Contains("the lexicon is for policy 'butte-social-media', not 'stevensville-electronic-resources'.", e.Message);
    }

    [Fact]
    public void Precedence_must_name_every_activity()
    {
        var yaml = Replace("precedence: [school-account, contact, posting, personal-use, other]", "precedence: [school-account, contact, posting, personal-use]");
        var e = Broken(yaml);
        Assert.Contains("activities → precedence: must list every value of 'activity'; missing other.", e.Message);
    }

    [Fact]
    public void Combination_must_name_values_of_its_fact()
    {
        var yaml = Replace("gives: mixed", "gives: blended");
        var e = Broken(yaml);
        Assert.Equal(LineOf(yaml, "gives: blended"), e.Line);
        Assert.Contains("combine → gives: 'blended' is not a value of fact 'purpose'", e.Message);
    }

    [Fact]
    public void Recognizer_target_must_be_a_value_of_the_policy()
    {
        var yaml = Replace("phone-number: { fact: medium, value: phone-number }", "phone-number: { fact: medium, value: phone }");
        var e = Broken(yaml);
        Assert.Equal(LineOf(yaml, "value: phone }"), e.Line);
        Assert.Contains("recognizers → phone-number: 'phone' is not a value of fact 'medium'", e.Message);
    }

    [Fact]
    public void Unknown_recognizer_kind()
    {
        var yaml = Replace("  own-url: {", "  homepage: {");
        var e = Broken(yaml);
        Assert.Contains("recognizers: unknown key 'homepage' (known: phone-number, school-email, other-email, own-url, school-hours, outside-school-hours).", e.Message);
    }

    [Fact]
    public void Not_yaml()
    {
        var e = Broken("facts: [unclosed");
        Assert.StartsWith($"{FileName}, line ", e.Message);
        Assert.Contains("not a valid lexicon file", e.Message);
    }

    /// <summary>
    /// The real-words list is complete: no English word would be "corrected" to a phrase. The words are
    /// Debian's word list (package wamerican 2020.12.07-2, /usr/share/dict/american-english), lower-cased,
    /// ASCII letters only, at least 3 letters (shorter words are never corrected), committed as
    /// Data/american-english.words.gz so the check runs on every machine and never passes for want of a list.
    /// </summary>
    [Fact]
    public void No_dictionary_word_is_read_as_a_typo()
    {
        var scanner = Stevensville.Reader.Scanner;
        var realWords = Stevensville.Reader.Lexicon.Fuzzy.RealWords;
        var dictionary = DictionaryWords();
        Assert.True(dictionary.Count > 50_000, $"the word list has only {dictionary.Count} words");
        var missing = dictionary
            .Where(w => !realWords.Contains(w) && scanner.TypoOf(w) is not null)
            .Order(StringComparer.Ordinal)
            .ToList();
        output.WriteLine($"missing from fuzzy.real-words ({missing.Count}): [{string.Join(", ", missing)}]");
        Assert.Empty(missing);
    }

    private static List<string> DictionaryWords()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "american-english.words.gz");
        using var file = File.OpenRead(path);
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }
        return words;
    }
}
