using System.Text;
using Newtonsoft.Json.Linq;
using PolicyBot.Cards;
using PolicyBot.Rules.Tests;
using PolicyBot.TestSupport;
using PolicyBot.Tests.Infrastructure;
using Xunit.Abstractions;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Conversation;

/// <summary>
/// Every real-world staff question, played against the real bot over HTTP as Teams would: the
/// question is sent as typed, each follow-up card is answered by clicking the choice that matches
/// the row's facts (StaffQuestions.Mapping), and the verdict card is read. Prints a table.
/// Bars: verdict matches on ≥ 90 % of rows; zero false allowed; the ambiguity note on every row
/// marked ambiguous; median follow-up questions ≤ 1, none over 4. Every card the run produced
/// must pass Microsoft's Adaptive Cards renderer and stay under 28 KB.
/// </summary>
public class StaffQuestionsOverHttpTests(ConversationFixture bot, ITestOutputHelper output) : IClassFixture<ConversationFixture>
{
    internal static readonly Dictionary<string, string> KindOfWords = new()
    {
        ["Allowed"] = "allowed",
        ["Allowed with conditions"] = "allowed-with-conditions",
        ["Forbidden"] = "forbidden",
        ["Needs administration"] = "needs-administration",
        ["Not covered"] = "not-covered",
    };

    /// <summary>Verdict kinds from the most restrictive: the headline of a message with several parts.</summary>
    private static readonly List<string> Restrictiveness = ["forbidden", "needs-administration", "allowed-with-conditions", "not-covered", "allowed"];

    internal sealed record Outcome(StaffQuestions.Row Row, string? Got, int FollowUps, bool AmbiguityShown, string Trace, List<JObject> Cards);

    private Task<Outcome> PlayAsync(StaffQuestions.Row row) => PlayAsync(bot.Teams, row, row.Question);

    /// <summary>
    /// Plays <paramref name="question"/> (the row's own, or a rewording of it) as the row's staff member: each follow-up
    /// answered by clicking the choice of the row's facts, a confirmation card checked against them.
    /// </summary>
    internal static async Task<Outcome> PlayAsync(TeamsChatClient teams, StaffQuestions.Row row, string question)
    {
        var chat = TeamsConversation.Personal();
        var teacher = TeamsUser.Create("Row " + row.Id);
        var facts = StaffQuestions.Mapping[row.Id].Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var cards = new List<JObject>();
        var trace = new StringBuilder();
        var turn = await teams.SayAsync(chat, teacher, question);
        // A message with several situations gets a verdict per part: the most restrictive one counts.
        var verdicts = new List<(string Kind, bool Ambiguity)>();
        for (var followUps = 0; followUps <= 8; followUps++)
        {
            var turnCards = turn.Activities.Select(CardOf).OfType<JObject>().ToList();
            cards.AddRange(turnCards);
            verdicts.AddRange(turnCards.Where(c => VerdictWords(c) is not null).Select(c => (KindOfWords[VerdictWords(c)!], TextOf(c).Contains("The policy is unclear here"))));
            var card = LastCard(turn);
            if (VerdictWords(card) is not null)
            {
                var worst = verdicts.OrderBy(v => Restrictiveness.IndexOf(v.Kind)).First();
                return new Outcome(row, worst.Kind, followUps, verdicts.Any(v => v.Ambiguity), trace.ToString(), cards);
            }
            if (IsConfirmation(card))
            {
                // A truthful staff member checks what the bot understood against their situation.
                var wrong = UnderstoodOf(card).FirstOrDefault(u => facts.TryGetValue(u.Fact, out var truth) && truth != u.Value);
                trace.Append(wrong.Fact is null ? "confirm " : $"change:{wrong.Fact} ");
                turn = await teams.SubmitAsync(chat, teacher, wrong.Fact is null ? ConfirmData(card) : wrong.Change);
                continue;
            }
            var fact = AskedFact(card) ?? throw new Xunit.Sdk.XunitException($"row {row.Id}: neither a question nor a verdict: {TextOf(card)}");
            trace.Append(fact).Append(' ');
            if (!facts.TryGetValue(fact, out var value))
            {
                return new Outcome(row, null, followUps, false, trace + $"(asked {fact}, which the row does not state)", cards);
            }
            var choice = SubmitsOf(card).Single(s => s.Data[CardActions.FactField]?.ToString() == fact && s.Data[CardActions.ValueField]?.ToString() == value);
            turn = await teams.SubmitAsync(chat, teacher, choice.Data);
        }
        return new Outcome(row, null, 99, false, trace + "(no verdict)", cards);
    }

    [Fact]
    public async Task Real_questions_typed_as_staff_wrote_them_get_the_expected_verdict()
    {
        var outcomes = new List<Outcome>();
        foreach (var row in StaffQuestions.Rows())
        {
            outcomes.Add(await PlayAsync(row));
        }

        var table = new StringBuilder();
        table.AppendLine($"{"id",3} {"expected",-24} {"got",-24} {"ok",-3} {"amb",-7} {"follow-ups",10}  asked");
        foreach (var o in outcomes)
        {
            var ok = o.Got == o.Row.Verdict ? "yes" : FalseAllowed(o) ? "!!!" : "no";
            var amb = o.Row.Ambiguous ? (o.AmbiguityShown ? "noted" : "MISSING") : "-";
            table.AppendLine($"{o.Row.Id,3} {o.Row.Verdict,-24} {o.Got ?? "(none)",-24} {ok,-3} {amb,-7} {o.FollowUps,10}  {o.Trace}");
        }
        var matches = outcomes.Count(o => o.Got == o.Row.Verdict);
        var score = 100.0 * matches / outcomes.Count;
        var followUps = outcomes.Select(o => o.FollowUps).Order().ToList();
        var median = followUps.Count % 2 == 1 ? followUps[followUps.Count / 2] : (followUps[followUps.Count / 2 - 1] + followUps[followUps.Count / 2]) / 2.0;
        var falseAllowed = outcomes.Count(FalseAllowed);
        var missingAmbiguity = outcomes.Count(o => o.Row.Ambiguous && !o.AmbiguityShown);
        table.AppendLine($"verdict matches: {matches}/{outcomes.Count} = {score:F1} % (bar 90 %); false allowed: {falseAllowed} (bar 0); " +
                         $"ambiguity missing on {missingAmbiguity} ambiguous rows (bar 0); follow-ups median {median} (bar ≤ 1), max {followUps.Max()} (bar ≤ 4)");
        output.WriteLine(table.ToString());

        var cards = outcomes.SelectMany(o => o.Cards.Select((c, i) => ($"row {o.Row.Id} card {i + 1}", c))).ToList();
        var results = await AdaptiveCardValidator.ValidateAsync(cards);
        output.WriteLine($"{cards.Count} cards checked with the Adaptive Cards renderer; largest {cards.Max(c => PolicyCards.SizeInBytes(c.c)):N0} bytes.");
        Assert.All(results, r => Assert.True(r.IsClean, $"{r.Name}: {string.Join("; ", r.Errors.Concat(r.Warnings))}"));
        Assert.All(cards, c => Assert.True(PolicyCards.SizeInBytes(c.c) < PolicyCards.MaxCardBytes, c.Item1));

        Assert.Equal(0, falseAllowed);
        Assert.Equal(0, missingAmbiguity);
        Assert.True(score >= 90.0, $"verdict score {score:F1} % is under the 90 % bar");
        Assert.True(median <= 1, $"median follow-ups {median} is over 1");
        Assert.True(followUps.Max() <= 4, $"a row needed {followUps.Max()} follow-ups");
    }

    private static bool FalseAllowed(Outcome o) =>
        o.Got is "allowed" or "allowed-with-conditions" && o.Row.Verdict is "forbidden" or "needs-administration";
}
