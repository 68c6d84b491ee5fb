using System.Text.RegularExpressions;
using F23.StringSimilarity;
using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Model;
using PolicyBot.Understanding.Lexicons;
using PolicyBot.Understanding.Scanning;

namespace PolicyBot.Understanding;

/// <summary>
/// Reads a staff member's free text into the policy's facts, so the dialog asks only what the text
/// leaves open. Cues come from the policy's lexicon (phrases, patterns, typos of single words) and from
/// Microsoft.Recognizers.Text (phone numbers, e-mail addresses, web addresses, dates and times).
/// </summary>
/// <remarks>
/// The reader never guesses towards "allowed": a fact is set only when the cues for it agree. In order:
/// cues inside a negation's scope are set aside; the activity is taken from the cues that establish one
/// (the lexicon's anchors and precedence) and cues of other activities are set aside; per fact, plain
/// mentions give way to specific ones, the lexicon's overrides apply, and values that still disagree
/// leave the fact open unless the lexicon names the policy's value for exactly that combination; last,
/// facts no remaining rule depends on are dropped (they cannot change the verdict). Thread-safe.
/// </remarks>
public sealed partial class SituationReader
{
    private static readonly NormalizedLevenshtein LabelSimilarity = new();
    private static readonly HashSet<string> FillerWords = new(StringComparer.Ordinal) { "the", "one", "option", "choice", "number", "no", "answer", "please", "is", "it", "it's", "its" };
    private static readonly HashSet<string> NotAnAnswer = new(StringComparer.Ordinal) { "a", "an", "the", "my", "i", "it", "no", "not", "none", "nope", "and", "or", "of" };

    private readonly Scanner _scanner;

    // Typed answers are read with the lexicon's answer words too (see Lexicon.AnswerEntries).
    private readonly Scanner _answerScanner;
    private readonly TextRecognizers _recognizers;
    private readonly Dictionary<(string Fact, string Value), IReadOnlySet<string>> _overrides;

    // The answers section's overrides, used only when a typed answer is read ("not set up yet, no district
    // administrator": a new account, though "no district administrator" alone would be the other choice).
    private readonly Dictionary<(string Fact, string Value), IReadOnlySet<string>> _answerOverrides;
    private readonly Dictionary<string, int> _factOrder;

    /// <summary>Creates a reader for <paramref name="policy"/>; loads and validates the policy's lexicon unless the options give one.</summary>
    /// <exception cref="LexiconLoadException">The lexicon is missing or does not fit the policy.</exception>
    public SituationReader(Policy policy, SituationReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
        Options = options ?? new SituationReaderOptions();
        Lexicon = Options.Lexicon ?? Lexicon.LoadEmbedded(policy);
        if (Lexicon.PolicyId != policy.Metadata.Id)
        {
            throw new LexiconLoadException(Lexicon.FileName, 0, $"the lexicon is for policy '{Lexicon.PolicyId}', not '{policy.Metadata.Id}'.");
        }
        _recognizers = TextRecognizers.Shared;
        _scanner = new Scanner(Lexicon, Options, _recognizers);
        _answerScanner = Lexicon.AnswerEntries.Count == 0 ? _scanner : new Scanner(Lexicon.ForAnswers(), Options, _recognizers);
        _overrides = Lexicon.Entries.Where(e => e.FactId is not null).ToDictionary(e => (e.FactId!, e.ValueId), e => e.Overrides);
        _answerOverrides = Lexicon.AnswerEntries.Where(e => e.FactId is not null && e.Overrides.Count > 0)
            .ToDictionary(e => (e.FactId!, e.ValueId), e => e.Overrides);
        _factOrder = policy.Facts.Select((f, i) => (f.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>The policy read for.</summary>
    public Policy Policy { get; }

    /// <summary>The lexicon in use.</summary>
    public Lexicon Lexicon { get; }

    /// <summary>The options in use.</summary>
    public SituationReaderOptions Options { get; }

    /// <summary>The fact that says what a question is about (the lexicon's activity fact: "activity" for Stevensville).</summary>
    public string ActivityFactId => Lexicon.Activities.FactId;

    /// <summary>
    /// True when the reading's activity rests on a word that names it (a way of contacting, a site, posting), not only on
    /// a person or a thing mentioned: "my personal Instagram" names posting on one's own site; "a story about a student's
    /// visit" mentions a student and names no act.
    /// </summary>
    public bool NamesActivityPlainly(Reading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var settings = Lexicon.Activities;
        return reading.Evidence.TryGetValue(settings.FactId, out var cues) && cues.Any(c => settings.StrongAnchors.Contains(c.FactId) && !c.Weak);
    }

    internal Scanner Scanner => _scanner;

    /// <summary>Reads as many facts as <paramref name="text"/> supports; see the class remarks for how.</summary>
    public Reading Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(text, _scanner.Run(text), null);
    }

    /// <summary>
    /// Reads every situation a message describes. Most messages describe one, and this returns
    /// <see cref="Read(string)"/>'s reading alone. A message with two acts ("text the team about practice and post
    /// their photos on my Instagram") gives a reading per activity its words establish; one with two values for the
    /// same fact ("my nephew and a boy from my class", "text or call") gives a reading per value. At most
    /// <paramref name="maxParts"/> readings, in the order the words come; never a part dropped for another.
    /// </summary>
    /// <param name="text">The message.</param>
    /// <param name="maxParts">The most readings returned (2 or more).</param>
    public IReadOnlyList<Reading> ReadParts(string text, int maxParts = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        // One scan serves every reading of the message (the scan does not depend on the activity read for).
        var scan = _scanner.Run(text);
        var main = Read(text, scan, null);
        var parts = new List<Reading>();
        var settings = Lexicon.Activities;

        // The message's stretches, read once for every step below.
        var stretches = Stretches(text);
        int StretchOf(int at) => StretchAt(stretches, at);

        // Two values of one fact, each said specifically: a part per value (the rest of the facts shared).
        var split = main.SetAside
            .Where(a => a.Reason == SetAsideReason.Conflict && !a.Cue.Weak && !main.Facts.ContainsKey(a.Cue.FactId))
            .GroupBy(a => a.Cue.FactId)
            .Select(g => (Fact: (string?)g.Key, Values: g.OrderBy(a => a.Cue.Start).Select(a => a.Cue.ValueId).Distinct(StringComparer.Ordinal).ToList()))
            .FirstOrDefault(g => g.Values.Count >= 2 && !Lexicon.Combinations.Any(k => k.Gives is null && k.Covers(g.Fact!, g.Values)));
        split = split.Fact is not null ? split : SplitByPeople(stretches, main);
        if (split.Fact is not null)
        {
            parts.AddRange(split.Values.Select(v => main.With(split.Fact, v, _factOrder)));
            BindBetween(text, main, split.Fact, split.Values, parts);
            BindPeople(stretches, main, split.Fact, split.Values, parts);
            BindOverridden(stretches, main, split.Fact, split.Values, parts);
        }
        else
        {
            parts.Add(main);
        }

        // In a message read as one situation, a plain cue outweighed by a specific one of the same fact said in another
        // stretch, none of whose cues is in the plain one's stretch: two situations, not one ("on my lunch I check Facebook on
        // my work computer, and during the flood I checked the county's emergency page": the lunch is one's own use, the
        // flood an emergency), in the order written. Who a person is has its own rule below.
        foreach (var apart in split.Fact is not null ? [] : main.SetAside
                     .Where(a => a.Reason == SetAsideReason.Outweighed && a.Cue.FactId != settings.FactId
                         && settings.People?.Contains(a.Cue.FactId) != true
                         && main.Facts.TryGetValue(a.Cue.FactId, out var won) && won != a.Cue.ValueId
                         && main.Evidence.TryGetValue(a.Cue.FactId, out var used) && used.All(u => StretchOf(u.Start) != StretchOf(a.Cue.Start)))
                     .DistinctBy(a => (a.Cue.FactId, a.Cue.ValueId)).ToList())
        {
            var part = main.With(apart.Cue.FactId, apart.Cue.ValueId, _factOrder);
            parts.Insert(apart.Cue.Start < main.Evidence[apart.Cue.FactId].Min(u => u.Start) ? 0 : parts.Count, part);
        }

        // An exception for one person beside a plain mention of others ("my niece, and her friend from my class
        // too"): the others are a part of their own, so the exception never covers them silently.
        // Who the others are is what a plain mention says ("students"), else asked.
        foreach (var (factId, value) in main.Facts.Where(f => f.Key != settings.FactId && settings.People?.Contains(f.Key) != false
                     && OpensException(f.Key, f.Value)).ToList())
        {
            // The others' part is made from the part the exception won (before any listed one is put ahead of it).
            var won = parts[0];
            var named = main.Evidence[factId];
            // Two exceptions listed for two people ("my daughter and my foster son"), or named in stretches of their own and
            // then pointed at as both ("my niece is in 7th grade here, and I'm the legal guardian of my foster son … I text
            // both of them"): the one the other overrode is its own part, in the order written, never swallowed by it.
            var bothNamed = scan.Claims.Any(c => c.FactId is null && c.ValueId == OthersGroup && IsBothWord(text, c));
            var listed = main.SetAside.FirstOrDefault(a => a.Reason == SetAsideReason.Overridden && a.Cue.FactId == factId
                && a.Cue.ValueId != value && !a.Cue.Weak && OpensException(factId, a.Cue.ValueId)
                && (named.Any(c => ListedWith(text, a.Cue, c))
                    || (bothNamed && named.All(c => StretchOf(c.Start) != StretchOf(a.Cue.Start)))));
            if (listed is not null)
            {
                parts.Insert(listed.Cue.Start < named.Min(c => c.Start) ? 0 : parts.Count,
                    parts[0].With(factId, listed.Cue.ValueId, _factOrder));
            }
            var pointsAtOthers = PointsAtOthers(scan);
            var elsewhere = pointsAtOthers ? null : NewPersonElsewhere(text, StretchOf, main, factId, value, groups: split.Fact is null);
            if ((pointsAtOthers || elsewhere is not null) && !BothAreNamed(text, scan, factId, StretchOf))
            {
                // A plain mention the exception overrode (never another exception: "my son and my foster daughter") counts
                // too when it is said in a stretch that does not name the exception's person, and not of that person ("my
                // niece (she's a sophomore here)"): in a later sentence ("my nephew … a junior here. … the friend is in my
                // 4th period class"), or not said of someone.
                bool OfAnother(SetAsideCue a) => named.All(c => StretchOf(c.Start) != StretchOf(a.Cue.Start))
                    && !SaidOfHerOrHim().IsMatch(text.AsSpan(0, a.Cue.Start))
                    && (!SaidOfSomeone().IsMatch(text.AsSpan(0, a.Cue.Start))
                        || named.All(c => c.Start < a.Cue.Start && SentenceEnd().IsMatch(text.AsSpan(c.Start, a.Cue.Start - c.Start))));
                var other = main.SetAside.FirstOrDefault(a => a.Reason == SetAsideReason.Outweighed && a.Cue.FactId == factId && a.Cue.ValueId != value)
                    ?? main.SetAside.FirstOrDefault(a => a.Reason == SetAsideReason.Overridden && a.Cue.FactId == factId && a.Cue.ValueId != value
                        && !OpensException(factId, a.Cue.ValueId) && OfAnother(a));
                var namedIn = named.Select(c => StretchOf(c.Start)).ToHashSet();
                // Two acts split by a way of contacting each said in a stretch of its own: the others pointed at in one act's
                // stretch, where the exception's person is not named, are that act's people ("text my granddaughter about
                // dinner, and email her lab partner from my school email"): that part becomes theirs, none is added.
                var theirs = OthersPart(scan, StretchOf, main, split.Fact, split.Values, namedIn, parts, factId, value);
                if (theirs >= 0)
                {
                    parts[theirs] = parts[theirs].With(factId, other?.Cue.ValueId, _factOrder);
                    continue;
                }
                var rest = won.With(factId, other?.Cue.ValueId, _factOrder).WithIrrelevantRestored(_factOrder, c => namedIn.Contains(StretchOf(c.Start)));
                // Someone else named before the exception's person is asked about first, in the order written ("text my 3rd
                // graders …, and call their parents").
                parts.Insert(elsewhere < named.Min(c => c.Start) ? 0 : parts.Count, rest);
            }
        }

        bool IsOwnPart(SetAsideCue a) => settings.OwnPart?.Contains((a.Cue.FactId, a.Cue.ValueId)) == true;

        // Another act the words name ("post their photos" beside "text the team"): its own part. Beside a container the
        // other acts happen through it ("students help post to the class account"), except a way of contacting that never
        // does ("my cell for emergencies, and a Snapchat group for updates"), and one's own page where the act is named
        // as such ("post the team pics on my own Instagram"), not where it only says whose account ("friend the kids from
        // my personal account"). Elsewhere only an act named as such ("post", "upload", "checking the district's page",
        // "text them"), not a place mentioned on the way ("my Instagram").
        var beside = main.Facts.TryGetValue(settings.FactId, out var activity) && settings.Containers.Contains(activity);
        bool NamedBeside(SetAsideCue a) => settings.BesideContainer?.Contains((a.Cue.FactId, a.Cue.ValueId)) == true
            && main.SetAside.Any(o => o.Reason == SetAsideReason.OtherActivity && o.Cue.FactId == settings.FactId
                && !o.Cue.Weak && o.Cue.ValueId == ActivityOf(a.Cue));
        // Beside posting, or contact through a social networking site anywhere in the message, when or on what it is done at
        // school is using social media there: a question of its own. Named in words ("during my prep"), not a clock time,
        // which as often says when the thing posted happened ("this morning").
        // Beside contact, only said of the social networking itself: in its stretch ("he snaps me … during my lunch at
        // school") or the next one when that names no act of its own ("we snap on weekends and sometimes during my lunch"),
        // or the one after when that asks to do it ("we send each other snaps. Is that ok, and can I reply to her during my
        // lunch break at school?"; not "… no siblings of hers in class"),
        // not of the student before it ("my niece is in my homeroom, and she wants to add me on Snapchat").
        var socialClaims = activity != "contact" ? [] : scan.Claims.Where(c => !scan.Negated.Contains(c)
            && c.FactId is not null && settings.SocialContact?.Contains((c.FactId, c.ValueId)) == true).ToList();
        bool NamesAnAct(int stretch) => scan.Claims.Any(c => c.FactId is not null && StretchOf(c.Start) == stretch
            && (c.FactId == settings.FactId || settings.StrongAnchors.Contains(c.FactId)));
        bool SocialBeside(Cue cue) => activity == "posting" || socialClaims.Any(c =>
            StretchOf(cue.Start) is var at and >= 0 && StretchOf(c.Start) is var said
            && (at == said || (at == said + 1 && !NamesAnAct(at))
                || (at == said + 2 && !NamesAnAct(at - 1) && !NamesAnAct(at) && AsksToDo().IsMatch(text.AsSpan(stretches[at].Start, stretches[at].End - stretches[at].Start)))));
        var besideCues = main.SetAside
            .Where(a => a.Reason == SetAsideReason.OtherActivity && a.Cue.Source != CueSource.DateTime
                && settings.BesidePosting?.Contains((a.Cue.FactId, a.Cue.ValueId)) == true && SocialBeside(a.Cue))
            .ToList();
        // Beside a container, a way of contacting on a social networking site said to be used from one's own page ("a team
        // Instagram … can I also follow my players from my own account?") is not used through the container: a part of its
        // own (clause 4's soliciting).
        bool FromOwnPage(SetAsideCue a) => !a.Cue.Weak && settings.SocialContact?.Contains((a.Cue.FactId, a.Cue.ValueId)) == true
            && main.SetAside.Any(o => o.Reason == SetAsideReason.OtherActivity && settings.BesideContainer?.Contains((o.Cue.FactId, o.Cue.ValueId)) == true
                && StretchOf(o.Cue.Start) == StretchOf(a.Cue.Start));
        bool OwnAct(SetAsideCue a) => beside
            ? IsOwnPart(a) || NamedBeside(a) || FromOwnPage(a)
            : (!a.Cue.Weak && (a.Cue.FactId == settings.FactId || IsOwnPart(a))) || besideCues.Contains(a);
        var others = main.SetAside
            .Where(a => a.Reason == SetAsideReason.OtherActivity && OwnAct(a))
            .OrderBy(a => a.Cue.Start)
            .Select(a => ActivityOf(a.Cue)!)
            .Distinct(StringComparer.Ordinal);
        // A part made by the school day or a district device beside posting or social contact is about that time or device,
        // whatever else the message says of when ("on weekends I work at the store … he snaps me during my lunch at school").
        // Made beside contact through a social networking site, it is on such a site (the lexicon's social-contact-site):
        // "he snaps me during my lunch at school" is not asked which kind of site; so is one made beside posting on a site
        // named as such ("post on my personal Facebook from my district Chromebook").
        parts.AddRange(others.Select(other =>
        {
            var made = besideCues.Where(a => ActivityOf(a.Cue) == other).ToList();
            var part = made.Aggregate(Read(text, scan, other), (part, a) => part.Facts.ContainsKey(a.Cue.FactId) ? part : part.With(a.Cue.FactId, a.Cue.ValueId, _factOrder));
            var siteSaid = made.Count == 0 ? [] : activity == "contact" ? socialClaims.Select(c => c.ToCue(text)).ToList() : SocialSitePosted(main);
            var site = siteSaid.Count > 0 ? settings.SocialContactSite ?? [] : [];
            return site.Where(f => !part.Facts.ContainsKey(f.Fact) && Policy.Fact(f.Fact).Implies.TryGetValue(settings.FactId, out var of) && of == other)
                .Aggregate(part, (p, f) => p.With(f.Fact, f.Value, siteSaid, _factOrder));
        }));
        if (parts.Count == 1 && StretchSplit(text, stretches, main) is { } told)
        {
            parts = told;
        }
        parts.AddRange(UnreadParts(text, stretches, scan, parts));
        return AtMost(parts, Math.Max(2, maxParts));
    }

    /// <summary>
    /// The cues of a posting part that name where it is posted with a social networking site's name ("my personal
    /// Facebook"): the part made beside it at school or on a district device is on that site. Empty for a blog or a page
    /// named without a site (the lexicon's <c>activities → social-sites</c>).
    /// </summary>
    private List<Cue> SocialSitePosted(Reading posting) =>
        Lexicon.Activities.SocialSites is { } sites
            ? posting.Evidence.Where(e => e.Key != Lexicon.Activities.FactId).SelectMany(e => e.Value).Where(c => sites.Mentions(c.Text)).ToList()
            : [];

    /// <summary>
    /// At most <paramref name="max"/> parts, in order. Over the limit, a part whose person is an exception already asked
    /// about in an earlier part goes first ("follow my son and my foster daughter, and give their friends my number": the
    /// foster daughter's number part goes, not the friends'), then the last ones.
    /// </summary>
    private List<Reading> AtMost(List<Reading> parts, int max)
    {
        var kept = new List<Reading>(parts);
        var people = Lexicon.Activities.People;
        for (var i = kept.Count - 1; i > 0 && kept.Count > max; i--)
        {
            var exception = kept[i].Facts.Where(f => f.Key != Lexicon.Activities.FactId && people?.Contains(f.Key) != false
                && OpensException(f.Key, f.Value)).ToList();
            if (exception.Count > 0 && kept.Take(i).Any(k => exception.All(f => k.Facts.TryGetValue(f.Key, out var v) && v == f.Value)))
            {
                kept.RemoveAt(i);
            }
        }
        return kept.Take(max).ToList();
    }

    /// <summary>
    /// Where someone else is brought in (the start of the mention), or null: after the exception's person, in a stretch of
    /// the message none of whose words name that person, a plain mention of another value of the same fact (outweighed by
    /// the exception), introduced as someone new ("a", "another", "one of my") and not said of someone already named
    /// ("she's a 9th grader"). "I call parents from my cell when their kid is sick, and I'm thinking of giving a 9th grader
    /// my number" asks about the parents and a student. A mention before the exception is as often the same person told
    /// more of ("a friend request from a 7th grader … it's my sister's son"), except for a value the lexicon keeps apart (a
    /// parent is never the student), where a mention that a way of contacting acts on is someone else, before or after
    /// ("txt my chem students test reminders, and call their parents"), but not one saying whose parent ("his kids go here").
    /// </summary>
    private int? NewPersonElsewhere(string text, Func<int, int> stretchOf, Reading main, string factId, string value, bool groups)
    {
        if (!main.Evidence.TryGetValue(factId, out var named))
        {
            return null;
        }
        var namedIn = named.Select(c => stretchOf(c.Start)).ToHashSet();
        var lastNamed = named.Max(c => c.Start);
        // The mention is what a way of contacting acts on ("txt my chem students"), not whose parent one is ("his kids go
        // here"): a cue of the activity or of how, ending a few characters before it in the same stretch, or the one given
        // one's number ("give the students my cell").
        var apart = Lexicon.Activities.Apart?.Contains((factId, value)) == true;
        var acts = !apart ? []
            : main.Evidence.Values.SelectMany(c => c).Concat(main.SetAside.Select(x => x.Cue))
                .Where(c => c.FactId == Lexicon.Activities.FactId || Lexicon.Activities.StrongAnchors.Contains(c.FactId)).ToList();
        bool ActedOn(Cue cue) => EndsJustBefore(acts, cue, stretchOf)
            || (apart && GiveBefore().IsMatch(text.AsSpan(0, cue.Start)) && OwnNumberAfter().IsMatch(text.AsSpan(cue.Start + cue.Length)));
        return main.SetAside.FirstOrDefault(a => a.Reason == SetAsideReason.Outweighed && a.Cue.FactId == factId && a.Cue.ValueId != value
            && !namedIn.Contains(stretchOf(a.Cue.Start))
            && !NotAPerson().IsMatch(text.AsSpan(a.Cue.Start + a.Cue.Length))
            && (ActedOn(a.Cue)
                // A student listed just before the exception's person ("friend request Olivia (my student) and my nephew"): two
                // people.
                || (PersonNoun().IsMatch(a.Cue.Text) && named.Any(c => c.Start >= a.Cue.Start + a.Cue.Length && ListedJustBefore().IsMatch(text.AsSpan(a.Cue.Start + a.Cue.Length, c.Start - a.Cue.Start - a.Cue.Length))))
                // A group the staff member's own way of contacting acts on, before or after the exception's person ("I'm the legal
                // guardian of my granddaughter. I text her … and text the robotics kids about hanging out", "text the team about
                // pizza at my house Saturday? My son is on the team"): a group is never that one person.
                // (Not where the message was split already by two ways of contacting, each its own part: "text my son …, and
                // email my 2nd period class".)
                || (groups && GroupOfPeople().IsMatch(a.Cue.Text) && (OwnContactBefore().IsMatch(text.AsSpan(0, a.Cue.Start)) || ToTheGroupBefore().IsMatch(text.AsSpan(0, a.Cue.Start))))
                || (a.Cue.Start > lastNamed
                    && (NewPersonBefore().IsMatch(text.AsSpan(0, a.Cue.Start))
                        || (NewPersonAt().IsMatch(text.AsSpan(a.Cue.Start))
                            && (!SaidOfSomeone().IsMatch(text.AsSpan(0, a.Cue.Start)) || TheOtherOne().IsMatch(text.AsSpan(0, a.Cue.Start))))))))?.Cue.Start;
    }

    /// <summary>
    /// Just before a mention, the staff member's own way of contacting them: "and text the", "I'd email my", "can I call the"
    /// (not a rule reported of staff: "staff can't text students").
    /// </summary>
    [GeneratedRegex(@"\b(?:I|I'd|I’d|I'll|I’ll|and|also|can\s+I|could\s+I|may\s+I|should\s+I|want\s+to|like\s+to|wanna|(?:ok|okay|alright|fine)\s+(?:for\s+me\s+)?to)\s+(?:also\s+|usually\s+|often\s+|sometimes\s+|just\s+)?(?:text|message|dm|email|e-mail|call|snap|add|friend|follow|contact)\s+(?:(?:a|an|the|my|our|this|that|some|all|all\s+the)\s+)?(?:[\w-]+\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnContactBefore();

    /// <summary>Just before a mention, something sent to it: "send vacation pics to the ", "post it to our ".</summary>
    [GeneratedRegex(@"\b(?:send|sending|post|posting|share|sharing|forward|forwarding)\s+(?:[\w-]+\s+){0,3}?to\s+(?:(?:the|my|our)\s+(?:[\w-]+\s+){0,2}?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ToTheGroupBefore();

    /// <summary>Between a mention and a person named next, words that list them: ") and ", ", plus ", " &amp; ".</summary>
    [GeneratedRegex(@"^\s*\)?\s*,?\s*(?:and|&|n|plus)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListedJustBefore();

    /// <summary>A mention that ends in a word for a person, not a grade or a class: "my student", "a 5th grader".</summary>
    [GeneratedRegex(@"\b(?:students?|kids?|boys?|girls?|graders?|friends?|classmates?|players?|athletes?|teammates?|seniors?|juniors?|sophomores?|freshman|freshmen)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PersonNoun();

    /// <summary>Words for people in the plural, shared by <see cref="PluralPeople"/> and <see cref="GroupOfPeople"/>.</summary>
    private const string PluralPeopleWords = "kids|students|players|athletes|members|graders|seniors|juniors|sophomores|freshmen|kiddos|teammates";

    /// <summary>A mention that names people in the plural: "the robotics team members", "my players" (not "my class").</summary>
    [GeneratedRegex(@"\b(?:" + PluralPeopleWords + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PluralPeople();

    /// <summary>A mention that names a group of people, not one person: "kids", "the robotics team", "my players".</summary>
    [GeneratedRegex(@"\b(?:" + PluralPeopleWords + @"|team|teams|class|classes|squad|cast|crew|club)(?:\s+(?:group\s+chat|group\s+text|chat|groupme))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GroupOfPeople();

    /// <summary>Just before a mention, giving something to them: "give the", "hand out to my".</summary>
    [GeneratedRegex(@"\b(?:give|gave|giving|send|sent|sending|share|shared|sharing|pass\s+out|hand\s+out)\s+(?:to\s+)?(?:(?:the|my|our|a|an|some|all|all\s+the|each)\s+)?(?:[\w-]+\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GiveBefore();

    /// <summary>Just after a mention, one's own number as what is given: " my cell", " my personal number".</summary>
    [GeneratedRegex(@"^\s+(?:my|our)\s+(?:own\s+|personal\s+|private\s+)?(?:cell|cellphone|cell\s+phone|cell\s+number|phone\s+number|number|mobile|digits)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnNumberAfter();

    /// <summary>After a mention, words that make it someone else's or a thing's: "another kid's mom", "a kid phone".</summary>
    [GeneratedRegex(@"^(?:'s|’s|s'|\s+(?:phone|watch|tablet|account|email|e-mail|number|parent|parents|mom|dad|mother|father|guardian)s?\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAPerson();

    /// <summary>A stretch that asks whether the staff member may do something: "can I", "could I", "is it ok to".</summary>
    [GeneratedRegex(@"\b(?:can|could|may|should|shall)\s+I\b|\bis\s+it\s+(?:ok|okay|alright|fine)\s+(?:to|if)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsksToDo();

    /// <summary>The end of a sentence (or a semicolon) somewhere in a stretch of text.</summary>
    [GeneratedRegex(@"[.!?;]\s", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    /// <summary>A mention said of someone already named: "she's ", "who is ", "as ", typed without the apostrophe ("shes ").</summary>
    [GeneratedRegex(@"\b(?:is|was|are|were|be|'s|’s|as|like|shes|hes|whos)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SaidOfSomeone();

    /// <summary>
    /// Said of the second of two people counted off one by one: "one graduated last yr and one's a junior", ", the other is
    /// a freshman" (someone new, though the words say it of someone).
    /// </summary>
    [GeneratedRegex(@"(?:\band|\bbut|,)\s+(?:the\s+other(?:\s+one)?|one|another(?:\s+one)?|the\s+second(?:\s+one)?)\s*(?:'s|’s|\s+is|\s+was)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TheOtherOne();

    /// <summary>
    /// Said of "she" or "he" just before a mention: the person already named, told more of in a later sentence ("… legal
    /// guardian for a 15 yr old girl the court placed with me. She's a freshman here").
    /// </summary>
    [GeneratedRegex(@"(?:^|[.!?;]\s+|\b(?:and|but)\s+)(?:she|he)(?:'s|’s|\s+is|\s+was)\s+(?:also\s+|now\s+|actually\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SaidOfHerOrHim();

    /// <summary>Words that bring in someone new just before a mention: "giving a 9th grader", "and another student", "to some 5th graders".</summary>
    [GeneratedRegex(@"(?<!\b(?:is|was|are|were|be|'s|’s|as|like|of)\s+)\b(?:a|an|another|one\s+of\s+(?:my|our|the)|two|three|several|some|a\s+few|a\s+couple(?:\s+of)?|a\s+bunch\s+of|a\s+group\s+of)\s+(?:(?!(?:is|was|who|that)\b)[\w-]+\s+){0,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NewPersonBefore();

    /// <summary>A mention that itself brings in someone new: "a student of mine", "another kid".</summary>
    [GeneratedRegex(@"^(?:a|an|another)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NewPersonAt();

    /// <summary>
    /// The stretches of a message (<see cref="Stretches"/>) that name an act and a thing of the policy's subject (the
    /// lexicon's <c>activities → unread</c>, and the topic's words) while none of their words was read as an act in any
    /// part: "setting up a fb page for our chapter …, and texting members" where only the texting was read. Each is read
    /// on its own and becomes a part (its <see cref="Reading.Text"/> the stretch), so a permissive answer about the part
    /// read never stands for the whole message. A stretch whose facts read on their own are all an earlier part's is no
    /// part (one that reads to nothing is); a message of one stretch has none.
    /// </summary>
    private IEnumerable<Reading> UnreadParts(string text, List<(int Start, int End)> stretches, Scan scan, List<Reading> parts)
    {
        var settings = Lexicon.Activities;
        if (settings.Unread is not { } unread || settings.Topic is not { } topic)
        {
            yield break;
        }
        // Only beside a part read: a message none of whose acts was read is asked about as a whole.
        if (stretches.Count < 2 || !parts.Any(p => p.Facts.ContainsKey(settings.FactId)))
        {
            yield break;
        }
        // Where the reader saw an act, whatever it then made of it (a posting through the class account it is about, a
        // denied one): the activity's own cues and those of the facts that establish one.
        var seen = scan.Claims
            .Where(c => c.FactId is not null && (c.FactId == settings.FactId || settings.StrongAnchors.Contains(c.FactId)))
            .ToList();
        foreach (var (start, end) in stretches)
        {
            var words = text[start..end];
            // Words the lexicon marks neutral are no act ("the district is posting updates on their facebook" is what the
            // district does, not a part to ask about).
            if (seen.Any(c => c.Start < end && c.Start + c.Length > start) || !unread.Acts.Mentions(WithoutNeutral(text, start, end, scan))
                || IsBackstory(words))
            {
                continue;
            }
            // The subject named as such (an app, a page, a site), not only a person or what is posted: "want to share how I
            // adapted a unit for a student with an IEP" after "I write a teaching blog" is the blog's post.
            var subject = topic.Mentions(words) || unread.Things.Mentions(words);
            if (!subject)
            {
                continue;
            }
            var alone = Read(words);
            // Without an act read in it, what the stretch's words say of a person or a purpose ("show student projects" in
            // "start a class blog to show student projects") may be the act's or not: its part starts with nothing.
            if (!alone.Evidence.TryGetValue(settings.FactId, out var anchors) || anchors.All(c => settings.WeakAnchors.Contains(c.FactId)))
            {
                alone = new Reading(words, new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<Cue>>(), alone.SetAside, alone.OnTopic);
            }
            if (alone.Facts.Count > 0 && parts.Any(p => alone.Facts.All(f => p.Facts.TryGetValue(f.Key, out var v) && v == f.Value)))
            {
                continue;
            }
            yield return alone;
        }
    }

    /// <summary>
    /// The stretch [start, end) of the text with the spans of neutral claims blanked out: of every neutral group, or only of
    /// <paramref name="groups"/> when given (the topic's groups set aside: "email the business office").
    /// </summary>
    private static string WithoutNeutral(string text, int start, int end, Scan scan, IReadOnlySet<string>? groups = null)
    {
        var neutral = scan.Claims.Where(c => c.FactId is null && c.Start < end && c.End > start && groups?.Contains(c.ValueId) != false).ToList();
        if (neutral.Count == 0)
        {
            return text[start..end];
        }
        var chars = text[start..end].ToCharArray();
        foreach (var c in neutral)
        {
            for (var i = Math.Max(c.Start, start); i < Math.Min(c.End, end); i++)
            {
                chars[i - start] = ' ';
            }
        }
        return new string(chars);
    }

    /// <summary>
    /// Two situations of one act told apart ("can I check twitter on the school chromebook at lunch? and in an emergency,
    /// could I check the county's page on it then?"): where two stretches of the message (<see cref="Stretches"/>) each
    /// establish the message's activity on their own, each asked as a question, and, read alone, give one fact two
    /// values, the whole message's reading keeps only the value that outweighed the other. Then each value is a part of
    /// its own (the rest of the facts shared), in the order said; null otherwise.
    /// </summary>
    private List<Reading>? StretchSplit(string text, List<(int Start, int End)> stretches, Reading main)
    {
        var settings = Lexicon.Activities;
        if (!main.Facts.TryGetValue(settings.FactId, out var activity) || stretches.Count < 2)
        {
            return null;
        }
        // Each a question of its own: a stretch that tells what happened ("a kid added me on snapchat. should I add back?")
        // is the story of the one asked.
        var asked = stretches
            .Where(s => text.AsSpan(s.End).TrimStart().StartsWith("?") || AskingWords().IsMatch(text.AsSpan(s.Start, s.End - s.Start)))
            .ToList();
        // Two values need two stretches read and a fact besides the activity: without them nothing below can split, so
        // the stretches are not read (a reading is a full scan of its text, date-time model included).
        if (asked.Count < 2 || main.Facts.Count < 2)
        {
            return null;
        }
        var told = asked
            .Select(s => Read(text[s.Start..s.End]))
            .Where(r => r.Facts.GetValueOrDefault(settings.FactId) == activity
                && r.Evidence[settings.FactId].Any(c => c.FactId == settings.FactId || settings.StrongAnchors.Contains(c.FactId)))
            .ToList();
        foreach (var factId in main.Facts.Keys.Where(f => f != settings.FactId))
        {
            var values = told.Select(r => r.Facts.GetValueOrDefault(factId)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (values.Count == 2 && values.Contains(main.Facts[factId]))
            {
                return values.Select(v => v == main.Facts[factId] ? main : main.With(factId, v, _factOrder)).ToList();
            }
        }
        return null;
    }

    [GeneratedRegex(@"\b(?:can|could|may|might|should|would|is\s+it|am|do|does)\s+(?:i|we)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AskingWords();

    /// <summary>
    /// The message cut into stretches (start, end) at sentence ends, semicolons, joining words ("and", "also", "plus") and ", so":
    /// computed once per message and shared by <see cref="StretchSplit"/>, <see cref="UnreadParts"/> and the school day beside social contact.
    /// </summary>
    private static List<(int Start, int End)> Stretches(string text)
    {
        var stretches = new List<(int, int)>();
        var from = 0;
        foreach (Match cut in StretchBreak().Matches(text))
        {
            if (text.AsSpan(from, cut.Index - from).Trim().Length > 0)
            {
                stretches.Add((from, cut.Index));
            }
            from = cut.Index + cut.Length;
        }
        if (text.AsSpan(from).Trim().Length > 0)
        {
            stretches.Add((from, text.Length));
        }
        return stretches;
    }

    /// <summary>The index of the stretch (<see cref="Stretches"/>) holding character <paramref name="at"/>; -1 inside a cut.</summary>
    private static int StretchAt(List<(int Start, int End)> stretches, int at) => stretches.FindIndex(st => st.Start <= at && at < st.End);

    /// <summary>
    /// A stretch that tells backstory, not a question: an act done, not done or not to be done (<see cref="DoneAlready"/>),
    /// a habit of the person's (<see cref="Habit"/>), or someone else's act in progress (<see cref="OthersActInProgress"/>).
    /// </summary>
    private static bool IsBackstory(string words) => DoneAlready().IsMatch(words) || Habit().IsMatch(words) || OthersActInProgress().IsMatch(words);

    /// <summary>
    /// An act told as done or not done already ("IT hasn't set up my school email"), or told of the thing it was done to
    /// ("the page was set up through the district office"). So is one the person says they would rather not do ("I'd rather
    /// not set up some app for one weekend").
    /// </summary>
    [GeneratedRegex(@"\b(?:has|have|had|did|does|hasn'?t|haven'?t|hadn'?t|didn'?t|doesn'?t|rather\s+not|don'?t\s+want\s+to|do\s+not\s+want\s+to|not\s+going\s+to|no\s+need\s+to)\s+(?:\w+\s+)?(?:share|post|put|upload|set|create|start|make|run|add|invite|publish|tag|open|launch)\b|\b(?:was|were|been|got|is|are)\s+(?:already\s+|originally\s+|first\s+|just\s+)?(?:shared|posted|put\s+up|uploaded|set\s+up|created|started|made|run|added|invited|published|tagged|opened|launched)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DoneAlready();

    /// <summary>
    /// A stretch, no question, that opens with something the person does as a habit ("I run a fishing channel on YouTube,
    /// mostly me out on the river"): what they ask about it comes after.
    /// </summary>
    [GeneratedRegex(@"^\W*(?:so\s+|but\s+|well\s+)?I\s+(?:already\s+|also\s+)?(?:run|write|host|keep|have|do|make|film|record)\s+(?:a|an|my|some)\b(?![^?]*\?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Habit();

    /// <summary>
    /// An act someone else is doing, not the person or their group ("a 7th grader in my class is always telling me about her
    /// dance videos on TikTok").
    /// </summary>
    [GeneratedRegex(@"(?<!\b(?:I|we|I'm|we're|I've|we've)\s+)\b(?:is|are|was|were|keeps|kept)\s+(?:always\s+|constantly\s+|just\s+|also\s+)?(?:telling|sharing|posting|showing|making|running|starting|adding|inviting|messaging|uploading)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OthersActInProgress();

    [GeneratedRegex(@"[.?!;]+(?=\s|$)|,\s+so\b|,?\s+(?:and\s+also|and\s+then|and|also|plus|as\s+well\s+as)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StretchBreak();

    /// <summary>
    /// A fact bound to one act (the lexicon's <c>activities → bound</c>) whose words all lie between where one value of the
    /// split fact is said and where the next one is ("email them about the project, and accept the request") is that
    /// value's part's only: the other parts leave it open, to be asked. Said before the first value or after the last, it
    /// is everyone's ("for the trip, can I text or call them", "text or call them about homework"); so is one the next
    /// value's words point back to ("text them a reminder about the summer reading list, and email the list").
    /// </summary>
    private void BindBetween(string text, Reading main, string splitFact, List<string> values, List<Reading> parts)
    {
        if (Lexicon.Activities.Bound is not { Count: > 0 } bound)
        {
            return;
        }
        var starts = values.Select(v => StartOf(main, splitFact, v)).ToList();
        foreach (var factId in bound.Where(main.Facts.ContainsKey))
        {
            var cues = main.Evidence[factId];
            for (var i = 0; i + 1 < starts.Count; i++)
            {
                if (cues.Count > 0 && cues.All(c => c.Start > starts[i] && c.Start < starts[i + 1])
                    && !PointsBackAfter(text, cues.Max(c => c.Start + c.Length), starts[i + 1]))
                {
                    for (var j = 0; j < parts.Count; j++)
                    {
                        if (j != i)
                        {
                            parts[j] = parts[j].With(factId, null, _factOrder);
                        }
                    }
                }
            }
        }
    }

    /// <summary>How far after a value's first word its words may point back to what the part before it was about.</summary>
    private const int PointsBackReach = 40;

    /// <summary>
    /// Do the words after a bound fact's cues (ending at <paramref name="from"/>), up to a little past where the next value
    /// is said (<paramref name="next"/>), point back to it ("…the summer reading list, and email the list from my school
    /// account")?
    /// </summary>
    private static bool PointsBackAfter(string text, int from, int next)
    {
        var end = Math.Min(text.Length, Math.Max(from, next) + PointsBackReach);
        return from < end && PointsBack().IsMatch(text.AsSpan(from, end - from));
    }

    /// <summary>Words pointing back to the thing the part before was about: "the list", "the same reminder", "email it".</summary>
    [GeneratedRegex(@"\b(?:(?:email|e-mail|send|text|post|share|forward|attach)(?:s|ed|ing)?\s+(?:them\s+|her\s+|him\s+)?it|the\s+same(?:\s+[\w-]+)?|(?:the|that|this)\s+(?:list|link|reminder|info|information|details|schedule|file|form|doc|document|pdf|flyer|packet|assignment|notice|message|update|news|announcement))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointsBack();

    /// <summary>
    /// Of parts split by one fact, a part whose value is said in the same stretch as a way of acting that another value
    /// overrode, said in no stretch of the winner's, acts that way: "send hw reminders on remind AND marco polo a kid … just
    /// to check on him" is homework on Remind and a check-in on Marco Polo, not both on Remind (a school platform overrides
    /// another app only where both name one act).
    /// </summary>
    private void BindOverridden(List<(int Start, int End)> stretches, Reading main, string splitFact, List<string> values, List<Reading> parts)
    {
        foreach (var over in OverriddenApart(stretches, main).Where(a => a.Cue.FactId != splitFact))
        {
            var at = StretchAt(stretches, over.Cue.Start);
            // (A part per value: one value said there, the split having two or more.)
            var mine = Enumerable.Range(0, values.Count).Where(i => main.SetAside.Any(a => a.Cue.FactId == splitFact
                && a.Cue.ValueId == values[i] && StretchAt(stretches, a.Cue.Start) == at)).ToList();
            if (mine is [var i])
            {
                parts[i] = parts[i].With(over.Cue.FactId, over.Cue.ValueId, [over.Cue], _factOrder);
            }
        }
    }

    /// <summary>
    /// A way of acting another value overrode (a strong anchor's, not the activity's), said in a stretch of its own that
    /// none of the winner's words is in: one's Gmail beside school email, Marco Polo beside Remind, each in its own clause.
    /// </summary>
    private IEnumerable<SetAsideCue> OverriddenApart(List<(int Start, int End)> stretches, Reading main)
    {
        var settings = Lexicon.Activities;
        int StretchOf(int at) => StretchAt(stretches, at);
        return main.SetAside.Where(a => a.Reason == SetAsideReason.Overridden && !a.Cue.Weak
            && a.Cue.FactId != settings.FactId && settings.StrongAnchors.Contains(a.Cue.FactId)
            && main.Facts.TryGetValue(a.Cue.FactId, out var won) && won != a.Cue.ValueId
            && StretchOf(a.Cue.Start) >= 0
            && main.Evidence[a.Cue.FactId].All(e => StretchOf(e.Start) != StretchOf(a.Cue.Start)));
    }

    /// <summary>Where a value of a fact is first said: its earliest cue, won or set aside.</summary>
    private static int StartOf(Reading main, string factId, string value) =>
        main.SetAside.Where(a => a.Cue.FactId == factId && a.Cue.ValueId == value).Select(a => a.Cue.Start)
            .Concat(main.Facts.GetValueOrDefault(factId) == value ? main.Evidence[factId].Select(c => c.Start) : [])
            .Min();

    /// <summary>
    /// Two people named (who the person is left open) and two values of a fact that says the act (a strong anchor: the
    /// medium) where one overrides the other, each said in a stretch of its own, neither in the other's: two acts, a part
    /// per value in the order written (the people are bound to them by <see cref="BindPeople"/>). "Email a student
    /// through school email …, and also email his dad from my gmail": one's Gmail overrides school email for one act, not
    /// for two. Else no split.
    /// </summary>
    private (string? Fact, List<string> Values) SplitByPeople(List<(int Start, int End)> stretches, Reading main)
    {
        var settings = Lexicon.Activities;
        if (settings.People is not { Count: > 0 } people
            || !people.Any(f => !main.Facts.ContainsKey(f) && main.SetAside.Any(a => a.Cue.FactId == f && a.Reason == SetAsideReason.Conflict)))
        {
            return (null, []);
        }
        var over = OverriddenApart(stretches, main).FirstOrDefault();
        if (over is null)
        {
            return (null, []);
        }
        var factId = over.Cue.FactId;
        var winner = main.Facts[factId];
        return (factId, StartOf(main, factId, over.Cue.ValueId) < StartOf(main, factId, winner)
            ? [over.Cue.ValueId, winner]
            : [winner, over.Cue.ValueId]);
    }

    /// <summary>Just after a relative of one's own, words that make them the one telling or bringing someone in: "told me", "says", "invited".</summary>
    [GeneratedRegex(@"^\s+(?:told|tells|said|says|mentioned|mentions|noticed|heard|warned|showed|invited|invites|introduced|brought)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportsOf();

    /// <summary>
    /// Around a relative of one's own, words that make them one's companion rather than the person asked about: "come
    /// fishing with me and my son", "my daughter and I", "can they come over to play with my daughter?", "she's best friends
    /// with my daughter", "a ride to the concert with my niece".
    /// </summary>
    [GeneratedRegex(@"(?:\bme\s+(?:and|&|n)|\b(?:play|playing|hang\s+out|hanging\s+out|have\s+a\s+playdate|playdates?|sleep\s+over|a\s+sleepover|along)\s+with|\b(?:is|are|was|were|she's|he's|they're|she’s|he’s|they’re|shes|hes|theyre)\s+(?:also\s+|really\s+)?(?:(?:best|good|close)\s+)?(?:friends|bffs|teammates|classmates)\s+with|\b(?:a\s+ride|rides|a\s+lift|carpool(?:ing)?)\s+(?:\w+\s+){0,5}?with)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CompanionBefore();

    /// <summary>Just after a relative of one's own, "and I" or "and me": the two go together ("my daughter and I").</summary>
    [GeneratedRegex(@"^\s+(?:and|&|n)\s+(?:I|me|myself)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CompanionAfter();

    /// <summary>A plain mention of one new person: "a senior", "an 8th grader", "one of my students".</summary>
    [GeneratedRegex(@"^(?:a|an|one)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IndefinitePerson();

    /// <summary>What cuts a clause between its subject and its verb: "also", "plus".</summary>
    [GeneratedRegex(@"^\s*(?:also|plus)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InsideAClause();

    /// <summary>
    /// Of parts split by two values of a strong anchor (two media), the index of the one whose value is said in a stretch that
    /// points at others (the lexicon's <c>others</c> group: "her lab partner") or names someone plainly ("a senior"), and
    /// does not name the exception's person
    /// (<paramref name="namedIn"/>: the stretches that do), while the part still carries that exception; else -1.
    /// </summary>
    private int OthersPart(Scan scan, Func<int, int> stretchOf, Reading main, string? splitFact, List<string>? values,
        HashSet<int> namedIn, List<Reading> parts, string factId, string exception)
    {
        if (splitFact is null || values is not { Count: >= 2 } || !Lexicon.Activities.StrongAnchors.Contains(splitFact))
        {
            return -1;
        }
        // Others pointed at, or someone named plainly whom the exception outweighed ("I text my daughter …, and I emailed a
        // senior about his transcript from my school email to his"); one new person ("a senior"), not a word like "kids".
        var othersIn = scan.Claims.Where(c => c.FactId is null && c.ValueId == OthersGroup).Select(c => stretchOf(c.Start))
            .Concat(main.SetAside.Where(a => a.Reason is SetAsideReason.Outweighed or SetAsideReason.Overridden && a.Cue.FactId == factId
                && a.Cue.ValueId != exception && (!a.Cue.Weak || IndefinitePerson().IsMatch(a.Cue.Text)) && !OpensException(factId, a.Cue.ValueId)).Select(a => stretchOf(a.Cue.Start)))
            .ToHashSet();
        var at = values.Select(v => stretchOf(StartOf(main, splitFact, v))).ToList();
        // Each value in a stretch of its own, and exactly one of them beside the others.
        var beside = values.Where((v, i) => at[i] >= 0 && othersIn.Contains(at[i]) && !namedIn.Contains(at[i])).ToList();
        if (at.Distinct().Count() != at.Count || beside.Count != 1)
        {
            return -1;
        }
        return parts.FindIndex(p => p.Facts.GetValueOrDefault(splitFact) == beside[0] && p.Facts.GetValueOrDefault(factId) == exception);
    }

    /// <summary>
    /// Two parts split by two values of a strong anchor (two media), while who the person is was left open because the
    /// message names two people: each part takes the person named in its own stretch, when that stretch names only one.
    /// "Email a student through school email about a makeup test, and also email his dad from my gmail" is the student by
    /// school email and the dad by Gmail, not both people asked about both ways.
    /// </summary>
    private void BindPeople(List<(int Start, int End)> stretches, Reading main, string splitFact, List<string> values, List<Reading> parts)
    {
        // Only parts that are two acts (two media), not two purposes of one act.
        if (Lexicon.Activities.People is not { Count: > 0 } people || !Lexicon.Activities.StrongAnchors.Contains(splitFact))
        {
            return;
        }
        int StretchOf(int at) => StretchAt(stretches, at);
        var at = values.Select(v => StretchOf(StartOf(main, splitFact, v))).ToList();
        if (at.Contains(-1) || at.Distinct().Count() != at.Count)
        {
            return;
        }
        // A stretch naming no one takes the one just before it when only "also" or "plus" cuts them, a subject from its verb
        // ("His mom also sent me a friend request"), and that is no other act's. Not across "and" or a sentence end, where
        // a pronoun may be anyone's ("His mom sent me a request, and I'd like to text him").
        bool Joined(int stretch) => stretch > 0 && !at.Contains(stretch - 1)
            && InsideAClause().IsMatch(main.Text.AsSpan(stretches[stretch - 1].End, stretches[stretch].Start - stretches[stretch - 1].End));
        foreach (var factId in people.Where(f => !main.Facts.ContainsKey(f)))
        {
            var cues = main.SetAside.Where(a => a.Cue.FactId == factId && a.Reason != SetAsideReason.Negated).Select(a => a.Cue).ToList();
            for (var i = 0; i < parts.Count; i++)
            {
                var here = cues.Where(c => StretchOf(c.Start) == at[i]).ToList();
                if (here.Count == 0 && Joined(at[i]))
                {
                    here = cues.Where(c => StretchOf(c.Start) == at[i] - 1).ToList();
                }
                var named = (here.Any(c => !c.Weak) ? here.Where(c => !c.Weak) : here).Select(c => c.ValueId).Distinct(StringComparer.Ordinal).ToList();
                if (named.Count == 1)
                {
                    parts[i] = parts[i].With(factId, named[0], _factOrder);
                }
            }
        }
    }

    /// <summary>
    /// Where the exception <paramref name="value"/> of <paramref name="factId"/> was read from words no act reaches, while an
    /// act reaches a plain mention of someone the exception overrode: that mention, else null. "Can I snapchat a kid in my
    /// class, my sister babysits him", "message students on Remind to sell cookies for my daughter", "text a student that is
    /// dating my cousin": the act is done to the student, and the tie is someone else's. An act reaches a mention when one of
    /// its words (the activity's, or a fact's that establishes one) ends at most 12 characters before it in the same stretch.
    /// The exception stands when said of the person ("… a kid in my class? he's my nephew") or put beside the mention ("a
    /// student of mine, my niece").
    /// </summary>
    private Cue? ThirdPartyTie(string text, List<Cue> cues, string factId, string value, Dictionary<string, IReadOnlyList<Cue>> evidence, List<SetAsideCue> setAside)
    {
        // Only a relative or other person named as one's own ("my sister"), not a tie stated as the staff member's own ("I'm the
        // foster parent of two kids", "I hired him").
        if (!OpensException(factId, value) || !evidence.TryGetValue(factId, out var named)
            || !named.All(c => OwnPersonNamed().IsMatch(c.Text)))
        {
            return null;
        }
        var settings = Lexicon.Activities;
        var stretches = Stretches(text);
        int StretchOf(int at) => StretchAt(stretches, at);
        var acts = cues.Where(c => c.FactId == settings.FactId || settings.StrongAnchors.Contains(c.FactId)).ToList();
        bool Reached(Cue cue) => EndsJustBefore(acts, cue, StretchOf)
            || (StretchOf(cue.Start) is var at and >= 0 && ContactVerbBefore().IsMatch(text.AsSpan(stretches[at].Start, cue.Start - stretches[at].Start)));
        // The mention is one the tie won over (the lexicon's overrides: a relative over a plain student), never a parent or
        // colleague kept apart.
        var mention = _overrides.TryGetValue((factId, value), out var over) ? setAside.FirstOrDefault(a => a.Reason is SetAsideReason.Overridden or SetAsideReason.Outweighed
            && a.Cue.FactId == factId && over.Contains(a.Cue.ValueId) && Reached(a.Cue))?.Cue : null;
        // Said of the person, put beside the mention, or listed as another one the act reaches ("my students … and my daughter").
        bool OfThePerson(Cue c) => SaidOf().IsMatch(text.AsSpan(0, c.Start)) || ListedAfter().IsMatch(text.AsSpan(0, c.Start))
            || (mention is not null && mention.Start + mention.Length <= c.Start
                && Apposition().IsMatch(text.AsSpan(mention.Start + mention.Length, c.Start - mention.Start - mention.Length)));
        // ... and said in the same sentence as the mention: a relative in a sentence of their own is someone the message is
        // about too ("the legal guardian of my little brother … so I text him. I'd also like to text the kids in my group").
        bool SameSentence(Cue c) => mention is not null
            && !SentenceEnd().IsMatch(text.AsSpan(Math.Min(c.Start, mention.Start), Math.Max(c.Start, mention.Start) - Math.Min(c.Start, mention.Start)));
        return mention is null || named.Any(c => Reached(c) || OfThePerson(c) || !SameSentence(c)) ? null : mention;
    }

    /// <summary>Whether one of <paramref name="acts"/> ends at most 12 characters before <paramref name="cue"/>, in its stretch: the act reaches it.</summary>
    private static bool EndsJustBefore(IEnumerable<Cue> acts, Cue cue, Func<int, int> stretchOf) =>
        acts.Any(a => a.Start + a.Length <= cue.Start && cue.Start - (a.Start + a.Length) <= 12 && stretchOf(a.Start) == stretchOf(cue.Start));

    /// <summary>A way of contacting said as a verb just before a mention: "message students", "add a student", "text the kid".</summary>
    [GeneratedRegex(@"(?<!\b(?:my|her|his|their|our|your|a|the|best|good)\s+)\b(?:text|texting|message|messaging|dm|dming|email|emailing|e-mail|call|calling|snap|snapchat|add|adding|friend|friending|follow|following|contact|contacting|reach\s+out\s+to)\s+(?:(?:a|an|the|my|our|this|that|one|some|all)\s+)?(?:[\w-]+\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContactVerbBefore();

    /// <summary>Just before an exception's words, what says them of someone named: "he's my nephew", "who is also my niece".</summary>
    [GeneratedRegex(@"\b(?:is|was|are|were|be|'s|’s|as|like)\s+(?:also\s+|actually\s+|really\s+|technically\s+|literally\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SaidOf();

    /// <summary>
    /// Just after a relative of one's own, words that give them a tie to the person asked about other than family: "is his
    /// boss", "is the coach of", "is on his team", "coaches him", "is friends w him". A parent's or relative's role ("my
    /// brother is his dad") is family still, and is not matched; a godparent's, or one's own to the parent ("is his dad's
    /// boss"), is not family.
    /// </summary>
    [GeneratedRegex(@"^\s+(?:(?:is|was|'s|’s)\s+(?:also\s+|actually\s+)?(?:his|her|their)\s+(?!(?:dad|father|mom|mother|parents?|step[\w-]*|guardians?|uncle|aunt|auntie|grand[\w-]*|brother|sister|sibling|cousin|own)\b(?!['’]))[a-z]|(?:is|was|'s|’s)\s+(?:the|a)\s+(?:[\w-]+\s+)?(?:coach|boss|manager|teacher|tutor|babysitter|nanny|sitter|friend|neighbou?r|pastor|mentor|employer)\s+(?:of|for)\b|(?:is|was|'s|’s|plays|played)\s+(?:in|on)\s+(?:his|her|their)\b|(?:is\s+|was\s+)?(?:coaches|coaching|babysits|babysitting|babysat|tutors|tutoring|teaches|teaching|taught|mentors|mentoring|dates|dating|works\s+with|worked\s+with|employs|hired|pays|plays\s+with|going\s+out\s+with|friends\s+(?:with|w/?))\s+(?:him|her|them)\b|babysits\s+for\s+(?:him|her|them|his|her|their)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TiedToSomeoneElse();

    /// <summary>Words that name a person as one's own: "my sister", "our son".</summary>
    [GeneratedRegex(@"^(?:my|our)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnPersonNamed();

    /// <summary>Just before an exception's words, what lists them as one more person: "and my daughter", "or my nephew".</summary>
    [GeneratedRegex(@"\b(?:and|or|&|plus)\s+(?:also\s+|then\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListedAfter();

    /// <summary>Between a mention and an exception's words, an apposition: "a student of mine, my niece", "a kid (my nephew)".</summary>
    [GeneratedRegex(@"^(?:\s+of\s+mine)?\s*[,(–-]\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Apposition();

    /// <summary>The lexicon's neutral group of words that point to more people than the one named ("both", "her friend too").</summary>
    private const string OthersGroup = "others";

    private Reading Read(string text, Scan scan, string? forcedActivity)
    {
        var setAside = new List<SetAsideCue>();
        var cues = new List<Cue>();
        foreach (var claim in scan.Claims.Where(c => c.FactId is not null))
        {
            var cue = claim.ToCue(text);
            if (scan.Negated.Contains(claim))
            {
                setAside.Add(new SetAsideCue(cue, SetAsideReason.Negated));
            }
            else
            {
                cues.Add(cue);
            }
        }

        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        var evidence = new Dictionary<string, IReadOnlyList<Cue>>(StringComparer.Ordinal);

        // 1. The activity: from the cues that establish one; cues of other activities are set aside.
        var settings = Lexicon.Activities;
        var (activity, anchors) = forcedActivity is null ? Activity(cues, text) : (forcedActivity, cues.Where(c => ActivityOf(c) == forcedActivity).ToList());
        var remaining = new List<Cue>();
        foreach (var cue in cues)
        {
            var of = ActivityOf(cue);
            if (of is null)
            {
                remaining.Add(cue);
            }
            else if (activity is null)
            {
                setAside.Add(new SetAsideCue(cue, SetAsideReason.NoActivity));
            }
            else if (of != activity)
            {
                setAside.Add(new SetAsideCue(cue, SetAsideReason.OtherActivity));
            }
            else if (cue.FactId != settings.FactId)
            {
                remaining.Add(cue);
            }
        }
        if (activity is not null)
        {
            facts[settings.FactId] = activity;
            evidence[settings.FactId] = anchors;
        }

        // 1b. A relative of one's own said to stand in a tie to the person ("my brother is his boss", "my sister coaches her")
        // names someone else's tie: set aside before the facts are resolved, so the person's own tie is asked or read.
        // So is a relative who only tells of someone else named later in the sentence ("My granddaughter told me a boy on my
        // bus is getting picked on").
        bool TellsOfAnother(Cue c) => ReportsOf().IsMatch(text.AsSpan(c.Start + c.Length))
            && remaining.Any(o => o.FactId == c.FactId && !OpensException(o.FactId, o.ValueId) && o.Start > c.Start + c.Length
                && !SentenceEnd().IsMatch(text.AsSpan(c.Start + c.Length, o.Start - c.Start - c.Length)));
        // So is one who goes along with the staff member ("come fishing with me and my son"): the person asked about is another.
        bool GoesAlong(Cue c) => CompanionBefore().IsMatch(text.AsSpan(0, c.Start)) || CompanionAfter().IsMatch(text.AsSpan(c.Start + c.Length));
        foreach (var cue in remaining.Where(c => settings.People?.Contains(c.FactId) == true && OpensException(c.FactId, c.ValueId)
            && OwnPersonNamed().IsMatch(c.Text)
            && (TiedToSomeoneElse().IsMatch(text.AsSpan(c.Start + c.Length)) || TellsOfAnother(c) || GoesAlong(c))).ToList())
        {
            remaining.Remove(cue);
            setAside.Add(new SetAsideCue(cue, SetAsideReason.OfAThirdParty));
        }

        // 2. Each fact: one value, or open.
        foreach (var group in remaining.GroupBy(c => c.FactId))
        {
            var (value, used, aside) = Resolve(group.Key, group.ToList());
            setAside.AddRange(aside);
            if (value is not null)
            {
                facts[group.Key] = value;
                evidence[group.Key] = used;
            }
        }

        // 2b. An exception the act does not reach: the tie is someone else's (see ThirdPartyTie).
        foreach (var factId in settings.People ?? Enumerable.Empty<string>())
        {
            if (!facts.TryGetValue(factId, out var tie) || ThirdPartyTie(text, cues, factId, tie, evidence, setAside) is not { } reached)
            {
                continue;
            }
            setAside.AddRange(evidence[factId].Select(c => new SetAsideCue(c, SetAsideReason.OfAThirdParty)));
            setAside.RemoveAll(a => a.Cue == reached);
            facts[factId] = reached.ValueId;
            evidence[factId] = [reached];
        }

        // 3. Facts that cannot change the verdict are dropped.
        foreach (var factId in Irrelevant(facts))
        {
            facts.Remove(factId);
            setAside.AddRange(evidence[factId].Select(c => new SetAsideCue(c, SetAsideReason.Irrelevant)));
            evidence.Remove(factId);
        }

        var ordered = facts.OrderBy(f => _factOrder[f.Key]).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        // Without a lexicon (another district's policy served with buttons only) nothing can be called off topic.
        var onTopic = Lexicon.CueCount == 0 || (Lexicon.Activities.Topic is { } topic
            ? scan.Claims.Any(c => c.FactId is not null && topic.OnTopic(c.FactId, c.ValueId, c.Weak)) || topic.Mentions(WithoutNeutral(text, 0, text.Length, scan, topic.Aside))
            : scan.Claims.Count > 0 || _scanner.KnowsAWordOf(text));
        return new Reading(text, ordered, evidence, setAside.OrderBy(a => a.Cue.Start).ToList(), onTopic);
    }

    /// <summary>
    /// Matches a typed answer to a question card: a choice's label (exactly or by its first words), its
    /// number ("2", "the second one"), the lexicon's phrases for the fact asked ("homework" when the
    /// question is the purpose), or last a label with a small typo. Null when unsure.
    /// </summary>
    public FactValue? MatchAnswer(Question question, string text)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return MatchScanned(question, text, new ScanOnce(_answerScanner, text));
    }

    private FactValue? MatchScanned(Question question, string text, ScanOnce scan)
    {
        var choices = question.Choices;
        var answer = Simplify(text);
        if (answer.Length == 0)
        {
            return null;
        }

        // A label or value id, exactly.
        var exact = choices.FirstOrDefault(c => Simplify(c.Label) == answer || c.Id == answer);
        if (exact is not null)
        {
            return exact;
        }

        // A choice's number.
        if (ChoiceNumber(answer) is { } number)
        {
            return number >= 1 && number <= choices.Count ? choices[number - 1] : null;
        }

        // The first words of exactly one label ("not yet", "yes", "text").
        var words = answer.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!words.All(NotAnAnswer.Contains) && answer.Count(char.IsLetter) >= 3)
        {
            var prefixed = choices.Where(c => StartsWithWords(Simplify(c.Label), words)).ToList();
            if (prefixed.Count == 1)
            {
                return prefixed[0];
            }
        }

        // The lexicon's words, before a label with a typo: "not my student" is a student, however close it
        // is to "Not a student".
        if (LexiconAnswer(question, text, scan.Value) is { } read)
        {
            return read;
        }

        // A label with a typo: one best label, similar enough.
        var scored = choices.Select(c => (Choice: c, Score: LabelSimilarity.Similarity(answer, Simplify(c.Label)))).OrderByDescending(s => s.Score).ToList();
        return scored[0].Score >= 0.85 && (scored.Count == 1 || scored[1].Score < scored[0].Score) ? scored[0].Choice : null;
    }

    /// <summary>
    /// Reads a typed answer to a question card. A label, a value id, a choice's number or the first words of one label
    /// are as good as a tap (<see cref="TypedAnswer.Picked"/>). The lexicon's words for the question, a label with a
    /// typo, or — last — the one choice whose label and description share the most words with the answer are only
    /// understood: the bot confirms them before a verdict that lets the person go ahead. Null when nothing fits, when an
    /// exception is named for one of several people, or when the answer negates and only shared words would match.
    /// </summary>
    public TypedAnswer? ReadAnswer(Question question, string text)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var answer = Simplify(text);
        var choices = question.Choices;
        var exact = choices.FirstOrDefault(c => Simplify(c.Label) == answer || c.Id == answer);
        if (exact is not null)
        {
            return new TypedAnswer(exact, true);
        }
        if (ChoiceNumber(answer) is { } number)
        {
            return number >= 1 && number <= choices.Count ? new TypedAnswer(choices[number - 1], true) : null;
        }
        var scan = new ScanOnce(_answerScanner, text);
        if (MatchScanned(question, text, scan) is { } matched)
        {
            if (NamesOthers(matched, scan))
            {
                return null;
            }
            // The first words of exactly one label name it as a tap would; the lexicon's words or a typo are only
            // understood ("to grab food after practice" is not "school business" because it says "practice").
            var words = answer.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return new TypedAnswer(matched, StartsWithWords(Simplify(matched.Label), words));
        }
        // Words for two of the question's values ("a boy in my class, and his mom"): two answers, so none; shared words
        // with a label must not pick one of them.
        var claims = scan.Value.Claims.Where(c => c.FactId == question.Fact.Id && !scan.Value.Negated.Contains(c)).ToList();
        var named = (claims.Any(c => !c.Weak) ? claims.Where(c => !c.Weak) : claims).Select(c => c.ValueId).Distinct(StringComparer.Ordinal).Count();
        if (named >= 2)
        {
            return null;
        }
        return SharedWords(question, text) is { } shared && !NamesOthers(shared, scan) ? new TypedAnswer(shared, false) : null;
    }

    /// <summary>
    /// The values a typed answer gives the fact asked for different people or things, in the order written, when it
    /// gives more than one: "a student in my 7th grade class, and her father" → [A current student, Not a student];
    /// "my niece, and her best friend who is also my student" → [close relative, A current student]. An exception named
    /// beside others with no word for them gives null for the others (their value is asked again). Empty when the
    /// answer gives one value or none, when one value overrides the other ("my grandson; I'm his legal guardian"), when
    /// the policy names one value for the pair (school and personal → mixed), or when a plain mention only describes the
    /// person a specific word names ("my nephew, a student here").
    /// </summary>
    /// <param name="question">The question card the answer replies to.</param>
    /// <param name="text">The typed answer, as written.</param>
    public IReadOnlyList<FactValue?> ReadAnswerParts(Question question, string text)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var scan = _answerScanner.Run(text);
        var factId = question.Fact.Id;
        var claims = scan.Claims.Where(c => c.FactId == factId && !scan.Negated.Contains(c)).OrderBy(c => c.Start).ToList();
        // Words inside a longer cue of the same fact are that cue's ("the mother of a 5th grader" is one parent, not a
        // parent and a student), as in a message.
        claims = claims.Where(c => !claims.Any(o => o.Length > c.Length && o.Contains(c))).ToList();
        // Several people named in the plural beside an exception are others too ("my granddaughter (I'm her legal guardian)
        // and the robotics team members"): a group is never the exception's one person.
        var plural = claims.Any(c => !c.Weak && OpensException(factId, c.ValueId))
            ? claims.Where(c => PluralPeople().IsMatch(text.AsSpan(c.Start, c.Length))).Select(c => c.ValueId).ToHashSet(StringComparer.Ordinal)
            : [];
        var others = PointsAtOthers(scan);
        // A plain mention beside a specific word describes the same person, unless the answer points at others.
        var specific = claims.Any(c => !c.Weak);
        var values = claims.Where(c => !specific || others || !c.Weak).Select(c => c.ValueId).Distinct(StringComparer.Ordinal).ToList();
        if (!others)
        {
            // One person: a value that overrides another describes them ("my grandson; I'm his legal guardian"), but for people
            // named in the plural, who are others.
            values = values.Where(v => plural.Contains(v) || !values.Any(o => o != v && !plural.Contains(o) && Beats(factId, o, v, answer: true))).ToList();
        }
        if (values.Count >= 2 && Lexicon.Combinations.Any(k => k.Gives is not null && k.Covers(factId, values)))
        {
            return [];
        }
        var choices = values.Select(v => question.Choices.FirstOrDefault(c => c.Id == v)).ToList();
        if (choices.Any(c => c is null))
        {
            return [];
        }
        if (choices.Count == 1 && others && choices[0]!.Confirm)
        {
            return [choices[0], null];
        }
        return choices.Count >= 2 ? choices : [];
    }

    /// <summary>
    /// For one part of a message that asked about several things: the value an answer written for all the parts at once
    /// gives this part ("Twitter during my prep; the post that evening" asked when, for the part about checking Twitter).
    /// The answer is cut where the writer separated it (semicolons, sentences); a piece is this part's when it says
    /// nothing against the part's facts (another activity or way of contacting) and, of the pieces that answer, it alone
    /// shares the most with them — the same fact values, or words of their labels ("the friend request is just social"
    /// for accepting a friend request). A piece naming the value the part before took for this fact is that part's ("my
    /// nephew, I'm his guardian; his best friend, a 5th grader" asked for the friend's part). Commas do not separate
    /// pieces: they describe one person as often as they list two ("my own son, he's a sophomore"). Null when no piece,
    /// or more than one, fits.
    /// </summary>
    /// <param name="question">The question card the answer replies to.</param>
    /// <param name="text">The typed answer, as written.</param>
    /// <param name="partFacts">What this part is taken to be (fact id → value id).</param>
    /// <param name="taken">The value the part before this one took for the fact asked, or null.</param>
    /// <param name="before">What the part before this one was taken to be (fact id → value id), or null. A piece sharing
    /// more words with its labels than with this part's ("the principal asked me to run the school account" after the part
    /// about the school's account) is that part's, not this one's.</param>
    public FactValue? AnswerForPart(Question question, string text, IReadOnlyDictionary<string, string> partFacts, string? taken = null,
        IReadOnlyDictionary<string, string>? before = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(partFacts);
        var pieces = AnswerPieces().Split(text ?? "").Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (pieces.Count < 2)
        {
            return null;
        }
        var labelWords = LabelWordsOf(partFacts, question.Fact.Id);
        var beforeWords = before is null ? [] : LabelWordsOf(before, question.Fact.Id);
        var fitting = new List<(FactValue Value, int Score)>();
        var answering = 0;
        foreach (var piece in pieces)
        {
            if (ReadAnswer(question, piece)?.Value is not { } value)
            {
                continue;
            }
            answering++;
            var scan = _scanner.Run(piece);
            if (taken is not null && (value.Id == taken || scan.Claims.Any(c => c.FactId == question.Fact.Id && c.ValueId == taken && !scan.Negated.Contains(c))))
            {
                continue;   // the part before's own piece
            }
            var claims = scan.Claims.Where(c => c.FactId is not null && c.FactId != question.Fact.Id && !scan.Negated.Contains(c)).ToList();
            var against = claims.Any(c => partFacts.TryGetValue(c.FactId!, out var v) && v != c.ValueId
                && !claims.Any(o => o.FactId == c.FactId && o.ValueId == v) && (c.FactId == Lexicon.Activities.FactId || !c.Weak));
            if (against)
            {
                continue;
            }
            var words = ContentWords(Simplify(piece));
            var score = claims.Count(c => partFacts.TryGetValue(c.FactId!, out var v) && v == c.ValueId && c.FactId != Lexicon.Activities.FactId)
                        + words.Count(labelWords.Contains) - words.Count(beforeWords.Contains);
            fitting.Add((value, score));
        }
        if (answering < 2)
        {
            return null;   // one answer with a remark beside it ("the mother of a kindergartner; the child isn't involved")
        }
        if (fitting.Count == 1)
        {
            return fitting[0].Value;
        }
        var best = fitting.OrderByDescending(f => f.Score).ToList();
        return best.Count >= 2 && best[0].Score > best[1].Score ? best[0].Value : null;
    }

    /// <summary>The content words of the labels of a part's facts, but the fact asked.</summary>
    private HashSet<string> LabelWordsOf(IReadOnlyDictionary<string, string> facts, string asked) =>
        ContentWords(Simplify(string.Join(" ", facts.Where(f => f.Key != asked).Select(f => Policy.FindFact(f.Key)?.FindValue(f.Value)?.Label ?? ""))));

    /// <summary>Where a writer separates answers for several things: semicolons and sentence ends.</summary>
    [GeneratedRegex(@"[;]|(?<=[.!?])\s+")]
    private static partial Regex AnswerPieces();

    /// <summary>"my niece, and her friend too": an exception for one of several people answers for none of them.</summary>
    private static bool NamesOthers(FactValue value, ScanOnce scan) => value.Confirm && PointsAtOthers(scan.Value);

    /// <summary>True when the words point to more people than the one named ("both", "her friend too").</summary>
    private static bool PointsAtOthers(Scan scan) => scan.Claims.Any(c => c.FactId is null && c.ValueId == OthersGroup);

    /// <summary>
    /// True when the only words pointing at others are "both" ("both of them") and the exceptions name two people or more
    /// themselves ("my daughter … and my son … can I text them both?"): the two are the ones named, no one else.
    /// </summary>
    private bool BothAreNamed(string text, Scan scan, string factId, Func<int, int> stretchOf)
    {
        var exceptions = scan.Claims.Where(c => c.FactId == factId && !c.Weak && !scan.Negated.Contains(c) && OpensException(factId, c.ValueId)).ToList();
        // "Also" in the stretch of an exception adds that person ("and I'm also the legal guardian of my foster son"), no one else.
        // ("Also" joins stretches, so it belongs to the one it opens.)
        bool AddsANamedOne(Claim c) => AlsoWords.Contains(text[c.Start..c.End])
            && (stretchOf(c.Start) is >= 0 and var at ? at : stretchOf(c.End)) is var said
            && exceptions.Any(e => stretchOf(e.Start) == said);
        // Two exceptions whose words touch name one person ("I'm the legal guardian of my granddaughter": the guardianship's
        // words end where the granddaughter's begin), not two; one exception's words may name two relatives ("my husband's
        // nephew and niece").
        var people = 0;
        var end = -2;   // before any position, so the first exception always counts
        foreach (var e in exceptions.OrderBy(e => e.Start))
        {
            people += e.Start > end + 1 ? 1 : 0;
            end = Math.Max(end, e.End);
        }
        return (people >= 2 || exceptions.Any(e => RelativeListedAfter().IsMatch(text.AsSpan(e.End))))
            && scan.Claims.Where(c => c.FactId is null && c.ValueId == OthersGroup)
                .All(c => IsBothWord(text, c) || AddsANamedOne(c));
    }

    /// <summary>Just after a relative named as one's own, a second relative listed with them: "my husband's nephew and niece".</summary>
    [GeneratedRegex(@"^\s+(?:and|&|or)\s+(?:(?:his|her|their|my|our)\s+)?(?:son|daughter|nephew|niece|grandson|granddaughter|grandchild|brother|sister|cousin|stepson|stepdaughter)s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeListedAfter();

    /// <summary>Words that add one more to what is named ("also", "too", "as well").</summary>
    private static readonly HashSet<string> AlsoWords = new(StringComparer.OrdinalIgnoreCase) { "also", "too", "as well" };

    /// <summary>True when the value is one the person confirms before a go-ahead rests on it: an exception ("my niece").</summary>
    private bool OpensException(string factId, string valueId) => Policy.Fact(factId).FindValue(valueId)?.Confirm == true;

    /// <summary>Whether the claim's words are one of <see cref="BothWords"/> ("both of them").</summary>
    private static bool IsBothWord(string text, Claim claim) => BothWords.Contains(text[claim.Start..claim.End]);

    /// <summary>Words that point at the people already named, two of them, and no one else.</summary>
    private static readonly HashSet<string> BothWords = new(StringComparer.OrdinalIgnoreCase) { "both", "both of them", "them both", "the two of them" };

    /// <summary>True when two cues are listed side by side: "and", "&amp;", "or", "plus" or a comma between them, nothing else.</summary>
    private static bool ListedWith(string text, Cue a, Cue b)
    {
        var (first, second) = a.Start < b.Start ? (a, b) : (b, a);
        var between = first.Start + first.Length;
        return between <= second.Start && ListSeparator().IsMatch(text.AsSpan(between, second.Start - between));
    }

    [GeneratedRegex(@"^\s*(?:,\s*(?:(?:and|&|or|plus)\s+)?|(?:and|&|or|plus)\s+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();

    /// <summary>A typed answer's scan, run when first needed and then shared by the checks that read it.</summary>
    private sealed class ScanOnce(Scanner scanner, string text)
    {
        private Scan? _scan;

        public Scan Value => _scan ??= scanner.Run(text);
    }

    /// <summary>
    /// The one choice whose label, description and answer words (the lexicon's <c>answer-words:</c>) share the most
    /// content words with the answer's words not negated (<see cref="UnnegatedWords"/>), or null.
    /// </summary>
    private FactValue? SharedWords(Question question, string text)
    {
        var words = UnnegatedWords(text);
        if (words.Count == 0)
        {
            return null;
        }
        // A choice that says "no …" or "not …" is never reached by the words of its label: "approved, the principal is
        // an administrator" shares "administrator" with "No district administrator" and means the opposite. Nor is a
        // value that opens an exception or an approval. Such a choice is reached by the lexicon's answer words only
        // ("my vegetable garden" → "Nothing from or about school"), which are chosen for it; what they give is
        // understood, and confirmed before any go-ahead verdict like everything understood.
        var scored = question.Choices
            .Select(c => (Choice: c, Score: (c.Confirm || Simplify(c.Label).Split(' ').Any(Negations.Contains) ? [] : LabelWords(c))
                .Union(AnswerWordsOf(question.Fact.Id, c.Id))
                .Count(words.Contains)))
            .OrderByDescending(s => s.Score)
            .ToList();
        if (scored.Count == 0 || scored[0].Score == 0)
        {
            return null;
        }
        // A tie between choices every rule treats alike ("picture day info for the yearbook": teaching or school business)
        // leaves nothing the verdict needs open: the first of them, understood like any answer read from words.
        var best = scored.Where(s => s.Score == scored[0].Score).Select(s => s.Choice).ToList();
        return best.Count == 1 || best.Skip(1).All(c => AlikeInEveryRule(question.Fact.Id, best[0].Id, c.Id))
            ? question.Choices.First(best.Contains)
            : null;
    }

    /// <summary>
    /// True when no rule tells the two values of the fact apart: every rule that names the fact accepts both or neither
    /// (the Stevensville policy's teaching and school business). Computed from the policy's rules.
    /// </summary>
    private bool AlikeInEveryRule(string factId, string a, string b) =>
        Policy.Rules.All(r => !r.When.TryGetValue(factId, out var accepted) || accepted.Contains(a) == accepted.Contains(b));

    /// <summary>
    /// The content words of a typed answer, less every clause a negation word is in, from the negation on: "just checking
    /// in, nothing urgent" gives "checking" (and no emergency); "not for myself but for a lesson" gives "lesson". A clause
    /// ends at punctuation or a word that turns to what is meant ("but", "just", "only", "instead", "rather").
    /// </summary>
    private static HashSet<string> UnnegatedWords(string text)
    {
        var kept = new List<string>();
        foreach (var clause in ClauseBreak().Split(text))
        {
            kept.AddRange(Simplify(clause).Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => !Negations.Contains(w)));
        }
        return ContentWords(string.Join(' ', kept));
    }

    [GeneratedRegex(@"[,.;:!?()\n]|\b(?:but|just|only|instead|rather)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();

    private static HashSet<string> LabelWords(FactValue choice) => ContentWords(Simplify(choice.Label + " " + choice.Description));

    /// <summary>The lexicon's answer words for a choice, folded as <see cref="ContentWords"/> folds an answer's.</summary>
    private HashSet<string> AnswerWordsOf(string factId, string valueId) =>
        Lexicon.AnswerWords.TryGetValue((factId, valueId), out var words) ? ContentWords(string.Join(' ', words)) : [];

    private static HashSet<string> ContentWords(string simplified) =>
        simplified.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length > 4 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : w)
            .Where(w => w.Length >= 3 && !StopWords.Contains(w))
            .ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal) { "not", "no", "never", "nothing", "none", "nobody", "noone", "without", "don't", "dont", "isn't", "isnt", "non" };

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "from", "that", "this", "they", "them", "their", "his", "her", "him", "she", "you", "your", "our",
        "are", "was", "were", "will", "would", "can", "could", "just", "about", "into", "onto", "what", "who", "how", "other", "any",
        "all", "some", "one", "also", "only", "like", "want", "wants", "get", "got", "have", "has", "had", "its", "it's", "i'm", "i've",
        "mine", "myself", "there", "here", "very", "really", "more", "most", "such", "else", "something", "anything", "someone",
    };

    /// <summary>The choice the lexicon's words for the asked fact (or a fact implying it) give, or null.</summary>
    private FactValue? LexiconAnswer(Question question, string text, Scan scan)
    {
        var choices = question.Choices;
        // The lexicon's words for this fact, or for a fact that implies it ("texting" → contact).
        var cues = new List<Cue>();
        foreach (var claim in scan.Claims.Where(c => c.FactId is not null && !scan.Negated.Contains(c)))
        {
            var cue = claim.ToCue(text);
            if (cue.FactId == question.Fact.Id)
            {
                cues.Add(cue);
            }
            else if (Policy.Fact(cue.FactId).Implies.TryGetValue(question.Fact.Id, out var implied)
                && !cue.Origin.StartsWith(LexiconEntry.AnswerPrefix, StringComparison.Ordinal))   // another question's answer words
            {
                cues.Add(cue with { FactId = question.Fact.Id, ValueId = implied, Weak = true });
            }
        }
        if (cues.Count == 0)
        {
            return null;
        }
        var (value, _, _) = Resolve(question.Fact.Id, cues, answer: true);
        // The same value also denied ("approved … my co-admin isn't approved"): the answer says both, so it says neither.
        if (value is not null && scan.Claims.Any(c => c.FactId == question.Fact.Id && c.ValueId == value && scan.Negated.Contains(c)))
        {
            return null;
        }
        return value is null ? null : choices.FirstOrDefault(c => c.Id == value);
    }

    /// <summary>True for a cue in the possessive, the mark in its words or right after them: "student's", "my students'".</summary>
    private static bool Possessive(Cue cue, string text)
    {
        // Normalized as the scanner reads it, so a typographic apostrophe is the plain one.
        var own = Words.Normalize(cue.Text);
        var end = cue.Start + cue.Length;
        var next = end < text.Length ? Words.Normalize(text[end..(end + 1)]) : "";
        return own.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || own.EndsWith('\'') || next == "'";
    }

    private string? ActivityOf(Cue cue)
    {
        var factId = Lexicon.Activities.FactId;
        return cue.FactId == factId ? cue.ValueId : Policy.Fact(cue.FactId).Implies.GetValueOrDefault(factId);
    }

    /// <summary>
    /// The activity the cues establish: strong anchors decide (the lexicon's precedence when they
    /// disagree); without any, weak anchors do; without those, none.
    /// </summary>
    private (string? Activity, List<Cue> Anchors) Activity(List<Cue> cues, string text)
    {
        var settings = Lexicon.Activities;
        var anchored = cues.Where(c => ActivityOf(c) is not null).ToList();
        var strong = anchored.Where(c => settings.StrongAnchors.Contains(c.FactId) && !c.Weak).ToList();
        var weak = anchored.Where(c => settings.WeakAnchors.Contains(c.FactId) || (settings.StrongAnchors.Contains(c.FactId) && c.Weak)).ToList();
        // Among weak anchors, a plain mention in the possessive names whose something is, not someone contacted: "ask for
        // advice about one student's seizure plan" is about what is shared. It gives way to any other weak anchor.
        var owners = weak.Where(c => c.Weak && Possessive(c, text)).ToList();
        var anchors = strong.Count > 0 ? strong : owners.Count > 0 && owners.Count < weak.Count ? weak.Except(owners).ToList() : weak;
        // A decisive value (confidential material) names its activity whenever a strong anchor names it too.
        var decisive = cues.Where(c => settings.Decisive.Contains((c.FactId, c.ValueId))).Select(ActivityOf)
            .FirstOrDefault(a => a is not null && strong.Any(c => ActivityOf(c) == a));
        if (decisive is not null)
        {
            return (decisive, strong.Where(c => ActivityOf(c) == decisive).ToList());
        }
        var activity = settings.Precedence.FirstOrDefault(a => anchors.Any(c => ActivityOf(c) == a));
        return (activity, anchors.Where(c => ActivityOf(c) == activity).ToList());
    }

    /// <summary>One fact's cues → one value, or none (with the cues set aside and why).</summary>
    private (string? Value, List<Cue> Used, List<SetAsideCue> Aside) Resolve(string factId, List<Cue> cues, bool answer = false)
    {
        var aside = new List<SetAsideCue>();
        var live = cues;

        // Plain mentions give way to any specific cue of the same fact.
        var specific = live.Where(c => !c.Weak).Select(c => c.ValueId).ToHashSet(StringComparer.Ordinal);
        if (specific.Count > 0)
        {
            aside.AddRange(live.Where(c => c.Weak && !specific.Contains(c.ValueId)).Select(c => new SetAsideCue(c, SetAsideReason.Outweighed)));
            live = live.Where(c => !c.Weak || specific.Contains(c.ValueId)).ToList();
        }

        // The lexicon's overrides: a value that wins over another when both are cued.
        var present = live.Select(c => c.ValueId).ToHashSet(StringComparer.Ordinal);
        var overridden = present.Where(v => present.Any(o => o != v && Beats(factId, o, v, answer))).ToHashSet(StringComparer.Ordinal);
        aside.AddRange(live.Where(c => overridden.Contains(c.ValueId)).Select(c => new SetAsideCue(c, SetAsideReason.Overridden)));
        live = live.Where(c => !overridden.Contains(c.ValueId)).ToList();

        var values = live.Select(c => c.ValueId).Distinct(StringComparer.Ordinal).ToList();
        if (values.Count == 1)
        {
            return (values[0], live, aside);
        }
        if (values.Count > 1)
        {
            // The one combination the policy names a value for (school AND personal purposes → mixed).
            var combination = Lexicon.Combinations.FirstOrDefault(k => k.Gives is not null && (answer || !k.AnswersOnly) && k.Covers(factId, values));
            if (combination is not null)
            {
                return (combination.Gives, live, aside);
            }
            aside.AddRange(live.Select(c => new SetAsideCue(c, SetAsideReason.Conflict)));
        }
        return (null, [], aside);
    }

    /// <summary>
    /// True when the lexicon says one value of a fact describes the same person or thing as another and wins over it, in a
    /// typed answer: a legal guardianship over a relative ("my niece … I'm her legal guardian" is one person, in legal care).
    /// </summary>
    /// <param name="factId">The fact, e.g. "relationship".</param>
    /// <param name="winner">The value that wins, e.g. "legal".</param>
    /// <param name="loser">The value it wins over, e.g. "close-family".</param>
    public bool Overrides(string factId, string winner, string loser) => Beats(factId, winner, loser, answer: true);

    /// <summary>True when value <paramref name="winner"/> of the fact overrides <paramref name="loser"/> (in an answer, the answers section's overrides too).</summary>
    private bool Beats(string factId, string winner, string loser, bool answer) =>
        (_overrides.TryGetValue((factId, winner), out var beats) && beats.Contains(loser))
        || (answer && _answerOverrides.TryGetValue((factId, winner), out var answerBeats) && answerBeats.Contains(loser));

    /// <summary>Facts that no rule compatible with all the facts (and what they imply) mentions.</summary>
    private List<string> Irrelevant(Dictionary<string, string> facts)
    {
        var known = new Dictionary<string, string>(facts, StringComparer.Ordinal);
        bool added;
        do
        {
            added = false;
            foreach (var (factId, _) in known.ToList())
            {
                foreach (var (implied, value) in Policy.Fact(factId).Implies)
                {
                    added |= known.TryAdd(implied, value);
                }
            }
        }
        while (added);
        // The facts no compatible rule mentions; none when no rule is compatible. Plain loops (read on every reading, of
        // every part): the facts a compatible rule mentions are struck off, and the search stops when none is left.
        var unmentioned = new HashSet<string>(facts.Keys, StringComparer.Ordinal);
        var anyCompatible = false;
        foreach (var rule in Policy.Rules)
        {
            if (!Compatible(rule.When, known))
            {
                continue;
            }
            anyCompatible = true;
            foreach (var factId in rule.When.Keys)
            {
                unmentioned.Remove(factId);
            }
            if (unmentioned.Count == 0)
            {
                return [];
            }
        }
        return anyCompatible ? facts.Keys.Where(unmentioned.Contains).ToList() : [];
    }

    /// <summary>True when each condition's fact is unknown or has one of the condition's values.</summary>
    private static bool Compatible(IReadOnlyDictionary<string, IReadOnlySet<string>> when, Dictionary<string, string> known)
    {
        foreach (var (factId, values) in when)
        {
            if (known.TryGetValue(factId, out var value) && !values.Contains(value))
            {
                return false;
            }
        }
        return true;
    }

    private int? ChoiceNumber(string answer)
    {
        var digits = ChoiceDigits().Match(answer);
        if (digits.Success)
        {
            return int.Parse(digits.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        var words = answer.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var core = words.Where(w => !FillerWords.Contains(w)).ToList();
        var rest = string.Join(' ', core.Count > 0 ? core : words.ToList());
        if (rest.Length == 0 || rest.Split(' ').Length > 2)
        {
            return null;
        }
        foreach (var (start, end, value) in _recognizers.Numbers(rest))
        {
            if (start == 0 && end == rest.Length)
            {
                return value;
            }
        }
        return null;
    }

    private static bool StartsWithWords(string label, string[] words)
    {
        var labelWords = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= labelWords.Length && words.Select((w, i) => labelWords[i] == w).All(x => x);
    }

    /// <summary>Lower case, typographic quotes and dashes made plain, punctuation to spaces, spaces collapsed.</summary>
    private static string Simplify(string text) =>
        Spaces().Replace(Punctuation().Replace(Words.Normalize(text).ToLowerInvariant(), " "), " ").Trim();

    [GeneratedRegex(@"^(?:(?:option|choice|number|no|#)\s*)?(\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex ChoiceDigits();

    [GeneratedRegex(@"[^\p{L}\p{N}'\-#]+", RegexOptions.CultureInvariant)]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}

/// <summary>A typed answer read against a question card's choices.</summary>
/// <param name="Value">The choice.</param>
/// <param name="Picked">True when the text names the choice as a tap would (its label, number or first words); false
/// when it was read from other words, to be confirmed like any understood fact.</param>
public sealed record TypedAnswer(FactValue Value, bool Picked);
