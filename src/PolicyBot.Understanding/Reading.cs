using System.Text;

namespace PolicyBot.Understanding;

/// <summary>Where a cue came from.</summary>
public enum CueSource
{
    /// <summary>A lexicon phrase, word for word.</summary>
    Phrase,

    /// <summary>A lexicon phrase matched to a misspelt word.</summary>
    Typo,

    /// <summary>A lexicon pattern (regular expression).</summary>
    Pattern,

    /// <summary>Microsoft.Recognizers.Text found a phone number.</summary>
    PhoneNumber,

    /// <summary>Microsoft.Recognizers.Text found an e-mail address.</summary>
    EmailAddress,

    /// <summary>Microsoft.Recognizers.Text found a web address.</summary>
    Url,

    /// <summary>Microsoft.Recognizers.Text found a date or time.</summary>
    DateTime,
}

/// <summary>One piece of evidence in the text: these words say this fact has this value.</summary>
/// <param name="FactId">The fact, e.g. <c>medium</c>.</param>
/// <param name="ValueId">The value, e.g. <c>text</c>.</param>
/// <param name="Text">The words of the text that gave the cue, as typed.</param>
/// <param name="Start">Index of the first character in the text.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Source">Phrase, typo, pattern or recognizer.</param>
/// <param name="Origin">The lexicon entry and phrase or pattern, or the recognizer, e.g. <c>medium → text: "texting"</c>.</param>
/// <param name="Weak">True for a plain mention that gives way to any more specific cue of the same fact.</param>
public sealed record Cue(string FactId, string ValueId, string Text, int Start, int Length, CueSource Source, string Origin, bool Weak)
{
    /// <inheritdoc />
    public override string ToString() => $"{FactId}={ValueId} ← \"{Text}\" ({Origin})";
}

/// <summary>Why a cue did not become a fact.</summary>
public enum SetAsideReason
{
    /// <summary>It lies in the scope of a negation ("not for school").</summary>
    Negated,

    /// <summary>A plain mention outweighed by a more specific cue of the same fact.</summary>
    Outweighed,

    /// <summary>Another value of the same fact wins over it (the lexicon's <c>overrides</c>).</summary>
    Overridden,

    /// <summary>The text gives different values for the fact; it is left open for the dialog to ask.</summary>
    Conflict,

    /// <summary>It belongs to another activity than the one the question is about.</summary>
    OtherActivity,

    /// <summary>It only describes an activity, and nothing in the text establishes one.</summary>
    NoActivity,

    /// <summary>No rule that the other facts leave open depends on it: it cannot change the verdict.</summary>
    Irrelevant,

    /// <summary>
    /// A tie of someone the question's act does not reach, while the act reaches a student named plainly ("can I snapchat a
    /// kid in my class, my sister babysits him": the sister's tie, not the kid's).
    /// </summary>
    OfAThirdParty,
}

/// <summary>A cue that did not become a fact, and why.</summary>
/// <param name="Cue">The cue.</param>
/// <param name="Reason">Why it was set aside.</param>
public sealed record SetAsideCue(Cue Cue, SetAsideReason Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Cue} [{Reason}]";
}

/// <summary>
/// What <see cref="SituationReader.Read(string)"/> understood from a text: the facts it could settle (fact id →
/// value id, ready for <c>PolicyEvaluator.Evaluate</c>), the cues each fact rests on, and the cues it
/// set aside. A fact the text does not settle is absent, so the dialog asks it.
/// </summary>
public sealed class Reading
{
    internal Reading(string text, IReadOnlyDictionary<string, string> facts, IReadOnlyDictionary<string, IReadOnlyList<Cue>> evidence,
        IReadOnlyList<SetAsideCue> setAside, bool onTopic = true)
    {
        OnTopic = onTopic;
        Text = text;
        Facts = facts;
        Evidence = evidence;
        SetAside = setAside;
    }

    /// <summary>
    /// This reading with <paramref name="factId"/> settled to <paramref name="valueId"/> (one part of a message that
    /// gives the fact two values), or left open when <paramref name="valueId"/> is null; the cues of its other values
    /// stay set aside.
    /// </summary>
    internal Reading With(string factId, string? valueId, IReadOnlyDictionary<string, int> factOrder)
    {
        if (valueId is null)
        {
            // The fact left open (another person whose relationship the words do not give).
            var facts = new Dictionary<string, string>(Facts, StringComparer.Ordinal);
            facts.Remove(factId);
            var open = new Dictionary<string, IReadOnlyList<Cue>>(Evidence, StringComparer.Ordinal);
            open.Remove(factId);
            return new Reading(Text, facts, open, SetAside, OnTopic);
        }
        bool Used(SetAsideCue a) => a.Cue.FactId == factId && a.Cue.ValueId == valueId;
        return Settled(factId, valueId, SetAside.Where(Used).Select(a => a.Cue).ToList(), SetAside.Where(a => !Used(a)).ToList(), factOrder);
    }

    /// <summary>This reading with the fact given a value that <paramref name="evidence"/> says (the cues are words of another
    /// fact that settle this one: "he snaps me" is on a social networking site).</summary>
    internal Reading With(string factId, string valueId, IReadOnlyList<Cue> evidence, IReadOnlyDictionary<string, int> factOrder) =>
        Settled(factId, valueId, evidence, SetAside, factOrder);

    /// <summary>The facts with <paramref name="factId"/> = <paramref name="valueId"/>, in the policy's order, resting on <paramref name="evidence"/>.</summary>
    private Reading Settled(string factId, string valueId, IReadOnlyList<Cue> evidence, IReadOnlyList<SetAsideCue> setAside, IReadOnlyDictionary<string, int> factOrder)
    {
        var facts = new Dictionary<string, string>(Facts, StringComparer.Ordinal) { [factId] = valueId };
        var ordered = facts.OrderBy(f => factOrder[f.Key]).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var cues = new Dictionary<string, IReadOnlyList<Cue>>(Evidence, StringComparer.Ordinal) { [factId] = evidence };
        return new Reading(Text, ordered, cues, setAside, OnTopic);
    }

    /// <summary>
    /// This reading with the facts set aside as irrelevant to it put back, each where its words give one value: for a part
    /// about another person, what was irrelevant to the first ("a graduate" needs no medium) may decide theirs. Where
    /// <paramref name="saidOfTheFirst"/> tells which cues were said of the first person, a value said only of them gives way
    /// to one value said of the others that it overrode ("email my students from my school account to their school
    /// accounts, and also email my own kid at her personal Gmail": the students' part is by school email).
    /// </summary>
    internal Reading WithIrrelevantRestored(IReadOnlyDictionary<string, int> factOrder, Func<Cue, bool>? saidOfTheFirst = null)
    {
        var restored = SetAside
            .Where(a => a.Reason == SetAsideReason.Irrelevant && !Facts.ContainsKey(a.Cue.FactId))
            .GroupBy(a => a.Cue.FactId)
            .Where(g => g.Select(a => a.Cue.ValueId).Distinct(StringComparer.Ordinal).Count() == 1)
            .ToList();
        if (restored.Count == 0)
        {
            return this;
        }
        var facts = new Dictionary<string, string>(Facts, StringComparer.Ordinal);
        var evidence = new Dictionary<string, IReadOnlyList<Cue>>(Evidence, StringComparer.Ordinal);
        foreach (var group in restored)
        {
            var ofOthers = saidOfTheFirst is null || !group.All(a => saidOfTheFirst(a.Cue)) ? []
                : SetAside.Where(a => a.Reason == SetAsideReason.Overridden && a.Cue.FactId == group.Key && !saidOfTheFirst(a.Cue)).ToList();
            if (ofOthers.Select(a => a.Cue.ValueId).Distinct(StringComparer.Ordinal).Count() == 1)
            {
                facts[group.Key] = ofOthers[0].Cue.ValueId;
                evidence[group.Key] = ofOthers.Select(a => a.Cue).ToList();
                continue;
            }
            facts[group.Key] = group.First().Cue.ValueId;
            evidence[group.Key] = group.Select(a => a.Cue).ToList();
        }
        var ordered = facts.OrderBy(f => factOrder[f.Key]).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var keys = restored.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return new Reading(Text, ordered, evidence, SetAside.Where(a => !(a.Reason == SetAsideReason.Irrelevant && keys.Contains(a.Cue.FactId))).ToList(), OnTopic);
    }

    /// <summary>The text read.</summary>
    public string Text { get; }

    /// <summary>
    /// False when not one word of the text is in the lexicon (no fact cue, no neutral word such as an app's name): the
    /// message is about something else than the policy's subject.
    /// </summary>
    public bool OnTopic { get; }

    /// <summary>Settled facts: fact id → value id, in the policy's fact order.</summary>
    public IReadOnlyDictionary<string, string> Facts { get; }

    /// <summary>For each settled fact, the cues that gave it (for the activity: the cues that established it).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Cue>> Evidence { get; }

    /// <summary>Cues found but not used, with the reason.</summary>
    public IReadOnlyList<SetAsideCue> SetAside { get; }

    /// <summary>The phrase that gave <paramref name="factId"/> ("texting"), or null when the fact is not settled.</summary>
    public string? PhraseFor(string factId) =>
        Evidence.TryGetValue(factId, out var cues) && cues.Count > 0 ? string.Join(" + ", cues.Select(c => c.Text)) : null;

    /// <summary>"fact=value" pairs, space separated, in the policy's fact order.</summary>
    public string FactsText => string.Join(" ", Facts.Select(f => $"{f.Key}={f.Value}"));

    /// <summary>A multi-line explanation: each fact with its phrases, then the cues set aside.</summary>
    public string Explain()
    {
        var builder = new StringBuilder();
        foreach (var (fact, value) in Facts)
        {
            builder.AppendLine($"{fact}={value} ← {string.Join("; ", Evidence[fact].Select(c => $"\"{c.Text}\" ({c.Origin})"))}");
        }
        foreach (var aside in SetAside)
        {
            builder.AppendLine($"  set aside: {aside}");
        }
        return builder.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => FactsText;
}
