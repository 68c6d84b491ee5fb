using System.Globalization;
using System.Text.Json.Nodes;

namespace PolicyBot.TestSupport.Delivery;

/// <summary>
/// Synthetic recipients for delivery tests and benchmarks: person <c>n</c> of tenant <see cref="TenantId"/> has the key
/// <c>user:{tenant}:{aad}</c> and a 1:1 conversation <c>a:{aad}</c> on a given service URL. The key alone gives the
/// conversation, so the test host process and the driver agree without sharing a directory.
/// </summary>
public static class TestRecipients
{
    /// <summary>The tenant every synthetic recipient is in.</summary>
    public const string TenantId = "tenant-test";

    /// <summary>The key of person <paramref name="n"/>.</summary>
    public static string Key(int n) => $"user:{TenantId}:{AadObjectId(n)}";

    /// <summary>The Entra object id of person <paramref name="n"/> (a stable GUID-shaped string).</summary>
    public static string AadObjectId(int n) => $"00000000-0000-0000-0000-{n.ToString("D12", CultureInfo.InvariantCulture)}";

    /// <summary>The conversation id of a key made by <see cref="Key"/> (<c>a:{aad}</c>), or of any other key (<c>a:{key}</c>).</summary>
    public static string ConversationId(string key) => "a:" + (key.StartsWith($"user:{TenantId}:", StringComparison.Ordinal) ? key[(TenantId.Length + 6)..] : key);

    /// <summary>A conversation reference (Bot Framework's JSON shape) for <paramref name="key"/> on <paramref name="serviceUrl"/>.</summary>
    public static string ReferenceJson(string key, Uri serviceUrl, string? conversationId = null) => new JsonObject
    {
        ["user"] = new JsonObject { ["id"] = "29:" + key, ["aadObjectId"] = key.Split(':')[^1] },
        ["bot"] = new JsonObject { ["id"] = "28:policybot", ["name"] = "PolicyBot" },
        ["conversation"] = new JsonObject
        {
            ["id"] = conversationId ?? ConversationId(key),
            ["conversationType"] = "personal",
            ["tenantId"] = TenantId,
        },
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl.ToString(),
    }.ToJsonString();

    /// <summary>A small message activity (Bot Framework's JSON shape) with <paramref name="text"/>.</summary>
    public static string MessageJson(string text) => new JsonObject { ["type"] = "message", ["text"] = text }.ToJsonString();
}
