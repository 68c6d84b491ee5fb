using System.Text;
using Newtonsoft.Json.Linq;
using PolicyBot.Cards;
using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Loading;
using PolicyBot.Rules.Model;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.TestSupport;
using PolicyBot.Understanding;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Conversation;

/// <summary>What a played dialog came to.</summary>
/// <param name="Got">The headline verdict id (the most restrictive of every part's), <c>off-topic</c> for the plain
/// outside-the-policy reply, or null when no verdict came.</param>
/// <param name="Taps">Every card the person answered: typed answers, confirmations and changes.</param>
/// <param name="Trace">What was asked and done, in order.</param>
/// <param name="Cards">Every card the bot sent.</param>
/// <param name="SafetyCard">True when the bot showed the safety card.</param>
public sealed record PlayedDialog(string? Got, int Taps, string Trace, IReadOnlyList<JObject> Cards, bool SafetyCard);

/// <summary>
/// Plays a staff question against the real bot over HTTP as a person would, from a row of the corpus: the question is
/// typed; a question card is answered by typing the row's line for the fact asked (a card the row has no line for ends
/// the dialog without a verdict); a confirmation card is checked against the row's lines — what the person would say
/// about each understood fact, read as the bot reads a typed answer — and confirmed, or the first wrong fact changed.
/// </summary>
public sealed class CorpusPlayer(TeamsChatClient teams)
{
    /// <summary>The start of the bot's plain reply to a question outside the policy.</summary>
    public const string OffTopicStart = "I answer questions about";

    private static readonly Lazy<(Policy Policy, SituationReader Reader)> Understanding = new(() =>
    {
        var policy = PolicyLoader.LoadEmbedded();
        // The bot's clock (ConversationFixture), zone included, so that a line's "today" reads as the bot reads it.
        return (policy, new SituationReader(policy, new SituationReaderOptions { Clock = SchoolDayClock.Instance }));
    });

    private static readonly List<string> Restrictiveness = ["forbidden", "needs-administration", "allowed-with-conditions", "not-covered", "allowed"];

    private static readonly Dictionary<string, string> KindOfWords = new()
    {
        ["Allowed"] = "allowed",
        ["Allowed with conditions"] = "allowed-with-conditions",
        ["Forbidden"] = "forbidden",
        ["Needs administration"] = "needs-administration",
        ["Not covered"] = "not-covered",
    };

    /// <summary>Plays <paramref name="question"/>, answering from <paramref name="lines"/> (corpus key → line).</summary>
    public async Task<PlayedDialog> PlayAsync(string name, string question, IReadOnlyDictionary<string, string> lines, int maxTaps = 10)
    {
        var chat = TeamsConversation.Personal();
        var person = TeamsUser.Create(name);
        var cards = new List<JObject>();
        var verdicts = new List<string>();
        var trace = new StringBuilder();
        var safety = false;
        var offTopic = false;
        string? lastAsked = null;
        var turn = await teams.SayAsync(chat, person, question);
        for (var taps = 0; ; taps++)
        {
            var turnCards = turn.Activities.Select(CardOf).OfType<JObject>().ToList();
            cards.AddRange(turnCards);
            safety |= turnCards.Any(IsSafetyCard);
            offTopic |= turn.Texts.Any(t => t.StartsWith(OffTopicStart, StringComparison.Ordinal));
            var decided = turnCards.Select(VerdictWords).OfType<string>().Select(w => KindOfWords[w]).ToList();
            verdicts.AddRange(decided);
            var card = turnCards.LastOrDefault(c => !IsSafetyCard(c));
            if (decided.Count > 0 && card is not null && VerdictWords(card) is null)
            {
                // One part decided and the next part's question follows: asking the same fact again is that part's
                // question, not a line the bot failed to read.
                trace.Append($"[{string.Join(",", decided)}] ");
                lastAsked = null;
            }
            if (card is null || VerdictWords(card) is not null)
            {
                var got = verdicts.OrderBy(Restrictiveness.IndexOf).FirstOrDefault() ?? (offTopic ? "off-topic" : null);
                return new PlayedDialog(got, taps, trace.ToString(), cards, safety);
            }
            if (taps >= maxTaps)
            {
                return new PlayedDialog(null, taps, trace + "(too many taps)", cards, safety);
            }
            if (IsConfirmation(card))
            {
                var wrong = UnderstoodOf(card).FirstOrDefault(u => Disagrees(u.Fact, u.Value, lines));
                trace.Append(wrong.Fact is null ? "confirm " : $"change:{wrong.Fact} ");
                turn = await teams.SubmitAsync(chat, person, wrong.Fact is null ? ConfirmData(card) : wrong.Change);
                continue;
            }
            var fact = AskedFact(card);
            if (fact is null)
            {
                return new PlayedDialog(null, taps, trace + $"(neither a question nor a verdict: {TextOf(card)[..Math.Min(80, TextOf(card).Length)]})", cards, safety);
            }
            var line = LineFor(fact, lines);
            if (line is null)
            {
                return new PlayedDialog(null, taps, trace + $"{fact}(no line)", cards, safety);
            }
            if (fact == lastAsked && trace.ToString().EndsWith($"{fact} ", StringComparison.Ordinal))
            {
                return new PlayedDialog(null, taps, trace + $"{fact}(line not understood: \"{line}\")", cards, safety);
            }
            trace.Append(fact).Append(' ');
            lastAsked = fact;
            turn = await teams.SayAsync(chat, person, line);
        }
    }

    /// <summary>The row's line for a fact, by the corpus's keys.</summary>
    public static string? LineFor(string fact, IReadOnlyDictionary<string, string> lines) =>
        UnseenCorpus.KeysForFact.TryGetValue(fact, out var keys) ? keys.Select(k => lines.GetValueOrDefault(k)).FirstOrDefault(l => l is not null) : null;

    /// <summary>
    /// Would the person say the bot got this fact wrong? Their line for it, read as the bot reads a typed answer, gives
    /// another value. No line, a line that names no value, or one that names this value among others, is no objection.
    /// </summary>
    private static bool Disagrees(string factId, string value, IReadOnlyDictionary<string, string> lines)
    {
        var line = LineFor(factId, lines);
        var (policy, reader) = Understanding.Value;
        if (line is null || policy.FindFact(factId) is not { } fact)
        {
            return false;
        }
        var question = new Question(fact, fact.Values);
        var said = reader.MatchAnswer(question, line)?.Id ?? reader.Read(line).Facts.GetValueOrDefault(factId);
        if (said is null || said == value)
        {
            return false;
        }
        // A line naming several people (or several of whatever the fact is) objects to none of them, nor does one
        // answering for several parts of the question, piece by piece ("the email is a project reminder; the friend
        // request is just social", "posting to the library Twitter, and texting students"), nor one that, read as a
        // message, is about two things and this is one of them ("texting students and posting updates while the bus was
        // stuck"). Checked only against a line that gives another value: the readings cost a reader's pass each.
        return !reader.ReadAnswerParts(question, line).Any(v => v?.Id == value)
            && !line.Split([";", ", and ", ", plus ", ", but "], StringSplitOptions.None).Any(piece => reader.ReadAnswer(question, piece)?.Value.Id == value)
            && !(reader.ReadParts(line) is { Count: > 1 } parts && parts.Any(p => p.Facts.GetValueOrDefault(factId) == value))
            && !PostsThroughTheAccount(factId, value, lines, question, reader)
            && !TieSaidElsewhere(factId, value, said, lines, reader);
    }

    /// <summary>
    /// A person named plainly ("who: a junior on my golf team") where the card shows a tie to them (an employment, a family,
    /// a legal tie): no objection when a line of the row, read as a message, says that tie ("why: scheduling his shifts,
    /// I'm his supervisor there"). The writer gave the tie where it fitted their story; a tie no line says is the bot's own,
    /// and the player objects to it.
    /// </summary>
    private static bool TieSaidElsewhere(string factId, string value, string said, IReadOnlyDictionary<string, string> lines, SituationReader reader) =>
        factId == "relationship" && said == "student"
        && lines.Values.Any(line => reader.ReadParts(line).Any(p => p.Facts.GetValueOrDefault(factId) == value));

    /// <summary>
    /// Posting on a class, team or school account is using that account: a writer whose <c>about</c> line says "posting
    /// scores and schedules" and whose <c>account</c> line names the team's account, and only that one ("the team X
    /// account the athletic director set up"), would not object to "a class, team or school account". A line naming two
    /// accounts ("the school page is approved; LinkedIn is my own profile") does not say which part it describes.
    /// </summary>
    private static bool PostsThroughTheAccount(string factId, string value, IReadOnlyDictionary<string, string> lines, Question question, SituationReader reader) =>
        factId == "activity" && value == "school-account" && lines.GetValueOrDefault("account") is { } account
        && account.Split([";", ", and ", " and my ", " and also ", ", also ", ", plus ", ", but "], StringSplitOptions.None).Length == 1
        && (reader.ReadAnswer(question, account)?.Value.Id == value || reader.Read(account).Facts.GetValueOrDefault(factId) == value);

    /// <summary>The district's safety card (shown before anything else when a student may be in danger).</summary>
    public static bool IsSafetyCard(JObject card) => TextOf(card).Contains("safety guidance", StringComparison.OrdinalIgnoreCase);
}
