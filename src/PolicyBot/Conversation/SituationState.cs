namespace PolicyBot.Conversation;

/// <summary>
/// One staff member's current situation in one conversation (stored per user per conversation,
/// so two people in a group chat never mix). Serialized to the bot's SQLite storage.
/// </summary>
/// <remarks>
/// Understood is not known: <see cref="Facts"/> holds what the person picked, answered or confirmed;
/// <see cref="Understood"/> what the bot read from their words. A permissive verdict rests on known facts only;
/// understood ones are shown for confirmation first (DESIGN.md, "Understood is not known").
/// </remarks>
public sealed class SituationState
{
    /// <summary>Opaque id of the situation; card buttons carry it so a click on an old card is recognised.</summary>
    public string Id { get; set; } = "";

    /// <summary>Known facts: picked, answered or confirmed by the person (fact id → value id), without implied ones.</summary>
    public Dictionary<string, string> Facts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Facts read from the person's words and not yet confirmed (fact id → value id). A known fact wins over an understood one.</summary>
    public Dictionary<string, string> Understood { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Number of answers given in this situation; a card's step must match it to count.</summary>
    public int Step { get; set; }

    /// <summary>The fact the last question card asked, while it waits for an answer; null otherwise.</summary>
    public string? PendingFact { get; set; }

    /// <summary>True while a confirmation card (what the bot understood, before a permissive verdict) waits for a tap.</summary>
    public bool AwaitingConfirmation { get; set; }

    /// <summary>True once a verdict was given (a new message then starts a new situation).</summary>
    public bool Decided { get; set; }

    /// <summary>
    /// The other parts of the message this situation came from, still to answer (each the facts understood for
    /// it), in the order the person wrote them. Taken one at a time once the current part is decided.
    /// </summary>
    public List<Dictionary<string, string>> Waiting { get; set; } = [];

    /// <summary>
    /// The last verdicts given in this conversation (newest last, at most <see cref="VerdictRecord.Kept"/>), kept through
    /// new situations so "Ask administration" on a verdict card sends that verdict's facts, read from here and not
    /// from the card.
    /// </summary>
    public List<VerdictRecord> Verdicts { get; set; } = [];

    /// <summary>
    /// The approved accounts registry's entry the person confirmed this situation is about (Requests/AccountRegistryGate),
    /// or null. While the registry decides approval, "approved" counts only with an entry confirmed here.
    /// </summary>
    public long? RegisteredAccount { get; set; }

    /// <summary>True while nothing has been asked or stated.</summary>
    public bool IsEmpty => Id.Length == 0;

    /// <summary>Known facts and, where nothing is known, understood ones: what the situation is taken to be.</summary>
    public Dictionary<string, string> Believed()
    {
        var all = new Dictionary<string, string>(Understood, StringComparer.Ordinal);
        foreach (var (fact, value) in Facts)
        {
            all[fact] = value;
        }
        return all;
    }

    /// <summary>Starts a new situation with the given understood facts (nothing known yet); waiting parts are kept.</summary>
    public void Restart(IReadOnlyDictionary<string, string> understood)
    {
        Id = Guid.NewGuid().ToString("N")[..12];
        Facts = new Dictionary<string, string>(StringComparer.Ordinal);
        Understood = new Dictionary<string, string>(understood, StringComparer.Ordinal);
        Step = 0;
        PendingFact = null;
        AwaitingConfirmation = false;
        Decided = false;
        RegisteredAccount = null;
    }

    /// <summary>Forgets the situation and any waiting parts.</summary>
    public void Clear()
    {
        Id = "";
        Facts.Clear();
        Understood.Clear();
        Waiting.Clear();
        Step = 0;
        PendingFact = null;
        AwaitingConfirmation = false;
        Decided = false;
        RegisteredAccount = null;
    }
}

/// <summary>A verdict as given: the situation it decided and the facts it rested on (known and understood).</summary>
public sealed class VerdictRecord
{
    /// <summary>How many verdicts a conversation keeps.</summary>
    public const int Kept = 10;

    /// <summary>The situation decided (its verdict card's buttons carry it).</summary>
    public string SituationId { get; set; } = "";

    /// <summary>Known facts (fact id → value id).</summary>
    public Dictionary<string, string> Facts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Understood facts (fact id → value id).</summary>
    public Dictionary<string, string> Understood { get; set; } = new(StringComparer.Ordinal);
}
