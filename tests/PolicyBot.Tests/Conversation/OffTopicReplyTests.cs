using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Conversation;

/// <summary>
/// Outside the policy, said plainly, over real HTTP: a message with not one word of the policy's subject gets the plain
/// reply saying what the bot answers, short ones included; a single word is narrowed down with the first question.
/// </summary>
public class OffTopicReplyTests(ConversationFixture bot) : IClassFixture<ConversationFixture>
{
    private readonly TeamsUser _teacher = TeamsUser.Create("Pat Custodian");

    [Theory]
    [InlineData("Parking pass?")]
    [InlineData("Does the district reimburse tuition for a master's program if it's online?")]
    [InlineData("How many sick days do new teachers get each year?")]
    public async Task A_question_about_something_else_gets_the_plain_reply_and_no_card(string text)
    {
        var turn = await bot.Teams.SayAsync(TeamsConversation.Personal(), _teacher, text);

        Assert.Contains(turn.Texts, t => t.StartsWith(CorpusPlayer.OffTopicStart, StringComparison.Ordinal));
        Assert.DoesNotContain(turn.Activities, a => CardOf(a) is not null);
    }

    [Fact]
    public async Task A_single_word_is_narrowed_down_not_called_off_topic()
    {
        var turn = await bot.Teams.SayAsync(TeamsConversation.Personal(), _teacher, "question");

        Assert.DoesNotContain(turn.Texts, t => t.StartsWith(CorpusPlayer.OffTopicStart, StringComparison.Ordinal));
        Assert.NotNull(AskedFact(LastCard(turn)));
    }
}
