using PolicyBot.Rules.Evaluation;
using Xunit.Abstractions;

namespace PolicyBot.Rules.Tests;

/// <summary>The printable dialog tree: every path ends in a verdict, and the print shows each.</summary>
public class DialogTreeTests(ITestOutputHelper output)
{
    [Fact]
    public void Tree_prints_every_path_with_its_verdict_and_clauses()
    {
        var tree = DialogTree.Build(Stevensville.Policy);
        var writer = new StringWriter();
        tree.Print(writer);
        var text = writer.ToString();
        output.WriteLine(text);

        var leaves = tree.Leaves().ToList();
        Assert.All(leaves, l => Assert.NotNull(l.Outcome?.Verdict));
        // Every leaf is one "=>" line in the print, and every rule is reached by some path.
        Assert.Equal(leaves.Count, text.Split('\n').Count(l => l.Contains("=>")));
        Assert.Empty(Stevensville.Policy.Rules.Select(r => r.Id).Except(leaves.Select(l => l.Outcome!.Verdict!.RuleId)));
        Assert.Contains("- My child or close relative => ALLOWED (family-exception; clauses X)", text);
    }

    [Fact]
    public void No_path_asks_the_same_fact_twice_or_more_facts_than_the_policy_has()
    {
        var tree = DialogTree.Build(Stevensville.Policy);
        Assert.All(tree.Leaves(), l =>
        {
            var asked = l.Path.Select(s => s.Fact.Id).ToList();
            Assert.Equal(asked.Count, asked.Distinct().Count());
            Assert.True(asked.Count <= 4, $"path asks {asked.Count} questions: {string.Join(" > ", asked)}");
        });
    }
}
