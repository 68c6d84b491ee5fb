using System.Text;
using PolicyBot.Rules.Model;
using Xunit.Abstractions;

namespace PolicyBot.Rules.Tests;

/// <summary>
/// The real-world staff questions (Data/staff-questions.tsv, copied from shared/questions): each
/// row's situation is mapped to the policy's facts by the table below (our reading of the row's
/// medium, relationship and purpose), the dialog is played answering truthfully from those facts,
/// and the verdict is compared with the row's expected verdict. Prints a score table.
/// Bars: at least 95 % of rows match; no row gets allowed (with or without conditions) where it
/// says forbidden or needs-administration.
/// </summary>
public class StaffQuestionsTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_row_has_a_mapping()
    {
        Assert.Equal(StaffQuestions.Rows().Select(r => r.Id).Order(), StaffQuestions.Mapping.Keys.Order());
    }

    [Fact]
    public void Real_questions_get_the_expected_verdict()
    {
        var rows = StaffQuestions.Rows();
        var table = new StringBuilder();
        table.AppendLine($"{"id",3} {"expected",-24} {"got",-24} {"ok",-3} {"amb",-7} {"asked",5}  {"rule",-36} clauses (got | row)");
        int matches = 0, falseAllowed = 0, ambiguityNoted = 0, ambiguousRows = 0;
        foreach (var row in rows)
        {
            var (verdict, asked) = Stevensville.Play(new Dictionary<string, string>(), Stevensville.Facts(StaffQuestions.Mapping[row.Id]));
            var got = verdict.Kind.Id();
            var ok = got == row.Verdict;
            var unsafeAllow = verdict.Kind.IsPermissive() && row.Verdict is "forbidden" or "needs-administration";
            matches += ok ? 1 : 0;
            falseAllowed += unsafeAllow ? 1 : 0;
            ambiguousRows += row.Ambiguous ? 1 : 0;
            ambiguityNoted += row.Ambiguous && verdict.Ambiguity is not null ? 1 : 0;
            var amb = row.Ambiguous ? (verdict.Ambiguity is null ? "MISSING" : "noted") : "-";
            table.AppendLine($"{row.Id,3} {row.Verdict,-24} {got,-24} {(ok ? "yes" : unsafeAllow ? "!!!" : "no"),-3} {amb,-7} {asked.Count,5}  {verdict.RuleId,-36} {string.Join(",", verdict.Clauses.Select(c => c.Id))} | {row.Clauses}");
        }
        var score = 100.0 * matches / rows.Count;
        table.AppendLine($"score: {matches}/{rows.Count} = {score:F1} % (bar 95 %); false allowed: {falseAllowed} (bar 0); ambiguity noted on {ambiguityNoted}/{ambiguousRows} ambiguous rows");
        output.WriteLine(table.ToString());

        Assert.Equal(0, falseAllowed);
        Assert.True(score >= 95.0, $"score {score:F1} % is under the 95 % bar");
    }
}
