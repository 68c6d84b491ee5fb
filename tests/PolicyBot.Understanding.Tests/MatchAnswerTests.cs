using PolicyBot.Rules.Evaluation;

namespace PolicyBot.Understanding.Tests;

/// <summary>A typed answer to a question card → the choice it means, or null when unsure.</summary>
public class MatchAnswerTests
{
    private static Question QuestionFor(string factId)
    {
        var fact = Stevensville.Policy.Fact(factId);
        return new Question(fact, fact.Values);
    }

    private static string? Match(string factId, string answer) => Stevensville.Reader.MatchAnswer(QuestionFor(factId), answer)?.Id;

    [Theory]
    // A label, exactly (case and punctuation do not matter).
    [InlineData("purpose", "Teaching and learning", "educational")]
    [InlineData("purpose", "school business", "operations")]
    [InlineData("relationship", "NOT A STUDENT", "not-student")]
    [InlineData("account-stage", "Not yet - I want to start one", "new")]
    [InlineData("medium", "text-messages", "text")]
    // A value id.
    [InlineData("medium", "school-email", "school-email")]
    // A choice's number.
    [InlineData("purpose", "2", "operations")]
    [InlineData("purpose", "#3", "emergency")]
    [InlineData("purpose", "two", "operations")]
    [InlineData("purpose", "the second one", "operations")]
    [InlineData("relationship", "8", "not-student")]
    [InlineData("relationship", "8th", "not-student")]
    [InlineData("relationship", "7th", "former-student")]
    // The first words of one label.
    [InlineData("account-stage", "yes", "approved")]
    [InlineData("account-stage", "not yet", "new")]
    [InlineData("medium", "text", "text")]
    // A label with a typo.
    [InlineData("purpose", "teaching and lerning", "educational")]
    [InlineData("medium", "persnal email", "personal-email")]
    // The lexicon's words for the fact.
    [InlineData("purpose", "homework", "educational")]
    [InlineData("purpose", "it's about the field trip", "operations")]
    [InlineData("purpose", "homework, but also just to chat", "mixed")]
    [InlineData("relationship", "my nephew", "close-family")]
    [InlineData("relationship", "he's my cousin", "distant-relative")]
    [InlineData("relationship", "a 10th grader", "student")]
    [InlineData("relationship", "a current sophomore, not related", "student")]
    [InlineData("relationship", "my niece, a junior here", "close-family")]
    [InlineData("relationship", "current and former students", "student")]
    [InlineData("relationship", "her mom", "not-student")]
    [InlineData("medium", "txt", "text")]
    [InlineData("medium", "textt", "text")]
    [InlineData("medium", "my gmail", "personal-email")]
    [InlineData("medium", "Snapchat", "other-app")]
    [InlineData("medium", "jane.smith@gmail.com", "personal-email")]
    [InlineData("medium", "jane@stevensville.k12.mt.us", "school-email")]
    [InlineData("medium", "406-555-0123", "phone-number")]
    [InlineData("time", "at 9pm", "outside-school")]
    [InlineData("time", "lunch", "school-day")]
    [InlineData("time", "on the weekend", "outside-school")]
    [InlineData("site-kind", "checking instagarm", "social-networking")]
    // A fact that implies the one asked ("texting" is contact).
    [InlineData("activity", "texting a student", "contact")]
    [InlineData("activity", "posting class photos", "posting")]
    public void Matches(string factId, string answer, string expected) => Assert.Equal(expected, Match(factId, answer));

    [Theory]
    [InlineData("purpose", "")]
    [InlineData("purpose", "   ")]
    [InlineData("purpose", "no")]
    [InlineData("purpose", "I'm not sure")]
    [InlineData("purpose", "not for homework")]
    [InlineData("purpose", "9")]
    [InlineData("purpose", "homework or emergency")]
    [InlineData("relationship", "my")]
    [InlineData("relationship", "like family")]
    [InlineData("account-stage", "no")]
    [InlineData("medium", "test")]
    [InlineData("medium", "my cell number so they can text me")]
    public void Unsure_answers_are_null(string factId, string answer) => Assert.Null(Match(factId, answer));

    [Fact]
    public void Only_offered_choices_are_returned()
    {
        var fact = Stevensville.Policy.Fact("purpose");
        var question = new Question(fact, fact.Values.Where(v => v.Id != "educational").ToList());
        Assert.Null(Stevensville.Reader.MatchAnswer(question, "homework"));
        Assert.Equal("operations", Stevensville.Reader.MatchAnswer(question, "1")?.Id);
    }
}
