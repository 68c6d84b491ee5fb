using System.Text;
using PolicyBot.Rules.Tests;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Conversation;

/// <summary>
/// Paraphrase stability: questions rewritten five ways by helpers, each rewording played over HTTP like the original (the
/// same follow-up answers). The verdict must not change: the share of rewordings whose verdict equals the original's is at
/// least 95 %.
/// </summary>
public class ParaphraseStabilityOverHttpTests(ConversationFixture bot, ITestOutputHelper output) : IClassFixture<ConversationFixture>
{
    /// <summary>Each public staff question rewritten five ways (tests/corpus/paraphrases-public.tsv), follow-ups answered from the row's facts.</summary>
    [Fact]
    public async Task Rewording_a_public_question_does_not_change_its_verdict()
    {
        var rows = StaffQuestions.Rows().ToDictionary(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await AssertStableAsync("paraphrases-public.tsv", "paraphrase stability", async (id, text) =>
        {
            var row = rows[id];
            var played = await StaffQuestionsOverHttpTests.PlayAsync(bot.Teams, row, text ?? row.Question);
            return (played.Got, played.Trace);
        });
    }

    /// <summary>
    /// Thirty sealed questions rewritten five ways (tests/corpus/paraphrases-sealed.tsv), each played with its sealed row's
    /// fact lines like the original; run first with the sealed part's one scoring.
    /// </summary>
    [Fact]
    public async Task Rewording_a_sealed_question_does_not_change_its_verdict()
    {
        var rows = UnseenCorpus.Read("unseen-sealed.tsv").ToDictionary(r => r.Id);
        var player = new CorpusPlayer(bot.Teams);
        await AssertStableAsync("paraphrases-sealed.tsv", "sealed paraphrase stability", async (id, text) =>
        {
            var row = rows[id];
            var played = await player.PlayAsync("Writer " + row.Id, text ?? row.Question, row.Lines);
            return (played.Got, played.Trace);
        });
    }

    /// <summary>
    /// Plays each original (text null) and its rewordings with <paramref name="play"/>, prints the rewordings whose verdict
    /// changed and the share kept, and asserts it is at least 95 %.
    /// </summary>
    private async Task AssertStableAsync(string file, string title, Func<string, string?, Task<(string? Got, string Trace)>> play)
    {
        var paraphrases = UnseenCorpus.ReadTexts(file);
        var table = new StringBuilder();
        var stable = 0;
        foreach (var group in paraphrases.GroupBy(p => p.Id))
        {
            var original = await play(group.Key, null);
            foreach (var (_, text) in group)
            {
                var reworded = await play(group.Key, text);
                if (reworded.Got == original.Got)
                {
                    stable++;
                }
                else
                {
                    table.AppendLine($"{group.Key,5} {original.Got ?? "(none)",-24} {reworded.Got ?? "(none)",-24} {reworded.Trace,-40} {text}");
                }
            }
        }
        var share = 100.0 * stable / paraphrases.Count;
        output.WriteLine($"Rewordings whose verdict changed (id, original, reworded, trace, text):\n{table}");
        output.WriteLine($"{title}: {stable}/{paraphrases.Count} = {share:F1} % (bar 95 %)");
        Assert.True(share >= 95.0, $"{title} {share:F1} % is under the 95 % bar");
    }
}
