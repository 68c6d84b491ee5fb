using Newtonsoft.Json.Linq;

namespace PolicyBot.Cards.Tests;

public class CardActionsTests
{
    [Fact]
    public void The_data_shapes_are_exactly_the_documented_ones()
    {
        var context = new SubmitContext("s-1", 2);
        Assert.Equal("""{"policybot":"answer","situation":"s-1","step":2,"fact":"medium","value":"text"}""",
            CardActions.AnswerData(context, "medium", "text").ToString(Newtonsoft.Json.Formatting.None));
        Assert.Equal("""{"policybot":"ask","text":"Can I text a student?"}""",
            CardActions.AskData("Can I text a student?").ToString(Newtonsoft.Json.Formatting.None));
        Assert.Equal("""{"policybot":"start-over","situation":"s-1","step":2}""",
            CardActions.StartOverData(context).ToString(Newtonsoft.Json.Formatting.None));
        Assert.Equal("""{"policybot":"start-over"}""", CardActions.StartOverData(null).ToString(Newtonsoft.Json.Formatting.None));
        Assert.Equal("""{"policybot":"help"}""", CardActions.HelpData().ToString(Newtonsoft.Json.Formatting.None));
    }

    [Fact]
    public void The_bot_reads_back_what_the_cards_send()
    {
        var context = new SubmitContext("s-1", 2);
        Assert.True(CardActions.TryRead(CardActions.AnswerData(context, "medium", "text"), out var answer));
        Assert.Equal(new CardSubmit("answer", "s-1", 2, "medium", "text", null), answer);
        Assert.True(CardActions.TryRead(CardActions.AskData("Can I?"), out var ask));
        Assert.Equal(new CardSubmit("ask", null, null, null, null, "Can I?"), ask);
        Assert.True(CardActions.TryRead(CardActions.StartOverData(context), out var startOver));
        Assert.Equal(new CardSubmit("start-over", "s-1", 2, null, null, null), startOver);
        Assert.True(CardActions.TryRead(CardActions.StartOverData(null), out var plainStartOver));
        Assert.Equal(new CardSubmit("start-over", null, null, null, null, null), plainStartOver);
        Assert.True(CardActions.TryRead(CardActions.HelpData(), out var help));
        Assert.Equal(new CardSubmit("help", null, null, null, null, null), help);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"answer\"")]
    [InlineData("""{"action":"answer"}""")]
    [InlineData("""{"policybot":"dance"}""")]
    [InlineData("""{"policybot":1}""")]
    [InlineData("""{"policybot":"answer","situation":"s","step":1,"fact":"medium"}""")]
    [InlineData("""{"policybot":"answer","situation":"s","step":"1","fact":"medium","value":"text"}""")]
    [InlineData("""{"policybot":"answer","situation":"s","step":-1,"fact":"medium","value":"text"}""")]
    [InlineData("""{"policybot":"answer","situation":" ","step":1,"fact":"medium","value":"text"}""")]
    [InlineData("""{"policybot":"ask"}""")]
    [InlineData("""{"policybot":"ask","text":""}""")]
    public void Anything_else_is_not_a_submit(string json)
    {
        Assert.False(CardActions.TryRead(JToken.Parse(json), out var submit));
        Assert.Null(submit);
    }

    [Fact]
    public void A_context_needs_a_situation_and_a_step_of_zero_or_more()
    {
        Assert.Throws<ArgumentException>(() => new SubmitContext(" ", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SubmitContext("s", -1));
        Assert.Equal(0, new SubmitContext("s", 0).Step);
    }
}
