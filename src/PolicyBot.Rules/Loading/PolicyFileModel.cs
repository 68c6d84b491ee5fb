using YamlDotNet.Core;

namespace PolicyBot.Rules.Loading;

// The policy file as written (YAML), before validation. Every node remembers where it started
// in the file, so the loader's errors can name the line. Shapes are documented in the policy
// file's header comment.

/// <summary>A node that remembers its position in the policy file.</summary>
internal abstract class Located
{
    public Mark Start { get; set; } = Mark.Empty;
}

internal sealed class PolicyFileModel : Located
{
    public HeaderModel? Policy { get; set; }
    public List<ClauseModel>? Clauses { get; set; }
    public List<FactModel>? Facts { get; set; }
    public List<RuleModel>? Rules { get; set; }
    public List<UnaskedModel>? Unasked { get; set; }
}

internal sealed class HeaderModel : Located
{
    public string? Id { get; set; }
    public string? District { get; set; }
    public string? Title { get; set; }
    public string? Source { get; set; }
    public string? Adopted { get; set; }
    public List<string>? Reviewed { get; set; }
    public string? Revised { get; set; }
    public List<string>? CrossReferences { get; set; }
}

internal sealed class ClauseModel : Located
{
    public string? Id { get; set; }
    public string? Heading { get; set; }
    public string? Text { get; set; }
}

internal sealed class FactModel : Located
{
    public string? Id { get; set; }
    public string? Question { get; set; }
    public Dictionary<string, string>? Implies { get; set; }
    public List<ValueModel>? Values { get; set; }
}

internal sealed class ValueModel : Located
{
    public string? Id { get; set; }
    public string? Label { get; set; }
    public string? Phrase { get; set; }
    public string? Description { get; set; }
    public bool Confirm { get; set; }
}

internal sealed class RuleModel : Located
{
    public string? Id { get; set; }

    /// <summary>Fact id → a value id (string) or a list of value ids.</summary>
    public Dictionary<string, object>? When { get; set; }
    public string? Verdict { get; set; }
    public List<string>? Clauses { get; set; }
    public string? Answer { get; set; }
    public string? Reason { get; set; }
    public List<string>? Conditions { get; set; }
    public string? Instead { get; set; }
    public string? Ambiguity { get; set; }
}

internal sealed class UnaskedModel : Located
{
    public Dictionary<string, string>? When { get; set; }
    public List<string>? Clauses { get; set; }
    public string? Why { get; set; }
}
