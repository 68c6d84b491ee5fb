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
public sealed class ReplyRenderer(Policy policy, SafetyGuidance safety, PolicyBot.Privacy.PrivacyOptions? privacy = null)
{
    /// <summary>The help card's commands: everyone's, requests to the administration, then the privacy commands with what is kept and logged.</summary>
    private readonly IReadOnlyList<(string Command, string Description)> _helpCommands =
    [
        .. PolicyCards.DefaultCommands,
        (Requests.RequestCommands.NewRequest, "Ask your administration: approval of a class, team or school account, or a question the policy leaves open."),
        (Requests.RequestCommands.MyRequests, "See where your requests to the administration stand, answer their questions or withdraw one."),
        (BotCommands.MyData, $"See what I keep about you: your questions as the policy's facts, never your words, deleted {(int)(privacy?.SituationRetention.TotalDays ?? PolicyBot.Privacy.PrivacyOptions.DefaultSituationRetentionDays)} days after they last changed. My log keeps no words and no names."),
        (BotCommands.ForgetMe, "Delete your questions now (in your personal chat; I ask first). What the district must keep stays."),
    ];

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
        HelpReply => Card(PolicyCards.Help(policy.Metadata, _helpCommands)),
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
        PersonalDataReply d => Card(PrivacyCards.MyData(d.Title, d.Intro, d.Sections, PolicyBot.Privacy.PrivacyCommands.LogNote, d.Buttons)),
        FeedbackWrongReply f => Card(FeedbackCards.WhatWasWrong(new SubmitContext(f.SituationId, f.Step))),
        FeedbackReportReply r => Card(FeedbackCards.Report(r.Items, r.Total)),
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
                "Send policy reminders to all staff, a team or a channel, with acknowledgement by a date and a scenario check: type \"new reminder\" in your personal chat with me (\"reminders\" lists them, \"report\" shows the latest one's report). \"test message\" sends a short test message to everyone who can be reached."));
        }
        if (roles.IsRequestDecider)
        {
            var where = roles.DecidesEverywhere ? "for every school" : "for " + string.Join(", ", reply.DeciderTeams);
            lines.Add(new("Request decider",
                $"Approve, decline or ask about staff requests (for example, to set up an educational social media presence) {where}. " +
                "In a team channel, \"district requests here\" (or \"school requests here\") makes it where requests come; in your personal chat, " +
                "\"approved accounts\" lists the approved accounts registry and \"feedback\" the verdicts staff marked not right."));
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
