using System.Net;
using Microsoft.Bot.Schema;

namespace PolicyBot.Reachability;

/// <summary>
/// Reads a failed send as "this recipient cannot be reached", with the reason to keep
/// (<see cref="Delivery.IRecipientDirectory.MarkUnreachableAsync"/>): Teams' 403 codes for a bot that is not in the
/// conversation, blocked by the user, disabled by the tenant's administrator or not allowed to write, and 404 for a
/// conversation that is gone. Any other failure (throttling, a server error, a 403 from a misconfigured credential)
/// says nothing about the recipient and is null.
/// </summary>
public static class UnreachableReason
{
    /// <summary>The 403 error codes that mean the recipient cannot be reached.</summary>
    public static readonly IReadOnlyList<string> Forbidden403Codes =
        ["BotNotInConversationRoster", "ConversationBlockedByUser", "BotDisabledByAdmin", "MessageWritesBlocked"];

    /// <summary>The 404 error code of a conversation that no longer exists.</summary>
    public const string ConversationNotFound = "ConversationNotFound";

    /// <summary>The reason, e.g. <c>403 ConversationBlockedByUser</c> or <c>404 ConversationNotFound</c>; null when the failure is not one of those.</summary>
    /// <param name="exception">What a connector send threw.</param>
    public static string? Of(Exception exception)
    {
        if (exception is not ErrorResponseException { Response: { } response } failure)
        {
            return null;
        }

        var code = failure.Body?.Error?.Code;
        return response.StatusCode switch
        {
            HttpStatusCode.Forbidden when code is not null && Forbidden403Codes.Contains(code, StringComparer.OrdinalIgnoreCase) => $"403 {code}",
            HttpStatusCode.NotFound when string.Equals(code, ConversationNotFound, StringComparison.OrdinalIgnoreCase) => $"404 {code}",
            _ => null,
        };
    }
}
