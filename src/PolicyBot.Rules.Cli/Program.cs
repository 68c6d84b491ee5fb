using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Loading;
using PolicyBot.Rules.Model;

// policybot-rules: a reviewer's window on a policy file.
//   tree  [policy.yaml]                 every path of the dialog derived from the rules
//   check  policy.yaml                  load and validate a policy file; prints the first problem
//   eval  [--policy file] fact=value…   the verdict or the next question for these facts
const string Usage = """
    usage: policybot-rules tree [policy.yaml]
           policybot-rules check <policy.yaml>
           policybot-rules eval [--policy policy.yaml] fact=value ...
    Without a file, the embedded Stevensville policy is used.
    """;

try
{
    return args switch
    {
        ["tree"] => Tree(PolicyLoader.LoadEmbedded()),
        ["tree", var file] => Tree(PolicyLoader.LoadFile(file)),
        ["check", var file] => Check(PolicyLoader.LoadFile(file)),
        ["eval", "--policy", var file, .. var facts] => Eval(PolicyLoader.LoadFile(file), facts),
        ["eval", .. var facts] => Eval(PolicyLoader.LoadEmbedded(), facts),
        _ => Fail(Usage),
    };
}
catch (PolicyLoadException e)
{
    return Fail(e.Message);
}
catch (ArgumentException e)
{
    return Fail(e.Message);
}

static int Tree(Policy policy)
{
    var m = policy.Metadata;
    Console.WriteLine($"{m.District}: {m.Title} (adopted {m.Adopted:yyyy-MM-dd}, revised {m.Revised:yyyy-MM-dd})");
    Console.WriteLine($"{policy.Rules.Count} rules, {policy.Facts.Count} facts, {policy.Clauses.Count} clauses");
    Console.WriteLine();
    var tree = DialogTree.Build(policy);
    tree.Print(Console.Out);
    Console.WriteLine();
    Console.WriteLine($"{tree.Leaves().Count()} paths.");
    Console.WriteLine();
    Console.WriteLine("Clauses:");
    foreach (var clause in policy.Clauses)
    {
        Console.WriteLine($"  [{clause.Id}] {clause.Heading}: {clause.Text}");
    }
    return 0;
}

static int Check(Policy policy)
{
    Console.WriteLine($"OK: {policy.Metadata.Title}: {policy.Rules.Count} rules over {policy.Facts.Count} facts, {policy.Clauses.Count} clauses quoted verbatim.");
    return 0;
}

static int Eval(Policy policy, string[] pairs)
{
    var known = new Dictionary<string, string>();
    foreach (var pair in pairs)
    {
        var parts = pair.Split('=', 2);
        if (parts.Length != 2)
        {
            return Fail($"'{pair}' is not fact=value.");
        }
        known[parts[0]] = parts[1];
    }
    var result = new PolicyEvaluator(policy).Evaluate(known);
    if (result.Verdict is { } v)
    {
        Console.WriteLine($"{v.Kind.Words()}: {v.Answer}");
        Console.WriteLine($"  why: {v.Reason}");
        foreach (var c in v.Clauses)
        {
            Console.WriteLine($"  [{c.Id}] \"{c.Text}\"");
        }
        foreach (var c in v.Conditions)
        {
            Console.WriteLine($"  condition: {c}");
        }
        if (v.Instead is not null) Console.WriteLine($"  instead: {v.Instead}");
        if (v.Ambiguity is not null) Console.WriteLine($"  unclear: {v.Ambiguity}");
    }
    else if (result.Question is { } q)
    {
        Console.WriteLine($"{q.Fact.Question} [{q.Fact.Id}]");
        foreach (var choice in q.Choices)
        {
            Console.WriteLine($"  {q.Fact.Id}={choice.Id}  ({choice.Label})");
        }
    }
    return 0;
}

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
