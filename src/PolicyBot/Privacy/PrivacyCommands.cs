using System.Text.RegularExpressions;
using PolicyBot.Cards;
using PolicyBot.Conversation;

namespace PolicyBot.Privacy;

/// <summary>
/// "my data" and "forget me", without Bot Framework types. "my data" shows what every <see cref="IPersonalData"/> store
/// holds about the person; "forget me" shows what would be deleted and what kept, and deletes only after "Yes, forget
/// me". The person is always the activity's sender (<see cref="DataSubject"/>, read by the caller), never card data;
/// both work only in the person's personal chat, so nothing about them is shown in a group chat or channel.
/// </summary>
public sealed partial class PrivacyCommands(IEnumerable<IPersonalData> stores, ILogger<PrivacyCommands> logger)
{
    /// <summary>The command names, as <see cref="Recognize"/> returns them.</summary>
    public const string MyData = BotCommands.MyData, AskForget = BotCommands.ForgetMe, Forget = "forget me confirmed", KeepData = "keep my data";

    /// <summary>The heading of the "my data" card.</summary>
    public const string MyDataTitle = "What I keep about you";

    /// <summary>The footer of every privacy card: what is logged.</summary>
    public const string LogNote =
        "What you type is not kept: I keep what I understood, as the policy's facts. My log records what kind of message came in, the verdict and " +
        "its rule, and your Microsoft Entra object id when you use an administrator command, not your words or your name (unless your IT administrator " +
        "turns on troubleshooting for a few hours).";

    /// <summary>What the district keeps whatever "forget me" does, said on the confirmation and the result.</summary>
    public const string DistrictKeeps =
        "What the district must keep stays: your acknowledgements of policy reminders, and your requests to the administration with their decisions " +
        "and history. You stay reachable for policy reminders until you uninstall PolicyBot.";

    private readonly IReadOnlyList<IPersonalData> _stores = [.. stores.OrderBy(s => s.Order)];

    /// <summary>The privacy command an input is, or null.</summary>
    /// <param name="input">A typed message (mention removed) or a card submit.</param>
    public static string? Recognize(ConversationInput input) => input switch
    {
        TypedInput typed => CommandWords().Replace(typed.Text.ToLowerInvariant(), " ").Trim() switch
        {
            "my data" or "show my data" or "my information" or "my info" or "what do you know about me" or "what do you store about me"
                or "what do you keep about me" or "what data do you have about me" => MyData,
            "forget me" or "delete my data" or "forget my data" or "erase my data" or "delete me" => AskForget,
            _ => null,
        },
        CardInput { Submit.Action: CardActions.AskForget } => AskForget,
        CardInput { Submit.Action: CardActions.Forget } => Forget,
        CardInput { Submit.Action: CardActions.KeepData } => KeepData,
        _ => null,
    };

    /// <summary>Carries out <paramref name="command"/> for <paramref name="person"/>.</summary>
    /// <param name="command">A value <see cref="Recognize"/> returned.</param>
    /// <param name="person">The activity's sender; null when Teams gave no user id (nothing can be looked up then).</param>
    /// <param name="inPersonalChat">True in the person's 1:1 chat with the bot.</param>
    /// <param name="cancellationToken">Cancels the stores' reads and deletes.</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown command.</exception>
    public async Task<IReadOnlyList<Reply>> HandleAsync(string command, DataSubject? person, bool inPersonalChat, CancellationToken cancellationToken)
    {
        if (command is not (MyData or AskForget or Forget or KeepData))
        {
            throw new ArgumentOutOfRangeException(nameof(command), command, "Not a privacy command.");
        }
        if (!inPersonalChat)
        {
            return [new NoticeReply($"Please type \"{(command == MyData ? MyData : AskForget)}\" in your personal chat with me: what I keep about you is shown only there, not to this chat.")];
        }
        if (person is null)
        {
            return [new NoticeReply("Teams did not tell me who you are, so I cannot look up or delete anything for you.")];
        }
        switch (command)
        {
            case KeepData:
                return [new NoticeReply("Nothing was deleted. Type \"my data\" any time to see what I keep about you.")];
            case Forget:
                var results = new List<ForgetResult>();
                foreach (var store in _stores)
                {
                    results.Add(await store.ForgetAsync(person, cancellationToken).ConfigureAwait(false));
                }
                logger.LogInformation("Forget me for {AadObjectId}: {Deleted} record(s) deleted ({PerStore}).",
                    person.AadObjectId ?? "(no object id)", results.Sum(r => r.Deleted), string.Join(", ", results.Select(r => $"{r.Heading}: {r.Deleted}")));
                return [new PersonalDataReply(
                    "Forgotten",
                    $"I deleted {Records(results.Sum(r => r.Deleted))} about you. " + DistrictKeeps,
                    [.. results.Select(r => new PrivacyCards.Section(r.Heading, [r.Deleted == 0 ? "Nothing deleted." : $"{Records(r.Deleted)} deleted."], r.Kept ?? "Deleted."))],
                    PrivacyCards.Buttons.None)];
            default:
                var sections = new List<PrivacyCards.Section>();
                foreach (var store in _stores)
                {
                    var section = await store.DescribeAsync(person, cancellationToken).ConfigureAwait(false);
                    sections.Add(new PrivacyCards.Section(section.Heading, section.Lines, "Forget me: " + section.WhenForgotten));
                }
                return command == MyData
                    ? [new PersonalDataReply(MyDataTitle, "This is everything I store about you, and what \"forget me\" would do with it.", sections, PrivacyCards.Buttons.OfferForget)]
                    : [new PersonalDataReply("Forget me?", "\"Yes, forget me\" deletes your questions (and any feedback tied to them) now. " + DistrictKeeps, sections, PrivacyCards.Buttons.Confirm)];
        }
    }

    private static string Records(int count) => count == 1 ? "1 record" : $"{count} records";

    [GeneratedRegex(@"[^a-z]+")]
    private static partial Regex CommandWords();
}
