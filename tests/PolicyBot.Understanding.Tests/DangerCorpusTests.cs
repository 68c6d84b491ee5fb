using PolicyBot.Understanding.Safety;
using Xunit.Abstractions;

namespace PolicyBot.Understanding.Tests;

/// <summary>
/// The safety card measured on messages its signals were not written from: the corpus's danger messages (helpers wrote
/// them from the policy alone, indirect wording included) must all fire; across the rest of the corpus (near-misses,
/// the unseen questions and their answer lines, the public questions and their rewordings) it fires on at most 1 %.
/// </summary>
public class DangerCorpusTests(ITestOutputHelper output)
{
    private static readonly DangerDetector Detector = DangerDetector.LoadEmbedded();

    [Fact]
    public void Every_danger_message_gets_the_safety_card()
    {
        var messages = CorpusFiles.Texts("danger-tuning.tsv", 1).Concat(CorpusFiles.Texts("danger-sealed.tsv", 1)).ToList();
        var missed = messages.Where(m => !Detector.Detect(m.Text).Fired).ToList();
        output.WriteLine($"danger messages with the card: {messages.Count - missed.Count}/{messages.Count}");
        foreach (var (id, text) in missed)
        {
            output.WriteLine($"  missed {id}: {text}");
        }
        Assert.True(messages.Count >= 30, $"only {messages.Count} danger messages");
        Assert.Empty(missed);
    }

    [Fact]
    public void The_rest_of_the_corpus_rarely_gets_it()
    {
        var texts = CorpusFiles.Texts("near-danger-tuning.tsv", 1)
            .Concat(CorpusFiles.Texts("near-danger-sealed.tsv", 1))
            .Concat(CorpusFiles.Texts("unseen-tuning.tsv", 5))
            .Concat(CorpusFiles.Texts("paraphrases-public.tsv", 2))
            .Concat(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "staff-questions.tsv")).Skip(1).Select(l => l.Split('\t')).Select(c => (Id: "public " + c[0], Text: c[7])))
            .ToList();
        // Corpus questions that themselves say a student may be in danger (read by hand): the card is right there.
        var describeDanger = new HashSet<string> { "A030", "A051" };   // "doesn't want to be here anymore" at 1am; a boy missing on a trip
        texts = texts.Where(t => !describeDanger.Contains(t.Id)).ToList();
        var fired = texts.Where(t => Detector.Detect(t.Text).Fired).ToList();
        var share = 100.0 * fired.Count / texts.Count;
        output.WriteLine($"safety card on {fired.Count}/{texts.Count} = {share:F2} % of the other messages (bar 1 %)");
        foreach (var (id, text) in fired)
        {
            output.WriteLine($"  fired {id}: {text}");
        }
        Assert.True(share <= 1.0, $"the safety card fires on {share:F2} % of ordinary messages");
    }
}

/// <summary>Reading tests/corpus from the test's output folder upwards.</summary>
internal static class CorpusFiles
{
    public static string Folder { get; } = Find();

    /// <summary>
    /// Corpus files held out until they are scored (tests/corpus/README.md): no test reads them, so that no test name or log
    /// line shows their texts to whoever tunes the understanding.
    /// </summary>
    public static readonly IReadOnlySet<string> HeldOut = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { };

    /// <summary>Every corpus file (full paths) but the held-out ones.</summary>
    public static IEnumerable<string> Open() =>
        Directory.GetFiles(Folder, "*.tsv").Where(f => !HeldOut.Contains(Path.GetFileName(f))).Order(StringComparer.Ordinal);

    /// <summary>
    /// The texts the bot reads of every corpus file but the held-out ones and of the staff questions: each question,
    /// danger message, paraphrase and typed answer, and each "key: line" part of the fact columns (the line alone, as the
    /// harness types it). The texts the equivalence tests read both ways.
    /// </summary>
    public static IEnumerable<string> EveryText() => Sources().SelectMany(TextsOf);

    /// <summary>The files <see cref="EveryText"/> reads (full paths): the open corpus files and the staff questions.</summary>
    public static IEnumerable<string> Sources() => Open().Append(Path.Combine(AppContext.BaseDirectory, "Data", "staff-questions.tsv"));

    /// <summary>The columns whose whole text a person types to the bot (by header name).</summary>
    private static readonly HashSet<string> TypedColumns = new(StringComparer.Ordinal) { "question", "message", "paraphrase", "answer" };

    /// <summary>
    /// The texts the bot reads of one file's rows: the fields of its <see cref="TypedColumns"/>, and each line of its
    /// "facts" column. Ids, verdicts, clauses and the writers' notes are not read by the bot, nor a facts field whole
    /// (the harness types one line at a time), so they are left out: they were over half of the characters the
    /// equivalence tests ran on, and proved nothing about what the bot reads.
    /// </summary>
    /// <exception cref="InvalidDataException">The file has none of those columns (a new layout this must learn).</exception>
    public static IEnumerable<string> TextsOf(string file)
    {
        var lines = File.ReadAllLines(file);
        var header = lines[0].Split('\t');
        var typed = Enumerable.Range(0, header.Length).Where(i => TypedColumns.Contains(header[i])).ToList();
        var facts = Array.IndexOf(header, "facts");
        if (typed.Count == 0 && facts < 0)
        {
            throw new InvalidDataException($"{Path.GetFileName(file)}: no column of {string.Join(", ", TypedColumns)} or facts in '{lines[0]}'");
        }
        foreach (var columns in lines.Skip(1).Select(l => l.Split('\t')))
        {
            foreach (var i in typed.Where(i => i < columns.Length))
            {
                yield return columns[i];
            }
            if (facts >= 0 && facts < columns.Length)
            {
                foreach (var part in columns[facts].Split(" | ").Where(p => p.Contains(": ", StringComparison.Ordinal)))
                {
                    yield return part[(part.IndexOf(": ", StringComparison.Ordinal) + 2)..];
                }
            }
        }
    }

    /// <summary>(first column, column <paramref name="column"/>) of each row of a corpus file.</summary>
    public static IEnumerable<(string Id, string Text)> Texts(string file, int column) =>
        File.ReadAllLines(Path.Combine(Folder, file)).Skip(1).Where(l => l.Trim().Length > 0).Select(l => l.Split('\t')).Select(c => (c[0], c[column]));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/corpus not found above " + AppContext.BaseDirectory);
    }
}
