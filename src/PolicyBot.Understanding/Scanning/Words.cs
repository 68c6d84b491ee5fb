using System.Text;
using System.Text.RegularExpressions;

namespace PolicyBot.Understanding.Scanning;

/// <summary>A word of a text: its character span and lower-case form (a trailing possessive kept).</summary>
internal readonly record struct Word(int Start, int End, string Lower)
{
    public int Length => End - Start;
}

/// <summary>Text normalization and word splitting shared by the lexicon loader and the reader.</summary>
internal static partial class Words
{
    /// <summary>
    /// Replaces typographic quotes and dashes with their ASCII forms, character for character, so
    /// spans in the normalized text are spans in the original.
    /// </summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u02BC' or '\u2032' or '`' => '\'',
                '\u201C' or '\u201D' or '\u00AB' or '\u00BB' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                '\u00A0' or '\u2007' or '\u202F' => ' ',
                _ => c,
            });
        }
        return builder.ToString();
    }

    /// <summary>The words of a normalized text: letters and digits, with an inner apostrophe ("don't", "student's").</summary>
    public static List<Word> Split(string normalized)
    {
        var words = new List<Word>();
        foreach (Match m in WordPattern().Matches(normalized))
        {
            words.Add(new Word(m.Index, m.Index + m.Length, m.Value.ToLowerInvariant()));
        }
        return words;
    }

    /// <summary>The lower-case words of a phrase as written in a lexicon.</summary>
    public static string[] OfPhrase(string phrase) =>
        Split(Normalize(phrase)).Select(w => w.Lower).ToArray();

    /// <summary>True when <paramref name="word"/> is <paramref name="phraseWord"/> or its possessive ("student's", "students'").</summary>
    public static bool SameOrPossessive(string word, string phraseWord) =>
        word == phraseWord
        || (word.Length == phraseWord.Length + 2 && word.EndsWith("'s", StringComparison.Ordinal) && word.StartsWith(phraseWord, StringComparison.Ordinal));

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:'[\p{L}]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
