using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Model;
using Xunit.Abstractions;

namespace PolicyBot.Understanding.Tests;

/// <summary>
/// Typed answers to the bot's question cards, measured on answers nobody tuned for: a helper who read only the cards'
/// questions and choices (and the policy) wrote 30 answers per fact in staff's own words, each meant for one choice
/// (<c>tests/corpus/typed-answers-*.tsv</c>: <c>fact</c>, <c>choice</c> label, <c>answer</c>). Each is read as the
/// bot reads a typed answer to that card (<see cref="SituationReader.ReadAnswer"/>, nothing else said before) and
/// scored: the writer's choice, no choice (the bot says it did not catch it: the person taps), or another choice
/// (wrong, the costly kind). The table prints per fact; the floors are the scores reached, so a change that loses
/// answers fails.
/// </summary>
public class TypedAnswersCorpusTests(ITestOutputHelper output)
{
    /// <param name="file">The corpus file.</param>
    /// <param name="floorPercent">Least share of answers read as the writer's choice, in percent.</param>
    /// <param name="maxWrong">Most answers read as another choice.</param>
    [Theory]
    [InlineData("typed-answers-tuning.tsv", 96, 3)]
    [InlineData("typed-answers-heldout.tsv", 95, 3)]
    [InlineData("typed-answers-2.tsv", 96, 3)]
    public void Typed_answers_are_read_as_their_writer_meant(string file, int floorPercent, int maxWrong)
    {
        var lines = File.ReadAllLines(Path.Combine(CorpusFiles.Folder, file)).Skip(1).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split('\t')).ToList();
        Assert.All(lines, l => Assert.Equal(3, l.Length));
        var results = lines.Select(c => Score(c[0], c[1], c[2])).ToList();

        output.WriteLine($"{"fact",-14} {"rows",4} {"right",5} {"none",4} {"wrong",5}");
        foreach (var fact in results.GroupBy(r => r.Fact))
        {
            output.WriteLine($"{fact.Key,-14} {fact.Count(),4} {fact.Count(r => r.Outcome == Outcome.Right),5} {fact.Count(r => r.Outcome == Outcome.None),4} {fact.Count(r => r.Outcome == Outcome.Wrong),5}");
        }
        var right = results.Count(r => r.Outcome == Outcome.Right);
        var wrong = results.Where(r => r.Outcome == Outcome.Wrong).ToList();
        var percent = 100.0 * right / results.Count;
        output.WriteLine($"all            {results.Count,4} {right,5} {results.Count(r => r.Outcome == Outcome.None),4} {wrong.Count,5}   = {percent:F1} % right");
        foreach (var miss in results.Where(r => r.Outcome != Outcome.Right))
        {
            output.WriteLine($"  {miss.Outcome,-5} {miss.Fact}: \"{miss.Answer}\" meant {miss.Expected}, read {miss.Read ?? "nothing"}{(miss.Picked ? " (as a tap)" : "")}");
        }
        Assert.True(percent >= floorPercent, $"{percent:F1} % of typed answers read as meant, under the floor of {floorPercent} %");
        Assert.True(wrong.Count <= maxWrong, $"{wrong.Count} typed answers read as another choice (at most {maxWrong})");
    }

    private static Result Score(string factId, string label, string answer)
    {
        var fact = Stevensville.Policy.FindFact(factId) ?? throw new InvalidDataException($"unknown fact '{factId}'");
        var expected = fact.Values.SingleOrDefault(v => v.Label == label)
            ?? throw new InvalidDataException($"fact '{factId}' has no choice labelled '{label}'");
        var read = Stevensville.Reader.ReadAnswer(new Question(fact, fact.Values), answer);
        var outcome = read is null ? Outcome.None : read.Value.Id == expected.Id ? Outcome.Right : Outcome.Wrong;
        return new Result(factId, answer, expected.Id, read?.Value.Id, read?.Picked ?? false, outcome);
    }

    private enum Outcome { Right, None, Wrong }

    private sealed record Result(string Fact, string Answer, string Expected, string? Read, bool Picked, Outcome Outcome);
}
