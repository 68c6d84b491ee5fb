using PolicyBot.Campaigns.Scheduling;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Campaigns.Scheduling;

/// <summary>
/// Every row of the schedule phrasings tables, read by <see cref="ScheduleReader"/> at the row's moment in the row's
/// zone: the next occurrences exactly (instant and offset), or the refusal containing what the row says it must tell.
/// </summary>
public sealed class PhrasingsTableTests(ITestOutputHelper output)
{
    private static readonly ScheduleReader Reader = new();

    /// <summary>The specification's rows (../shared/schedules/phrasings.tsv).</summary>
    public static TheoryData<int, string> SpecificationPhrases() => Phrases("phrasings.tsv");

    /// <summary>Our own rows, written by hand from the README's rules with a calendar, before running the reader.</summary>
    public static TheoryData<int, string> MorePhrases() => Phrases("more-phrasings.tsv");

    [Theory]
    [MemberData(nameof(SpecificationPhrases))]
    public void Specification_row_is_read_as_expected(int row, string phrase) =>
        Check(SchedulePhrasings.Read("phrasings.tsv")[row], phrase);

    [Theory]
    [MemberData(nameof(MorePhrases))]
    public void Further_row_is_read_as_expected(int row, string phrase) =>
        Check(SchedulePhrasings.Read("more-phrasings.tsv")[row], phrase);

    [Fact]
    public void The_specification_table_is_read_whole_and_matches_the_shared_original()
    {
        var rows = SchedulePhrasings.Read("phrasings.tsv");
        Assert.Equal(20, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.Phrase).Distinct().Count());
        if (SchedulePhrasings.SharedCopy is { } shared)
        {
            Assert.Equal(File.ReadAllText(shared), File.ReadAllText(Path.Combine(SchedulePhrasings.Folder, "phrasings.tsv")));
        }
    }

    private void Check(PhrasingRow row, string phrase)
    {
        Assert.Equal(phrase, row.Phrase);
        var reading = Reader.Read(row.Phrase, row.Reference, row.Zone);
        output.WriteLine($"{row.Phrase} @ {row.Reference:O} {row.Zone.Id}");
        output.WriteLine(reading.IsUnderstood ? $"  understood: {reading.Schedule!.Describe(row.Reference)}  [{reading.Schedule.Serialize()}]" : $"  refused: {reading.Refusal}");
        if (row.RefusalMustTell is { } mustTell)
        {
            Assert.False(reading.IsUnderstood, $"'{row.Phrase}' should be refused, but was read as {reading.Schedule?.Describe(row.Reference)}");
            Assert.Contains(mustTell, reading.Refusal, StringComparison.OrdinalIgnoreCase);
            Assert.Matches("(For example: '|e\\.g\\. ')", reading.Refusal); // every refusal gives an example that works
            return;
        }

        Assert.True(reading.IsUnderstood, $"'{row.Phrase}' was refused: {reading.Refusal}");
        var schedule = reading.Schedule!;
        Assert.Equal(row.Occurrences.Count > 1, schedule.IsRecurring);
        var actual = schedule.NextOccurrences(row.Reference, row.Occurrences.Count + (schedule.IsRecurring ? 0 : 1));
        Assert.Equal(row.Occurrences.Select(Exact), actual.Select(Exact));

        // Only the instant of typing matters, not the offset it comes with (a TimeProvider gives UTC).
        var fromUtc = Reader.Read(row.Phrase, row.Reference.ToUniversalTime(), row.Zone).Schedule!;
        Assert.Equal(row.Occurrences.Select(Exact), fromUtc.NextOccurrences(row.Reference, row.Occurrences.Count).Select(Exact));

        // The stored form gives the same occurrences back (what the campaign store re-evaluates after a restart).
        var restored = Schedule.Parse(schedule.Serialize());
        Assert.Equal(row.Occurrences.Select(Exact), restored.NextOccurrences(row.Reference, row.Occurrences.Count).Select(Exact));
    }

    private static string Exact(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    private static TheoryData<int, string> Phrases(string file)
    {
        var data = new TheoryData<int, string>();
        var rows = SchedulePhrasings.Read(file);
        for (var i = 0; i < rows.Count; i++)
        {
            data.Add(i, rows[i].Phrase);
        }

        return data;
    }
}
