namespace PolicyBot.Rules.Model;

/// <summary>
/// A district policy as data: its metadata, the verbatim source text, the clauses rules rest on,
/// the facts a situation is described by, and the rules. Built only by <see cref="Loading.PolicyLoader"/>,
/// which guarantees the invariants (quotes verbatim, rules disjoint and complete). Immutable.
/// </summary>
public sealed class Policy
{
    internal Policy(PolicyMetadata metadata, string sourceText, IReadOnlyList<Clause> clauses,
        IReadOnlyList<Fact> facts, IReadOnlyList<Rule> rules, IReadOnlyList<UnaskedBans>? unasked = null)
    {
        Unasked = unasked ?? [];
        Metadata = metadata;
        SourceText = sourceText;
        Clauses = clauses;
        Facts = facts;
        Rules = rules;
        _clauses = clauses.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _facts = facts.ToDictionary(f => f.Id, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, Clause> _clauses;
    private readonly Dictionary<string, Fact> _facts;

    /// <summary>District, title, dates and cross references.</summary>
    public PolicyMetadata Metadata { get; }

    /// <summary>The district's document, verbatim (UTF-8 text).</summary>
    public string SourceText { get; }

    /// <summary>Clauses in file order.</summary>
    public IReadOnlyList<Clause> Clauses { get; }

    /// <summary>Facts in asking order.</summary>
    public IReadOnlyList<Fact> Facts { get; }

    /// <summary>Rules in file order; pairwise disjoint.</summary>
    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>
    /// Bans a situation's path never asks about (clauses that forbid acts of another activity), each entry with why
    /// leaving them unasked cannot turn a forbidden act into an allowed one. Empty when the file has no <c>unasked</c> section.
    /// </summary>
    public IReadOnlyList<UnaskedBans> Unasked { get; }

    /// <summary>The clause with this id; throws <see cref="KeyNotFoundException"/> for an unknown id.</summary>
    public Clause Clause(string id) => _clauses[id];

    /// <summary>The fact with this id; throws <see cref="KeyNotFoundException"/> for an unknown id.</summary>
    public Fact Fact(string id) => _facts[id];

    /// <summary>The fact with this id, or null.</summary>
    public Fact? FindFact(string id) => _facts.GetValueOrDefault(id);
}

/// <summary>What the policy document says about itself.</summary>
/// <param name="Id">A stable id for the policy, e.g. <c>stevensville-electronic-resources</c>.</param>
/// <param name="District">The district's name.</param>
/// <param name="Title">The policy's title.</param>
/// <param name="Adopted">Adoption date.</param>
/// <param name="Reviewed">Review dates, oldest first.</param>
/// <param name="Revised">Latest revision date, if any.</param>
/// <param name="CrossReferences">Other policies and codes the document cites.</param>
public sealed record PolicyMetadata(
    string Id,
    string District,
    string Title,
    DateOnly Adopted,
    IReadOnlyList<DateOnly> Reviewed,
    DateOnly? Revised,
    IReadOnlyList<string> CrossReferences)
{
    /// <summary>The date the current text took effect: the revision date, else adoption.</summary>
    public DateOnly CurrentSince => Revised ?? Adopted;
}

/// <summary>A passage of the policy a rule rests on.</summary>
/// <param name="Id">Short id used by rules (e.g. <c>2</c>, <c>G</c>).</param>
/// <param name="Heading">A few words naming the clause for people.</param>
/// <param name="Text">The passage, verbatim from the source text.</param>
public sealed record Clause(string Id, string Heading, string Text);

/// <summary>Something about a situation the policy depends on, e.g. the medium.</summary>
/// <param name="Id">Fact id, e.g. <c>medium</c>.</param>
/// <param name="Question">What the bot asks a staff member, in plain words.</param>
/// <param name="Values">The possible answers, in display order.</param>
/// <param name="Implies">Facts that knowing any value of this fact settles (e.g. a medium means the activity is contact).</param>
public sealed record Fact(string Id, string Question, IReadOnlyList<FactValue> Values,
    IReadOnlyDictionary<string, string> Implies)
{
    /// <summary>The value with this id, or null.</summary>
    public FactValue? FindValue(string id) => Values.FirstOrDefault(v => v.Id == id);
}

/// <summary>One possible value of a fact.</summary>
/// <param name="Id">Value id, e.g. <c>text</c>.</param>
/// <param name="Label">A short button label.</param>
/// <param name="Phrase">How the value reads inside a sentence (used in reasons).</param>
/// <param name="Description">A longer hint shown beside the choice.</param>
/// <param name="Confirm">True for a value that opens an exception or takes a situation outside the policy's bans:
/// applied only when the person picks it, never inferred from their wording alone.</param>
public sealed record FactValue(string Id, string Label, string Phrase, string Description, bool Confirm = false);

/// <summary>
/// A rule: when every condition holds, the verdict applies. A condition is one fact and the set of
/// values that satisfy it; facts a rule does not mention do not matter to it.
/// </summary>
/// <param name="Id">Rule id, e.g. <c>text-personal</c>.</param>
/// <param name="When">Fact id → accepted value ids.</param>
/// <param name="Kind">The verdict.</param>
/// <param name="ClauseIds">The clauses the verdict rests on, most decisive first.</param>
/// <param name="Answer">One-line answer for a person; may contain <c>{fact}</c> placeholders.</param>
/// <param name="Reason">Why, for these facts; may contain <c>{fact}</c> placeholders.</param>
/// <param name="Conditions">What must keep holding (for allowed with conditions), else empty.</param>
/// <param name="Instead">What to do instead, or null.</param>
/// <param name="Ambiguity">Where the text is unclear: what is unclear and the careful reading taken; else null.</param>
public sealed record Rule(
    string Id,
    IReadOnlyDictionary<string, IReadOnlySet<string>> When,
    VerdictKind Kind,
    IReadOnlyList<string> ClauseIds,
    string Answer,
    string Reason,
    IReadOnlyList<string> Conditions,
    string? Instead,
    string? Ambiguity);

/// <summary>
/// Clauses that the paths matching <see cref="When"/> never establish the facts of, and why that is safe
/// (the policy file's <c>unasked</c> section).
/// </summary>
/// <param name="When">Fact id → value id naming the paths, e.g. <c>activity → contact</c>.</param>
/// <param name="ClauseIds">The forbidding clauses left unasked on those paths.</param>
/// <param name="Why">The justification, for people reviewing the policy file.</param>
public sealed record UnaskedBans(IReadOnlyDictionary<string, string> When, IReadOnlyList<string> ClauseIds, string Why);
