using System.Text;
using PolicyBot.Rules.Tests;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Conversation;

/// <summary>
/// Paraphrase stability: each public staff question rewritten five ways by helpers (tests/corpus/paraphrases-public.tsv),
/// played over HTTP like the original (follow-ups answered from the row's facts). The verdict must not change: the
/// share of rewordings whose verdict equals the original's is at least 95 %.
/// </summary>
public class ParaphraseStabilityOverHttpTests(ConversationFixture bot, ITestOutputHelper output) : IClassFixture<ConversationFixture>
{
    [Fact]
    public async Task Rewording_a_public_question_does_not_change_its_verdict()
    {
        var rows = StaffQuestions.Rows().ToDictionary(r => r.Id);
        var paraphrases = UnseenCorpus.ReadTexts("paraphrases-public.tsv");
        var table = new StringBuilder();
        var stable = 0;
        foreach (var group in paraphrases.GroupBy(p => int.Parse(p.Id, System.Globalization.CultureInfo.InvariantCulture)))
        {
            var row = rows[group.Key];
            var original = await StaffQuestionsOverHttpTests.PlayAsync(bot.Teams, row, row.Question);
            foreach (var (_, text) in group)
            {
                var reworded = await StaffQuestionsOverHttpTests.PlayAsync(bot.Teams, row, text);
                if (reworded.Got == original.Got)
                {
                    stable++;
                }
                else
                {
                    table.AppendLine($"{row.Id,3} {original.Got ?? "(none)",-24} {reworded.Got ?? "(none)",-24} {reworded.Trace,-40} {text}");
                }
            }
        }
        var share = 100.0 * stable / paraphrases.Count;
        output.WriteLine($"Rewordings whose verdict changed (id, original, reworded, trace, text):\n{table}");
        output.WriteLine($"paraphrase stability: {stable}/{paraphrases.Count} = {share:F1} % (bar 95 %)");
        Assert.True(share >= 95.0, $"paraphrase stability {share:F1} % is under the 95 % bar");
    }

    /// <summary>
    /// Thirty sealed questions rewritten five ways (tests/corpus/paraphrases-sealed.tsv), each played with its sealed row's
    /// fact lines like the original; run first with the sealed part's one scoring. Same bar: at least 95 % keep the
    /// original's verdict.
    /// </summary>
    [Fact]
    public async Task Rewording_a_sealed_question_does_not_change_its_verdict()
    {
        var rows = UnseenCorpus.Read("unseen-sealed.tsv").ToDictionary(r => r.Id);
        var paraphrases = UnseenCorpus.ReadTexts("paraphrases-sealed.tsv");
        var player = new CorpusPlayer(bot.Teams);
        var table = new StringBuilder();
        var stable = 0;
        foreach (var group in paraphrases.GroupBy(p => p.Id))
        {
            var row = rows[group.Key];
            var original = await player.PlayAsync("Writer " + row.Id, row.Question, row.Lines);
            foreach (var (_, text) in group)
            {
                var reworded = await player.PlayAsync("Writer " + row.Id, text, row.Lines);
                if (reworded.Got == original.Got)
                {
                    stable++;
                }
                else
                {
                    table.AppendLine($"{row.Id,5} {original.Got ?? "(none)",-24} {reworded.Got ?? "(none)",-24} {reworded.Trace,-40} {text}");
                }
            }
        }
        var share = 100.0 * stable / paraphrases.Count;
        output.WriteLine($"Rewordings whose verdict changed (id, original, reworded, trace, text):\n{table}");
        output.WriteLine($"sealed paraphrase stability: {stable}/{paraphrases.Count} = {share:F1} % (bar 95 %)");
        Assert.True(share >= 95.0, $"paraphrase stability {share:F1} % is under the 95 % bar");
    }
}
