using System.Globalization;
using PolicyBot.TestSupport;

namespace PolicyBot.Tests.Campaigns.Scheduling;

/// <summary>One row of a phrasings table: what an administrator types, when, in which zone, and what it must give.</summary>
/// <param name="Phrase">The words typed.</param>
/// <param name="Reference">The moment they are typed.</param>
/// <param name="Zone">The district's IANA zone.</param>
/// <param name="Occurrences">The expected next occurrences, with their offsets (empty for a refusal).</param>
/// <param name="RefusalMustTell">For a refusal: what its message must contain; else null.</param>
public sealed record PhrasingRow(string Phrase, DateTimeOffset Reference, TimeZoneInfo Zone, IReadOnlyList<DateTimeOffset> Occurrences, string? RefusalMustTell)
{
    /// <inheritdoc />
    public override string ToString() => Phrase;
}

/// <summary>
/// The schedule phrasings tables: <c>Data/phrasings.tsv</c> (a copy of ../shared/schedules/phrasings.tsv, so the
/// project stands alone; <see cref="SharedCopy"/> finds the original when it sits beside the repository) and
/// <c>Data/more-phrasings.tsv</c> (ours, same columns). Columns: phrase, reference (ISO 8601 with offset), zone,
/// expected (occurrences separated by spaces, or <c>refuse: what the message must tell</c>).
/// </summary>
public static class SchedulePhrasings
{
    /// <summary>The folder holding the tables (copied to the test output).</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Campaigns", "Scheduling", "Data");

    /// <summary>../shared/schedules/phrasings.tsv beside the repository root, or null when there is none (e.g. on CI).</summary>
    public static string? SharedCopy
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "schedules", "phrasings.tsv"));
            return File.Exists(path) ? path : null;
        }
    }

    /// <summary>The rows of <paramref name="file"/> (in <see cref="Folder"/>), header skipped.</summary>
    public static IReadOnlyList<PhrasingRow> Read(string file) =>
        File.ReadAllLines(Path.Combine(Folder, file))
            .Skip(1)
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))
            .Select(Row)
            .ToList();

    private static PhrasingRow Row(string line)
    {
        var c = line.Split('\t');
        if (c.Length != 4)
        {
            throw new FormatException($"A phrasings row has 4 tab-separated columns: {line}");
        }

        var reference = DateTimeOffset.Parse(c[1], CultureInfo.InvariantCulture);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(c[2]);
        var expected = c[3].Trim();
        if (expected.StartsWith("refuse:", StringComparison.Ordinal))
        {
            return new PhrasingRow(c[0], reference, zone, [], expected["refuse:".Length..].Trim());
        }

        var occurrences = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => DateTimeOffset.ParseExact(s, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))
            .ToList();
        return new PhrasingRow(c[0], reference, zone, occurrences, null);
    }
}
