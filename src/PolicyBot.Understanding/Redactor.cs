using System.Text.RegularExpressions;
using PolicyBot.Understanding.Scanning;

namespace PolicyBot.Understanding;

/// <summary>
/// Removes phone numbers and e-mail addresses from text before it is logged: each becomes
/// <c>[phone]</c> or <c>[email]</c>. Microsoft.Recognizers.Text finds them; a regular-expression
/// backstop catches what it misses (an address with an unusual domain, a number with odd spacing).
/// Thread-safe.
/// </summary>
public sealed partial class Redactor
{
    /// <summary>The placeholder for a phone number.</summary>
    public const string PhonePlaceholder = "[phone]";

    /// <summary>The placeholder for an e-mail address.</summary>
    public const string EmailPlaceholder = "[email]";

    private readonly TextRecognizers _recognizers = TextRecognizers.Shared;

    /// <summary>The text with every phone number and e-mail address replaced (empty text is returned as is).</summary>
    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        var spans = new List<(int Start, int End, string Placeholder)>();
        spans.AddRange(_recognizers.EmailAddresses(text).Select(r => (r.Start, r.End, EmailPlaceholder)));
        spans.AddRange(EmailBackstop().Matches(text).Select(m => (m.Index, m.Index + m.Length, EmailPlaceholder)));
        spans.AddRange(_recognizers.PhoneNumbers(text).Select(r => (r.Start, r.End, PhonePlaceholder)));
        spans.AddRange(PhoneBackstop().Matches(text).Select(m => (m.Index, m.Index + m.Length, PhonePlaceholder)));
        if (spans.Count == 0)
        {
            return text;
        }

        // Merge overlapping spans (an e-mail address wins over digits inside it), then replace from left to right.
        var merged = new List<(int Start, int End, string Placeholder)>();
        foreach (var span in spans.OrderBy(s => s.Start).ThenByDescending(s => s.End))
        {
            if (merged.Count > 0 && span.Start < merged[^1].End)
            {
                var last = merged[^1];
                var placeholder = last.Placeholder == EmailPlaceholder || span.Placeholder == EmailPlaceholder ? EmailPlaceholder : PhonePlaceholder;
                merged[^1] = (last.Start, Math.Max(last.End, span.End), placeholder);
            }
            else
            {
                merged.Add(span);
            }
        }
        var builder = new System.Text.StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end, placeholder) in merged)
        {
            builder.Append(text, at, start - at).Append(placeholder);
            at = end;
        }
        return builder.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Plain addresses: local@domain.tld.</summary>
    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailBackstop();

    /// <summary>North American numbers with or without separators, and international numbers starting with +.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:\+?1[\s.\-]?)?(?:\(\d{3}\)|\d{3})[\s.\-]?\d{3}[\s.\-]?\d{4}(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])\+\d{1,3}(?:[\s.\-]?\d{2,4}){2,5}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneBackstop();
}
