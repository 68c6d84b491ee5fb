using PolicyBot.Rules.Tests;
using System.Text;
using PolicyBot.Rules.Model;
using Xunit.Abstractions;

namespace PolicyBot.Understanding.Tests;

/// <summary>
/// The 37 real staff questions (Data/staff-questions.tsv, copied from shared/questions), read as typed.
/// For each row: the facts <see cref="SituationReader.Read"/> extracts must agree with the row's mapped
/// facts (a fact the mapping lacks, or holds with another value, is a wrong fact); then the dialog is
/// played from the extracted facts, answering from the mapping, and the follow-up questions are counted.
/// Prints a table. Bars: zero wrong facts; median follow-ups ≤ 1 and none over 4; the verdict equals the
/// row's verdict on ≥ 90 % of rows; never allowed (with or without conditions) where the row says
/// forbidden or needs-administration.
/// </summary>
public class StaffQuestionsTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_row_has_a_mapping()
    {
        Assert.Equal(StaffQuestions.Rows().Select(r => r.Id).Order(), StaffQuestions.Mapping.Keys.Order());
    }

    [Fact]
    public void Real_questions_are_read_without_wrong_facts_and_need_few_follow_ups()
    {
        var rows = StaffQuestions.Rows();
        var table = new StringBuilder();
        table.AppendLine($"{"id",3}  {"question",-60}  {"facts read",-72} {"wrong",-5} {"asks",4}  {"verdict",-24} {"expected",-24} ok");
        var wrongFacts = new List<string>();
        var followUps = new List<int>();
        int matches = 0, falseAllowed = 0;
        foreach (var row in rows)
        {
            var truth = Stevensville.Facts(StaffQuestions.Mapping[row.Id]);
            var reading = Stevensville.Reader.Read(row.Question);
            var wrong = reading.Facts
                .Where(f => !truth.TryGetValue(f.Key, out var v) || v != f.Value)
                .Select(f => $"#{row.Id} {f.Key}={f.Value} (mapping: {truth.GetValueOrDefault(f.Key, "absent")}) from \"{reading.PhraseFor(f.Key)}\"")
                .ToList();
            wrongFacts.AddRange(wrong);
            var (verdict, asked) = Stevensville.Play(reading.Facts, truth);
            followUps.Add(asked.Count);
            var got = verdict.Kind.Id();
            var ok = got == row.Verdict;
            var unsafeAllow = verdict.Kind.IsPermissive() && row.Verdict is "forbidden" or "needs-administration";
            matches += ok ? 1 : 0;
            falseAllowed += unsafeAllow ? 1 : 0;
            var question = row.Question.Length > 60 ? row.Question[..57] + "..." : row.Question;
            var read = Stevensville.Text(reading.Facts);
            table.AppendLine($"{row.Id,3}  {question,-60}  {read,-72} {wrong.Count,-5} {asked.Count,4}  {got,-24} {row.Verdict,-24} {(ok ? "yes" : unsafeAllow ? "!!!" : "no")}");
        }
        var sorted = followUps.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2.0;
        var score = 100.0 * matches / rows.Count;
        table.AppendLine();
        table.AppendLine($"wrong facts: {wrongFacts.Count} (bar 0); follow-ups: median {median}, max {sorted[^1]}, total {sorted.Sum()} " +
            $"(bars: median ≤ 1, max ≤ 4; distribution {string.Join(", ", sorted.GroupBy(x => x).Select(g => $"{g.Key}:{g.Count()}"))}); " +
            $"verdicts: {matches}/{rows.Count} = {score:F1} % (bar 90 %); false allowed: {falseAllowed} (bar 0)");
        foreach (var w in wrongFacts)
        {
            table.AppendLine("WRONG " + w);
        }
        output.WriteLine(table.ToString());

        Assert.Empty(wrongFacts);
        Assert.True(median <= 1, $"median follow-ups {median} is over 1");
        Assert.True(sorted[^1] <= 4, $"a row needed {sorted[^1]} follow-ups");
        Assert.True(score >= 90.0, $"verdict score {score:F1} % is under the 90 % bar");
        Assert.Equal(0, falseAllowed);
    }
}
