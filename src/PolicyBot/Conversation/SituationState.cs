namespace PolicyBot.Conversation;

/// <summary>
/// One staff member's current situation in one conversation (stored per user per conversation,
/// so two people in a group chat never mix). Serialized to the bot's SQLite storage.
/// </summary>
public sealed class SituationState
{
    /// <summary>Opaque id of the situation; card buttons carry it so a click on an old card is recognised.</summary>
    public string Id { get; set; } = "";

    /// <summary>Facts the person stated or answered (fact id → value id), without implied ones.</summary>
    public Dictionary<string, string> Facts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Facts read from the person's words whose values must be confirmed before they count (values marked
    /// <c>confirm</c> in the policy: exceptions, "not a student", urgent notices …): shown on the question card.
    /// </summary>
    public Dictionary<string, string> Suggested { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Number of answers given in this situation; a card's step must match it to count.</summary>
    public int Step { get; set; }

    /// <summary>The fact the last question card asked, while it waits for an answer; null otherwise.</summary>
    public string? PendingFact { get; set; }

    /// <summary>True once a verdict was given (a new message then starts a new situation).</summary>
    public bool Decided { get; set; }

    /// <summary>True while nothing has been asked or stated.</summary>
    public bool IsEmpty => Id.Length == 0;

    /// <summary>Starts a new situation with the given facts.</summary>
    public void Restart(IReadOnlyDictionary<string, string> facts)
    {
        Id = Guid.NewGuid().ToString("N")[..12];
        Facts = new Dictionary<string, string>(facts, StringComparer.Ordinal);
        Suggested = new Dictionary<string, string>(StringComparer.Ordinal);
        Step = 0;
        PendingFact = null;
        Decided = false;
    }

    /// <summary>Forgets the situation.</summary>
    public void Clear()
    {
        Id = "";
        Facts.Clear();
        Suggested.Clear();
        Step = 0;
        PendingFact = null;
        Decided = false;
    }
}
