using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using PolicyBot.Cards;
using PolicyBot.Conversation;

namespace PolicyBot.Requests;

/// <summary>
/// The requests feature's commands and card buttons, without Bot Framework types: reads what a turn asks for and hands it
/// to <see cref="RequestService"/>. Typed (in a personal chat, or after @PolicyBot): <c>my requests</c>, <c>new request</c>
/// (also "ask administration", "contact administration"), <c>district requests here</c> and <c>school requests here</c>
/// (request deciders, in a team channel), <c>approved accounts</c> (request deciders). Card data: <see cref="RequestCardActions"/>.
/// </summary>
public sealed partial class RequestCommands(RequestService service)
{
    /// <summary>"my requests".</summary>
    public const string MyRequests = "my requests";

    /// <summary>"new request".</summary>
    public const string NewRequest = "new request";

    /// <summary>"district requests here".</summary>
    public const string DistrictHere = "district requests here";

    /// <summary>"school requests here".</summary>
    public const string SchoolHere = "school requests here";

    /// <summary>"approved accounts".</summary>
    public const string ApprovedAccounts = "approved accounts";

    /// <summary>The command a typed text is, or null.</summary>
    /// <param name="text">The text, mention removed.</param>
    public static string? Recognize(string text) => Words().Replace((text ?? "").ToLowerInvariant(), " ").Trim() switch
    {
        "my requests" or "my request" or "show my requests" or "requests" => MyRequests,
        "new request" or "request" or "ask administration" or "contact administration" or "ask the administration" or "contact the administration" => NewRequest,
        "district requests here" or "requests here" or "district requests go here" or "send district requests here" => DistrictHere,
        "school requests here" or "school requests go here" or "send school requests here" => SchoolHere,
        "approved accounts" or "registry" or "approved account registry" or "show approved accounts" => ApprovedAccounts,
        _ => null,
    };

    /// <summary>Carries out a typed command.</summary>
    /// <param name="command">A value of <see cref="Recognize"/>.</param>
    /// <param name="turn">Where and from whom.</param>
    /// <param name="cancellationToken">Cancels store calls.</param>
    public Task<IReadOnlyList<Reply>> HandleTypedAsync(string command, RequestTurn turn, CancellationToken cancellationToken) => command switch
    {
        // A person's requests and the registry name people and their circumstances: shown only in a personal chat.
        MyRequests or ApprovedAccounts when !turn.Personal => Task.FromResult<IReadOnlyList<Reply>>(
            [new NoticeReply($"Please type \"{command}\" in your personal chat with me: {(command == MyRequests ? "your requests are" : "the approved accounts registry is")} shown only there, not to this chat.")]),
        MyRequests => service.MyRequestsAsync(turn, cancellationToken),
        NewRequest => Task.FromResult<IReadOnlyList<Reply>>([new CardReply(RequestCards.Notice(
            "Ask administration",
            "What would you like to ask the administration for?",
            "accent",
            [new RequestSummaryView("", [], null, null,
            [
                new CardButton("A class, team or school account", RequestCardActions.NewData("presence"), "positive"),
                new CardButton("A question about the policy", RequestCardActions.NewData("question")),
            ])]))]),
        DistrictHere => service.SetRouteAsync(turn, district: true, cancellationToken),
        SchoolHere => service.SetRouteAsync(turn, district: false, cancellationToken),
        ApprovedAccounts => service.ListAccountsAsync(turn, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a request command."),
    };

    /// <summary>"Ask administration" on a verdict card, with the verdict as the person's state kept it (null when gone).</summary>
    /// <param name="turn">Where and from whom.</param>
    /// <param name="record">The verdict, found by the card's situation id in the sender's own state.</param>
    /// <param name="cancellationToken">Cancels store calls.</param>
    public Task<IReadOnlyList<Reply>> StartFromVerdictAsync(RequestTurn turn, RecentVerdict? record, CancellationToken cancellationToken) =>
        service.StartFromVerdictAsync(turn, record, cancellationToken);

    /// <summary>A request card's button other than <see cref="RequestCardActions.Start"/> and <see cref="RequestCardActions.AccountConfirm"/> (which need the person's situation).</summary>
    /// <param name="data">The submit's data (an activity's Value), inputs included.</param>
    /// <param name="turn">Where and from whom.</param>
    /// <param name="cancellationToken">Cancels store calls.</param>
    public Task<IReadOnlyList<Reply>> HandleCardAsync(JObject data, RequestTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var action = RequestCardActions.ActionOf(data);
        var request = Number(data, "request");
        return (action, request) switch
        {
            (RequestCardActions.New, _) => service.StartAsync(turn, CardActions.TextValue(data["kind"]) == "presence" ? RequestKind.Presence : RequestKind.Question, RequestContext.None, null, cancellationToken),
            (RequestCardActions.Form, { } id) => service.CheckAsync(turn, id, data, cancellationToken),
            (RequestCardActions.Send, { } id) => service.SendAsync(turn, id, cancellationToken),
            (RequestCardActions.Edit, { } id) => service.EditAsync(turn, id, cancellationToken),
            (RequestCardActions.Discard, { } id) => service.DiscardAsync(turn, id, cancellationToken),
            (RequestCardActions.Act, { } id) when CardActions.TextValue(data["act"]) is { } act =>
                service.ActAsync(turn, id, (int?)Number(data, "version"), act, data, cancellationToken),
            (RequestCardActions.Account, _) when Number(data, "account") is { } account && CardActions.TextValue(data["act"]) is { } act =>
                service.AccountActAsync(turn, account, act, data, cancellationToken),
            _ => Task.FromResult<IReadOnlyList<Reply>>([new NoticeReply("I couldn't read that card's data. It may come from an older version of me: type \"my requests\" or \"help\".")]),
        };
    }

    /// <summary>
    /// After the conversation answered a typed message: a verdict that the person should start a class, team or school
    /// account with administration ("I want to start a class Instagram page") is followed by the request form, the
    /// platform filled in from their words.
    /// </summary>
    /// <param name="turn">Where and from whom.</param>
    /// <param name="state">The person's situation after the turn.</param>
    /// <param name="replies">The conversation's replies.</param>
    /// <param name="typed">What the person typed.</param>
    /// <param name="contexts">Builds the request's context from the verdict.</param>
    /// <param name="cancellationToken">Cancels store calls.</param>
    public async Task<IReadOnlyList<Reply>> AfterAnswerAsync(RequestTurn turn, SituationState state, IReadOnlyList<Reply> replies, string typed, RequestContextBuilder contexts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(contexts);
        var starting = replies.OfType<VerdictReply>().FirstOrDefault(v => v.Facts.Any(f => f.FactId == AccountFacts.Stage && f.ValueId == AccountFacts.New));
        if (starting is null || !StartWords().IsMatch(typed) || state.RecentVerdicts.FirstOrDefault(v => v.SituationId == starting.SituationId) is not { } record)
        {
            return replies;
        }

        var form = await service.StartAsync(turn, RequestKind.Presence, contexts.Build(record), Platform(typed), cancellationToken).ConfigureAwait(false);
        return form.OfType<CardReply>().Any() ? [.. replies, new NoticeReply("Here is the request to the administration, to fill in:"), .. form] : replies;
    }

    /// <summary>The platform a text names ("Instagram", "Facebook", …), or null.</summary>
    /// <param name="text">Free text.</param>
    public static string? Platform(string text)
    {
        var match = Platforms().Match(text ?? "");
        if (!match.Success)
        {
            return null;
        }

        var word = match.Value.ToLowerInvariant();
        return word switch
        {
            "insta" or "ig" => "Instagram",
            "fb" => "Facebook",
            "twitter" or "x" => "X (Twitter)",
            "youtube" or "you tube" => "YouTube",
            "tiktok" or "tik tok" => "TikTok",
            _ => char.ToUpperInvariant(word[0]) + word[1..],
        };
    }

    private static long? Number(JObject data, string field) =>
        CardActions.WholeNumber(data[field]) is > 0 and var n ? n : null;

    [GeneratedRegex(@"[^a-z]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\b(start|set\s+up|setup|create|open|make|launch|begin|want|request)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StartWords();

    [GeneratedRegex(@"\b(instagram|insta|ig|facebook|fb|twitter|youtube|you tube|tiktok|tik tok|snapchat|pinterest|linkedin|threads|bluesky|flickr|blog)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Platforms();
}
