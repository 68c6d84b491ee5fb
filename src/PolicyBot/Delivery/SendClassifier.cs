using System.Globalization;

namespace PolicyBot.Delivery;

/// <summary>
/// Turns a Bot Connector answer (HTTP status, Teams' error code, Retry-After) into a <see cref="SendResult"/>, per Teams'
/// documented status codes for bot APIs.
/// </summary>
public static class SendClassifier
{
    /// <summary>403 codes that mean the bot cannot write to that conversation (Teams' documented codes).</summary>
    public static readonly IReadOnlySet<string> UnreachableForbiddenCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "BotNotInConversationRoster", "ConversationBlockedByUser", "BotDisabledByAdmin", "MessageWritesBlocked",
    };

    /// <summary>Classifies an answer that was not a success.</summary>
    /// <param name="statusCode">The HTTP status (not 2xx).</param>
    /// <param name="errorCode">Teams' <c>error.code</c> from the body, or null.</param>
    /// <param name="retryAfter">The parsed Retry-After header, or null.</param>
    /// <returns>
    /// 429 → <see cref="SendOutcome.Throttled"/>; 408, 412 and 5xx → <see cref="SendOutcome.Transient"/>; 403 with an
    /// unreachable code and 404 ConversationNotFound → <see cref="SendOutcome.Unreachable"/>; any other status →
    /// <see cref="SendOutcome.Failed"/>. The reason is <c>"{status} {code}"</c>.
    /// </returns>
    public static SendResult Classify(int statusCode, string? errorCode, TimeSpan? retryAfter)
    {
        var reason = string.IsNullOrEmpty(errorCode)
            ? statusCode.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{statusCode} {errorCode}");
        return statusCode switch
        {
            429 => SendResult.ThrottledFor(retryAfter, reason),

            // 412 is Teams' answer to a conflicting concurrent operation; 5xx and 408 are the service's own trouble.
            408 or 412 or >= 500 => new SendResult(SendOutcome.Transient, Reason: reason),
            403 when errorCode is not null && UnreachableForbiddenCodes.Contains(errorCode) => new SendResult(SendOutcome.Unreachable, Reason: reason),
            404 when string.Equals(errorCode, "ConversationNotFound", StringComparison.OrdinalIgnoreCase) => new SendResult(SendOutcome.Unreachable, Reason: reason),
            _ => new SendResult(SendOutcome.Failed, Reason: reason),
        };
    }

    /// <summary>Parses a Retry-After header value: whole seconds or an HTTP date (relative to <paramref name="now"/>); null when absent or unreadable.</summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date > now ? date - now : TimeSpan.Zero)
            : null;
    }
}
