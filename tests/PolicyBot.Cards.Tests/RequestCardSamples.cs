using Newtonsoft.Json.Linq;

namespace PolicyBot.Cards.Tests;

/// <summary>Every shape of the request cards (form, requester notice, channel card in each state, registry), for the renderer and content tests.</summary>
public static class RequestCardSamples
{
    public static readonly TitledValue[] People = [new("Sam Counselor", "5a1f0c1e-0000-4000-8000-000000000001"), new("Pat Principal", "5a1f0c1e-0000-4000-8000-000000000002")];

    public static JObject PresenceForm(IReadOnlyList<string>? errors = null, IReadOnlyList<TitledValue>? administrators = null, IReadOnlyList<TitledValue>? schools = null) =>
        RequestCards.Form(new RequestFormView(
            true, 12, "Ask administration: a class, team or school account", "Fill this in; I'll show it to you before sending.",
            errors ?? [], new Dictionary<string, string> { ["platform"] = "Instagram", ["posts"] = "announcements,student-photos", ["startDate"] = "2027-01-10" },
            administrators ?? People, schools ?? [],
            ["• What would you do? Start a class or school account", "My answer: Needs administration. Contact administration to set it up.", "Clauses: 12 (An educational social media presence), 6 (Groups and pages)"]));

    public static JObject QuestionForm() =>
        RequestCards.Form(new RequestFormView(false, 13, "Ask administration: a question about the policy", "Your question goes to the administration.", [],
            new Dictionary<string, string> { ["ownWords"] = "Can I follow students back from the team page?" }, [],
            [new("Stevensville High", "19:abc@thread.tacv2"), new("District office (no school)", "district")], []));

    public static JObject Channel(bool open, bool presence, bool approved = false, bool noDeciders = false) =>
        RequestCards.Channel(new RequestChannelView(
            $"Request #12 · {(presence ? "social media presence" : "question about an unclear case")}: Instagram — @room12news",
            open ? "IN REVIEW · assigned to Dana Dean" : approved ? "APPROVED" : "DECLINED",
            open ? "accent" : approved ? "good" : "attention",
            [new("Requester", "Lee Teacher"), new("School", "Stevensville High"), new("Platform", "Instagram")],
            ["What would you do? Start a class or school account"],
            "PolicyBot's answer: **Needs administration**. Contact administration to set it up.",
            presence ? "" : "The policy does not say what an approved class account may post.",
            [("12", "An educational social media presence", "Staff should contact the administration if they would like to establish an educational related social media presence.")],
            ["Dec 2, 09:14 UTC · Lee Teacher sent it", "Dec 2, 09:20 UTC · Dana Dean took it"],
            noDeciders ? [] : People, 12, 3,
            CanAssign: open, CanApprove: open && presence, CanAnswer: open && !presence, CanAsk: open, CanRevoke: approved));

    public static JObject Registry(bool manage) =>
        RequestCards.Registry("Approved accounts", "1 active of 2.",
        [
            new(3, "Instagram — @room12news", [new("Owner", "Lee Teacher"), new("District administrator", "Sam Counselor"), new("Review by", "December 2, 2027")], true,
                manage ? [new CardButton("Mark reviewed", RequestCardActions.AccountData(3, "review")), new CardButton("Retire", RequestCardActions.AccountData(3, "retire"))] : [], manage),
            new(4, "Facebook — Lone Rock Eagles", [new("Owner", "Ari Para"), new("Status", "revoked: no district administrator any more")], false, [], false),
        ],
        manage ? [] : [new CardButton("None of these", RequestCardActions.AccountData(0, "none"))]);

    public static IReadOnlyList<(string Name, JObject Card)> All { get; } =
    [
        ("request form: presence", PresenceForm()),
        ("request form: presence with errors, nobody to pick", PresenceForm(["Platform: say where the account will be.", "What will be posted: tick at least one."], [])),
        ("request form: presence with schools", PresenceForm(schools: [new("Stevensville High", "19:abc@thread.tacv2"), new("District office (no school)", "district")])),
        ("request form: question", QuestionForm()),
        ("request notice: check before sending", RequestCards.Notice("Check your request before I send it", "It goes to the district's channel.", "accent",
            [new RequestSummaryView("Instagram — @room12news", [new("Platform", "Instagram"), new("Purpose", "Class news")], null, null,
                [new("Send to administration", RequestCardActions.DraftData(RequestCardActions.Send, 12), "positive"), new("Edit", RequestCardActions.DraftData(RequestCardActions.Edit, 12)), new("Discard", RequestCardActions.DraftData(RequestCardActions.Discard, 12))])])),
        ("request notice: needs information", RequestCards.Notice("Request #12: the administration asks", "Dana Dean asks: \"Who else?\"", "warning",
            [new RequestSummaryView("#12 Instagram", [new("State", "needs information (Dana Dean)"), new("Question for you", "Who else?")], "info", "Your answer",
                [new("Send answer", RequestCardActions.ActData(12, 4, "provide"), "positive"), new("Withdraw", RequestCardActions.ActData(12, 4, "withdraw"))])])),
        ("request notice: my requests", RequestCards.Notice("Your requests", "Your 2 latest requests.", "default",
            [new RequestSummaryView("#12 Instagram", [new("State", "approved")], null, null, []), new RequestSummaryView("#9 Question", [new("State", "answered")], null, null, [])])),
        ("request channel: presence open", Channel(open: true, presence: true)),
        ("request channel: presence open, no other decider known", Channel(open: true, presence: true, noDeciders: true)),
        ("request channel: question open", Channel(open: true, presence: false)),
        ("request channel: approved", Channel(open: false, presence: true, approved: true)),
        ("request channel: declined", Channel(open: false, presence: true)),
        ("registry: deciders", Registry(manage: true)),
        ("registry: which account", Registry(manage: false)),
    ];
}
