using Newtonsoft.Json.Linq;

namespace PolicyBot.Cards.Tests;

/// <summary>What the request cards show and which buttons they carry (the renderer checks them with every other card).</summary>
public class RequestCardsTests
{
    private static IEnumerable<JObject> Actions(JObject card, string type) =>
        card.Descendants().OfType<JObject>().Where(o => (string?)o["type"] == type);

    private static List<string> Titles(JObject card) =>
        [.. card["actions"]!.Select(a => (string)a["title"]!)];


    [Fact]
    public void An_open_presence_offers_the_five_administration_actions_each_naming_the_request_and_version()
    {
        var card = RequestCardSamples.Channel(open: true, presence: true);

        Assert.Equal(["Assign to me", "Assign to another administrator", "Approve", "Decline", "Ask for more information"], Titles(card));
        var submits = Actions(card, "Action.Submit").Select(a => (JObject)a["data"]!).ToList();
        Assert.All(submits, d => Assert.Equal((RequestCardActions.Act, 12L, 3L), ((string)d["policybot"]!, (long)d["request"]!, (long)d["version"]!)));
        Assert.Equal(["assign-me", "assign", "approve", "decline", "ask"], submits.Select(d => (string)d["act"]!));
    }

    [Fact]
    public void An_open_question_is_answered_not_approved_and_a_closed_request_offers_nothing_but_revoking_an_approval()
    {
        Assert.Equal(["Assign to me", "Assign to another administrator", "Send answer", "Ask for more information"], Titles(RequestCardSamples.Channel(open: true, presence: false)));
        Assert.Equal(["Assign to me", "Approve", "Decline", "Ask for more information"], Titles(RequestCardSamples.Channel(open: true, presence: true, noDeciders: true)));
        Assert.Equal(["Revoke approval"], Titles(RequestCardSamples.Channel(open: false, presence: true, approved: true)));
        Assert.Empty(RequestCardSamples.Channel(open: false, presence: true)["actions"]!);
    }

    [Fact]
    public void One_visible_note_box_carries_conditions_reasons_and_questions_and_the_clauses_are_quoted_verbatim()
    {
        var card = RequestCardSamples.Channel(open: true, presence: true);

        var note = card.Descendants().OfType<JObject>().Single(o => (string?)o["id"] == "note");
        Assert.StartsWith("Conditions to approve, the reason to decline, or a question", (string)note["label"]!);
        Assert.DoesNotContain(card.Descendants().OfType<JObject>(), o => (string?)o["type"] == "Action.ShowCard");
        Assert.Contains("“Staff should contact the administration if they would like to establish an educational related social media presence.”", card.ToString());
        Assert.Contains("Dec 2, 09:20 UTC · Dana Dean took it", card.ToString());
    }

    [Fact]
    public void The_form_shows_the_values_given_the_people_to_pick_and_its_errors_and_asks_for_a_date_with_a_date_input()
    {
        var card = RequestCardSamples.PresenceForm(["Platform: say where the account will be."]);
        var inputs = card.Descendants().OfType<JObject>().Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true).ToList();

        Assert.Equal(["platform", "accountName", "purpose", "audience", "administrator", "administratorTyped", "posts", "startDate", "note"], inputs.Select(i => (string)i["id"]!));
        Assert.Equal("Instagram", (string)inputs[0]["value"]!);
        Assert.Equal("Input.Date", (string)inputs[7]["type"]!);
        Assert.Equal(["Sam Counselor", "Pat Principal"], inputs[4]["choices"]!.Select(c => (string)c["title"]!));
        Assert.Contains("Platform: say where the account will be.", card.ToString());
        Assert.Equal((RequestCardActions.Form, 12L), ((string)card["actions"]![0]!["data"]!["policybot"]!, (long)card["actions"]![0]!["data"]!["request"]!));
    }

    [Fact]
    public void Without_a_roster_the_form_asks_for_a_typed_name_and_without_schools_no_school_choice()
    {
        var card = RequestCardSamples.PresenceForm(administrators: []);

        Assert.DoesNotContain(card.Descendants().OfType<JObject>(), o => (string?)o["id"] is "administrator" or "school");
        Assert.Contains("The approved district person who will administer it: their name or school e-mail", card.ToString());
    }

    [Fact]
    public void Each_registry_entry_has_its_own_reason_box_so_no_two_inputs_share_an_id()
    {
        var card = RequestCardSamples.Registry(manage: true);

        var ids = card.Descendants().OfType<JObject>().Where(o => o["id"] is not null).Select(o => (string)o["id"]!).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Contains("reason-3", ids);
    }

    [Fact]
    public void The_verdict_card_offers_ask_administration_where_the_policy_sends_people_there_and_contact_administration_elsewhere()
    {
        foreach (var node in AllCards.VerdictNodes())
        {
            var verdict = node.Outcome!.Verdict!;
            var card = AllCards.VerdictCard(node);
            // In its own action set under the verdict's body (the card's own actions are the feedback pair).
            var set = Assert.Single(((JArray)card["body"]!).OfType<JObject>(),
                o => (string?)o["type"] == "ActionSet" && o["actions"]!.Any(a => (string?)a["data"]?["policybot"] == RequestCardActions.Start));
            var last = Assert.Single(set["actions"]!);
            var expected = verdict.Kind == PolicyBot.Rules.Model.VerdictKind.NeedsAdministration || !string.IsNullOrWhiteSpace(verdict.Ambiguity)
                ? "Ask administration"
                : "Contact administration";
            Assert.Equal(expected, (string)last["title"]!);
            Assert.Equal((RequestCardActions.Start, AllCards.Situation), ((string)last["data"]!["policybot"]!, (string)last["data"]!["situation"]!));
        }
    }

    [Fact]
    public void A_request_card_with_every_text_at_its_longest_still_fits_a_teams_message_and_says_it_shortened_them()
    {
        var longText = string.Concat(Enumerable.Repeat("Practice times, bus pickups and the concert schedule for families. ", 30))[..2000];
        var view = new RequestChannelView(
            "Request #12 · social media presence: Instagram — @room12news", "IN REVIEW · assigned to Dana Dean", "accent",
            [.. Enumerable.Range(1, 7).Select(i => new TitledValue($"Field {i}", longText))],
            ["What would you do? Start a class or school account"],
            "PolicyBot's answer: **Needs administration**.", "",
            [("12", "An educational social media presence", "Staff should contact the administration if they would like to establish an educational related social media presence.")],
            [.. Enumerable.Range(1, 6).Select(i => $"Dec 2, 09:{i:00} UTC · Dana Dean asked: {longText}")],
            [], 12, 9, CanAssign: true, CanApprove: true, CanAnswer: false, CanAsk: true, CanRevoke: false);

        var card = RequestCards.Channel(view);

        Assert.True(PolicyCards.SizeInBytes(card) < PolicyCards.MaxCardBytes, $"{PolicyCards.SizeInBytes(card):N0} bytes");
        Assert.Contains(card.Descendants().OfType<JValue>(), v => v.Value is string t && t.StartsWith("Long texts are shortened here to ", StringComparison.Ordinal));
        // A short request is shown whole, with no such note.
        Assert.DoesNotContain(RequestCardSamples.Channel(open: true, presence: true).Descendants().OfType<JValue>(), v => v.Value is string t && t.StartsWith("Long texts are shortened", StringComparison.Ordinal));
    }
}
