using PolicyBot.Cards;
using PolicyBot.Conversation;
using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Loading;
using PolicyBot.Rules.Model;
using PolicyBot.Understanding;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Conversation;

/// <summary>
/// The invariant, over the whole dialog tree: a verdict that lets a person go ahead (allowed, allowed with conditions,
/// not covered) never rests on a guess. For every path of the tree and every subset of its facts understood from the
/// person's words rather than picked, the dialog is played (questions answered by picking the path's value,
/// confirmation cards confirmed): whenever such a verdict is sent, the facts the person picked or confirmed decide it on
/// their own. Also counts the taps each dialog needs.
/// </summary>
public class UnderstoodIsNotKnownTests(ITestOutputHelper output)
{
    private static readonly Policy Policy = PolicyLoader.LoadEmbedded();
    private static readonly PolicyEvaluator Evaluator = new(Policy);
    private static readonly ConversationEngine Engine = new(Evaluator, new SituationReader(Policy));

    [Fact]
    public void No_go_ahead_verdict_is_sent_before_every_understood_fact_it_rests_on_is_confirmed()
    {
        var dialogs = 0;
        var taps = new List<int>();
        var confirmations = 0;
        foreach (var leaf in DialogTree.Build(Policy).Leaves())
        {
            var path = leaf.Path.ToDictionary(s => s.Fact.Id, s => s.Value.Id);
            var expected = leaf.Outcome!.Verdict!;
            foreach (var understood in Subsets(path.Keys.ToList()))
            {
                dialogs++;
                var state = new SituationState();
                state.Restart(understood.ToDictionary(f => f, f => path[f]));
                var replies = Engine.Continue(state);
                var tapped = 0;
                Verdict? verdict = null;
                while (verdict is null)
                {
                    Assert.True(tapped <= path.Count + 1, $"path {Describe(path)} with {string.Join(",", understood)} understood: no verdict after {tapped} taps");
                    var last = replies[^1];
                    switch (last)
                    {
                        case VerdictReply v:
                            verdict = v.Verdict;
                            break;
                        case ConfirmReply c:
                            confirmations++;
                            Assert.All(c.Understood, f => Assert.True(f.Understood));
                            replies = Engine.Handle(state, new CardInput(new CardSubmit(CardActions.Confirm, c.SituationId, c.Step, null, null, null)));
                            tapped++;
                            break;
                        case QuestionReply q:
                            var value = path.GetValueOrDefault(q.Question.Fact.Id) ?? q.Question.Choices[0].Id;
                            replies = Engine.Handle(state, new CardInput(new CardSubmit(CardActions.Answer, q.SituationId, q.Step, q.Question.Fact.Id, value, null)));
                            tapped++;
                            break;
                        default:
                            throw new Xunit.Sdk.XunitException($"unexpected reply {last}");
                    }
                    // The invariant: at the moment a go-ahead verdict is sent, the known facts alone decide it.
                    foreach (var sent in replies.OfType<VerdictReply>().Where(r => r.Verdict.Kind is VerdictKind.Allowed or VerdictKind.AllowedWithConditions or VerdictKind.NotCovered))
                    {
                        Assert.True(Evaluator.Evaluate(state.Facts).Verdict?.RuleId == sent.Verdict.RuleId,
                            $"path {Describe(path)} with {string.Join(",", understood)} understood: {sent.Verdict.Kind} ({sent.Verdict.RuleId}) sent on known facts {Describe(state.Facts)}");
                    }
                }
                Assert.Equal(expected.RuleId, verdict.RuleId);
                taps.Add(tapped);
            }
        }
        taps.Sort();
        output.WriteLine($"{dialogs:N0} dialogs over {DialogTree.Build(Policy).Leaves().Count()} paths; {confirmations:N0} confirmation cards; taps median {taps[taps.Count / 2]}, max {taps[^1]}");
        Assert.True(dialogs > 1000, $"only {dialogs} dialogs");
    }

    [Fact]
    public void A_restrictive_verdict_may_rest_on_what_was_understood_and_says_so()
    {
        var state = new SituationState();
        state.Restart(new Dictionary<string, string> { ["activity"] = "contact", ["relationship"] = "student", ["medium"] = "personal-email" });

        var verdict = Assert.IsType<VerdictReply>(Engine.Continue(state).Single());

        Assert.Equal(VerdictKind.Forbidden, verdict.Verdict.Kind);
        Assert.All(verdict.Facts, f => Assert.True(f.Understood));
    }

    private static IEnumerable<List<string>> Subsets(List<string> facts)
    {
        for (var mask = 0; mask < 1 << facts.Count; mask++)
        {
            yield return facts.Where((_, i) => (mask & (1 << i)) != 0).ToList();
        }
    }

    private static string Describe(IReadOnlyDictionary<string, string> facts) => string.Join(" ", facts.Select(f => $"{f.Key}={f.Value}"));
}
