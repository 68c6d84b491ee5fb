using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using PolicyBot.Reachability;

namespace PolicyBot.Tests.Reachability;

/// <summary>Which failed sends mean "cannot be reached", and the reason kept.</summary>
public sealed class UnreachableReasonTests
{
    private static ErrorResponseException Failure(int status, string? code) => new($"Operation returned an invalid status code '{status}'")
    {
        Response = new HttpResponseMessageWrapper(new HttpResponseMessage((HttpStatusCode)status), "{}"),
        Body = code is null ? null : new ErrorResponse(new Error(code, "message")),
    };

    [Theory]
    [InlineData(403, "BotNotInConversationRoster", "403 BotNotInConversationRoster")]
    [InlineData(403, "ConversationBlockedByUser", "403 ConversationBlockedByUser")]
    [InlineData(403, "BotDisabledByAdmin", "403 BotDisabledByAdmin")]
    [InlineData(403, "MessageWritesBlocked", "403 MessageWritesBlocked")]
    [InlineData(404, "ConversationNotFound", "404 ConversationNotFound")]
    public void Teams_codes_for_a_recipient_that_cannot_be_reached_give_the_reason(int status, string code, string reason)
    {
        Assert.Equal(reason, UnreachableReason.Of(Failure(status, code)));
    }

    [Theory]
    [InlineData(403, "Forbidden")]          // e.g. a credential problem: the bot's, not the recipient's
    [InlineData(403, null)]
    [InlineData(404, "ActivityNotFound")]
    [InlineData(429, "TooManyRequests")]
    [InlineData(500, "ServiceError")]
    public void Other_failures_say_nothing_about_the_recipient(int status, string? code)
    {
        Assert.Null(UnreachableReason.Of(Failure(status, code)));
        Assert.Null(UnreachableReason.Of(new HttpRequestException("connection refused")));
    }
}
