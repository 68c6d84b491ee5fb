using Newtonsoft.Json.Linq;
using PolicyBot.Conversation;
using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Model;
using static PolicyBot.Cards.Tests.CardJson;

namespace PolicyBot.Cards.Tests;

public class PolicyCardsTests
{
    private const string Citation = "— Electronic Resources and Social Networking, Stevensville School District, revised May 9, 2019";

    public static TheoryData<string> QuestionPaths() => [.. AllCards.QuestionNodes().Select(AllCards.Describe)];

    public static TheoryData<string> VerdictPaths() => [.. AllCards.VerdictNodes().Select(AllCards.Describe)];

    private static DialogTree.Node QuestionNode(string path) => AllCards.QuestionNodes().Single(n => AllCards.Describe(n) == path);

    private static DialogTree.Node VerdictNode(string path) => AllCards.VerdictNodes().Single(n => AllCards.Describe(n) == path);

    [Fact]
    public void The_tree_gives_every_kind_of_card_to_check()
    {
        // Every rule is reached by at least one path, so every rule's card is checked.
        Assert.Empty(PolicyBot.Rules.Loading.PolicyLoader.LoadEmbedded().Rules.Select(r => r.Id)
            .Except(AllCards.VerdictNodes().Select(n => n.Outcome!.Verdict!.RuleId)));
        Assert.All(AllCards.VerdictNodes(), n => Assert.NotNull(n.Outcome?.Verdict));
        Assert.Equal(
            Enum.GetValues<VerdictKind>().Order(),
            AllCards.VerdictNodes().Select(n => n.Outcome!.Verdict!.Kind).Distinct().Order());
        Assert.Contains(AllCards.VerdictNodes(), n => n.Outcome!.Verdict!.Ambiguity is not null);
        Assert.Contains(AllCards.VerdictNodes(), n => n.Outcome!.Verdict!.Instead is not null);
        Assert.Equal(12, AllCards.QuestionNodes().Max(n => n.Outcome!.Question!.Choices.Count));
    }

    // ---- Question cards -------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(QuestionPaths))]
    public void A_question_card_asks_in_plain_words_and_says_what_is_known(string path)
    {
        var node = QuestionNode(path);
        var card = AllCards.QuestionCard(node);
        var texts = Texts(card).ToList();

        Assert.Equal(node.Outcome!.Question!.Fact.Question, texts[0]);
        var soFar = texts.Where(t => t.StartsWith("So far: ", StringComparison.Ordinal)).ToList();
        if (node.Path.Count == 0)
        {
            Assert.Empty(soFar);
        }
        else
        {
            Assert.Equal(["So far: " + string.Join(" · ", node.Path.Select(s => s.Value.Phrase))], soFar);
        }
    }

    [Fact]
    public void The_so_far_line_reads_like_the_example()
    {
        var medium = AllCards.Policy.Fact("medium");
        var card = PolicyCards.Question(
            new Question(AllCards.Policy.Fact("purpose"), AllCards.Policy.Fact("purpose").Values),
            [new SituationFact("medium", medium.Question, "text messages", false), new SituationFact("relationship", "Who is the person?", "a current student", false)],
            new SubmitContext("s", 2));

        Assert.Contains("So far: text messages · a current student", Texts(card));
    }

    [Theory]
    [MemberData(nameof(QuestionPaths))]
    public void Every_choice_is_a_visible_button_with_the_contract_data_and_its_description_under_it(string path)
    {
        var node = QuestionNode(path);
        var question = node.Outcome!.Question!;
        var card = AllCards.QuestionCard(node);
        var choiceRows = ((JArray)card["body"]!).OfType<JObject>().Where(e => (string?)e["type"] == "Container").ToList();

        Assert.Equal(question.Choices.Count, choiceRows.Count);
        for (var i = 0; i < question.Choices.Count; i++)
        {
            var choice = question.Choices[i];
            var items = (JArray)choiceRows[i]["items"]!;
            var actions = (JArray)items[0]["actions"]!;
            var button = Assert.Single(actions);
            Assert.Equal("ActionSet", (string?)items[0]["type"]);
            Assert.Equal("Action.Submit", (string?)button["type"]);
            Assert.Equal(choice.Label, (string?)button["title"]);
            // The tooltip adds to the title (which question it answers) rather than repeating the line under the button.
            Assert.Equal($"Answer “{question.Fact.Question}” with this", (string?)button["tooltip"]);
            Assert.NotEqual(choice.Description, (string?)button["tooltip"]);
            var expected = new JObject
            {
                ["policybot"] = "answer",
                ["situation"] = AllCards.Situation,
                ["step"] = node.Path.Count,
                ["fact"] = question.Fact.Id,
                ["value"] = choice.Id,
            };
            Assert.True(JToken.DeepEquals(expected, button["data"]), $"{choice.Id}: {button["data"]}");
            Assert.Equal("TextBlock", (string?)items[1]["type"]);
            Assert.Equal(choice.Description, (string?)items[1]["text"]);
        }
    }

    [Theory]
    [MemberData(nameof(QuestionPaths))]
    public void A_question_card_offers_start_over_and_hides_nothing(string path)
    {
        var node = QuestionNode(path);
        var card = AllCards.QuestionCard(node);

        Assert.Null(card["actions"]);
        var last = (JObject)((JArray)card["body"]!).Last!;
        Assert.Equal("ActionSet", (string?)last["type"]);
        Assert.True((bool?)last["separator"], "Start over is set apart from the choices by a line");
        var startOver = Assert.Single((JArray)last["actions"]!);
        Assert.Equal("Start over", (string?)startOver["title"]);
        Assert.True(JToken.DeepEquals(
            new JObject { ["policybot"] = "start-over", ["situation"] = AllCards.Situation, ["step"] = node.Path.Count },
            startOver["data"]));
        AssertEverythingVisible(card);
    }

    [Fact]
    public void The_twelve_media_are_all_offered_one_per_action_set()
    {
        var node = AllCards.QuestionNodes().First(n => n.Outcome!.Question!.Fact.Id == "medium");
        var card = AllCards.QuestionCard(node);
        var titles = OfType(card, "ActionSet").Select(set => (string?)Assert.Single((JArray)set["actions"]!)["title"]).ToList();

        Assert.Equal(AllCards.Policy.Fact("medium").Values.Select(v => v.Label).Append("Start over"), titles);
        Assert.Equal(13, titles.Count);
    }

    // ---- Verdict cards --------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(VerdictPaths))]
    public void A_verdict_card_shows_the_verdict_in_words_and_colour_and_the_answer(string path)
    {
        var verdict = VerdictNode(path).Outcome!.Verdict!;
        var card = AllCards.VerdictCard(VerdictNode(path));
        var banner = (JObject)card["body"]![0]!;
        // One colour per kind: needs administration is not the amber of conditions (nor of a note).
        var expectedStyle = verdict.Kind switch
        {
            VerdictKind.Allowed => "good",
            VerdictKind.AllowedWithConditions => "warning",
            VerdictKind.Forbidden => "attention",
            VerdictKind.NeedsAdministration => "accent",
            VerdictKind.NotCovered => "emphasis",
            _ => throw new InvalidOperationException(),
        };
        var heading = verdict.Kind == VerdictKind.NotCovered ? "Not covered: the policy does not cover this" : verdict.Kind.Words();

        Assert.Equal("Container", (string?)banner["type"]);
        Assert.Equal(expectedStyle, (string?)banner["style"]);
        Assert.Equal(expectedStyle, PolicyCards.Look(verdict.Kind).Style);
        Assert.Equal([heading, verdict.Answer], Texts(banner));
        Assert.Equal("heading", (string?)OfType(banner, "TextBlock").First()["style"]);
    }

    [Fact]
    public void Each_verdict_kind_has_its_own_colour()
    {
        var styles = Enum.GetValues<VerdictKind>().Select(k => PolicyCards.Look(k).Style).ToList();
        Assert.Equal(styles.Count, styles.Distinct().Count());
        // The unclear-policy note has no colour of its own, so it is never taken for a verdict.
        var note = AllCards.VerdictNodes().Select(n => AllCards.VerdictCard(n)).SelectMany(c => OfType(c, "Container"))
            .Where(c => Texts(c).Contains("The policy is unclear here")).ToList();
        Assert.NotEmpty(note);
        Assert.All(note, c => Assert.Null(c["style"]));
    }

    [Theory]
    [MemberData(nameof(VerdictPaths))]
    public void The_fallback_text_stands_alone_with_the_verdict_the_answer_and_the_conditions_or_instead(string path)
    {
        var verdict = VerdictNode(path).Outcome!.Verdict!;
        var fallback = (string)AllCards.VerdictCard(VerdictNode(path))["fallbackText"]!;

        Assert.StartsWith(verdict.Kind == VerdictKind.NotCovered ? "Not covered: the policy does not cover this. " : verdict.Kind.Words() + ". ", fallback, StringComparison.Ordinal);
        Assert.Contains(verdict.Answer, fallback, StringComparison.Ordinal);
        Assert.All(verdict.Conditions, c => Assert.Contains(c.TrimEnd('.'), fallback, StringComparison.Ordinal));
        Assert.Equal(verdict.Conditions.Count > 0, fallback.Contains("Conditions to keep: ", StringComparison.Ordinal));
        if (verdict.Instead is not null)
        {
            Assert.Contains((verdict.Conditions.Count > 0 ? "Instead: " : "What to do instead: ") + verdict.Instead, fallback, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(VerdictPaths))]
    public void At_a_glance_the_verdict_then_conditions_or_instead_then_the_first_clause_then_Details(string path)
    {
        var verdict = VerdictNode(path).Outcome!.Verdict!;
        var card = AllCards.VerdictCard(VerdictNode(path));
        var body = ((JArray)card["body"]!).OfType<JObject>().ToList();
        // What lands on screen, in order: the elements before the Details button (nothing of the card is hidden).
        var visible = body.TakeWhile(e => (string?)e["type"] != "ActionSet").ToList();
        var texts = visible.SelectMany(e => Texts(e).Concat(OfType(e, "TextRun").Select(r => (string)r["text"]!))).ToList();
        var headings = visible.SelectMany(e => OfType(e, "TextBlock")).Where(t => (string?)t["style"] == "heading").Select(t => (string)t["text"]!).ToList();

        var expected = new List<string> { verdict.Kind == VerdictKind.NotCovered ? "Not covered: the policy does not cover this" : verdict.Kind.Words() };
        if (verdict.Conditions.Count > 0)
        {
            expected.Add("Conditions to keep");
        }
        if (verdict.Instead is not null && verdict.Conditions.Count == 0)
        {
            expected.Add("What to do instead");
        }
        expected.Add(verdict.Clauses.Count == 1 ? "The clause this rests on" : "The clauses this rests on");
        Assert.Equal(expected, headings);
        if (verdict.Instead is not null)
        {
            Assert.Contains(verdict.Conditions.Count > 0 ? "Instead: " + verdict.Instead : verdict.Instead, texts);
        }
        Assert.Contains(verdict.Clauses[0].Text, texts);
        Assert.All(verdict.Clauses.Skip(1), c => Assert.DoesNotContain(c.Text, texts));
        Assert.DoesNotContain(verdict.Reason, texts);
        Assert.DoesNotContain("What I understood", texts);
        Assert.DoesNotContain("The policy is unclear here", texts);
        Assert.Equal(Citation, texts.Last());

        var details = Assert.Single(Typed(card), o => (string?)o["type"] == "Action.ShowCard");
        Assert.Equal("Details", (string?)details["title"]);
        var inside = Texts((JObject)details["card"]!).ToList();
        Assert.Contains("Why", inside);
        Assert.Contains(verdict.Reason, inside);
        Assert.Equal(verdict.Ambiguity is not null, inside.Contains("The policy is unclear here"));
    }

    [Theory]
    [MemberData(nameof(VerdictPaths))]
    public void Every_deciding_clause_is_quoted_verbatim_in_order_with_its_heading_and_the_citation_once(string path)
    {
        var verdict = VerdictNode(path).Outcome!.Verdict!;
        var card = AllCards.VerdictCard(VerdictNode(path));
        var quotes = OfType(card, "Container").Where(c => OfType(c, "RichTextBlock").Any()).ToList();

        Assert.Equal(verdict.Clauses.Count, quotes.Count);
        for (var i = 0; i < verdict.Clauses.Count; i++)
        {
            var clause = verdict.Clauses[i];
            var quote = quotes[i];
            // The first clause in a grey box on the card; the others on the white of their own box inside grey Details.
            Assert.Equal(i == 0 ? "emphasis" : "default", (string?)quote["style"]);
            var runs = OfType(quote, "TextRun").Select(r => (string)r["text"]!).ToList();
            Assert.Equal(["“", clause.Text, "”"], runs);
            Assert.Contains(clause.Text, AllCards.Policy.SourceText);
            Assert.Equal([clause.Heading], Texts(quote));
        }
        // The policy's title and revision date once per card, under the first clause.
        Assert.Single(AllStrings(card), t => t.Contains("Electronic Resources and Social Networking", StringComparison.Ordinal));
        Assert.Single(Texts(card), t => t == Citation);
    }

    [Theory]
    [MemberData(nameof(VerdictPaths))]
    public void A_verdict_card_gives_the_reason_conditions_or_instead_and_the_ambiguity_note(string path)
    {
        var verdict = VerdictNode(path).Outcome!.Verdict!;
        var texts = Texts(AllCards.VerdictCard(VerdictNode(path))).ToList();

        Assert.Contains(verdict.Reason, texts);
        Assert.Equal(verdict.Conditions.Select(c => "• " + c), texts.Where(t => t.StartsWith("• ", StringComparison.Ordinal)));
        Assert.Equal(verdict.Conditions.Count > 0, texts.Contains("Conditions to keep"));
        Assert.Equal(verdict.Instead is not null && verdict.Conditions.Count == 0, texts.Contains("What to do instead"));
        if (verdict.Instead is not null)
        {
            Assert.Contains(verdict.Conditions.Count > 0 ? "Instead: " + verdict.Instead : verdict.Instead, texts);
        }
        Assert.Equal(verdict.Ambiguity is not null, texts.Contains("The policy is unclear here"));
        if (verdict.Ambiguity is not null)
        {
            Assert.Contains(verdict.Ambiguity, texts);
            Assert.Contains(texts, t => t.Contains("tap Ask administration", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(VerdictPaths))]
    public void A_verdict_card_lists_what_you_told_me_under_Details_and_offers_a_change_only_for_what_was_understood(string path)
    {
        var node = VerdictNode(path);
        var card = AllCards.VerdictCard(node);
        var details = (JObject)Assert.Single(Typed(card), o => (string?)o["type"] == "Action.ShowCard")["card"]!;

        Assert.Contains("What I understood", Texts(details));
        var facts = Assert.Single(OfType(details, "FactSet"))["facts"]!.Select(f => ((string?)f["title"], (string?)f["value"]));
        Assert.Equal(node.Path.Select(s => ((string?)s.Fact.Question, (string?)s.Value.Label)), facts);
        Assert.DoesNotContain(Submits(card), a => (string?)a["data"]![CardActions.ActionField] == CardActions.Change);

        var understood = AllCards.VerdictCard(node, understood: true);
        var change = Assert.Single(Submits(understood), a => (string?)a["data"]![CardActions.ActionField] == CardActions.Change);
        Assert.Equal("Change what I understood", (string?)change["title"]);
        Assert.True(JToken.DeepEquals(
            new JObject { ["policybot"] = "change", ["situation"] = AllCards.Situation, ["step"] = node.Path.Count },
            change["data"]));
    }

    [Fact]
    public void A_verdict_card_has_at_most_five_actions()
    {
        foreach (var card in AllCards.VerdictNodes().SelectMany(n => new[] { AllCards.VerdictCard(n), AllCards.VerdictCard(n, understood: true) }))
        {
            var actions = Typed(card).Where(o => ((string)o["type"]!).StartsWith("Action.", StringComparison.Ordinal)).ToList();
            Assert.InRange(actions.Count, 1, 5);
        }
    }

    [Theory]
    [MemberData(nameof(VerdictPaths))]
    public void A_verdict_card_offers_one_tap_feedback_helpful_or_not_right(string path)
    {
        var node = VerdictNode(path);
        var actions = (JArray)AllCards.VerdictCard(node)["actions"]!;

        Assert.Equal(["Helpful", "Not right"], actions.Select(a => (string?)a["title"]));
        Assert.True(JToken.DeepEquals(new JObject { ["policybot"] = "feedback", ["situation"] = AllCards.Situation, ["step"] = node.Path.Count, ["value"] = "helpful" }, actions[0]["data"]));
        Assert.True(JToken.DeepEquals(new JObject { ["policybot"] = "feedback", ["situation"] = AllCards.Situation, ["step"] = node.Path.Count, ["value"] = "not-right" }, actions[1]["data"]));
    }

    [Fact]
    public void After_not_right_the_card_asks_what_was_wrong_with_four_choices_that_carry_the_same_verdict()
    {
        var card = FeedbackCards.WhatWasWrong(new SubmitContext("s-1", 4));
        var submits = Submits(card).ToList();

        Assert.Equal(["The verdict", "What I understood", "The clause", "Something else"], submits.Select(a => (string?)a["title"]));
        Assert.Equal(["wrong-verdict", "wrong-understood", "wrong-clause", "wrong-other"], submits.Select(a => (string?)a["data"]!["value"]));
        Assert.All(submits, a => Assert.True(CardActions.TryRead(a["data"], out var submit) && submit!.Situation == "s-1" && submit.Step == 4));
        Assert.Equal(4, OfType(card, "ActionSet").Count());
    }

    [Fact]
    public void A_feedback_submit_with_an_unknown_value_or_no_situation_is_not_read()
    {
        Assert.False(CardActions.TryRead(JObject.Parse("""{"policybot":"feedback","situation":"s","step":1,"value":"great"}"""), out _));
        Assert.False(CardActions.TryRead(JObject.Parse("""{"policybot":"feedback","step":1,"value":"helpful"}"""), out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => CardActions.FeedbackData(new SubmitContext("s", 1), "great"));
    }

    [Fact]
    public void A_verdict_with_no_facts_leaves_out_the_fact_list()
    {
        var verdict = AllCards.VerdictNodes().First().Outcome!.Verdict!;
        var card = PolicyCards.Verdict(verdict, [], new SubmitContext("s", 0));

        Assert.DoesNotContain("What I understood", Texts(card));
        Assert.Empty(OfType(card, "FactSet"));
        Assert.DoesNotContain("what I understood", (string?)Typed(card).Single(o => (string?)o["type"] == "Action.ShowCard")["tooltip"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_citation_falls_back_to_the_adoption_date_when_never_revised()
    {
        var m = AllCards.Policy.Metadata with { Revised = null };
        Assert.Equal("— Electronic Resources and Social Networking, Stevensville School District, adopted October 10, 2017", PolicyCards.Citation(m));
    }

    // ---- Welcome, help, error, policy ------------------------------------------------------------

    [Fact]
    public void The_welcome_card_says_what_for_whom_which_policy_and_offers_example_questions()
    {
        var card = PolicyCards.Welcome(AllCards.Policy.Metadata, AllCards.ExampleQuestions);
        var texts = Texts(card).ToList();

        Assert.Equal("Hi, I'm PolicyBot", texts[0]);
        Assert.Contains(texts, t => t.Contains("Can I text this student?", StringComparison.Ordinal));
        Assert.Contains("For teachers, coaches, paraprofessionals and office staff of Stevensville School District.", texts);
        Assert.Contains("Electronic Resources and Social Networking", texts);
        Assert.Contains("Stevensville School District · revised May 9, 2019", texts);
        Assert.Contains("Try one of these", texts);
        var asks = Submits(card).Where(a => (string?)a["data"]!["policybot"] == "ask").ToList();
        Assert.Equal(AllCards.ExampleQuestions, asks.Select(a => (string?)a["title"]));
        Assert.All(asks, a => Assert.True(JToken.DeepEquals(new JObject { ["policybot"] = "ask", ["text"] = a["title"] }, a["data"])));
        var help = Assert.Single((JArray)card["actions"]!);
        Assert.True(JToken.DeepEquals(new JObject { ["policybot"] = "help" }, help["data"]));
    }

    [Fact]
    public void The_welcome_card_without_examples_drops_the_examples_heading()
    {
        var card = PolicyCards.Welcome(AllCards.Policy.Metadata, []);
        Assert.DoesNotContain("Try one of these", Texts(card));
        Assert.DoesNotContain(Submits(card), a => (string?)a["data"]!["policybot"] == "ask");
    }

    [Fact]
    public void The_help_card_lists_every_bot_command_and_explains_mentions()
    {
        var card = PolicyCards.Help(AllCards.Policy.Metadata);
        var commands = Assert.Single(OfType(card, "FactSet"))["facts"]!.Select(f => (string)f["title"]!).ToList();

        foreach (var command in BotCommands.All)
        {
            Assert.Contains(commands, c => c == command || c.StartsWith(command + " ", StringComparison.Ordinal));
        }
        Assert.Equal(BotCommands.All.Count, commands.Count);
        var texts = Texts(card).ToList();
        Assert.Contains("In a group chat or a channel", texts);
        Assert.Contains(texts, t => t.Contains("@mention me first", StringComparison.Ordinal) && t.Contains("@PolicyBot ", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Electronic Resources and Social Networking (Stevensville School District, revised May 9, 2019)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_help_card_takes_other_commands_and_another_name()
    {
        var card = PolicyCards.Help(AllCards.Policy.Metadata, [("hello", "Says hello.")], "RulesBot");
        Assert.Equal("hello", (string?)Assert.Single(OfType(card, "FactSet").Single()["facts"]!)["title"]);
        Assert.Equal("How to use RulesBot", Texts(card).First());
    }

    [Fact]
    public void The_error_card_is_friendly_and_offers_start_over_with_or_without_a_situation()
    {
        var plain = PolicyCards.Error("I could not read that answer.");
        Assert.Contains("I could not read that answer.", Texts(plain));
        Assert.Equal("attention", (string?)plain["body"]![0]!["style"]);
        Assert.True(JToken.DeepEquals(new JObject { ["policybot"] = "start-over" }, Assert.Single(Submits(plain))["data"]));

        var inSituation = PolicyCards.Error("Out of date.", new SubmitContext("s-9", 3));
        Assert.True(JToken.DeepEquals(
            new JObject { ["policybot"] = "start-over", ["situation"] = "s-9", ["step"] = 3 },
            Assert.Single(Submits(inSituation))["data"]));
        Assert.Throws<ArgumentException>(() => PolicyCards.Error(" "));
    }

    [Fact]
    public void The_policy_card_gives_title_district_dates_sections_and_cross_references()
    {
        var card = PolicyCards.PolicyInfo(AllCards.Policy);
        var texts = Texts(card).ToList();

        Assert.Equal("Electronic Resources and Social Networking", texts[0]);
        Assert.Equal("Stevensville School District", texts[1]);
        var dates = Assert.Single(OfType(card, "FactSet"))["facts"]!.Select(f => ((string?)f["title"], (string?)f["value"]));
        Assert.Equal(
            [("Adopted", "October 10, 2017"), ("Reviewed", "September 12, 2017; April 9, 2019"), ("Revised", "May 9, 2019")],
            dates);
        Assert.Equal(
            AllCards.Policy.Clauses.Select(c => "• " + c.Heading).Concat(AllCards.Policy.Metadata.CrossReferences.Select(r => "• " + r)),
            texts.Where(t => t.StartsWith("• ", StringComparison.Ordinal)));
        Assert.Contains("Cross references", texts);
    }

    // ---- Every card -------------------------------------------------------------------------------

    [Fact]
    public void Every_card_is_fully_bound_schema_1_5_and_under_28_KB()
    {
        // 7 administrator cards, 3 privacy cards, 3 safety cards, 3 feedback cards; questions and verdicts picked and understood, a confirmation per verdict, 3 corrections
        var questions = AllCards.QuestionNodes().Count();
        var verdicts = AllCards.VerdictNodes().Count();
        Assert.Equal(6 + 7 + 3 + 3 + 3 + RequestCardSamples.All.Count + questions + (questions - 1) + 3 * verdicts + 3, AllCards.Cards.Count);
        foreach (var (name, card) in AllCards.Cards)
        {
            Assert.Equal("AdaptiveCard", (string?)card["type"]);
            Assert.Equal("1.5", (string?)card["version"]);
            Assert.DoesNotContain(AllStrings(card), s => s.Contains("${", StringComparison.Ordinal));
            Assert.DoesNotContain(AllKeys(card), k => k is "$data" or "$when");
            var size = PolicyCards.SizeInBytes(card);
            Assert.True(size < PolicyCards.MaxCardBytes, $"{name}: {size} bytes");
            Assert.True(size < 28 * 1024);
        }
    }

    [Fact]
    public void Every_button_on_every_card_carries_contract_data_the_bot_can_read()
    {
        foreach (var (name, card) in AllCards.Cards)
        {
            foreach (var action in Typed(card).Where(o => ((string)o["type"]!).StartsWith("Action.", StringComparison.Ordinal)))
            {
                if ((string?)action["type"] == "Action.OpenUrl")
                {
                    // The one exception: the safety card's call buttons, which open the phone, not the bot.
                    Assert.StartsWith("safety", name, StringComparison.Ordinal);
                    Assert.StartsWith("tel:", (string?)action["url"], StringComparison.Ordinal);
                    continue;
                }
                if ((string?)action["type"] == "Action.ShowCard")
                {
                    // The other exception: a verdict card's "Details", which opens on the card itself.
                    Assert.StartsWith("verdict", name, StringComparison.Ordinal);
                    Assert.Equal("Details", (string?)action["title"]);
                    continue;
                }
                Assert.Equal("Action.Submit", (string?)action["type"]);
                Assert.False(string.IsNullOrWhiteSpace((string?)action["title"]), name);
                if (RequestCardActions.ActionOf(action["data"]) is not null)
                {
                    // Read by the requests feature (RequestCommands): its own cards and "Ask administration" on verdicts.
                    Assert.Matches("^(request|registry|verdict)", name);
                    Assert.Null(action["data"]!["msteams"]);
                    continue;
                }
                Assert.True(CardActions.TryRead(action["data"], out var submit), $"{name}: {action["data"]}");
                Assert.Contains(submit!.Action, CardActions.All);
                Assert.Null(action["data"]!["msteams"]);
            }
        }
    }

    [Fact]
    public void Every_card_wraps_its_text_and_keeps_every_action_visible()
    {
        foreach (var (name, card) in AllCards.Cards)
        {
            Assert.All(OfType(card, "TextBlock"), t => Assert.True((bool?)t["wrap"] == true, $"{name}: {t}"));
            AssertEverythingVisible(card);
        }
    }

    [Fact]
    public void Cards_are_built_fresh_each_time()
    {
        var node = AllCards.QuestionNodes().First();
        var first = AllCards.QuestionCard(node);
        first["body"]![0]!["text"] = "changed";
        Assert.NotEqual("changed", (string?)AllCards.QuestionCard(node)["body"]![0]!["text"]);
    }

    [Fact]
    public void No_card_carries_two_actions_with_the_same_title()
    {
        var cards = AllCards.Cards.Concat(AllCards.VerdictNodes().Select(n => ($"verdict, understood {AllCards.Describe(n)}", AllCards.VerdictCard(n, understood: true))));
        foreach (var (name, card) in cards)
        {
            var titles = Typed(card).Where(o => ((string)o["type"]!).StartsWith("Action.", StringComparison.Ordinal)).Select(a => (string?)a["title"]).ToList();
            var twice = titles.GroupBy(t => t, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(twice.Count == 0, $"{name}: two actions titled {string.Join(", ", twice)}");
        }
    }

    [Fact]
    public void No_tooltip_repeats_its_buttons_title_or_the_line_under_it()
    {
        foreach (var (name, card) in AllCards.Cards)
        {
            var texts = Texts(card).ToHashSet(StringComparer.Ordinal);
            foreach (var action in Typed(card).Where(o => o["tooltip"] is not null))
            {
                var tooltip = (string)action["tooltip"]!;
                Assert.False(string.Equals(tooltip, (string?)action["title"], StringComparison.OrdinalIgnoreCase), $"{name}: {action}");
                Assert.False(texts.Contains(tooltip), $"{name}: the tooltip \"{tooltip}\" repeats a line of the card");
            }
        }
    }

    [Fact]
    public void Section_labels_are_headings_on_every_card()
    {
        string[] labels =
        [
            "Conditions to keep", "What to do instead", "The clause this rests on", "The clauses this rests on", "The other clause",
            "The other clauses", "Why", "The policy is unclear here", "What I understood", "Commands", "In a group chat or a channel",
            "Sections I quote", "Cross references", "Try one of these", "The policy I follow", "Report it", "Your safety contact", "Each person",
        ];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, card) in AllCards.Cards)
        {
            foreach (var label in OfType(card, "TextBlock").Where(t => labels.Contains((string?)t["text"])))
            {
                Assert.True((string?)label["style"] == "heading", $"{name}: \"{label["text"]}\" is a section label, not a heading");
                seen.Add((string)label["text"]!);
            }
        }
        Assert.Empty(labels.Except(seen).Except(["The clauses this rests on", "The other clause", "The other clauses"]));
    }

    [Fact]
    public void A_question_cards_fallback_text_carries_what_is_known_each_choice_with_its_suggestion_and_what_was_understood()
    {
        var node = AllCards.QuestionNodes().First(n => n.Outcome!.Question!.Fact.Id == "medium");
        var question = node.Outcome!.Question!;
        var fallback = (string)AllCards.QuestionCard(node, understood: true)["fallbackText"]!;

        Assert.StartsWith(question.Fact.Question + " ", fallback, StringComparison.Ordinal);
        Assert.All(question.Choices, c => Assert.Contains($"{c.Label} ({c.Description.TrimEnd('.')})", fallback, StringComparison.Ordinal));
        Assert.Contains("From what you wrote, I understood: " + string.Join(" · ", node.Path.Select(s => s.Value.Phrase)), fallback, StringComparison.Ordinal);
        var known = (string)AllCards.QuestionCard(node)["fallbackText"]!;
        Assert.Contains("So far: " + string.Join(" · ", node.Path.Select(s => s.Value.Phrase)) + ".", known, StringComparison.Ordinal);
    }

    /// <summary>
    /// At most 6 actions per action set (Teams' maxActions), none hidden, none in an overflow menu. The one thing a card
    /// keeps folded is a verdict's "Details" (an inline Action.ShowCard), which the verdict tests check.
    /// </summary>
    private static void AssertEverythingVisible(JObject card)
    {
        Assert.True(((JArray?)card["actions"])?.Count is null or <= 6);
        Assert.All(OfType(card, "ActionSet"), set => Assert.InRange(((JArray)set["actions"]!).Count, 1, 6));
        Assert.DoesNotContain(Typed(card), o => (bool?)o["isVisible"] == false);
        Assert.DoesNotContain(Typed(card), o => string.Equals((string?)o["mode"], "secondary", StringComparison.OrdinalIgnoreCase));
        Assert.All(OfType(card, "Action.ShowCard"), s => Assert.Equal("Details", (string?)s["title"]));
    }

    // ---- Safety card ----------------------------------------------------------------------------

    [Fact]
    public void The_safety_card_is_labelled_as_the_districts_guidance_and_puts_911_first()
    {
        var card = PolicyCards.Safety(PolicyBot.Rules.Safety.SafetyGuidanceLoader.LoadEmbedded());
        var texts = Texts(card).ToList();

        Assert.Equal("Stevensville School District's safety guidance", texts[0]);
        Assert.Equal("If a student is in immediate danger, call 911 now.", texts[1]);
        var headings = OfType(card, "TextBlock").Where(t => (string?)t["style"] == "heading").Select(t => (string)t["text"]!).ToList();
        Assert.Equal(["Stevensville School District's safety guidance", "Report it", "Your safety contact", "988 Suicide & Crisis Lifeline"], headings);
        Assert.Contains(texts, t => t.Contains("not the policy I quote, and not legal advice", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("child protective services or law enforcement", StringComparison.Ordinal));
        Assert.Contains("Tell your principal or school counselor.", texts);
        var call = Assert.Single(OfType(card, "Action.OpenUrl"));
        Assert.Equal("Call 988", (string?)call["title"]);
        Assert.Equal("tel:988", (string?)call["url"]);
        Assert.Empty(Submits(card));
    }

    [Fact]
    public void The_safety_cards_fallback_text_carries_the_whole_guidance()
    {
        var guidance = AllCards.SafetyWithContactNumber;
        var fallback = (string)PolicyCards.Safety(guidance)["fallbackText"]!;

        Assert.StartsWith("Otherville Unified's safety guidance (not policy text): If a student is in immediate danger, call 911 now.", fallback);
        Assert.All(guidance.Reporting, line => Assert.Contains(line, fallback));
        Assert.Contains("Your safety contact: Tell Pat Lee, district safety coordinator: (406) 555-0100.", fallback);
        Assert.Contains("After school hours, call the district office.", fallback);
        Assert.Contains("988 Suicide & Crisis Lifeline: Call or text 988", fallback);
    }

    [Fact]
    public void A_contact_with_a_number_gets_a_call_button_and_one_without_does_not()
    {
        var withNumber = PolicyCards.Safety(AllCards.SafetyWithContactNumber);
        var without = PolicyCards.Safety(PolicyBot.Rules.Safety.SafetyGuidance.Default("Otherville Unified"));

        Assert.Equal(["tel:988", "tel:4065550100"], OfType(withNumber, "Action.OpenUrl").Select(a => (string)a["url"]!));
        Assert.Contains("After school hours, call the district office.", Texts(withNumber));
        Assert.Equal(["tel:988"], OfType(without, "Action.OpenUrl").Select(a => (string)a["url"]!));
        Assert.Equal("Otherville Unified's safety guidance", Texts(without).First());
    }
}

/// <summary>The administrator cards: roles and the test message's queued count.</summary>
public class AdminCardsTests
{
    [Fact]
    public void The_roles_card_lists_each_role_with_what_it_allows_and_offers_the_test_message_only_when_asked()
    {
        var roles = new AdminCards.RoleLine[] { new("Staff member", "Ask about the policy."), new("Campaign author", "Send policy reminders.") };

        var offered = AdminCards.Roles("You are a campaign author.", roles, "0f8fad5b-d9cb-469f-a165-70867728950e", "Ask IT.", canSendTestMessage: true);
        var notOffered = AdminCards.Roles("You are a campaign author.", roles, null, "Ask IT.", canSendTestMessage: false);

        var texts = CardJson.Texts(offered).ToList();
        Assert.Contains("Campaign author", texts);
        Assert.Contains("Send policy reminders.", texts);
        Assert.Contains("Your Microsoft Entra object id: 0f8fad5b-d9cb-469f-a165-70867728950e", texts);
        Assert.Contains(CardJson.Submits(offered), s => (string?)s["title"] == "Send a test message" && (string?)s["data"]![CardActions.ActionField] == CardActions.TestMessage);
        Assert.DoesNotContain(CardJson.Submits(notOffered), s => (string?)s["title"] == "Send a test message");
        Assert.DoesNotContain(CardJson.Texts(notOffered), t => t.Contains("object id", StringComparison.Ordinal));
    }

    [Fact]
    public void The_test_message_card_states_what_was_queued_and_no_status()
    {
        var card = AdminCards.TestMessageQueued("Hello from PolicyBot.", 1234, "test:abc");

        var texts = string.Join("\n", CardJson.AllStrings(card));
        Assert.Contains("Queued a test message for 1,234 people", texts);
        Assert.Contains("test:abc", texts);
        Assert.DoesNotContain("sent:", texts, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Nobody can be reached yet", string.Join("\n", CardJson.AllStrings(AdminCards.TestMessageQueued("x", 0, "test:abc"))));
    }

    [Fact]
    public void A_test_message_button_reads_back_with_nothing_else_from_its_data()
    {
        var data = CardActions.TestMessageData();
        data["aadObjectId"] = "someone-else";

        Assert.True(CardActions.TryRead(data, out var submit));
        Assert.Equal(new CardSubmit(CardActions.TestMessage, null, null, null, null, null), submit);
    }
}
