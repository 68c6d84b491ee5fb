namespace PolicyBot.Understanding.Safety;

/// <summary>
/// Which of many expressions may match a text, from the literal texts each of them needs (<see cref="RequiredText"/>):
/// an expression may match when the text holds one of its texts, or always when it has none. Built once; thread-safe.
/// </summary>
/// <remarks>
/// Why: the ~600 safety cues and ~145 lexicon patterns each searched the message for their own texts, some 750 searches
/// of the same few hundred characters per typed message (~0.2 ms). Here the text is read once: at each position the
/// texts starting with its two characters are compared, and each expression's answer is read off the texts found.
/// The answer is the same as searching for each expression's texts one by one (tested on the corpus).
/// </remarks>
internal sealed class RequiredTextIndex
{
    /// <summary>Per expression, the ids of its texts; null when it has none and always runs.</summary>
    private readonly int[]?[] _textsOf;

    /// <summary>
    /// Per expression, each further set of texts it needs one of (besides <see cref="_textsOf"/>'s): searched for in the text
    /// only for an expression its own texts let through, not indexed, so the one pass stays as small as the texts of
    /// <see cref="_textsOf"/> alone (in the app a larger index cost more than the few searches it saved).
    /// </summary>
    private readonly string[][][] _alsoOf;

    /// <summary>Texts of two or more characters by their first two (<c>first &lt;&lt; 16 | second</c>).</summary>
    private readonly Dictionary<int, (string Text, int Id)[]> _byFirstTwo;

    /// <summary>
    /// One bit per pair of ASCII characters (<c>first &lt;&lt; 7 | second</c>): set when a text starts with the pair. Most
    /// positions of a message start no text, and this answers them without a dictionary look-up.
    /// </summary>
    private readonly ulong[] _asciiPairs = new ulong[128 * 128 / 64];

    /// <summary>Texts of one character.</summary>
    private readonly Dictionary<char, int> _single;

    private readonly int _textCount;

    /// <summary>Indexes the texts of each expression, in the order <see cref="MayMatch"/> answers for them.</summary>
    /// <param name="required">Per expression, the texts one of which every match holds (ordinal), or null for none known.</param>
    public RequiredTextIndex(IReadOnlyList<IReadOnlyCollection<string>?> required)
        : this(required, null)
    {
    }

    /// <summary>
    /// Indexes the texts of each expression and, for each, further sets of texts it needs one of too
    /// (<see cref="RequiredText.AllOf"/>): <see cref="MayMatch"/> is then false as well when the text holds none of one
    /// of those sets.
    /// </summary>
    /// <param name="required">Per expression, the texts one of which every match holds (ordinal), or null for none known.</param>
    /// <param name="also">Per expression (same order and count), further sets every match holds one text of; null for none.</param>
    public RequiredTextIndex(IReadOnlyList<IReadOnlyCollection<string>?> required, IReadOnlyList<IReadOnlyList<IReadOnlyCollection<string>>>? also)
    {
        ArgumentNullException.ThrowIfNull(required);
        if (also is not null && also.Count != required.Count)
        {
            throw new ArgumentException("one list of further sets per expression", nameof(also));
        }
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] IdsOf(IReadOnlyCollection<string> texts) => [.. texts.Select(t => ids.TryGetValue(t, out var id) ? id : ids[t] = ids.Count)];
        _textsOf = new int[]?[required.Count];
        _alsoOf = new string[required.Count][][];
        for (var k = 0; k < required.Count; k++)
        {
            // A set with an empty text (in every text) or none at all rules nothing out: left out.
            _alsoOf[k] = also is null ? [] : [.. also[k].Where(t => t.Count > 0 && !t.Any(string.IsNullOrEmpty)).Select(t => t.ToArray())];
            if (required[k] is not { Count: > 0 } texts || texts.Any(string.IsNullOrEmpty))
            {
                continue;   // nothing known (an empty text would be in every text): always run
            }
            _textsOf[k] = IdsOf(texts);
        }
        _textCount = ids.Count;
        _byFirstTwo = ids.Where(p => p.Key.Length >= 2)
            .GroupBy(p => p.Key[0] << 16 | p.Key[1])
            .ToDictionary(g => g.Key, g => g.Select(p => (p.Key, p.Value)).ToArray());
        _single = ids.Where(p => p.Key.Length == 1).ToDictionary(p => p.Key[0], p => p.Value);
        foreach (var text in ids.Keys.Where(t => t.Length >= 2 && char.IsAscii(t[0]) && char.IsAscii(t[1])))
        {
            var pair = text[0] << 7 | text[1];
            _asciiPairs[pair >> 6] |= 1UL << (pair & 63);
        }
    }

    /// <summary>False when no text starts with the two characters; true when one may (always for a pair not all ASCII).</summary>
    private bool MayStart(char first, char second)
    {
        if (first >= 128 || second >= 128)
        {
            return true;
        }
        var pair = first << 7 | second;
        return (_asciiPairs[pair >> 6] & 1UL << (pair & 63)) != 0;
    }

    /// <summary>For each expression (in the constructor's order), false when it cannot match <paramref name="text"/>.</summary>
    /// <param name="text">The text as the expressions read it.</param>
    public bool[] MayMatch(ReadOnlySpan<char> text)
    {
        var present = new bool[_textCount];
        for (var i = 0; i < text.Length; i++)
        {
            if (_single.Count > 0 && _single.TryGetValue(text[i], out var one))
            {
                present[one] = true;
            }
            if (i + 1 < text.Length && MayStart(text[i], text[i + 1]) && _byFirstTwo.TryGetValue(text[i] << 16 | text[i + 1], out var candidates))
            {
                var rest = text[i..];
                foreach (var (candidate, id) in candidates)
                {
                    if (!present[id] && rest.StartsWith(candidate, StringComparison.Ordinal))
                    {
                        present[id] = true;
                    }
                }
            }
        }
        var may = new bool[_textsOf.Length];
        for (var k = 0; k < _textsOf.Length; k++)
        {
            may[k] = (_textsOf[k] is not { } ids || AnyPresent(ids, present)) && HoldsOneOfEach(text, _alsoOf[k]);
        }
        return may;
    }

    private static bool HoldsOneOfEach(ReadOnlySpan<char> text, string[][] sets)
    {
        foreach (var texts in sets)
        {
            var holds = false;
            foreach (var t in texts)
            {
                if (text.Contains(t, StringComparison.Ordinal))
                {
                    holds = true;
                    break;
                }
            }
            if (!holds)
            {
                return false;
            }
        }
        return true;
    }

    private static bool AnyPresent(int[] ids, bool[] present)
    {
        foreach (var id in ids)
        {
            if (present[id])
            {
                return true;
            }
        }
        return false;
    }
}
