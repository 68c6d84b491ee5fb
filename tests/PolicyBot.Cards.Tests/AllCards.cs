using Newtonsoft.Json.Linq;
using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Loading;
using PolicyBot.Rules.Model;

namespace PolicyBot.Cards.Tests;

/// <summary>The Stevensville policy, its dialog tree, and every card PolicyCards can make for it.</summary>
public static class AllCards
{
    public const string Situation = "situation-42";

    public static readonly string[] ExampleQuestions =
    [
        "Can I text a student about homework?",
        "Can I accept a student's friend request?",
        "Can I post class photos?",
        "Can I check Facebook at lunch?",
    ];

    private static readonly Lazy<Policy> LoadedPolicy = new(() => PolicyLoader.LoadEmbedded());
    private static readonly Lazy<DialogTree> LoadedTree = new(() => DialogTree.Build(Policy));
    private static readonly Lazy<IReadOnlyList<(string Name, JObject Card)>> Built = new(Build);

    public static Policy Policy => LoadedPolicy.Value;

    public static DialogTree Tree => LoadedTree.Value;

    /// <summary>Every node of the tree that asks a question.</summary>
    public static IEnumerable<DialogTree.Node> QuestionNodes() => Walk(Tree.Root).Where(n => n.Outcome?.Question is not null);

    /// <summary>Every leaf of the tree (each has a verdict: the loader proves the policy complete).</summary>
    public static IEnumerable<DialogTree.Node> VerdictNodes() => Tree.Leaves();

    public static string Describe(DialogTree.Node node) =>
        node.Path.Count == 0 ? "(start)" : string.Join(" ", node.Path.Select(s => $"{s.Fact.Id}={s.Value.Id}"));

    public static SubmitContext ContextOf(DialogTree.Node node) => new(Situation, node.Path.Count);

    /// <summary>The path's facts as a card shows them: picked, or (with <paramref name="understood"/>) read from the person's words.</summary>
    public static List<SituationFact> FactsOf(DialogTree.Node node, bool label, bool understood = false) =>
        node.Path.Select(s => new SituationFact(s.Fact.Id, s.Fact.Question, label ? s.Value.Label : s.Value.Phrase, understood, s.Value.Id)).ToList();

    public static JObject QuestionCard(DialogTree.Node node, bool understood = false) =>
        PolicyCards.Question(node.Outcome!.Question!, FactsOf(node, label: false, understood), ContextOf(node));

    public static JObject VerdictCard(DialogTree.Node node, bool understood = false) =>
        PolicyCards.Verdict(node.Outcome!.Verdict!, FactsOf(node, label: true, understood), ContextOf(node));

    /// <summary>The confirmation card before the node's verdict, every fact of its path understood.</summary>
    public static JObject ConfirmCard(DialogTree.Node node, bool correcting = false) =>
        PolicyCards.Confirm(FactsOf(node, label: false, understood: true), ContextOf(node), correcting);

    /// <summary>A district's guidance with every optional part filled: a contact with a number and a note.</summary>
    public static PolicyBot.Rules.Safety.SafetyGuidance SafetyWithContactNumber =>
        PolicyBot.Rules.Safety.SafetyGuidance.Default("Otherville Unified") with
        {
            Contact = new PolicyBot.Rules.Safety.SafetyContact("Pat Lee, district safety coordinator", "(406) 555-0100", "After school hours, call the district office."),
        };

    /// <summary>Every card: welcome (with and without examples), help, errors, policy, safety, every question, every verdict.</summary>
    public static IReadOnlyList<(string Name, JObject Card)> Cards => Built.Value;

    private static List<(string Name, JObject Card)> Build()
    {
        var cards = new List<(string, JObject)>
        {
            ("welcome", PolicyCards.Welcome(Policy.Metadata, ExampleQuestions)),
            ("welcome without examples", PolicyCards.Welcome(Policy.Metadata, [])),
            ("help", PolicyCards.Help(Policy.Metadata)),
            ("error", PolicyCards.Error("I could not read that answer.")),
            ("error in a situation", PolicyCards.Error("That question card is out of date.", new SubmitContext(Situation, 2))),
            ("policy", PolicyCards.PolicyInfo(Policy)),
            ("roles: none", AdminCards.Roles("You hold no administrator role in PolicyBot.", [new("Staff member", "Ask about the policy.")], "0f8fad5b-d9cb-469f-a165-70867728950e", "Roles are given by your IT administrator.", canSendTestMessage: false)),
            ("roles: campaign author in a channel", AdminCards.Roles("You are a campaign author.", [new("Staff member", "Ask about the policy."), new("Campaign author", "Send policy reminders.")], null, "Roles are given by your IT administrator.", canSendTestMessage: false)),
            ("roles: campaign author in personal chat", AdminCards.Roles("You are a campaign author.", [new("Staff member", "Ask about the policy."), new("Campaign author", "Send policy reminders.")], "0f8fad5b-d9cb-469f-a165-70867728950e", "Roles are given by your IT administrator.", canSendTestMessage: true)),
            ("my data", PrivacyCards.MyData("What I keep about you", "This is everything I store about you.",
                [new("Your questions", ["A question in your personal chat (answered, last changed 2026-12-02): texting · a current student · personal reasons.", "A question in a group chat or channel (open, last changed 2026-12-01): following on social media (understood)."], "Forget me: Deleted."),
                 new("Messages sent to you", [], "Forget me: Kept: the district's record of who was sent which message.")],
                "What you type is not kept.", PrivacyCards.Buttons.OfferForget)),
            ("forget me confirmation", PrivacyCards.MyData("Forget me?", "\"Yes, forget me\" deletes your questions now.",
                [new("Your questions", ["A question in your personal chat (answered, last changed 2026-12-02): texting."], "Forget me: Deleted.")], "What you type is not kept.", PrivacyCards.Buttons.Confirm)),
            ("forgotten", PrivacyCards.MyData("Forgotten", "I deleted 2 records about you.", [new("Your questions", ["2 records deleted."], "Deleted.")], "What you type is not kept.", PrivacyCards.Buttons.None)),
            ("test message queued", AdminCards.TestMessageQueued("This is a test message from PolicyBot.", 1234, "test:0123456789abcdef0123456789abcdef")),
            ("test message status", AdminCards.TestMessageStatus("test:0123456789abcdef0123456789abcdef", [("Sent", 2), ("Waiting", 1), ("Unreachable", 1), ("Failed", 0), ("Gave up after retries", 0)], 5, 1,
                [("Lee Teacher", "sent", null), ("Sam Coach", "unreachable", "403 ConversationBlockedByUser"), ("Ari Para", "waiting", null), ("Pat Principal", "sent", null)])),
            ("test message status, many people", AdminCards.TestMessageStatus("test:0123456789abcdef0123456789abcdef", [("Sent", 60)], 60, 0,
                [.. Enumerable.Range(1, 60).Select(i => ($"Teacher {i}", "sent", (string?)null))])),
            ("test message, nobody reachable", AdminCards.TestMessageQueued("This is a test message from PolicyBot.", 0, "test:0123456789abcdef0123456789abcdef")),
            ("safety", PolicyCards.Safety(PolicyBot.Rules.Safety.SafetyGuidanceLoader.LoadEmbedded())),
            ("safety with the defaults", PolicyCards.Safety(PolicyBot.Rules.Safety.SafetyGuidance.Default(Policy.Metadata.District))),
            ("safety with a contact number", PolicyCards.Safety(SafetyWithContactNumber)),
            ("feedback: what was not right", FeedbackCards.WhatWasWrong(new SubmitContext(Situation, 3))),
            ("feedback report", FeedbackCards.Report(
                [new("May 3, 2026 · Forbidden (rule text-personal)", [("What was wrong", "The verdict"), ("Who is the person?", "A current student"), ("How would you be in touch?", "Text messages (from their words)"), ("What is it for?", "Personal or social")]),
                 new("May 2, 2026 · Allowed (rule family)", [("What was wrong", "(not said)"), ("Who is the person?", "My child or close relative")])], 7)),
            ("feedback report, none", FeedbackCards.Report([], 0)),
        };
        cards.AddRange(RequestCardSamples.All);
        cards.AddRange(QuestionNodes().Select(n => ($"question {Describe(n)}", QuestionCard(n))));
        cards.AddRange(VerdictNodes().Select(n => ($"verdict {Describe(n)}", VerdictCard(n))));
        cards.AddRange(QuestionNodes().Where(n => n.Path.Count > 0).Select(n => ($"question, understood {Describe(n)}", QuestionCard(n, understood: true))));
        cards.AddRange(VerdictNodes().Select(n => ($"verdict, understood {Describe(n)}", VerdictCard(n, understood: true))));
        cards.AddRange(VerdictNodes().Select(n => ($"confirmation {Describe(n)}", ConfirmCard(n))));
        cards.AddRange(VerdictNodes().Take(3).Select(n => ($"correction {Describe(n)}", ConfirmCard(n, correcting: true))));
        return cards;
    }

    private static IEnumerable<DialogTree.Node> Walk(DialogTree.Node node) =>
        new[] { node }.Concat(node.Children.SelectMany(Walk));
}

/// <summary>Looking inside card JSON.</summary>
public static class CardJson
{
    /// <summary>Every object with a "type" (elements, actions, inlines) in document order.</summary>
    public static IEnumerable<JObject> Typed(JContainer card) =>
        card.DescendantsAndSelf().OfType<JObject>().Where(o => o["type"] is JValue { Type: JTokenType.String });

    public static IEnumerable<JObject> OfType(JContainer card, string type) => Typed(card).Where(o => (string?)o["type"] == type);

    public static IEnumerable<JObject> Submits(JContainer card) => OfType(card, "Action.Submit");

    public static IEnumerable<string> Texts(JContainer card) =>
        OfType(card, "TextBlock").Select(t => (string)t["text"]!);

    public static IEnumerable<string> AllStrings(JContainer card) =>
        card.DescendantsAndSelf().OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => (string)v!);

    public static IEnumerable<string> AllKeys(JContainer card) =>
        card.DescendantsAndSelf().OfType<JProperty>().Select(p => p.Name);
}
