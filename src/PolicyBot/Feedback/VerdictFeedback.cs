using System.Globalization;
using PolicyBot.Cards;
using PolicyBot.Conversation;
using PolicyBot.Reachability;
using PolicyBot.Rules.Model;
using PolicyBot.Storage;

namespace PolicyBot.Feedback;

/// <summary>
/// "Was this right?" on verdict cards, without Bot Framework types: a tap on "Helpful", "Not right" or what was wrong is
/// kept in <see cref="SqliteVerdictFeedbackStore"/> with the verdict, its rule and the situation's facts taken from the
/// person's own <see cref="SituationState.RecentVerdicts"/> (the card only names which verdict), and the person taken
/// from the activity's sender. Never typed text. Request deciders list the "not right" ones with
/// <see cref="ReportAsync"/>, without names.
/// </summary>
public sealed class VerdictFeedback(SqliteVerdictFeedbackStore store, Policy policy, ILogger<VerdictFeedback> logger)
{
    /// <summary>How many "not right" answers the report card lists (the rest are counted).</summary>
    public const int ReportLimit = 20;

    /// <summary>
    /// The key feedback is linked to: <c>user:{tenant}:{aadObjectId}</c> (as the recipient directory keys a person), or
    /// <c>user-id:{channel user id}</c> when the channel gives no Entra object id. Null when the sender is unknown.
    /// </summary>
    /// <param name="tenantId">The activity's tenant id.</param>
    /// <param name="aadObjectId">The sender's Entra object id.</param>
    /// <param name="fromId">The sender's channel id.</param>
    public static string? PersonKey(string? tenantId, string? aadObjectId, string? fromId) =>
        !string.IsNullOrWhiteSpace(aadObjectId) ? RecipientKeys.Person(tenantId, aadObjectId)
        : !string.IsNullOrWhiteSpace(fromId) ? "user-id:" + fromId.Trim()
        : null;

    /// <summary>Handles a feedback tap and returns the replies.</summary>
    /// <param name="submit">A <see cref="CardActions.Feedback"/> submit (its situation, step and value).</param>
    /// <param name="state">The person's situation state in this conversation, as stored (read only).</param>
    /// <param name="personKey">From <see cref="PersonKey"/>; null when the sender is unknown.</param>
    /// <param name="cancellationToken">Cancels the store call.</param>
    public async Task<IReadOnlyList<Reply>> HandleAsync(CardSubmit submit, SituationState state, string? personKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submit);
        ArgumentNullException.ThrowIfNull(state);
        if (personKey is null)
        {
            return [new NoticeReply("Sorry, I can't tell who you are, so I can't keep your feedback. Please try again from Microsoft Teams.")];
        }
        var verdict = state.RecentVerdicts.LastOrDefault(v => v.SituationId == submit.Situation && v.Step == submit.Step);
        if (verdict is null)
        {
            return [new NoticeReply("I no longer have that answer (it is from long ago, or from someone else's question), so I couldn't note your feedback. Tap it on one of my recent answers to you.")];
        }
        var (rating, wrong) = submit.Value switch
        {
            CardActions.FeedbackHelpful => (FeedbackRating.Helpful, (FeedbackWrong?)null),
            CardActions.FeedbackNotRight => (FeedbackRating.NotRight, null),
            CardActions.FeedbackWrongVerdict => (FeedbackRating.NotRight, FeedbackWrong.Verdict),
            CardActions.FeedbackWrongUnderstood => (FeedbackRating.NotRight, FeedbackWrong.Understood),
            CardActions.FeedbackWrongClause => (FeedbackRating.NotRight, FeedbackWrong.Clause),
            _ => (FeedbackRating.NotRight, FeedbackWrong.Other),
        };
        var subject = new FeedbackSubject(verdict.SituationId, policy.Metadata.Id, verdict.RuleId, verdict.Verdict, verdict.Facts, verdict.Understood);
        var change = await store.RecordAsync(personKey, subject, rating, wrong, cancellationToken).ConfigureAwait(false);
        // The rule and verdict only: no person, no text.
        logger.LogInformation("Feedback on rule {RuleId} ({Verdict}): {Rating}{Wrong} ({Change}).",
            verdict.RuleId, verdict.Verdict, rating, wrong is null ? "" : " / " + wrong, change);
        return (rating, wrong, change) switch
        {
            (FeedbackRating.Helpful, _, FeedbackChange.Unchanged) => [new NoticeReply("I had already noted that this answer helped. Thanks!")],
            (FeedbackRating.Helpful, _, _) => [new NoticeReply("Thanks: noted that this answer helped.")],
            (FeedbackRating.NotRight, null, _) => [new FeedbackWrongReply(verdict.SituationId, verdict.Step)],
            (_, _, FeedbackChange.Unchanged) => [new NoticeReply($"I had already noted that {Words(wrong!.Value)} was not right. Thanks!")],
            _ => [new NoticeReply($"Thanks: noted that {Words(wrong!.Value)} was not right. The district's request deciders review these answers. " +
                "If you need a definite answer for your situation, ask your school administration.")],
        };
    }

    /// <summary>The "not right" answers for the report card: newest first, each with its situation in the policy's words.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<FeedbackReportReply> ReportAsync(CancellationToken cancellationToken)
    {
        var (items, total) = await store.ListNotRightAsync(ReportLimit, cancellationToken).ConfigureAwait(false);
        return new FeedbackReportReply([.. items.Select(Item)], total);
    }

    private FeedbackCards.ReportItem Item(StoredFeedback feedback)
    {
        var s = feedback.Subject;
        var kind = VerdictKinds.TryParse(s.Verdict, out var k) ? k.Words() : s.Verdict;
        var lines = new List<(string, string)> { ("What was wrong", feedback.Wrong is { } w ? Capitalized(Words(w)) : "(not said)") };
        foreach (var fact in policy.Facts.Where(f => s.Facts.ContainsKey(f.Id)))
        {
            var value = fact.FindValue(s.Facts[fact.Id]);
            var answer = value?.Label ?? s.Facts[fact.Id];
            lines.Add((fact.Question, s.Understood.Contains(fact.Id) ? answer + " (from their words)" : answer));
        }
        var date = feedback.At.UtcDateTime.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
        return new FeedbackCards.ReportItem($"{date} · {kind} (rule {s.RuleId})", lines);
    }

    private static string Words(FeedbackWrong wrong) => wrong switch
    {
        FeedbackWrong.Verdict => "the verdict",
        FeedbackWrong.Understood => "what I understood",
        FeedbackWrong.Clause => "the clause",
        _ => "something else",
    };

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
