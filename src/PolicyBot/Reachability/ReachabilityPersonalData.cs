using System.Globalization;
using PolicyBot.Privacy;
using PolicyBot.Roles;

namespace PolicyBot.Reachability;

/// <summary>
/// The recipient directory's record of a person (name, Entra object id, the Teams address of their personal chat,
/// whether they can be reached) and their administrator roles, as personal data. "Forget me" keeps both: the record is
/// how reminders reach the person until they uninstall the app (which marks it unreachable), and roles are settings
/// the IT administrator keeps.
/// </summary>
public sealed class ReachabilityPersonalData(SqliteRecipientDirectory directory, RoleAssignments roles) : IPersonalData
{
    /// <summary>The heading of the section in "my data".</summary>
    public const string Heading = "How I reach you, and your roles";

    /// <summary>What "forget me" says about the record.</summary>
    public const string KeptReason =
        "Kept: your name, Microsoft Entra object id and the Teams address of your chat with me, so that the district's policy reminders still reach you. " +
        "They stop reaching you when you uninstall PolicyBot (or block it); ask your IT administrator to remove the record after that.";

    /// <inheritdoc />
    public int Order => 20;

    /// <inheritdoc />
    public async Task<PersonalDataSection> DescribeAsync(DataSubject person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var lines = new List<string>();
        if (person.AadObjectId is { } aad)
        {
            var record = await directory.FindAsync(RecipientKeys.Person(person.TenantId, aad), cancellationToken).ConfigureAwait(false);
            lines.Add(record is null
                ? "No record of how to reach you: I have not been installed for you yet."
                : $"Your name as Teams gives it ({record.Name ?? "none"}), your Microsoft Entra object id ({aad}) and the Teams address of your chat with me: " +
                  (record.UnreachableReason is null ? "you can be reached with policy reminders." : $"you cannot be reached at the moment ({record.UnreachableReason})."));
        }
        else
        {
            lines.Add("Teams gave me no Microsoft Entra object id for you, so I keep no record of how to reach you.");
        }
        var held = roles.RolesOf(person.AadObjectId);
        lines.Add(held.IsNone
            ? "Roles: none (set by your IT administrator in my settings, not stored by me)."
            : "Roles (set by your IT administrator in my settings): " + string.Join(" and ", held.Roles.Select(r => r.ToString().ToLower(CultureInfo.InvariantCulture) switch
            {
                "campaignauthor" => "campaign author",
                "requestdecider" => "request decider",
                var other => other,
            })) + ".");
        return new PersonalDataSection(Heading, lines, KeptReason);
    }

    /// <inheritdoc />
    public Task<ForgetResult> ForgetAsync(DataSubject person, CancellationToken cancellationToken) =>
        Task.FromResult(new ForgetResult(Heading, 0, KeptReason));
}
