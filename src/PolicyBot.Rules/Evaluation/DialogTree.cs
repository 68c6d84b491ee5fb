using PolicyBot.Rules.Model;

namespace PolicyBot.Rules.Evaluation;

/// <summary>
/// Every path the conversation can take, derived from the rules by asking the evaluator from an
/// empty situation and branching on each choice. Used to check a policy is complete and to print
/// the tree for review against the policy text.
/// </summary>
public sealed class DialogTree
{
    private DialogTree(Node root) => Root = root;

    /// <summary>The empty situation's node.</summary>
    public Node Root { get; }

    /// <summary>One step of a path: the fact asked and the answer chosen.</summary>
    public sealed record Step(Fact Fact, FactValue Value);

    /// <summary>A situation along a path.</summary>
    /// <param name="Path">Answers given so far, in order.</param>
    /// <param name="Outcome">The evaluation here: a verdict (leaf), a question (branch), or undecided (a gap in the rules).</param>
    /// <param name="Children">One child per choice of the question; empty at a leaf.</param>
    public sealed record Node(IReadOnlyList<Step> Path, Evaluation? Outcome, IReadOnlyList<Node> Children);

    /// <summary>Builds the tree. Depth is bounded by the number of facts (a known fact is never asked again).</summary>
    public static DialogTree Build(Policy policy)
    {
        var evaluator = new PolicyEvaluator(policy);
        return new DialogTree(Grow(evaluator, []));
    }

    private static Node Grow(PolicyEvaluator evaluator, List<Step> path)
    {
        var known = path.ToDictionary(s => s.Fact.Id, s => s.Value.Id);
        var evaluation = evaluator.Evaluate(known);
        if (evaluation.Question is not { } question)
        {
            return new Node(path, evaluation.IsUndecided ? null : evaluation, []);
        }
        var children = question.Choices
            .Select(choice => Grow(evaluator, [.. path, new Step(question.Fact, choice)]))
            .ToList();
        return new Node(path, evaluation, children);
    }

    /// <summary>Every leaf, depth first in choice order: a verdict, or null outcome where no rule decides.</summary>
    public IEnumerable<Node> Leaves() => LeavesOf(Root);

    private static IEnumerable<Node> LeavesOf(Node node) =>
        node.Children.Count == 0 ? [node] : node.Children.SelectMany(LeavesOf);

    /// <summary>
    /// Writes the tree as indented text: each question, each answer under it, and at each leaf the
    /// verdict, the rule and the clauses it rests on.
    /// </summary>
    public void Print(TextWriter writer)
    {
        Print(writer, Root, "");
    }

    private static void Print(TextWriter writer, Node node, string indent)
    {
        if (node.Outcome?.Question is { } question)
        {
            writer.WriteLine($"{indent}? {question.Fact.Question} [{question.Fact.Id}]");
            foreach (var child in node.Children)
            {
                var step = child.Path[^1];
                if (child.Outcome?.Verdict is { } verdict)
                {
                    writer.WriteLine($"{indent}  - {step.Value.Label} => {Describe(verdict)}");
                }
                else
                {
                    writer.WriteLine($"{indent}  - {step.Value.Label}");
                    Print(writer, child, indent + "      ");
                }
            }
        }
        else if (node.Outcome?.Verdict is { } verdict)
        {
            writer.WriteLine($"{indent}=> {Describe(verdict)}");
        }
        else
        {
            writer.WriteLine($"{indent}=> NO RULE DECIDES THIS");
        }
    }

    private static string Describe(Verdict v) =>
        $"{v.Kind.Words().ToUpperInvariant()} ({v.RuleId}; clauses {string.Join(", ", v.Clauses.Select(c => c.Id))}){(v.Ambiguity is null ? "" : " [ambiguous]")}";
}
