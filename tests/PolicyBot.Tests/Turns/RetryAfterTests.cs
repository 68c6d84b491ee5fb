using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using PolicyBot.Turns;

namespace PolicyBot.Tests.Turns;

/// <summary>Reading a connector failure as throttling.</summary>
public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private static ErrorResponseException Failure(int status, Action<HttpResponseMessage>? headers = null)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status);
        headers?.Invoke(response);
        return new ErrorResponseException($"Operation returned an invalid status code '{status}'")
        {
            Response = new HttpResponseMessageWrapper(response, "{}"),
        };
    }

    [Fact]
    public void A_429_with_delta_seconds_asks_for_that_wait()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), RetryAfter.Of(Failure(429, r => r.Headers.Add("Retry-After", "3")), Now));
    }

    [Fact]
    public void A_429_with_an_http_date_asks_until_then_and_a_past_date_for_no_wait()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), RetryAfter.Of(Failure(429, r => r.Headers.RetryAfter = new(Now.AddSeconds(5))), Now));
        Assert.Equal(TimeSpan.Zero, RetryAfter.Of(Failure(429, r => r.Headers.RetryAfter = new(Now.AddSeconds(-5))), Now));
    }

    [Fact]
    public void A_429_without_a_header_asks_for_the_default_wait()
    {
        Assert.Equal(RetryAfter.Default, RetryAfter.Of(Failure(429), Now));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(500)]
    [InlineData(503)]
    public void Other_failures_are_not_throttling(int status)
    {
        Assert.Null(RetryAfter.Of(Failure(status, r => r.Headers.Add("Retry-After", "3")), Now));
        Assert.Null(RetryAfter.Of(new InvalidOperationException(), Now));
    }
}
