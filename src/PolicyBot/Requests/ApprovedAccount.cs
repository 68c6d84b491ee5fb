namespace PolicyBot.Requests;

/// <summary>Where a registry entry stands.</summary>
public enum AccountStatus
{
    /// <summary>Approved and in use: the bot counts it as approved.</summary>
    Active,

    /// <summary>Its approval was revoked (with a reason); not approved any more.</summary>
    Revoked,

    /// <summary>Closed down or no longer used; kept for the record, not approved any more.</summary>
    Retired,
}

/// <summary>
/// An entry of the approved accounts registry: an educational social media presence the administration approved. The
/// bot answers "is it approved, with an approved district person as administrator?" from these entries, never from
/// what a person says.
/// </summary>
/// <param name="Id">Positive id.</param>
/// <param name="RequestId">The request that approved it.</param>
/// <param name="Platform">E.g. "Instagram".</param>
/// <param name="Name">The account's name or link (may be empty when the request gave none).</param>
/// <param name="Owner">The staff member who asked for it.</param>
/// <param name="Administrator">The approved district person who administers it.</param>
/// <param name="Conditions">The approval's conditions (may be empty).</param>
/// <param name="ApprovedBy">The request decider who approved it.</param>
/// <param name="ApprovedAt">When (UTC).</param>
/// <param name="ReviewBy">When it should be reviewed again (a year after approval or the last review).</param>
/// <param name="Status">Active, revoked or retired.</param>
/// <param name="StatusNote">Why it was revoked or retired; null while active.</param>
/// <param name="TeamId">The school's team of the request, or null for the district.</param>
public sealed record ApprovedAccount(
    long Id,
    long RequestId,
    string Platform,
    string Name,
    PersonRef Owner,
    PersonRef Administrator,
    string Conditions,
    PersonRef ApprovedBy,
    DateTimeOffset ApprovedAt,
    DateOnly ReviewBy,
    AccountStatus Status,
    string? StatusNote,
    string? TeamId)
{
    /// <summary>How long an approval lasts before its review date.</summary>
    public static readonly TimeSpan ReviewAfter = TimeSpan.FromDays(365);

    /// <summary>"Instagram — @room12news", or the platform alone.</summary>
    public string Title => string.IsNullOrWhiteSpace(Name) ? Platform : $"{Platform} — {Name}";
}
