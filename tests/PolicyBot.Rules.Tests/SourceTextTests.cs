namespace PolicyBot.Rules.Tests;

/// <summary>The bot quotes the district's document: the embedded text is that document and every clause occurs in it.</summary>
public class SourceTextTests
{
    [Fact]
    public void Every_clause_occurs_verbatim_in_the_source_text()
    {
        var source = Stevensville.Policy.SourceText;
        Assert.All(Stevensville.Policy.Clauses, c => Assert.Contains(c.Text, source, StringComparison.Ordinal));
    }

    [Fact]
    public void Source_text_is_the_districts_document()
    {
        var source = Stevensville.Policy.SourceText;
        Assert.StartsWith("Stevensville School District", source);
        Assert.Contains("Electronic Resources and Social Networking", source);
        Assert.Contains("Revised on: May 9, 2019", source);
        Assert.Equal(new DateOnly(2017, 10, 10), Stevensville.Policy.Metadata.Adopted);
    }

    [Fact]
    public void Every_seven_forbidden_forms_of_contact_is_a_clause()
    {
        var bullets = Stevensville.Policy.SourceText.Split('\n').Where(l => l.StartsWith('•')).Select(l => l.TrimStart('•', ' ').Trim()).ToList();
        Assert.Equal(7, bullets.Count);
        Assert.All(bullets, b => Assert.Contains(Stevensville.Policy.Clauses, c => c.Text == b));
    }
}
