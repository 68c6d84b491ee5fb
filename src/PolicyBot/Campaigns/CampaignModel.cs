using System.Security.Cryptography;
using System.Text;
using PolicyBot.Rules.Model;

namespace PolicyBot.Campaigns;

// A campaign: a policy reminder a campaign author sends to staff, a team's members or a channel, optionally asking each
// person to acknowledge it by a deadline, optionally with a scenario check. No Bot Framework types here.

/// <summary>Where a campaign stands.</summary>
public enum CampaignStatus
{
    /// <summary>Composed and previewed, not yet sent or scheduled.</summary>
    Draft,

    /// <summary>Waiting for its send time (a durable timer job).</summary>
    Scheduled,

    /// <summary>Sent (its round queued in the outbox); acknowledgements and nudges may still come.</summary>
    Sent,

    /// <summary>Held by its author: a send or nudge that falls due while paused is held until resumed.</summary>
    Paused,

    /// <summary>Cancelled: nothing more is sent.</summary>
    Cancelled,
}

/// <summary>Who a campaign goes to.</summary>
public enum AudienceKind
{
    /// <summary>Everyone who can be reached in a 1:1 chat.</summary>
    Everyone,

    /// <summary>The members of one team, each in their own 1:1 chat.</summary>
    TeamMembers,

    /// <summary>One post in a channel; whoever taps its button gets the acknowledgement card in their 1:1 chat.</summary>
    Channel,

    /// <summary>Everyone reachable who has not acknowledged the policy's current revision (in any campaign).</summary>
    NotAcknowledgedCurrentRevision,
}

/// <summary>A campaign's audience.</summary>
/// <param name="Kind">Who.</param>
/// <param name="Id">The team's id (<see cref="AudienceKind.TeamMembers"/>) or the channel's recipient key (<see cref="AudienceKind.Channel"/>); else null.</param>
/// <param name="Name">The team or channel name for people, e.g. "Stevensville High" or "Stevensville High › General"; else null.</param>
public sealed record Audience(AudienceKind Kind, string? Id, string? Name)
{
    /// <summary>The audience in words, e.g. "everyone who can be reached".</summary>
    public string Describe() => Kind switch
    {
        AudienceKind.Everyone => "everyone who can be reached",
        AudienceKind.TeamMembers => $"the members of {Name ?? Id} (each in their own chat)",
        AudienceKind.Channel => $"a post in {Name ?? Id}",
        AudienceKind.NotAcknowledgedCurrentRevision => "everyone who has not acknowledged the current revision",
        _ => Kind.ToString(),
    };
}

/// <summary>What a campaign says.</summary>
/// <param name="Title">The card's title, e.g. "Policy reminder: Electronic Resources and Social Networking".</param>
/// <param name="Note">The author's short note (plain text, at most <see cref="CampaignLimits.NoteLength"/> characters); may be empty.</param>
/// <param name="ClauseIds">The clauses quoted verbatim; empty for a summary of the whole policy.</param>
public sealed record CampaignContent(string Title, string Note, IReadOnlyList<string> ClauseIds);

/// <summary>One situation of a scenario check: a leaf of the policy's dialog tree.</summary>
/// <param name="Facts">The path's answers, fact id → value id, in asking order.</param>
/// <param name="RuleId">The deciding rule (for the record).</param>
/// <param name="Verdict">The right verdict.</param>
public sealed record ScenarioSituation(IReadOnlyList<KeyValuePair<string, string>> Facts, string RuleId, VerdictKind Verdict);

/// <summary>A stored campaign.</summary>
/// <param name="Id">Its number (positive).</param>
/// <param name="AuthorAadObjectId">The campaign author who composed it.</param>
/// <param name="AuthorName">Their display name.</param>
/// <param name="CreatedAt">When it was composed (UTC).</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Content">What it says.</param>
/// <param name="Audience">Who it goes to.</param>
/// <param name="AcknowledgementRequired">True to ask each person to acknowledge it.</param>
/// <param name="Deadline">When acknowledgements are due (end of the chosen day in the district's time zone, as UTC); null for none.</param>
/// <param name="Scenarios">The scenario check's situations; empty when not included.</param>
/// <param name="SendAt">When its (next) round is due; null while a draft.</param>
/// <param name="Round">The latest round started (0 before the first send).</param>
/// <param name="Revision">The policy revision it was composed under.</param>
/// <param name="ScheduleJson">A recurring schedule's serialized form, or null for a one-off.</param>
/// <param name="ScheduleDescription">The schedule in words, or null.</param>
public sealed record Campaign(
    long Id,
    string AuthorAadObjectId,
    string? AuthorName,
    DateTimeOffset CreatedAt,
    CampaignStatus Status,
    CampaignContent Content,
    Audience Audience,
    bool AcknowledgementRequired,
    DateTimeOffset? Deadline,
    IReadOnlyList<ScenarioSituation> Scenarios,
    DateTimeOffset? SendAt,
    int Round,
    PolicyRevision Revision,
    string? ScheduleJson = null,
    string? ScheduleDescription = null)
{
    /// <summary>The outbox message id of round <paramref name="round"/>: <c>campaign:{id}:round:{round}</c>.</summary>
    /// <param name="round">The round (1 for the first send).</param>
    public string MessageId(int round) => $"campaign:{Id}:round:{round}";

    /// <summary>The outbox message id of a nudge <paramref name="daysBefore"/> days before round <paramref name="round"/>'s deadline.</summary>
    /// <param name="round">The round.</param>
    /// <param name="daysBefore">Days before the deadline.</param>
    public string NudgeMessageId(int round, int daysBefore) => $"campaign:{Id}:round:{round}:nudge:{daysBefore}";
}

/// <summary>One round of a campaign: one send (a recurring campaign has one per occurrence, each with its own deadline).</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Round">1, 2, …</param>
/// <param name="SentAt">When its messages were queued (UTC).</param>
/// <param name="Deadline">Its acknowledgement deadline, or null.</param>
/// <param name="Revision">The policy revision it asked about.</param>
public sealed record CampaignRound(long CampaignId, int Round, DateTimeOffset SentAt, DateTimeOffset? Deadline, PolicyRevision Revision);

/// <summary>A person a round was meant for.</summary>
/// <param name="RecipientKey">Their 1:1 chat's key (<c>user:{tenant}:{aadObjectId}</c>).</param>
/// <param name="AadObjectId">Their Entra object id.</param>
/// <param name="Name">Their display name, when known.</param>
/// <param name="UnreachableReason">Why they could not be reached when the round was sent (e.g. "not installed"); null when queued.</param>
public sealed record CampaignTarget(string RecipientKey, string AadObjectId, string? Name, string? UnreachableReason);

/// <summary>An acknowledgement: who, when and which revision, recorded once.</summary>
/// <param name="AadObjectId">Who.</param>
/// <param name="Name">Their display name then.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Revision">The revision they acknowledged.</param>
public sealed record Acknowledgement(string AadObjectId, string? Name, DateTimeOffset At, PolicyRevision Revision);

/// <summary>
/// Which text of a policy someone acknowledged: its revision date (<see cref="PolicyMetadata.CurrentSince"/>) and the
/// first 16 hex digits of the SHA-256 of its source text, so an edit of the text without a new date still counts as a
/// new revision.
/// </summary>
/// <param name="Date">The policy's revision date (else its adoption date).</param>
/// <param name="Hash">16 lowercase hex digits of SHA-256 over the source text (UTF-8).</param>
public sealed record PolicyRevision(DateOnly Date, string Hash)
{
    /// <summary>The revision of <paramref name="policy"/> as served.</summary>
    public static PolicyRevision Of(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(policy.SourceText)))[..16];
        return new PolicyRevision(policy.Metadata.CurrentSince, hash);
    }

    /// <summary>E.g. "revised 2019-05-09 (text 3f2a…)".</summary>
    public override string ToString() => $"{Date:yyyy-MM-dd} ({Hash})";
}

/// <summary>Limits on what an author may type.</summary>
public static class CampaignLimits
{
    /// <summary>Longest note, in characters.</summary>
    public const int NoteLength = 600;

    /// <summary>Longest title, in characters.</summary>
    public const int TitleLength = 120;

    /// <summary>Situations in a scenario check.</summary>
    public const int Situations = 3;
}
