namespace PolicyBot.Understanding.Tests;

/// <summary>
/// The recognizers run only on texts that hold what their findings are made of (digits, '@', a dot, a time word), which
/// is most of the CPU a turn saves. The shortcut must lose nothing: every text of the real questions, the unseen
/// corpus (questions and answer lines), the paraphrases and the danger messages reads the same with every recognizer
/// forced to run.
/// </summary>
public class RecognizerShortcutTests
{
    private static readonly SituationReader Always = new(Stevensville.Policy, new SituationReaderOptions
    {
        SchoolEmailDomains = [Stevensville.SchoolDomain],
        AlwaysRunRecognizers = true,
    });

    public static TheoryData<string> Texts()
    {
        var corpus = CorpusFiles.Folder;
        var texts = new List<string>
        {
            "can I text her at 9pm on a school night?", "I call students at ten thirty during class", "Saturday morning practice texts",
            "email me at coach.smith@gmail.com", "my number is 406-555-0142", "my blog is www.mrsmithteaches.com", "tonight after the game",
        };
        texts.AddRange(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "staff-questions.tsv")).Skip(1).Select(l => l.Split('\t')[7]));
        foreach (var row in File.ReadAllLines(Path.Combine(corpus, "unseen-tuning.tsv")).Skip(1).Select(l => l.Split('\t')))
        {
            texts.Add(row[5]);
            texts.AddRange(row[6].Split(" | ").Select(p => p[(p.IndexOf(':') + 1)..].Trim()));
        }
        foreach (var file in new[] { "paraphrases-public.tsv", "danger-tuning.tsv", "near-danger-tuning.tsv" })
        {
            texts.AddRange(File.ReadAllLines(Path.Combine(corpus, file)).Skip(1).Select(l => l.Split('\t')).Select(c => file.StartsWith("paraphrases") ? c[2] : c[1]));
        }
        var data = new TheoryData<string>();
        foreach (var text in texts.Where(t => t.Length > 0).Distinct())
        {
            data.Add(text);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_text_reads_the_same_with_every_recognizer_forced_to_run(string text)
    {
        var fast = Stevensville.Reader.Read(text);
        var full = Always.Read(text);
        Assert.Equal(full.Explain(), fast.Explain());
    }
}
