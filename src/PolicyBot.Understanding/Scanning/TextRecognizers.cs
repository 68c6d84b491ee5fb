using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;
using Microsoft.Recognizers.Text.Sequence;

namespace PolicyBot.Understanding.Scanning;

/// <summary>A span the recognizers found: [Start, End) in the text, with its resolved value.</summary>
internal readonly record struct Recognized(int Start, int End, string Text, string Value);

/// <summary>
/// Microsoft.Recognizers.Text (English) behind one small seam: phone numbers, e-mail addresses, URLs,
/// dates and times, and numbers or ordinals. The models are built once and are safe to share.
/// </summary>
internal sealed class TextRecognizers
{
    private readonly IModel _phone;
    private readonly IModel _email;
    private readonly IModel _url;
    private readonly IModel _dateTime;
    private readonly IModel _number;
    private readonly IModel _ordinal;

    private TextRecognizers()
    {
        var sequence = new SequenceRecognizer(Culture.English);
        _phone = sequence.GetPhoneNumberModel();
        _email = sequence.GetEmailModel();
        _url = sequence.GetURLModel();
        _dateTime = new DateTimeRecognizer(Culture.English).GetDateTimeModel();
        var numbers = new NumberRecognizer(Culture.English);
        _number = numbers.GetNumberModel();
        _ordinal = numbers.GetOrdinalModel();
    }

    private static readonly Lazy<TextRecognizers> Instance = new(() => new TextRecognizers());

    /// <summary>The shared instance (building the models takes a moment, so it is built once).</summary>
    public static TextRecognizers Shared => Instance.Value;

    public IEnumerable<Recognized> PhoneNumbers(string text) => Simple(_phone, text);

    public IEnumerable<Recognized> EmailAddresses(string text) => Simple(_email, text);

    public IEnumerable<Recognized> Urls(string text) => Simple(_url, text);

    /// <summary>Dates and times with every resolution the recognizer offers (it offers several when unsure: "at 8" is 08:00 or 20:00).</summary>
    public IEnumerable<(int Start, int End, string Text, IReadOnlyList<IReadOnlyDictionary<string, string>> Values)> DateTimes(string text, DateTime reference)
    {
        foreach (var result in Parse(_dateTime, text, reference))
        {
            var values = new List<IReadOnlyDictionary<string, string>>();
            if (result.Resolution is not null && result.Resolution.TryGetValue("values", out var raw) && raw is IEnumerable<Dictionary<string, string>> list)
            {
                values.AddRange(list);
            }
            yield return (result.Start, result.End + 1, text.Substring(result.Start, result.End + 1 - result.Start), values);
        }
    }

    /// <summary>The numbers and ordinals in a short text ("2", "two", "the second one"), ordinals first.</summary>
    public IEnumerable<(int Start, int End, int Value)> Numbers(string text)
    {
        foreach (var model in new[] { _ordinal, _number })
        {
            foreach (var result in Parse(model, text, null))
            {
                if (result.Resolution is not null && result.Resolution.TryGetValue("value", out var value)
                    && decimal.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    && number == decimal.Truncate(number) && number is > 0 and < 100)
                {
                    yield return (result.Start, result.End + 1, (int)number);
                }
            }
        }
    }

    /// <summary>
    /// Microsoft.Recognizers.Text keeps the results of its date, time and number extractors in static caches keyed by the
    /// text (and the reference time), up to 160,000 entries, never expiring: a parse reuses them many times over, but
    /// across messages they only grow, by about 1.5 KB for every new text (some 70 MB when full). The reference is
    /// rounded to the minute (Scanner), so an entry of an earlier minute can never be used again: emptying the caches
    /// once a minute keeps what a parse reuses and drops the rest. The library offers no option for this (NoProtoCache
    /// turns the caches off altogether, which made a parse four to five times slower), hence reflection.
    /// </summary>
    private static void EmptyCachesEveryMinute()
    {
        var minute = Environment.TickCount64 / 60_000;
        var last = Interlocked.Read(ref _cachesEmptiedMinute);
        if (minute != last && Interlocked.CompareExchange(ref _cachesEmptiedMinute, minute, last) == last)
        {
            EmptyCaches();
        }
    }

    private static long _cachesEmptiedMinute = Environment.TickCount64 / 60_000;

    /// <summary>The recognizers' result caches (see <see cref="EmptyCachesEveryMinute"/>), found by reflection once.</summary>
    internal static IReadOnlyList<object> Caches { get; } = FindCaches();

    /// <summary>Empties every result cache of the recognizers (a later parse fills them again).</summary>
    internal static void EmptyCaches()
    {
        foreach (var cache in Caches)
        {
            cache.GetType().GetMethod("Compact", [typeof(double)])?.Invoke(cache, [1.0]);
        }
    }

    /// <summary>
    /// Each static <c>ResultsCache&lt;T&gt;</c> of the recognizer assemblies holds its entries in a MemoryCache field: those
    /// MemoryCaches. Empty if a later version of the library keeps its caches otherwise (its tests say so).
    /// </summary>
    private static List<object> FindCaches()
    {
        var caches = new List<object>();
        foreach (var assembly in new[] { typeof(DateTimeRecognizer).Assembly, typeof(NumberRecognizer).Assembly, typeof(SequenceRecognizer).Assembly }.Distinct())
        {
            Type?[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (System.Reflection.ReflectionTypeLoadException e)
            {
                types = e.Types;
            }
            foreach (var type in types.OfType<Type>().Where(t => !t.ContainsGenericParameters))
            {
                foreach (var field in type.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType is { IsGenericType: true } cacheType && cacheType.GetGenericTypeDefinition().Name == "ResultsCache`1"
                        && field.GetValue(null) is { } resultsCache)
                    {
                        caches.AddRange(cacheType.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
                            .Select(f => f.GetValue(resultsCache))
                            .Where(c => c?.GetType().GetMethod("Compact", [typeof(double)]) is not null)!);
                    }
                }
            }
        }
        return caches;
    }

    private static IEnumerable<Recognized> Simple(IModel model, string text)
    {
        foreach (var result in Parse(model, text, null))
        {
            var value = result.Resolution is not null && result.Resolution.TryGetValue("value", out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? result.Text : result.Text;
            yield return new Recognized(result.Start, result.End + 1, text.Substring(result.Start, result.End + 1 - result.Start), value);
        }
    }

    private static List<ModelResult> Parse(IModel model, string text, DateTime? reference)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        EmptyCachesEveryMinute();
        var results = reference is { } when && model is DateTimeModel dateTime ? dateTime.Parse(text, when) : model.Parse(text);
        // Keep only spans that lie inside the text (the recognizers report inclusive ends).
        return results.Where(r => r.Start >= 0 && r.End >= r.Start && r.End < text.Length).ToList();
    }
}
