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
    /// <summary>
    /// Row id → the facts of the situation, as the staff member would answer the bot. Copied verbatim
    /// from the rules tests' mapping (tests/PolicyBot.Rules.Tests/StaffQuestions.cs, first written in
    /// StaffQuestionsTests.cs there), the ground truth for what a staff member would answer;
    /// <see cref="The_mapping_is_the_rules_tests_mapping"/> keeps the two in step.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, string> Mapping = new Dictionary<int, string>
    {
        // id   row's medium / relationship / purpose                          → facts
        [1] = "activity=contact relationship=former-student",                  // Facebook / graduated adult / social
        [2] = "activity=contact relationship=student medium=friend-request purpose=personal",      // Facebook / current / social
        [4] = "activity=contact relationship=student medium=accept-request purpose=personal",      // Facebook / current / social-emotional
        [5] = "activity=contact relationship=student medium=accept-request purpose=personal",      // Instagram / student at placement / social
        [7] = "activity=school-account account-stage=approved",                // school's official Twitter / current / school news
        [8] = "activity=contact relationship=former-student",                  // Instagram / former students / social
        [10] = "activity=posting content=district-material site=personal-site",// personal Facebook / class photos
        [12] = "activity=contact relationship=student medium=phone-number purpose=educational",    // text/phone / homework
        [13] = "activity=contact relationship=student medium=text purpose=mixed",                  // text / mixed
        [15] = "activity=contact relationship=student medium=text purpose=operations",             // text / attendance
        [16] = "activity=contact relationship=student medium=school-platform purpose=educational", // Remind / reminders
        [18] = "activity=contact relationship=student medium=text purpose=educational",            // text / reminders, homework
        [20] = "activity=contact relationship=student medium=text purpose=personal",               // text / personal advice
        [21] = "activity=school-account account-stage=approved",               // Facebook group / athletes / team logistics
        [23] = "activity=contact relationship=student medium=phone-number purpose=operations",     // text / athletes / logistics, safety
        [24] = "activity=contact relationship=student medium=text purpose=operations",             // group text / players / schedules
        [25] = "activity=contact relationship=student medium=text purpose=emergency",              // text / athletes / lightning cancellation
        [27] = "activity=contact relationship=student medium=phone-number purpose=operations",     // phone / trip logistics
        [30] = "activity=contact relationship=student medium=existing-connection purpose=personal",// Facebook / 250 friends / counselling, social
        [32] = "activity=contact relationship=not-student",                    // Facebook / parent and colleague
        [33] = "activity=contact relationship=employment",                     // text / neighbour's son / paid job
        [35] = "activity=contact relationship=legal",                          // text, social / foster child
        [36] = "activity=contact relationship=distant-relative",               // text, social / first cousin once removed
        [38] = "activity=contact relationship=close-family",                   // Facebook / own child
        [39] = "activity=contact relationship=student medium=existing-connection purpose=personal",// Facebook / friended before the rule
        [41] = "activity=contact relationship=former-student",                 // personal email / moved to another district
        [42] = "activity=contact relationship=student medium=personal-email purpose=educational",  // personal email / coursework
        [44] = "activity=contact relationship=not-student",                    // Remind / parent / condolence
        [45] = "activity=contact relationship=student medium=other-app purpose=support",           // text or DM / condolence
        [47] = "activity=contact relationship=student medium=student-initiated purpose=personal",  // student got my cell
        [49] = "activity=contact relationship=student medium=student-initiated purpose=personal",  // students found my channels
        [50] = "activity=contact relationship=student medium=accept-request purpose=mixed",        // personal Twitter / follows / mixed
        [52] = "activity=personal-use site-kind=other-site",                   // phone / job email on breaks
        [54] = "activity=posting content=district-material site=district-site",// district website / student photos
        [55] = "activity=school-account account-stage=new",                    // class Instagram, not yet set up
        [57] = "activity=contact relationship=student medium=school-platform purpose=educational", // ClassDojo / coursework
        [58] = "activity=contact relationship=student medium=other-app purpose=operations",        // Discord / discipline
    };

    public sealed record Row(int Id, string Verdict, string Question);

    /// <summary>Reads the TSV: id, verdict, clauses, ambiguous, medium, relationship, purpose, question, …</summary>
    public static IReadOnlyList<Row> Rows() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "staff-questions.tsv"))
            .Skip(1)
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split('\t'))
            .Select(c => new Row(int.Parse(c[0]), c[1], c[7]))
            .ToList();

    /// <summary>The copy above is the rules tests' table, row for row (read from the source tree).</summary>
    [Fact]
    public void The_mapping_is_the_rules_tests_mapping()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "PolicyBot.sln")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        var folder = Path.Combine(root.FullName, "tests", "PolicyBot.Rules.Tests");
        var source = string.Concat(new[] { "StaffQuestions.cs", "StaffQuestionsTests.cs" }
            .Select(f => Path.Combine(folder, f)).Where(File.Exists).Select(File.ReadAllText));
        var theirs = System.Text.RegularExpressions.Regex.Matches(source, @"\[(\d+)\] = ""([^""]+)""")
            .ToDictionary(m => int.Parse(m.Groups[1].Value), m => m.Groups[2].Value);
        Assert.Equal(theirs.OrderBy(kv => kv.Key), Mapping.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Every_row_has_a_mapping()
    {
        Assert.Equal(Rows().Select(r => r.Id).Order(), Mapping.Keys.Order());
    }

    [Fact]
    public void Real_questions_are_read_without_wrong_facts_and_need_few_follow_ups()
    {
        var rows = Rows();
        var table = new StringBuilder();
        table.AppendLine($"{"id",3}  {"question",-60}  {"facts read",-72} {"wrong",-5} {"asks",4}  {"verdict",-24} {"expected",-24} ok");
        var wrongFacts = new List<string>();
        var followUps = new List<int>();
        int matches = 0, falseAllowed = 0;
        foreach (var row in rows)
        {
            var truth = Stevensville.Facts(Mapping[row.Id]);
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
