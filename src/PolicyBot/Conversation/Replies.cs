using PolicyBot.Cards;
using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Model;

namespace PolicyBot.Conversation;

/// <summary>What the bot says in a turn, before it becomes an activity (a card or a short text).</summary>
public abstract record Reply;

/// <summary>The welcome card: what the bot does, with example questions.</summary>
public sealed record WelcomeReply : Reply;

/// <summary>The help card: commands and how to ask.</summary>
public sealed record HelpReply : Reply;

/// <summary>The policy card: title, district, dates, clauses.</summary>
public sealed record PolicyInfoReply : Reply;

/// <summary>A short plain-text message.</summary>
/// <param name="Text">The message.</param>
public sealed record NoticeReply(string Text) : Reply;

/// <summary>A question card.</summary>
/// <param name="Question">The fact asked and its choices.</param>
/// <param name="Facts">What the situation is so far, known and understood, in the policy's fact order. Answering the
/// question confirms the understood ones.</param>
/// <param name="SituationId">The situation the card belongs to.</param>
/// <param name="Step">Answers given before this question.</param>
public sealed record QuestionReply(Question Question, IReadOnlyList<SituationFact> Facts, string SituationId, int Step) : Reply;

/// <summary>
/// The confirmation card: before a verdict that would let the person go ahead, everything it rests on that was only
/// understood from their words, with one tap to confirm it all and a "Change" for each.
/// </summary>
/// <param name="Understood">The understood facts the verdict would rest on.</param>
/// <param name="SituationId">The situation the card belongs to.</param>
/// <param name="Step">Answers given so far.</param>
/// <param name="Correcting">True when the person asked to change something (no "Yes, that's right" then).</param>
public sealed record ConfirmReply(IReadOnlyList<SituationFact> Understood, string SituationId, int Step, bool Correcting = false) : Reply;

/// <summary>A verdict card.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="Facts">The facts it rests on, known and understood, in the policy's fact order.</param>
/// <param name="SituationId">The situation decided.</param>
/// <param name="Step">Answers given.</param>
public sealed record VerdictReply(Verdict Verdict, IReadOnlyList<SituationFact> Facts, string SituationId, int Step) : Reply;

/// <summary>
/// The safety card: the district's safety guidance (911, the duty to report, the safety contact, 988), sent first when
/// a message says a student may be in danger.
/// </summary>
/// <param name="Categories">What the danger detector found (e.g. <c>suicide</c>, <c>abuse</c>), for the log; never message text.</param>
public sealed record SafetyReply(IReadOnlyList<string> Categories) : Reply;

/// <summary>The error card: something the person did that the bot could not use, with a way on.</summary>
/// <param name="Message">What happened and what to do.</param>
public sealed record ErrorReply(string Message) : Reply;

/// <summary>
/// The "my data" card: what each store keeps about the person and what "forget me" does with it; also the "forget me"
/// confirmation and its result.
/// </summary>
/// <param name="Title">The card's heading.</param>
/// <param name="Intro">The sentence under it.</param>
/// <param name="Sections">One per store.</param>
/// <param name="Buttons">Which buttons the card offers.</param>
public sealed record PersonalDataReply(string Title, string Intro, IReadOnlyList<PrivacyCards.Section> Sections, PrivacyCards.Buttons Buttons) : Reply;
/// <summary>"What was not right?" after "Not right" on a verdict card.</summary>
/// <param name="SituationId">The verdict card's situation.</param>
/// <param name="Step">The verdict card's step.</param>
public sealed record FeedbackWrongReply(string SituationId, int Step) : Reply;

/// <summary>The request deciders' list of "not right" answers (no names).</summary>
/// <param name="Items">The answers shown, newest first.</param>
/// <param name="Total">How many there are in all.</param>
public sealed record FeedbackReportReply(IReadOnlyList<FeedbackCards.ReportItem> Items, int Total) : Reply;
/// <summary>A card built elsewhere (a feature's own cards, e.g. requests to the administration), sent as it is.</summary>
/// <param name="Card">The bound Adaptive Card.</param>
public sealed record CardReply(Newtonsoft.Json.Linq.JObject Card) : Reply;
