namespace PolicyBot.Rules.Model;

/// <summary>What the policy says about a situation.</summary>
public enum VerdictKind
{
    /// <summary>The policy permits it.</summary>
    Allowed,

    /// <summary>The policy permits it as long as the stated conditions hold.</summary>
    AllowedWithConditions,

    /// <summary>The policy forbids it.</summary>
    Forbidden,

    /// <summary>The policy routes it to the administration, or it cannot be decided without them.</summary>
    NeedsAdministration,

    /// <summary>Outside what the policy regulates.</summary>
    NotCovered,
}

/// <summary>Names of <see cref="VerdictKind"/> as written in policy files and shown to people.</summary>
public static class VerdictKinds
{
    private static readonly (VerdictKind Kind, string Id, string Words)[] Table =
    [
        (VerdictKind.Allowed, "allowed", "Allowed"),
        (VerdictKind.AllowedWithConditions, "allowed-with-conditions", "Allowed with conditions"),
        (VerdictKind.Forbidden, "forbidden", "Forbidden"),
        (VerdictKind.NeedsAdministration, "needs-administration", "Needs administration"),
        (VerdictKind.NotCovered, "not-covered", "Not covered"),
    ];

    /// <summary>The file id of a kind, e.g. <c>allowed-with-conditions</c>.</summary>
    public static string Id(this VerdictKind kind) => Table.Single(t => t.Kind == kind).Id;

    /// <summary>The kind in words for people, e.g. <c>Allowed with conditions</c>.</summary>
    public static string Words(this VerdictKind kind) => Table.Single(t => t.Kind == kind).Words;

    /// <summary>Parses a file id; returns false for anything else.</summary>
    public static bool TryParse(string? id, out VerdictKind kind)
    {
        foreach (var t in Table)
        {
            if (string.Equals(t.Id, id, StringComparison.Ordinal))
            {
                kind = t.Kind;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>All file ids, for error messages.</summary>
    public static IEnumerable<string> AllIds => Table.Select(t => t.Id);

    /// <summary>True for the two kinds that let a staff member go ahead.</summary>
    public static bool IsPermissive(this VerdictKind kind) =>
        kind is VerdictKind.Allowed or VerdictKind.AllowedWithConditions;
}
