namespace PolicyBot.Requests;

/// <summary>
/// What a turn tells the requests feature about where it happens and who sent it, read by the Teams edge from the
/// activity itself (never from card data). No Bot Framework types.
/// </summary>
/// <param name="Sender">The activity's sender (Entra object id and name); null when Teams gave no object id.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="Personal">True in the sender's 1:1 chat with the bot.</param>
/// <param name="ConversationId">The conversation (a channel's id without its reply thread).</param>
/// <param name="TeamId">In a channel: the team's Teams id; else null.</param>
/// <param name="TeamName">The team's name, when Teams sent it.</param>
/// <param name="TeamAadGroupId">The team's Microsoft 365 group id, when Teams sent it.</param>
/// <param name="ChannelName">The channel's name, when Teams sent it.</param>
/// <param name="ReplyToId">For a card's button: the id of the message holding the card (Teams sets it), else null.</param>
public sealed record RequestTurn(
    PersonRef? Sender,
    string? TenantId,
    bool Personal,
    string? ConversationId,
    string? TeamId,
    string? TeamName,
    string? TeamAadGroupId,
    string? ChannelName,
    string? ReplyToId = null);

/// <summary>The request feature's settings.</summary>
/// <param name="NudgeAfter">How long a request may wait for the administration before its channel is reminded (and again after each reminder).</param>
public sealed record RequestOptions(TimeSpan NudgeAfter)
{
    /// <summary>Days a request waits before a reminder, when the setting is not given.</summary>
    public const int DefaultNudgeDays = 3;

    /// <summary>Reads <see cref="Hosting.SettingsKeys.RequestNudgeDays"/> (1 to 60 days, default 3).</summary>
    /// <param name="configuration">The app's configuration.</param>
    /// <exception cref="InvalidOperationException">The setting is not a whole number from 1 to 60.</exception>
    public static RequestOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[Hosting.SettingsKeys.RequestNudgeDays];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new RequestOptions(TimeSpan.FromDays(DefaultNudgeDays));
        }

        return int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 60
            ? new RequestOptions(TimeSpan.FromDays(days))
            : throw new InvalidOperationException(
                $"{Hosting.SettingsKeys.RequestNudgeDays} is '{text}': give a whole number of days from 1 to 60 (how long a request waits for the administration before its channel is reminded).");
    }
}
