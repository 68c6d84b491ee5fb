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
        QuestionReply q => Card(PolicyCards.Question(q.Question, q.Facts, new SubmitContext(q.SituationId, q.Step))),
        ConfirmReply c => Card(PolicyCards.Confirm(c.Understood, new SubmitContext(c.SituationId, c.Step), c.Correcting)),
        VerdictReply v => Card(PolicyCards.Verdict(v.Verdict, v.Facts, new SubmitContext(v.SituationId, v.Step))),
        ErrorReply e => Card(PolicyCards.Error(e.Message)),
        RolesReply r => Card(RolesCard(r)),
        TestMessageQueuedReply t => Card(AdminCards.TestMessageQueued(t.Text, t.Queued, t.MessageId)),
        TestMessageStatusReply s => Card(AdminCards.TestMessageStatus(s.MessageId,
            [("Sent", s.Totals.Sent), ("Waiting", s.Totals.Queued + s.Totals.Sending), ("Unreachable", s.Totals.Unreachable), ("Failed", s.Totals.Failed), ("Gave up after retries", s.Totals.DeadLettered)],
            s.Totals.Attempts, s.Totals.TimesThrottled, s.People)),
        SafetyReply => Card(PolicyCards.Safety(safety)),
        CardReply c => Card(c.Card),
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply, "Unknown reply."),
    };

    private static Newtonsoft.Json.Linq.JObject RolesCard(RolesReply reply)
    {
        var roles = reply.Roles;
        var lines = new List<AdminCards.RoleLine>
        {
            new("Staff member", "Ask me about the policy in your own words, in this chat or by @mentioning me in a team or group chat. Everyone can."),
        };
        if (roles.IsCampaignAuthor)
        {
            lines.Add(new("Campaign author",
                "Send policy reminders to all staff, a team or a channel. For now: type \"test message\" in your personal chat with me to send a short test message to everyone who can be reached."));
        }
        if (roles.IsRequestDecider)
        {
            var where = roles.DecidesEverywhere ? "for every school" : "for " + string.Join(", ", reply.DeciderTeams);
            lines.Add(new("Request decider", $"Approve, decline or ask about staff requests (for example, to set up an educational social media presence) {where}."));
        }
        var summary = (roles.IsCampaignAuthor, roles.IsRequestDecider) switch
        {
            (true, true) => "You are a campaign author and a request decider.",
            (true, false) => "You are a campaign author.",
            (false, true) => "You are a request decider.",
            _ => "You hold no administrator role in PolicyBot: you can ask about the policy, like all staff.",
        };
        return AdminCards.Roles(
            summary, lines, reply.AadObjectId,
            "Roles are given by your IT administrator in PolicyBot's settings (CampaignAuthors, RequestDeciders), by Microsoft Entra object id.",
            reply.OfferTestMessage);
    }

    private static IMessageActivity Card(Newtonsoft.Json.Linq.JObject card) =>
        MessageFactory.Attachment(new Attachment { ContentType = PolicyCards.ContentType, Content = card });
}
