using PolicyBot.Rules.Loading;
using PolicyBot.Rules.Safety;

namespace PolicyBot.Rules.Tests;

/// <summary>
/// The district's safety guidance file (not policy text): the Stevensville file loads, defaults fill what a file
/// leaves out or a district without a file, and a broken file is refused with the file, the line and the problem.
/// </summary>
public class SafetyGuidanceTests
{
    private const string FileName = "broken.safety.yaml";
    private static readonly string Yaml = Embedded();

    private static string Embedded()
    {
        using var stream = typeof(SafetyGuidance).Assembly.GetManifestResourceStream("PolicyBot.Rules.Policies." + SafetyGuidanceLoader.StevensvilleResource)!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static PolicyLoadException Broken(string original, string replacement)
    {
        Assert.Contains(original, Yaml);   // the mutation must hit the real file
        return Assert.Throws<PolicyLoadException>(() => SafetyGuidanceLoader.Load(FileName, Yaml.Replace(original, replacement)));
    }

    private static int LineOf(string marker) => Yaml.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(marker)).i + 1;

    [Fact]
    public void The_stevensville_guidance_loads_and_puts_911_first()
    {
        var guidance = SafetyGuidanceLoader.LoadEmbedded();

        Assert.Equal("Stevensville School District", guidance.District);
        Assert.Equal("911", guidance.Emergency.Number);
        Assert.Equal("If a student is in immediate danger, call 911 now.", guidance.Emergency.Text);
        Assert.Contains(guidance.Reporting, l => l.Contains("principal or school counselor", StringComparison.Ordinal));
        Assert.Contains(guidance.Reporting, l => l.Contains("child protective services or law enforcement", StringComparison.Ordinal));
        Assert.Equal("your principal or school counselor", guidance.Contact.Name);
        Assert.Null(guidance.Contact.Phone);   // a placeholder the district fills, never an invented number
        Assert.Equal("988", guidance.CrisisLine.Number);
        Assert.Equal("stevensville.safety.yaml", guidance.Source);
    }

    [Fact]
    public void A_district_without_a_file_gets_the_defaults_under_its_own_name()
    {
        var guidance = SafetyGuidance.Default("Otherville Unified");

        Assert.Equal("Otherville Unified", guidance.District);
        Assert.Equal("911", guidance.Emergency.Number);
        Assert.Equal(SafetyGuidance.DefaultReporting, guidance.Reporting);
        Assert.Equal("your principal or school counselor", guidance.Contact.Name);
        Assert.Equal("988 Suicide & Crisis Lifeline", guidance.CrisisLine.Name);
        Assert.Equal(SafetyGuidance.DefaultsSource, guidance.Source);
    }

    [Fact]
    public void A_file_with_only_a_district_and_a_contact_takes_the_defaults_for_the_rest()
    {
        var guidance = SafetyGuidanceLoader.Load("otherville.safety.yaml", """
            district: Otherville Unified
            contact:
              name: Pat Lee, district safety coordinator
              phone: (406) 555-0100 ext. 12
              note: After hours, call the district office line.
            """);

        Assert.Equal("Pat Lee, district safety coordinator", guidance.Contact.Name);
        Assert.Equal("(406) 555-0100 ext. 12", guidance.Contact.Phone);
        Assert.Equal("After hours, call the district office line.", guidance.Contact.Note);
        Assert.Equal(SafetyGuidance.DefaultEmergency, guidance.Emergency);
        Assert.Equal(SafetyGuidance.DefaultReporting, guidance.Reporting);
        Assert.Equal(SafetyGuidance.DefaultCrisisLine, guidance.CrisisLine);
    }

    [Fact]
    public void A_missing_district()
    {
        var e = Broken("district: Stevensville School District\n", "");
        Assert.EndsWith(": the top level: 'district' is missing.", e.Message);
        Assert.True(e.Line > 0, "the line of the top-level mapping");
    }

    [Fact]
    public void An_unknown_key_is_named_with_its_line()
    {
        var e = Broken("  number: \"911\"\n", "  numbr: \"911\"\n");
        Assert.Equal($"{FileName}, line {LineOf("  number: \"911\"")}: emergency: unknown key 'numbr' (known: number, text).", e.Message);
    }

    [Fact]
    public void A_number_that_is_not_a_phone_number()
    {
        var e = Broken("  number: \"988\"\n", "  number: call 988\n");
        Assert.Equal($"{FileName}, line {LineOf("  number: \"988\"")}: crisis-line → number: 'call 988' is not a phone number (digits, with spaces, dashes, dots, parentheses, a leading + or an extension).", e.Message);
    }

    [Fact]
    public void An_empty_text_and_an_over_long_one()
    {
        var empty = Broken("  text: If a student is in immediate danger, call 911 now.\n", "  text: \"\"\n");
        Assert.Equal($"{FileName}, line {LineOf("  text: If a student is in immediate danger")}: emergency → text: the text is empty.", empty.Message);

        var longText = Broken("  text: If a student is in immediate danger, call 911 now.\n", $"  text: {new string('x', 301)}\n");
        Assert.Contains("emergency → text: the text has 301 characters; keep it to 300", longText.Message);
    }

    [Fact]
    public void Too_many_reporting_lines()
    {
        var lines = string.Concat(Enumerable.Range(1, 7).Select(i => $"  - Line {i}.\n"));
        var e = Broken("reporting:\n", "reporting:\n" + lines);
        Assert.Contains("reporting: give 1 to 6 lines (found 10).", e.Message);
    }

    [Fact]
    public void Not_yaml_and_no_file()
    {
        var e = Assert.Throws<PolicyLoadException>(() => SafetyGuidanceLoader.Load(FileName, "district: [unclosed"));
        Assert.Contains(": not a valid safety guidance file: ", e.Message);
        var missing = Assert.Throws<PolicyLoadException>(() => SafetyGuidanceLoader.LoadFile("/no/such/district.safety.yaml"));
        Assert.Equal("district.safety.yaml: the safety guidance file '/no/such/district.safety.yaml' does not exist.", missing.Message);
    }

    [Theory]
    [InlineData("988", "tel:988")]
    [InlineData("(406) 555-0100", "tel:4065550100")]
    [InlineData("+1 406 555 0100", "tel:+14065550100")]
    [InlineData("406.555.0100 ext. 12", "tel:4065550100")]
    public void A_number_becomes_a_tel_link(string number, string link) => Assert.Equal(link, PhoneLinks.Tel(number));
}
