using System.Collections;
using PolicyBot.Understanding.Scanning;

namespace PolicyBot.Understanding.Tests;

/// <summary>
/// Microsoft.Recognizers.Text caches extractor results in static caches that only grow across messages; the reader
/// empties them once a minute (TextRecognizers). The caches are found by reflection, so a new version of the library
/// that keeps them otherwise must fail here rather than quietly bring the growth back.
/// </summary>
public class RecognizerCacheTests
{
    [Fact]
    public void The_recognizers_result_caches_are_found()
    {
        // Date, date period, time, time period and number extractors (and the CJK ones the library also declares).
        Assert.True(TextRecognizers.Caches.Count >= 5, $"only {TextRecognizers.Caches.Count} caches found");
    }

    [Fact]
    public void Emptying_the_caches_drops_what_a_reading_left_in_them()
    {
        var marker = "zq" + Guid.NewGuid().ToString("N")[..8];
        Stevensville.Reader.Read($"can I text {marker} at 9pm on Saturday about the 3 assignments?");
        Assert.True(KeysWith(marker) > 0, "the reading left nothing in the caches: is the reader still using them?");

        TextRecognizers.EmptyCaches();

        Assert.Equal(0, KeysWith(marker));
    }

    /// <summary>Entries whose key (text and reference time) holds <paramref name="marker"/>, over every cache.</summary>
    private static int KeysWith(string marker) =>
        TextRecognizers.Caches.Sum(cache => ((IEnumerable)cache.GetType().GetProperty("Keys")!.GetValue(cache)!)
            .Cast<object>().Count(key => key.ToString()!.Contains(marker, StringComparison.Ordinal)));
}
