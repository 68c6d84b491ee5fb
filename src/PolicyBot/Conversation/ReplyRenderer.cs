using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using PolicyBot.Cards;
using PolicyBot.Rules.Model;
using PolicyBot.Rules.Safety;

namespace PolicyBot.Conversation;

/// <summary>
/// Turns a <see cref="Reply"/> into the activity Teams shows: an Adaptive Card attachment, or plain text. The safety card
/// shows <paramref name="safety"/>, the district's guidance.
/// </summary>
public sealed class ReplyRenderer(Policy policy, SafetyGuidance safety)
{
    /// <summary>The example questions on the welcome card (short: Teams cuts a button title to one line).</summary>
    public static readonly IReadOnlyList<string> ExampleQuestions =
    [
        "Can I text a student about homework?",
        "Can I friend my nephew on Instagram?",
        "Is it OK to check Facebook at lunch?",
        "Can I post class photos on Facebook?",
    ];

    /// <summary>The activity for <paramref name="reply"/>.</summary>
    public IMessageActivity Render(Reply reply) => reply switch
    {
        NoticeReply notice => MessageFactory.Text(notice.Text),
        WelcomeReply => Card(PolicyCards.Welcome(policy.Metadata, ExampleQuestions)),
        HelpReply => Card(PolicyCards.Help(policy.Metadata)),
        PolicyInfoReply => Card(PolicyCards.PolicyInfo(policy)),
        QuestionReply q => Card(PolicyCards.Question(q.Question, q.SoFar, new SubmitContext(q.SituationId, q.Step), q.Suggestion)),
        VerdictReply v => Card(PolicyCards.Verdict(v.Verdict, v.Facts, new SubmitContext(v.SituationId, v.Step))),
        ErrorReply e => Card(PolicyCards.Error(e.Message)),
        SafetyReply => Card(PolicyCards.Safety(safety)),
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply, "Unknown reply."),
    };

    private static IMessageActivity Card(Newtonsoft.Json.Linq.JObject card) =>
        MessageFactory.Attachment(new Attachment { ContentType = PolicyCards.ContentType, Content = card });
}
