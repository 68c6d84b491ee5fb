using System.Text.RegularExpressions;
using PolicyBot.Hosting;

namespace PolicyBot.Roles;

/// <summary>
/// Who holds which administrator role, read from two settings and checked at start-up.
/// <list type="bullet">
/// <item><description><see cref="SettingsKeys.CampaignAuthors"/>: Microsoft Entra object ids, separated by commas
/// (or semicolons, spaces, new lines), e.g. <c>0f8fad5b-d9cb-469f-a165-70867728950e, 7c9e6679-7425-40de-944b-e07fc1f90ae7</c>.</description></item>
/// <item><description><see cref="SettingsKeys.RequestDeciders"/>: entries separated the same way; an entry is an object
/// id (decides for every school) or <c>objectId@team</c> (decides for that school's team only), where the team is its
/// Microsoft 365 group id (a GUID, shown in the Teams admin center) or its Teams id (<c>19:…@thread.tacv2</c>). List a
/// person once per team, e.g. <c>7c9e6679-…@1b4e28ba-2fa1-11d2-883f-0016d3cca427, 7c9e6679-…@19:abc@thread.tacv2</c>.
/// An entry without a team wins over that person's team entries.</description></item>
/// </list>
/// Object ids compare case-insensitively. Empty settings: nobody holds the role. Immutable and thread-safe; no Bot
/// Framework types.
/// </summary>
public sealed partial class RoleAssignments
{
    private readonly HashSet<Guid> _authors;
    private readonly HashSet<Guid> _decidersEverywhere;
    private readonly Dictionary<Guid, List<string>> _deciderTeams;

    private RoleAssignments(HashSet<Guid> authors, HashSet<Guid> decidersEverywhere, Dictionary<Guid, List<string>> deciderTeams)
    {
        _authors = authors;
        _decidersEverywhere = decidersEverywhere;
        _deciderTeams = deciderTeams;
    }

    /// <summary>Nobody holds a role.</summary>
    public static RoleAssignments Empty { get; } = new([], [], []);

    /// <summary>How many campaign authors are listed.</summary>
    public int CampaignAuthorCount => _authors.Count;

    /// <summary>The campaign authors' object ids, sorted (for the start-up log).</summary>
    public IReadOnlyList<Guid> CampaignAuthorIds => [.. _authors.Order()];

    /// <summary>The request deciders as configured: <c>objectId</c> (every school) or <c>objectId@team</c>, sorted (for the start-up log).</summary>
    public IReadOnlyList<string> RequestDeciderEntries =>
        [.. _decidersEverywhere.Select(d => d.ToString()).Concat(_deciderTeams.Where(t => !_decidersEverywhere.Contains(t.Key)).SelectMany(t => t.Value.Select(team => $"{t.Key}@{team}"))).Order(StringComparer.Ordinal)];

    /// <summary>How many people decide requests (district-wide or for a team).</summary>
    public int RequestDeciderCount => _decidersEverywhere.Union(_deciderTeams.Keys).Count();

    /// <summary>Parses the two settings.</summary>
    /// <param name="campaignAuthors">The <see cref="SettingsKeys.CampaignAuthors"/> value; null or blank for none.</param>
    /// <param name="requestDeciders">The <see cref="SettingsKeys.RequestDeciders"/> value; null or blank for none.</param>
    /// <exception cref="RoleSettingsException">An entry is not in the format above; the message names the setting, the entry and what is wrong.</exception>
    public static RoleAssignments Parse(string? campaignAuthors, string? requestDeciders)
    {
        var problems = new List<string>();
        var authors = new HashSet<Guid>();
        foreach (var (entry, position) in Entries(campaignAuthors))
        {
            var at = entry.IndexOf('@', StringComparison.Ordinal);
            var person = at < 0 ? entry : entry[..at];
            if (ObjectId(person) is not { } id)
            {
                problems.Add($"{SettingsKeys.CampaignAuthors} entry {position} '{entry}': '{person}' {NotAnObjectId}");
            }
            else if (at >= 0)
            {
                problems.Add($"{SettingsKeys.CampaignAuthors} entry {position} '{entry}': campaign authors are not scoped to a team; remove '{entry[at..]}'.");
            }
            else
            {
                authors.Add(id);
            }
        }

        var everywhere = new HashSet<Guid>();
        var teams = new Dictionary<Guid, List<string>>();
        foreach (var (entry, position) in Entries(requestDeciders))
        {
            var at = entry.IndexOf('@', StringComparison.Ordinal);
            var person = at < 0 ? entry : entry[..at];
            if (ObjectId(person) is not { } id)
            {
                problems.Add($"{SettingsKeys.RequestDeciders} entry {position} '{entry}': '{person}' {NotAnObjectId}");
                continue;
            }

            if (at < 0)
            {
                everywhere.Add(id);
                continue;
            }

            var team = entry[(at + 1)..];
            if (!IsTeam(team))
            {
                problems.Add(
                    $"{SettingsKeys.RequestDeciders} entry {position} '{entry}': '{team}' is not a team. After '@' give the team's Microsoft 365 group id " +
                    "(a GUID, in the Teams admin center under Teams > Manage teams) or its Teams id (19:…@thread.tacv2, in the team's link).");
                continue;
            }

            if (!teams.TryGetValue(id, out var list))
            {
                teams[id] = list = [];
            }

            if (!list.Contains(team, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(team);
            }
        }

        if (problems.Count > 0)
        {
            throw new RoleSettingsException(string.Join(Environment.NewLine, problems));
        }

        return new RoleAssignments(authors, everywhere, teams);
    }

    /// <summary>The roles of the person with Entra object id <paramref name="aadObjectId"/>; <see cref="PersonRoles.None"/> for null, blank or unknown ids.</summary>
    /// <param name="aadObjectId">The sender's Entra object id, from the activity (never from card data).</param>
    public PersonRoles RolesOf(string? aadObjectId)
    {
        if (ObjectId(aadObjectId) is not { } id)
        {
            return PersonRoles.None;
        }

        var everywhere = _decidersEverywhere.Contains(id);
        var teams = !everywhere && _deciderTeams.TryGetValue(id, out var list) ? list.ToArray() : [];
        return new PersonRoles(_authors.Contains(id), everywhere, teams);
    }

    private const string NotAnObjectId =
        "is not a Microsoft Entra object id (an e-mail address or user name is not one). Give the user's Object ID, a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e " +
        "(Entra admin center > Users > the user > Object ID; a person can also type 'roles' to PolicyBot to see theirs).";

    private static IEnumerable<(string Entry, int Position)> Entries(string? setting) =>
        (setting ?? "").Split([',', ';', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((entry, i) => (entry, i + 1));

    private static Guid? ObjectId(string? text) =>
        Guid.TryParseExact(text?.Trim(), "D", out var id) && id != Guid.Empty ? id : null;

    private static bool IsTeam(string team) => ObjectId(team) is not null || TeamsThreadId().IsMatch(team);

    [GeneratedRegex(@"^19:[A-Za-z0-9_\-\.]+@thread\.(tacv2|skype)$")]
    private static partial Regex TeamsThreadId();
}

/// <summary>The role settings are not in the documented format (<see cref="RoleAssignments"/>); the message lists every problem, one a line.</summary>
/// <param name="message">What is wrong, naming the setting and the entry.</param>
public sealed class RoleSettingsException(string message) : InvalidOperationException(message);
