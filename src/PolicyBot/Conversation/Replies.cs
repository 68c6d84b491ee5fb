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
/// <param name="SoFar">What is known so far, as (question, answer phrase), in the policy's fact order.</param>
/// <param name="SituationId">The situation the card belongs to.</param>
/// <param name="Step">Answers given before this question.</param>
/// <param name="Suggestion">The choice the person's words pointed to, when it needs their confirmation; else null.</param>
public sealed record QuestionReply(Question Question, IReadOnlyList<(string Question, string Answer)> SoFar, string SituationId, int Step, FactValue? Suggestion = null) : Reply;

/// <summary>A verdict card.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="Facts">The facts it rests on, as (question, answer label), in the policy's fact order.</param>
/// <param name="SituationId">The situation decided.</param>
/// <param name="Step">Answers given.</param>
public sealed record VerdictReply(Verdict Verdict, IReadOnlyList<(string Question, string Answer)> Facts, string SituationId, int Step) : Reply;

/// <summary>
/// The safety card: the district's safety guidance (911, the duty to report, the safety contact, 988), sent first when
/// a message says a student may be in danger.
/// </summary>
/// <param name="Categories">What the danger detector found (e.g. <c>suicide</c>, <c>abuse</c>), for the log; never message text.</param>
public sealed record SafetyReply(IReadOnlyList<string> Categories) : Reply;

/// <summary>The error card: something the person did that the bot could not use, with a way on.</summary>
/// <param name="Message">What happened and what to do.</param>
public sealed record ErrorReply(string Message) : Reply;
