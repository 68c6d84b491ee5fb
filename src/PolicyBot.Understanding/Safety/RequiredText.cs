using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyBot.Understanding.Safety;

/// <summary>
/// Literal texts one of which every match of a regular expression contains, read from its pattern: a cheap check that
/// can tell a text in which the expression cannot match, without running it. For <c>\b(?:(?:she|he) is scared)\b</c>
/// it is <c>" is scared"</c>; for <c>\b(?:kill|killed) (?:him|her)self\b</c> it is <c>kill</c> or <c>killed</c>.
/// </summary>
/// <remarks>
/// Why: the safety signals are some 400 interpreted expressions run over every typed message, and most of the cost is
/// the many that start with a common word ("she", "his", "took") and so are tried at almost every word; nearly all of
/// them hold a rarer word further on. Sound by construction, case by case: a run of plain characters is in every
/// match of the sequence it stands in, so is what any one element of a sequence requires, a group or a repetition of
/// at least one requires what its content does, an alternation one of what its branches do; zero-width assertions,
/// classes and optional parts require nothing. A pattern with a construct this reading does not follow (named or
/// conditional groups, inline options other than a case-sensitive group <c>(?-i:…)</c>, back-references, unusual escapes) or options other than those listed gets no
/// texts, and its expression is always run.
/// </remarks>
internal static class RequiredText
{
    /// <summary>The options that leave matching case-sensitive and character by character as read here.</summary>
    private const RegexOptions FollowedOptions =
        RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture | RegexOptions.Singleline | RegexOptions.Multiline;

    /// <summary>The texts (ordinal, case-sensitive) one of which every match of <paramref name="regex"/> contains, or null when none is known.</summary>
    public static IReadOnlyCollection<string>? Of(Regex regex)
    {
        ArgumentNullException.ThrowIfNull(regex);
        return Read(regex, FollowedOptions);
    }

    /// <summary>
    /// For an expression that may ignore case (<see cref="RegexOptions.IgnoreCase"/>): lower-case texts one of which the
    /// lower-cased form of every ASCII text it matches holds, or null when none is known. Only for ASCII texts: with
    /// case ignored an expression's <c>k</c> also matches the Kelvin sign, so a text with other characters must be
    /// tried with the expression itself. Null as well when a required text is not ASCII itself.
    /// </summary>
    public static IReadOnlyCollection<string>? AsciiLowerCaseOf(Regex regex)
    {
        ArgumentNullException.ThrowIfNull(regex);
        return Read(regex, FollowedOptions | RegexOptions.IgnoreCase) is { } texts && texts.All(t => Ascii.IsValid(t))
            ? texts.Select(t => t.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal)
            : null;
    }

    /// <summary>
    /// Every set of texts (ordinal, case-sensitive) that each match of <paramref name="regex"/> holds one of: one set per
    /// part of its top-level sequence that requires text (<c>\b(?:join|joining) (?:the )?(?:students|kids)\b</c> gives
    /// <c>join|joining</c> and <c>students|kids</c>), so a text must hold one text of each set. <see cref="Of"/>'s texts
    /// are the most selective of them. Empty when none is known or the expression is an alternation at its top level.
    /// </summary>
    public static IReadOnlyList<IReadOnlyCollection<string>> AllOf(Regex regex)
    {
        ArgumentNullException.ThrowIfNull(regex);
        return ReadAll(regex, FollowedOptions) ?? [];
    }

    /// <summary>
    /// <see cref="AllOf"/> for an expression that may ignore case, read as <see cref="AsciiLowerCaseOf"/> reads it: each
    /// set lower-cased, and only sets whose texts are all ASCII (a set left out only makes the check less selective).
    /// </summary>
    public static IReadOnlyList<IReadOnlyCollection<string>> AllAsciiLowerCaseOf(Regex regex)
    {
        ArgumentNullException.ThrowIfNull(regex);
        return (ReadAll(regex, FollowedOptions | RegexOptions.IgnoreCase) ?? [])
            .Where(texts => texts.All(t => Ascii.IsValid(t)))
            .Select(texts => (IReadOnlyCollection<string>)texts.Select(t => t.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal))
            .ToList();
    }

    /// <summary>The sets of <paramref name="all"/> other than one with the same texts as <paramref name="required"/> (already checked).</summary>
    public static IReadOnlyList<IReadOnlyCollection<string>> Others(IReadOnlyList<IReadOnlyCollection<string>> all, IReadOnlyCollection<string>? required) =>
        required is null ? all : all.Where(texts => !(texts.Count == required.Count && texts.All(required.Contains))).ToList();

    /// <summary>True when <paramref name="text"/> holds one text of every set of <paramref name="all"/> (true for none).</summary>
    public static bool MayMatchAll(IReadOnlyList<IReadOnlyCollection<string>> all, string text) =>
        all.All(texts => MayMatch(texts, text));

    /// <summary>
    /// False when an expression cannot match <paramref name="text"/>: it holds none of <paramref name="required"/> (the
    /// expression's texts from <see cref="Of"/> or <see cref="AsciiLowerCaseOf"/>, the text read the same way). True when
    /// nothing is required. The answer for one expression; <see cref="RequiredTextIndex"/> gives it for many at once.
    /// </summary>
    public static bool MayMatch(IReadOnlyCollection<string>? required, string text) =>
        required is null || required.Any(t => text.Contains(t, StringComparison.Ordinal));

    private static HashSet<string>? Read(Regex regex, RegexOptions followed)
    {
        if ((regex.Options & ~followed) != 0)
        {
            return null;
        }
        var reader = new PatternReader(regex.ToString());
        try
        {
            var texts = reader.Alternation();
            return reader.AtEnd && texts is { Count: > 0 } ? texts : null;
        }
        catch (NotFollowedException)
        {
            return null;
        }
    }

    private static List<HashSet<string>>? ReadAll(Regex regex, RegexOptions followed)
    {
        if ((regex.Options & ~followed) != 0)
        {
            return null;
        }
        var reader = new PatternReader(regex.ToString());
        try
        {
            var all = reader.TopLevelSequence();
            if (!reader.AtEnd)
            {
                return null;   // a '|' at the top: what one branch requires, the others need not
            }
            // A group's best set is also among its own parts' sets: each set once.
            var distinct = new List<HashSet<string>>();
            foreach (var texts in all.Where(texts => !distinct.Any(d => d.SetEquals(texts))))
            {
                distinct.Add(texts);
            }
            return distinct;
        }
        catch (NotFollowedException)
        {
            return null;
        }
    }

    private sealed class NotFollowedException : Exception;

    /// <summary>A recursive reading of .NET pattern syntax (without IgnorePatternWhitespace) that tracks required literal text.</summary>
    private sealed class PatternReader(string pattern)
    {
        private int _at;

        public bool AtEnd => _at == pattern.Length;

        /// <summary>
        /// branch ('|' branch)*: every match matches one branch, so it contains one of the union. With one branch only,
        /// what each element of it requires is added to <paramref name="every"/> when given.
        /// </summary>
        public HashSet<string>? Alternation(List<HashSet<string>>? every = null)
        {
            var first = every is null ? null : new List<HashSet<string>>();
            var union = Sequence(first);
            if (first is not null && !(_at < pattern.Length && pattern[_at] == '|'))
            {
                every!.AddRange(first);
            }
            while (_at < pattern.Length && pattern[_at] == '|')
            {
                _at++;
                var branch = Sequence();
                if (union is null || branch is null)
                {
                    union = null;   // a branch that requires nothing makes the whole require nothing
                    continue;
                }
                union.UnionWith(branch);
            }
            return union;
        }

        /// <summary>The pattern's first sequence, up to a top-level '|' if any: what each of its elements requires.</summary>
        public List<HashSet<string>> TopLevelSequence()
        {
            var all = new List<HashSet<string>>();
            Sequence(all);
            return all;
        }

        /// <summary>
        /// Atoms in order: a match contains each element's match, so what any single element requires will do; the most
        /// selective is kept (longest shortest text, then fewest texts). Each element's texts are also added to
        /// <paramref name="every"/> when given, and those of the parts of a group of one branch that must match
        /// (<c>\b(?:my (?:son|daughter) is scared)\b</c>: "my ", "son" or "daughter", " is scared").
        /// </summary>
        private HashSet<string>? Sequence(List<HashSet<string>>? every = null)
        {
            HashSet<string>? best = null;
            var run = new StringBuilder();
            void Consider(HashSet<string>? texts)
            {
                if (texts is not null)
                {
                    every?.Add(texts);
                }
                if (texts is not null && (best is null || Selectivity(texts).CompareTo(Selectivity(best)) > 0))
                {
                    best = texts;
                }
            }
            void EndRun()
            {
                if (run.Length > 0)
                {
                    Consider(new HashSet<string>(StringComparer.Ordinal) { run.ToString() });
                    run.Clear();
                }
            }
            while (_at < pattern.Length && pattern[_at] is not ('|' or ')'))
            {
                var parts = every is null ? null : new List<HashSet<string>>();
                var (texts, literal) = Atom(parts);
                var (min, quantified) = Quantifier();
                if (min >= 1 && parts is not null)
                {
                    every!.AddRange(parts);
                }
                if (!quantified && literal is { } c)
                {
                    run.Append(c);   // consecutive plain characters: the match holds them side by side
                    continue;
                }
                EndRun();
                if (min >= 1)
                {
                    Consider(literal is { } one ? new HashSet<string>(StringComparer.Ordinal) { one.ToString() } : texts);
                }
            }
            EndRun();
            return best;
        }

        private static (int Shortest, int Fewest) Selectivity(HashSet<string> texts) => (texts.Min(t => t.Length), -texts.Count);

        /// <summary>
        /// One atom: what it requires, or the character when it is a plain (or escaped) literal character. For a group
        /// that is not zero-width, what its parts require is added to <paramref name="parts"/> when given (see <see cref="Alternation"/>).
        /// </summary>
        private (HashSet<string>? Texts, char? Literal) Atom(List<HashSet<string>>? parts = null)
        {
            var c = pattern[_at];
            switch (c)
            {
                case '(':
                    return Group(parts);
                case '[':
                    SkipClass();
                    return (null, null);
                case '.' or '^' or '$':
                    _at++;
                    return (null, null);
                case '\\':
                    return Escape();
                case '*' or '+' or '?':
                    throw new NotFollowedException();
                case '{' when QuantifierAt(_at) is not null:
                    throw new NotFollowedException();
                default:
                    _at++;
                    return (null, c);
            }
        }

        private (HashSet<string>? Texts, char? Literal) Group(List<HashSet<string>>? parts)
        {
            _at++;
            var zeroWidth = false;
            if (Next("?:") || Next("?>"))
            {
                _at += 2;
            }
            else if (Next("?-i:"))
            {
                // Case-sensitive inside: a match holds the texts as written, so (lower-cased) also when case is ignored.
                _at += 4;
            }
            else if (Next("?=") || Next("?!"))
            {
                _at += 2;
                zeroWidth = true;
            }
            else if (Next("?<=") || Next("?<!"))
            {
                _at += 3;
                zeroWidth = true;
            }
            else if (Next("?"))
            {
                throw new NotFollowedException();   // named or balancing groups, inline options, conditionals, comments
            }
            var inner = Alternation(zeroWidth ? null : parts);
            if (!Next(")"))
            {
                throw new NotFollowedException();
            }
            _at++;
            return (zeroWidth ? null : inner, null);
        }

        private (HashSet<string>? Texts, char? Literal) Escape()
        {
            if (_at + 1 >= pattern.Length)
            {
                throw new NotFollowedException();
            }
            var e = pattern[_at + 1];
            _at += 2;
            if (e is 'b' or 'B' or 'A' or 'z' or 'Z' or 'G' or 'd' or 'D' or 'w' or 'W' or 's' or 'S')
            {
                return (null, null);   // an assertion or a class: no particular text
            }
            // An escaped character that is not a letter, digit or '_' stands for itself (\. \' \$ \- …); anything else
            // (\p{…}, \x41, \t, \1, \k<…>) is not followed.
            return char.IsLetterOrDigit(e) || e == '_' ? throw new NotFollowedException() : (null, e);
        }

        /// <summary>A repetition after an atom: its minimum count, and whether there was one (<c>? * + {n} {n,} {n,m}</c>, lazy or not).</summary>
        private (int Min, bool Quantified) Quantifier()
        {
            if (_at >= pattern.Length)
            {
                return (1, false);
            }
            int min;
            switch (pattern[_at])
            {
                case '?' or '*':
                    min = 0;
                    _at++;
                    break;
                case '+':
                    min = 1;
                    _at++;
                    break;
                case '{' when QuantifierAt(_at) is { } braces:
                    min = braces.Min;
                    _at += braces.Length;
                    break;
                default:
                    return (1, false);
            }
            if (Next("?"))
            {
                _at++;   // lazy: the same texts
            }
            if (_at < pattern.Length && (pattern[_at] is '*' or '+' or '?' || QuantifierAt(_at) is not null))
            {
                throw new NotFollowedException();
            }
            return (min, true);
        }

        /// <summary>A <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c> at <paramref name="at"/> (anything else there is a literal brace).</summary>
        private (int Min, int Length)? QuantifierAt(int at)
        {
            var digits = at + 1;
            while (digits < pattern.Length && char.IsAsciiDigit(pattern[digits]))
            {
                digits++;
            }
            if (digits == at + 1 || digits >= pattern.Length)
            {
                return null;
            }
            var end = digits;
            if (pattern[end] == ',')
            {
                end++;
                while (end < pattern.Length && char.IsAsciiDigit(pattern[end]))
                {
                    end++;
                }
            }
            if (end >= pattern.Length || pattern[end] != '}')
            {
                return null;
            }
            return (int.Parse(pattern.AsSpan(at + 1, digits - at - 1), CultureInfo.InvariantCulture), end + 1 - at);
        }

        /// <summary>Skips a character class: <c>[…]</c>, <c>[^…]</c>, a first <c>]</c> inside it literal; subtraction is not followed.</summary>
        private void SkipClass()
        {
            _at++;
            if (Next("^"))
            {
                _at++;
            }
            if (Next("]"))
            {
                _at++;
            }
            while (_at < pattern.Length && pattern[_at] != ']')
            {
                if (pattern[_at] == '\\')
                {
                    _at += 2;
                }
                else if (Next("-["))
                {
                    throw new NotFollowedException();
                }
                else
                {
                    _at++;
                }
            }
            if (_at >= pattern.Length)
            {
                throw new NotFollowedException();
            }
            _at++;
        }

        private bool Next(string text) => pattern.AsSpan(_at).StartsWith(text, StringComparison.Ordinal);
    }
}
