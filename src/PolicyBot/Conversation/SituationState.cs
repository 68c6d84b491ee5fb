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
    /// True for a part that followed an earlier one of the same message: an answer there naming several values is not
    /// split again (the person may be answering for the one this part is about, with the others' words beside it).
    /// </summary>
    public bool FollowOn { get; set; }

    /// <summary>
    /// The other parts of the message this situation came from, still to answer (each the facts understood for
    /// it), in the order the person wrote them. Taken one at a time once the current part is decided.
    /// </summary>
    public List<Dictionary<string, string>> Waiting { get; set; } = [];

    /// <summary>
    /// What the message said for this part when it started (fact id → value id, as read or as split from an answer):
    /// what the next part compares itself with to take over a correction the person made here.
    /// </summary>
    public Dictionary<string, string> ReadAs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The last verdicts given in this conversation (newest last, at most <see cref="RecentVerdictLimit"/>): what the
    /// verdict cards' feedback buttons refer to. Kept across new questions and "start over", so feedback on an earlier
    /// card is taken from the bot's own record, never from the card.
    /// </summary>
    public List<RecentVerdict> RecentVerdicts { get; set; } = [];

    /// <summary>How many verdicts <see cref="RecentVerdicts"/> keeps.</summary>
    public const int RecentVerdictLimit = 10;

    /// <summary>Records a verdict given now, dropping the oldest beyond <see cref="RecentVerdictLimit"/>.</summary>
    /// <param name="verdict">The verdict and the facts it rested on.</param>
    public void Remember(RecentVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        RecentVerdicts.RemoveAll(v => v.SituationId == verdict.SituationId && v.Step == verdict.Step);
        RecentVerdicts.Add(verdict);
        if (RecentVerdicts.Count > RecentVerdictLimit)
        {
            RecentVerdicts.RemoveRange(0, RecentVerdicts.Count - RecentVerdictLimit);
        }
    }

    /// <summary>
    /// The approved accounts registry's entry the person confirmed this situation is about (Requests/AccountRegistryGate),
    /// or null. While the registry decides approval, "approved" counts only with an entry confirmed here.
    /// </summary>
    public long? RegisteredAccount { get; set; }

    /// <summary>True while nothing has been asked or stated.</summary>
    [System.Text.Json.Serialization.JsonIgnore]   // derived from Id; not stored in SituationJson's text
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

    /// <summary>
    /// The key that marks a waiting part read from a stretch of the message on its own (words the bot could not read with
    /// the rest: "share my personal art website with students"), value "1". Its summary says so; the words themselves
    /// are never stored. Never a fact.
    /// </summary>
    public const string StretchKey = "~stretch";

    /// <summary>Starts a new situation with the given understood facts (nothing known yet); waiting parts are kept.</summary>
    public void Restart(IReadOnlyDictionary<string, string> understood)
    {
        Id = Guid.NewGuid().ToString("N")[..12];
        Facts = new Dictionary<string, string>(StringComparer.Ordinal);
        Understood = understood.Where(f => f.Key != StretchKey).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        ReadAs = new Dictionary<string, string>(Understood, StringComparer.Ordinal);
        Step = 0;
        PendingFact = null;
        AwaitingConfirmation = false;
        Decided = false;
        FollowOn = false;
        RegisteredAccount = null;
    }

    /// <summary>Forgets the situation and any waiting parts.</summary>
    public void Clear()
    {
        Id = "";
        Facts.Clear();
        Understood.Clear();
        Waiting.Clear();
        ReadAs.Clear();
        Step = 0;
        PendingFact = null;
        AwaitingConfirmation = false;
        Decided = false;
        FollowOn = false;
        RegisteredAccount = null;
    }
}

/// <summary>A verdict as the bot gave it: which card (situation and step), the rule, the kind and the facts.</summary>
public sealed class RecentVerdict
{
    /// <summary>The situation decided.</summary>
    public string SituationId { get; set; } = "";

    /// <summary>The step the verdict card carries.</summary>
    public int Step { get; set; }

    /// <summary>The deciding rule's id.</summary>
    public string RuleId { get; set; } = "";

    /// <summary>The verdict kind's id, e.g. <c>forbidden</c>.</summary>
    public string Verdict { get; set; } = "";

    /// <summary>The facts it rested on (fact id → value id), known and understood.</summary>
    public Dictionary<string, string> Facts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Which of <see cref="Facts"/> were only understood from the person's words.</summary>
    public List<string> Understood { get; set; } = [];
}
