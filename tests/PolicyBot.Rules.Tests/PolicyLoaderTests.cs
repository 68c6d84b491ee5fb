using PolicyBot.Rules.Loading;

namespace PolicyBot.Rules.Tests;

/// <summary>
/// One broken policy file per loader error: each starts from the real Stevensville file, breaks
/// one thing, and asserts the message names the file, the line and the problem.
/// </summary>
public class PolicyLoaderTests
{
    private const string FileName = "broken.policy.yaml";
    private static readonly string Yaml = Embedded(PolicyLoader.StevensvilleResource);
    private static readonly string Source = Embedded("stevensville-electronic-resources-and-social-networking.txt");

    private static string Embedded(string name)
    {
        using var stream = typeof(PolicyLoader).Assembly.GetManifestResourceStream("PolicyBot.Rules.Policies." + name)!;
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Loads <paramref name="yaml"/> and returns the error it must raise.</summary>
    private static PolicyLoadException Broken(string yaml) =>
        Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(FileName, yaml, name => name.EndsWith(".txt") ? Source : null));

    private static string Replace(string original, string replacement)
    {
        Assert.Contains(original, Yaml);   // the mutation must hit the real file
        return Yaml.Replace(original, replacement);
    }

    /// <summary>1-based line of the first line of <paramref name="yaml"/> containing <paramref name="marker"/>.</summary>
    private static int LineOf(string yaml, string marker) =>
        yaml.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(marker)).i + 1;

    [Fact]
    public void The_real_policy_loads()
    {
        var policy = PolicyLoader.Load(FileName, Yaml, _ => Source);
        Assert.Equal("Electronic Resources and Social Networking", policy.Metadata.Title);
        Assert.Equal(new DateOnly(2019, 5, 9), policy.Metadata.Revised);
    }

    [Fact]
    public void Unknown_fact()
    {
        var yaml = Replace("when: { activity: other }", "when: { activity: other, mood: happy }");
        var e = Broken(yaml);
        Assert.Equal($"{FileName}, line {LineOf(yaml, "id: something-else")}: rule 'something-else' names unknown fact 'mood' (known facts: activity, relationship, medium, purpose, site-kind, time, access-reason, device, content, site, account-stage, account-use).", e.Message);
    }

    [Fact]
    public void Unknown_value()
    {
        var yaml = Replace("when: { activity: other }", "when: { activity: gossip }");
        var e = Broken(yaml);
        Assert.Equal(LineOf(yaml, "id: something-else"), e.Line);
        Assert.Contains("rule 'something-else' names unknown value 'gossip' of fact 'activity' (values: contact, personal-use, posting, school-account, other).", e.Message);
    }

    [Fact]
    public void Unknown_value_in_an_implication()
    {
        var yaml = Replace("implies: { activity: posting }", "implies: { activity: blogging }");
        var e = Broken(yaml);
        Assert.Contains("fact 'content' implies unknown value 'blogging' of fact 'activity'", e.Message);
        Assert.Equal(LineOf(yaml, "- id: content"), e.Line);
    }

    [Fact]
    public void Clause_quote_not_verbatim()
    {
        var yaml = Replace("\"Text messaging students for non-educational purposes;\"", "\"Text messaging students for personal purposes;\"");
        var e = Broken(yaml);
        Assert.Equal(LineOf(yaml, "id: \"2\""), e.Line);
        Assert.StartsWith($"{FileName}, line {e.Line}: clause '2' text does not occur verbatim in 'stevensville-electronic-resources-and-social-networking.txt': it matches up to \"…Text messaging students for \" and differs from there on", e.Message);
    }

    [Fact]
    public void Rule_cites_unknown_clause()
    {
        var yaml = Replace("clauses: [G]\n    answer: The policy does not speak to this directly.", "clauses: [G, \"13\"]\n    answer: The policy does not speak to this directly.");
        var e = Broken(yaml);
        Assert.Equal(LineOf(yaml, "id: something-else"), e.Line);
        Assert.Contains("rule 'something-else' cites unknown clause '13' (clauses: G, X, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12).", e.Message);
    }

    [Fact]
    public void Two_rules_give_different_verdicts_for_the_same_facts()
    {
        var yaml = Replace("medium: text, purpose: emergency }", "medium: text, purpose: [emergency, personal] }");
        var e = Broken(yaml);
        Assert.Equal(LineOf(yaml, "id: text-personal"), e.Line);
        Assert.Contains($"rules 'text-urgent-notice' (line {LineOf(yaml, "id: text-urgent-notice")}) and 'text-personal' give different verdicts (allowed, forbidden) for the same facts: activity=contact, relationship=student, medium=text, purpose=personal.", e.Message);
    }

    [Fact]
    public void Fact_no_rule_uses()
    {
        const string weather = "\n  - id: weather\n    question: What is the weather like?\n    values:\n      - { id: sunny, label: Sunny }\n      - { id: rainy, label: Rainy }\n\nrules:\n";
        var yaml = Replace("\nrules:\n", weather);
        var e = Broken(yaml);
        Assert.Equal(LineOf(yaml, "- id: weather"), e.Line);
        Assert.Contains("fact 'weather' is used by no rule", e.Message);
    }

    [Fact]
    public void Combination_no_rule_decides()
    {
        var start = Yaml.IndexOf("  - id: something-else", StringComparison.Ordinal);
        Assert.True(start > 0);
        var e = Broken(Yaml[..start]);
        Assert.Equal($"{FileName}: no rule decides the situation activity=other.", e.Message);
    }

    [Fact]
    public void Condition_split_by_an_unquoted_comma()
    {
        var yaml = Replace("conditions:\n      - \"Keep the contact about family life.\"\n      - \"Keep school matters on school channels.\"",
            "conditions: [Keep the contact about family life, and school matters on school channels.]");
        var e = Broken(yaml);
        Assert.Equal(LineOf(yaml, "  - id: distant-relative"), e.Line);
        Assert.Contains("rule 'distant-relative' has the condition \"Keep the contact about family life\", which is not a sentence ending with '.'", e.Message);
    }

    [Fact]
    public void Conditions_on_a_verdict_other_than_allowed_with_conditions()
    {
        var yaml = Replace("    instead: Apply the general standard, and ask administration if in doubt.",
            "    instead: Apply the general standard, and ask administration if in doubt.\n    conditions:\n      - \"Be careful.\"");
        var e = Broken(yaml);
        Assert.Equal(LineOf(yaml, "id: something-else"), e.Line);
        Assert.Contains("rule 'something-else' is not-covered but states conditions; only allowed-with-conditions has conditions", e.Message);
    }

    [Fact]
    public void Syntax_error_names_the_line()
    {
        var yaml = Replace("  - id: something-else\n", "  - id: something-else\n    when: { activity: other\n");
        var e = Broken(yaml);
        Assert.StartsWith($"{FileName}, line ", e.Message);
        Assert.Contains("not a valid policy file", e.Message);
    }

    [Fact]
    public void Missing_source_text()
    {
        var e = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(FileName, Yaml, _ => null));
        Assert.Contains("the source text 'stevensville-electronic-resources-and-social-networking.txt' was not found.", e.Message);
    }

    [Fact]
    public void Missing_file_on_disk()
    {
        var e = Assert.Throws<PolicyLoadException>(() => PolicyLoader.LoadFile("/nonexistent/district.policy.yaml"));
        Assert.Equal("district.policy.yaml: the policy file '/nonexistent/district.policy.yaml' does not exist.", e.Message);
    }

    [Fact]
    public void A_policy_file_on_disk_loads_with_its_source_beside_it()
    {
        var folder = Directory.CreateTempSubdirectory("policy-").FullName;
        File.WriteAllText(Path.Combine(folder, "district.policy.yaml"), Yaml);
        File.WriteAllText(Path.Combine(folder, "stevensville-electronic-resources-and-social-networking.txt"), Source);
        var policy = PolicyLoader.LoadFile(Path.Combine(folder, "district.policy.yaml"));
        Assert.Equal(Stevensville.Policy.Rules.Count, policy.Rules.Count);
    }
}
