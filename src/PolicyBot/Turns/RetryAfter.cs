using System.Globalization;
using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Rest;

namespace PolicyBot.Turns;

/// <summary>Reads a connector failure as throttling: HTTP 429 and how long its <c>Retry-After</c> header asks to wait.</summary>
public static class RetryAfter
{
    /// <summary>The wait assumed when a 429 carries no readable <c>Retry-After</c> (Teams always sends one).</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The wait a connector exception asks for, or null when it is not a 429. <c>Retry-After</c> may be delta-seconds
    /// or an HTTP date; a date in the past is a wait of zero; a missing or unreadable header is <see cref="Default"/>.
    /// </summary>
    /// <param name="exception">What a connector call threw (<see cref="ErrorResponseException"/> or <see cref="HttpOperationException"/>).</param>
    /// <param name="now">The current time, for an HTTP-date header.</param>
    public static TimeSpan? Of(Exception exception, DateTimeOffset now)
    {
        var (status, headers) = exception switch
        {
            ErrorResponseException e => (e.Response?.StatusCode, e.Response?.Headers),
            HttpOperationException e => (e.Response?.StatusCode, e.Response?.Headers),
            _ => ((HttpStatusCode?)null, null),
        };
        if (status != HttpStatusCode.TooManyRequests)
        {
            return null;
        }

        var value = headers?.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault()?.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date > now ? date - now : TimeSpan.Zero;
        }

        return Default;
    }
}
