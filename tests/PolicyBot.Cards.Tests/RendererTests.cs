using Newtonsoft.Json.Linq;
using PolicyBot.TestSupport;
using Xunit.Abstractions;

namespace PolicyBot.Cards.Tests;

/// <summary>
/// Every card PolicyCards makes, checked with Microsoft's Adaptive Cards renderer in ONE Node run (together with a few
/// deliberately broken cards that prove the check can fail).
/// </summary>
public class RendererTests(ITestOutputHelper output)
{
    private static readonly (string Name, JObject Card)[] Broken =
    [
        ("broken: unknown element", JObject.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"FancyBox"}]}""")),
        ("broken: unknown property", JObject.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","wraps":true}]}""")),
        ("broken: seven actions", JObject.Parse($$"""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"ActionSet","actions":[{{string.Join(",", Enumerable.Range(1, 7).Select(i => $$"""{"type":"Action.Submit","title":"{{i}}"}"""))}}]}]}""")),
        ("broken: schema 1.6", JObject.Parse("""{"type":"AdaptiveCard","version":"1.6","body":[]}""")),
        ("broken: 1.6 element in a 1.5 card", JObject.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Carousel","pages":[]}]}""")),
        ("broken: invalid value", JObject.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Container","style":"shiny","items":[]}]}""")),
        ("broken: unbound template", CardTemplateBinder.LoadTemplate("question.json")),
    ];

    private static readonly Lazy<Task<IReadOnlyList<CardValidationResult>>> Results =
        new(() => AdaptiveCardValidator.ValidateAsync(AllCards.Cards.Concat(Broken)));

    private static async Task<CardValidationResult> BrokenResult(string name) =>
        (await Results.Value).Single(r => r.Name == name);

    [Fact]
    public async Task Every_card_the_policy_can_produce_renders_with_no_error_and_no_warning()
    {
        var results = (await Results.Value).Take(AllCards.Cards.Count).ToList();

        Assert.Equal(AllCards.Cards.Select(c => c.Name), results.Select(r => r.Name));
        var problems = results.Where(r => !r.IsClean).Select(r => r.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var largest = AllCards.Cards.MaxBy(c => PolicyCards.SizeInBytes(c.Card));
        output.WriteLine($"{results.Count} cards validated; largest: {largest.Name}, {PolicyCards.SizeInBytes(largest.Card)} bytes");
    }

    [Fact]
    public async Task An_unknown_element_type_is_reported()
    {
        var result = await BrokenResult("broken: unknown element");
        Assert.Contains(result.Errors, e => e.Contains("UnknownElementType", StringComparison.Ordinal) && e.Contains("FancyBox", StringComparison.Ordinal));
        Assert.False(result.IsClean);
    }

    [Fact]
    public async Task An_unknown_property_is_reported()
    {
        var result = await BrokenResult("broken: unknown property");
        Assert.Contains("unknown property \"wraps\" on TextBlock: the renderer ignores it", result.Errors);
    }

    [Fact]
    public async Task More_than_six_actions_in_a_set_is_reported()
    {
        var result = await BrokenResult("broken: seven actions");
        Assert.Contains(result.Errors, e => e.Contains("TooManyActions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anything_above_schema_1_5_is_reported()
    {
        Assert.Contains("version 1.6 is above 1.5, the highest Teams renders for bots", (await BrokenResult("broken: schema 1.6")).Errors);
        Assert.Contains((await BrokenResult("broken: 1.6 element in a 1.5 card")).Errors, e => e.Contains("Carousel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invalid_value_is_reported()
    {
        Assert.Contains((await BrokenResult("broken: invalid value")).Errors, e => e.Contains("InvalidPropertyValue", StringComparison.Ordinal) && e.Contains("shiny", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_template_sent_unbound_is_reported()
    {
        var result = await BrokenResult("broken: unbound template");
        Assert.Contains(result.Errors, e => e.StartsWith("template expression left unbound at $.body[0].text", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("template key \"$data\" left unbound", StringComparison.Ordinal));
    }
}
