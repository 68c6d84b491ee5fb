using Newtonsoft.Json.Linq;
using PolicyBot.Cards;
using PolicyBot.Conversation;

namespace PolicyBot.Requests;

/// <summary>
/// Answers the policy's question "has administration approved it, with an approved district person as administrator?"
/// (<see cref="AccountFacts.Stage"/>) from the approved accounts registry instead of taking it on trust. Once the registry
/// holds any entry (the administration uses it), it decides: the question shows the person's own registered accounts
/// (those they own or administer), each with "It's this account"; a tap confirms it and makes "approved" known; an
/// account not in the registry is not approved, so "approved" read from words (or typed) is set aside until an entry is
/// confirmed. Before the registry holds anything, the policy's question is asked as before. Runs after the conversation
/// engine, on its replies and the person's state; no Bot Framework types.
/// </summary>
public sealed class AccountRegistryGate(SqliteRequestStore store, ConversationEngine engine)
{
    /// <summary>The title of the button that confirms a registered account.</summary>
    public const string ThisAccount = "It's this account";

    /// <summary>
    /// Applies the registry to a turn's replies: an "approved" that no confirmed entry backs is set aside and the question
    /// asked again, and the account question becomes the registry card.
    /// </summary>
    /// <param name="turn">Where and from whom (the sender's object id finds their accounts).</param>
    /// <param name="state">The person's situation after the turn; changed when "approved" is set aside.</param>
    /// <param name="replies">The engine's replies.</param>
    /// <param name="cancellationToken">Cancels store calls.</param>
    public async Task<IReadOnlyList<Reply>> ApplyAsync(RequestTurn turn, SituationState state, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(replies);
        // Only a situation this turn answered: one decided in an earlier turn stays as it was answered.
        var unbacked = IsUnbackedApproval(state) && replies.Any(r => SituationOf(r) == state.Id);
        var asks = replies.Any(r => r is QuestionReply q && q.Question.Fact.Id == AccountFacts.Stage);
        var leaked = replies.Any(r => r is VerdictReply v && v.SituationId != state.Id && v.Facts.Any(IsApproved));
        if (!unbacked && !asks && !leaked)
        {
            return replies;
        }

        if (!await store.AnyAccountAsync(cancellationToken).ConfigureAwait(false))
        {
            return replies;   // the administration does not use the registry yet: the policy's question stands as it is
        }

        var accounts = turn.Sender is { } sender ? await store.ListActiveAccountsOfAsync(sender.AadObjectId, cancellationToken).ConfigureAwait(false) : [];
        var result = new List<Reply>();
        foreach (var reply in replies)
        {
            if (reply is VerdictReply v && v.SituationId != state.Id && v.Facts.Any(IsApproved))
            {
                // A part of an earlier message decided as approved without a registry entry: not approved after all.
                result.Add(new NoticeReply(
                    "About the account in your message: it isn't confirmed in the district's registry of approved accounts, so I can't treat it as approved. Ask me about that account on its own to check it."));
            }
            else if (!(unbacked && reply is QuestionReply or ConfirmReply or VerdictReply && SituationOf(reply) == state.Id))
            {
                result.Add(reply);
            }
        }

        var said = false;
        if (unbacked)
        {
            // Understood (or typed) "approved" is not known: set aside until the person confirms a registry entry.
            said = state.Understood.Remove(AccountFacts.Stage) | state.Facts.Remove(AccountFacts.Stage);
            state.Decided = false;
            state.AwaitingConfirmation = false;
            state.RecentVerdicts.RemoveAll(r => r.SituationId == state.Id);
            result.AddRange(engine.Continue(state));
        }

        return [.. result.Select(r => r is QuestionReply q && q.Question.Fact.Id == AccountFacts.Stage ? RegistryQuestion(q, accounts, said) : r)];
    }

    /// <summary>
    /// "It's this account" on the registry card: the entry is checked against the sender's own active entries (never
    /// taken from the card), then "approved" becomes known for the situation, as a tapped answer would.
    /// </summary>
    /// <param name="turn">Where and from whom.</param>
    /// <param name="state">The person's situation.</param>
    /// <param name="data">The card's data (<see cref="RequestCardActions.AccountConfirmData"/>).</param>
    /// <param name="cancellationToken">Cancels store calls.</param>
    public async Task<IReadOnlyList<Reply>> ConfirmAsync(RequestTurn turn, SituationState state, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(data);
        var account = CardActions.WholeNumber(data["account"]) ?? 0;
        var situation = CardActions.TextValue(data[CardActions.SituationField]);
        var step = CardActions.WholeNumber(data[CardActions.StepField]) is { } s && s is >= 0 and <= int.MaxValue ? (int?)(int)s : null;
        var mine = turn.Sender is { } sender ? await store.ListActiveAccountsOfAsync(sender.AadObjectId, cancellationToken).ConfigureAwait(false) : [];
        var entry = mine.FirstOrDefault(e => e.Id == account);
        if (entry is null)
        {
            return [new NoticeReply("That account is not one of your approved accounts in the district's registry (or its approval has ended), so I can't count it as approved."),
                .. await ApplyAsync(turn, state, engine.Continue(state), cancellationToken).ConfigureAwait(false)];
        }

        if (situation != state.Id || step != state.Step || state.PendingFact != AccountFacts.Stage)
        {
            return engine.Handle(state, new CardInput(new CardSubmit(CardActions.Answer, situation, step, AccountFacts.Stage, AccountFacts.Approved, null)));   // the engine's stale-card answer
        }

        state.RegisteredAccount = entry.Id;
        var replies = engine.Handle(state, new CardInput(new CardSubmit(CardActions.Answer, situation, step, AccountFacts.Stage, AccountFacts.Approved, null)));
        return [new NoticeReply($"{entry.Title}: approved on {entry.ApprovedAt:MMMM d, yyyy}, with {entry.Administrator.Name} as its district administrator{(entry.Conditions.Length > 0 ? $" (conditions: {entry.Conditions})" : "")}."),
            .. await ApplyAsync(turn, state, replies, cancellationToken).ConfigureAwait(false)];
    }

    private static bool IsApproved(SituationFact fact) => fact.FactId == AccountFacts.Stage && fact.ValueId == AccountFacts.Approved;

    private static bool IsUnbackedApproval(SituationState state) =>
        state.RegisteredAccount is null && !state.IsEmpty && state.Believed().TryGetValue(AccountFacts.Stage, out var stage) && stage == AccountFacts.Approved;

    private static string? SituationOf(Reply reply) => reply switch
    {
        QuestionReply q => q.SituationId,
        ConfirmReply c => c.SituationId,
        VerdictReply v => v.SituationId,
        _ => null,
    };

    private static CardReply RegistryQuestion(QuestionReply question, IReadOnlyList<ApprovedAccount> accounts, bool saidApproved)
    {
        var context = new SubmitContext(question.SituationId, question.Step);
        var said = saidApproved ? "You said it's approved. " : "";
        var intro = accounts.Count > 0
            ? $"{said}The district keeps a registry of approved accounts. {(accounts.Count == 1 ? "This one is yours" : "These are yours")}: is it {(accounts.Count == 1 ? "this account" : "one of them")}?"
            : $"{said}The district keeps a registry of approved accounts, and none of yours is in it. An account that is not in the registry is not approved (with an approved district person as administrator). If yours was approved, ask the administrator who approved it to check the registry.";
        var entries = accounts.Select(a => RequestService.RegistryView(a, manage: false) with
        {
            Buttons = [new CardButton(ThisAccount, RequestCardActions.AccountConfirmData(context, a.Id), "positive")],
        }).ToList();
        var others = question.Question.Choices.Where(c => c.Id != AccountFacts.Approved)
            .Select(c => new CardButton(accounts.Count > 0 && c.Id == AccountFacts.New ? "Another account: not approved yet" : c.Label, CardActions.AnswerData(context, AccountFacts.Stage, c.Id)))
            .ToList();
        return new CardReply(RequestCards.Registry(question.Question.Fact.Question, intro, entries, others));
    }
}
