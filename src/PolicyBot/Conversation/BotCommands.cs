namespace PolicyBot.Conversation;

/// <summary>
/// The commands the bot answers by name (case-insensitive, surrounding punctuation ignored).
/// The Teams manifest's command list must be a subset of <see cref="All"/>; a test enforces it.
/// Anything that is not a command is read as a question about the policy.
/// </summary>
public static class BotCommands
{
    /// <summary>Shows what the bot does and example questions.</summary>
    public const string Help = "help";

    /// <summary>Forgets the current situation and starts a new one.</summary>
    public const string StartOver = "start over";

    /// <summary>Stops the current situation without a verdict.</summary>
    public const string Cancel = "cancel";

    /// <summary>Shows the policy served: title, district, dates and its sections.</summary>
    public const string Policy = "policy";

    /// <summary>"ask &lt;question&gt;": asks a question (the word "ask" is optional).</summary>
    public const string Ask = "ask";

    /// <summary>Shows which administrator roles the sender holds and what those let them do (everyone may ask).</summary>
    public const string Roles = "roles";

    /// <summary>
    /// Campaign authors, personal chat: queues a short test message to everyone reachable. Not in <see cref="All"/>: the
    /// Teams command menu is the same for all staff, so administrator commands are offered on the roles card instead.
    /// </summary>
    public const string TestMessage = "test message";

    /// <summary>A test message's delivery status (the card's "Check delivery status"; campaign authors, personal chat).</summary>
    public const string TestStatus = "test message status";

    /// <summary>Shows what the bot keeps about the sender, with "Forget me…" (personal chat only).</summary>
    public const string MyData = "my data";

    /// <summary>Deletes the sender's situations and feedback links after a confirmation; what the district must keep stays (personal chat only).</summary>
    public const string ForgetMe = "forget me";
    /// <summary>Request deciders, personal chat: the verdicts staff marked "not right", with their situations (no names).</summary>
    public const string Feedback = "feedback";

    /// <summary>Every command offered to everyone (the Teams manifest's command lists).</summary>
    public static readonly IReadOnlyList<string> All = [Help, StartOver, Cancel, Policy, Ask, Roles];

    /// <summary>
    /// The privacy commands, answered only in a personal chat. Not in <see cref="All"/>: the Teams command menu lists the
    /// same commands in group chats and channels, where these are not answered; the help card lists them.
    /// </summary>
    public static readonly IReadOnlyList<string> Privacy = [MyData, ForgetMe];

    /// <summary>Commands for administrators, answered for everyone but carried out only for those whose role allows it.</summary>
    public static readonly IReadOnlyList<string> Administrator = [TestMessage, Feedback];
}
