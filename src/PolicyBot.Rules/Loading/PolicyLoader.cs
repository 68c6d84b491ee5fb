using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using PolicyBot.Rules.Evaluation;
using PolicyBot.Rules.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using YamlDotNet.Serialization.NodeDeserializers;

namespace PolicyBot.Rules.Loading;

/// <summary>
/// Reads a policy file (YAML, shape in the header of <c>Policies/stevensville.policy.yaml</c>) and
/// its source text, and checks everything a served policy must satisfy: known facts and values,
/// verbatim quotes, known clauses, no two rules deciding the same facts, every fact used, and
/// every combination of facts decided. Any failure is one <see cref="PolicyLoadException"/> that
/// names the file, the line and the problem. Thread-safe (stateless).
/// </summary>
public static partial class PolicyLoader
{
    /// <summary>The embedded Stevensville School District policy (the default the bot serves).</summary>
    public const string StevensvilleResource = "stevensville.policy.yaml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithNodeDeserializer(inner => new LocationTrackingNodeDeserializer(inner),
            where => where.InsteadOf<ObjectNodeDeserializer>())
        .Build();

    /// <summary>Loads a policy embedded in this assembly (file name under <c>Policies/</c>), with its embedded source text.</summary>
    /// <exception cref="PolicyLoadException">The file is missing or invalid.</exception>
    public static Policy LoadEmbedded(string fileName = StevensvilleResource) =>
        Load(fileName,
            ReadEmbedded(fileName) ?? throw new PolicyLoadException(fileName, 0, "no such embedded policy."),
            ReadEmbedded);

    /// <summary>Loads a policy file from disk; its <c>source</c> is read relative to the file's folder.</summary>
    /// <exception cref="PolicyLoadException">The file or its source is missing, or the policy is invalid.</exception>
    public static Policy LoadFile(string path)
    {
        var name = Path.GetFileName(path);
        if (!System.IO.File.Exists(path))
        {
            throw new PolicyLoadException(name, 0, $"the policy file '{path}' does not exist.");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Load(name, System.IO.File.ReadAllText(path), source =>
        {
            var sourcePath = Path.Combine(folder, source);
            return System.IO.File.Exists(sourcePath) ? System.IO.File.ReadAllText(sourcePath) : null;
        });
    }

    /// <summary>
    /// Loads a policy from text. <paramref name="readSource"/> returns the source document's text
    /// for the name in the file's <c>policy.source</c>, or null when there is none.
    /// </summary>
    /// <param name="fileName">Name used in error messages.</param>
    /// <param name="yaml">The policy file's content.</param>
    /// <param name="readSource">Source-text lookup by name.</param>
    /// <exception cref="PolicyLoadException">The policy is invalid.</exception>
    public static Policy Load(string fileName, string yaml, Func<string, string?> readSource)
    {
        PolicyFileModel model;
        try
        {
            model = Yaml.Deserialize<PolicyFileModel>(yaml) ?? new PolicyFileModel();
        }
        catch (YamlException e)
        {
            var problem = e.InnerException?.Message ?? e.Message;
            throw new PolicyLoadException(fileName, (int)e.Start.Line, $"not a valid policy file: {problem}", e);
        }
        return new Builder(fileName, model, readSource).Build();
    }

    private static string? ReadEmbedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PolicyBot.Rules.Policies." + name);
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{([a-z0-9-]+)\}")]
    private static partial Regex Placeholder();

    /// <summary>Turns the file model into a <see cref="Policy"/>, failing on the first problem found.</summary>
    private sealed class Builder(string file, PolicyFileModel model, Func<string, string?> readSource)
    {
        private PolicyLoadException Error(Located? at, string problem) => new(file, at is null ? 0 : (int)at.Start.Line, problem);

        private string Required(Located at, string? value, string what) =>
            string.IsNullOrWhiteSpace(value) ? throw Error(at, $"{what} is missing.") : value.Trim();

        public Policy Build()
        {
            var header = model.Policy ?? throw Error(model, "the 'policy' section is missing.");
            var metadata = Metadata(header);
            var sourceName = Required(header, header.Source, "policy.source (the source text's file name)");
            var source = readSource(sourceName) ?? throw Error(header, $"the source text '{sourceName}' was not found.");
            var clauses = Clauses(source, sourceName);
            var facts = Facts();
            var rules = Rules(clauses, facts);
            var policy = new Policy(metadata, source, clauses, facts, rules, Unasked(clauses, facts));
            CheckEveryFactUsed(policy);
            CheckNoOverlaps(policy);
            CheckComplete(policy);
            return policy;
        }

        private PolicyMetadata Metadata(HeaderModel h) => new(
            Required(h, h.Id, "policy.id"),
            Required(h, h.District, "policy.district"),
            Required(h, h.Title, "policy.title"),
            Date(h, Required(h, h.Adopted, "policy.adopted"), "policy.adopted"),
            (h.Reviewed ?? []).Select(d => Date(h, d, "policy.reviewed")).ToList(),
            h.Revised is null ? null : Date(h, h.Revised, "policy.revised"),
            h.CrossReferences ?? []);

        private DateOnly Date(Located at, string text, string what) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw Error(at, $"{what} '{text}' is not a date (yyyy-mm-dd).");

        private List<Clause> Clauses(string source, string sourceName)
        {
            var result = new List<Clause>();
            foreach (var c in model.Clauses ?? throw Error(model, "the 'clauses' section is missing."))
            {
                var id = Required(c, c.Id, "a clause id");
                if (result.Any(r => r.Id == id))
                {
                    throw Error(c, $"clause '{id}' is defined twice.");
                }
                var text = Required(c, c.Text, $"clause '{id}' text");
                if (!source.Contains(text, StringComparison.Ordinal))
                {
                    throw Error(c, $"clause '{id}' text does not occur verbatim in '{sourceName}': {FirstDifference(source, text)}");
                }
                result.Add(new Clause(id, Required(c, c.Heading, $"clause '{id}' heading"), text));
            }
            return result;
        }

        /// <summary>Says where a quote stops matching the source, so the fix is obvious.</summary>
        private static string FirstDifference(string source, string quote)
        {
            var matched = 0;
            while (matched < quote.Length && source.Contains(quote[..(matched + 1)], StringComparison.Ordinal))
            {
                matched++;
            }
            if (matched == 0)
            {
                return "no part of it matches.";
            }
            var tail = quote[Math.Max(0, matched - 30)..matched];
            return $"it matches up to \"…{tail}\" and differs from there on (\"{quote[matched..Math.Min(quote.Length, matched + 30)]}…\").";
        }

        private List<Fact> Facts()
        {
            var result = new List<Fact>();
            foreach (var f in model.Facts ?? throw Error(model, "the 'facts' section is missing."))
            {
                var id = Required(f, f.Id, "a fact id");
                if (result.Any(r => r.Id == id))
                {
                    throw Error(f, $"fact '{id}' is defined twice.");
                }
                var values = new List<FactValue>();
                foreach (var v in f.Values ?? [])
                {
                    var vid = Required(v, v.Id, $"a value id of fact '{id}'");
                    if (values.Any(x => x.Id == vid))
                    {
                        throw Error(v, $"fact '{id}' has the value '{vid}' twice.");
                    }
                    var label = Required(v, v.Label, $"the label of '{id}: {vid}'");
                    values.Add(new FactValue(vid, label, v.Phrase?.Trim() ?? label.ToLowerInvariant(), v.Description?.Trim() ?? "", v.Confirm));
                }
                if (values.Count < 2)
                {
                    throw Error(f, $"fact '{id}' needs at least two values.");
                }
                result.Add(new Fact(id, Required(f, f.Question, $"fact '{id}' question"), values,
                    f.Implies ?? new Dictionary<string, string>()));
            }
            // Implications name facts defined anywhere in the file, so check them once all are known.
            foreach (var (fact, at) in result.Zip(model.Facts!))
            {
                foreach (var (factId, valueId) in fact.Implies)
                {
                    CheckValue(result, at, $"fact '{fact.Id}' implies", factId, valueId);
                }
            }
            return result;
        }

        private void CheckValue(List<Fact> facts, Located at, string who, string factId, string valueId)
        {
            var fact = facts.FirstOrDefault(f => f.Id == factId)
                ?? throw Error(at, $"{who} unknown fact '{factId}' (known facts: {string.Join(", ", facts.Select(f => f.Id))}).");
            if (fact.FindValue(valueId) is null)
            {
                throw Error(at, $"{who} unknown value '{valueId}' of fact '{factId}' (values: {string.Join(", ", fact.Values.Select(v => v.Id))}).");
            }
        }

        private List<Rule> Rules(List<Clause> clauses, List<Fact> facts)
        {
            var result = new List<Rule>();
            foreach (var r in model.Rules ?? throw Error(model, "the 'rules' section is missing."))
            {
                var id = Required(r, r.Id, "a rule id");
                if (result.Any(x => x.Id == id))
                {
                    throw Error(r, $"rule '{id}' is defined twice.");
                }
                if (r.When is not { Count: > 0 })
                {
                    throw Error(r, $"rule '{id}' has no 'when' conditions.");
                }
                var when = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
                foreach (var (factId, raw) in r.When)
                {
                    var valueIds = raw switch
                    {
                        string one => [one],
                        IEnumerable<object> many => many.Select(o => o?.ToString() ?? "").ToList(),
                        _ => throw Error(r, $"rule '{id}': the condition on '{factId}' must be a value or a list of values."),
                    };
                    foreach (var valueId in valueIds)
                    {
                        CheckValue(facts, r, $"rule '{id}' names", factId, valueId);
                    }
                    when[factId] = valueIds.ToHashSet(StringComparer.Ordinal);
                }
                if (!VerdictKinds.TryParse(r.Verdict, out var kind))
                {
                    throw Error(r, $"rule '{id}' has verdict '{r.Verdict}'; expected one of: {string.Join(", ", VerdictKinds.AllIds)}.");
                }
                var clauseIds = r.Clauses ?? [];
                if (clauseIds.Count == 0)
                {
                    throw Error(r, $"rule '{id}' cites no clause; every verdict must rest on the policy text.");
                }
                foreach (var clauseId in clauseIds.Where(c => clauses.All(k => k.Id != c)))
                {
                    throw Error(r, $"rule '{id}' cites unknown clause '{clauseId}' (clauses: {string.Join(", ", clauses.Select(c => c.Id))}).");
                }
                var answer = Required(r, r.Answer, $"rule '{id}' answer");
                var reason = Required(r, r.Reason, $"rule '{id}' reason");
                foreach (Match m in Placeholder().Matches(answer + " " + reason))
                {
                    if (!when.ContainsKey(m.Groups[1].Value))
                    {
                        throw Error(r, $"rule '{id}' uses the placeholder {m.Value}, but has no condition on that fact.");
                    }
                }
                foreach (var condition in r.Conditions ?? [])
                {
                    // A fragment usually means a comma split an unquoted item of a [flow, list].
                    if (!condition.TrimEnd().EndsWith('.'))
                    {
                        throw Error(r, $"rule '{id}' has the condition \"{condition}\", which is not a sentence ending with '.' (quote list items that contain commas).");
                    }
                }
                if (kind != VerdictKind.AllowedWithConditions && r.Conditions is { Count: > 0 })
                {
                    throw Error(r, $"rule '{id}' is {kind.Id()} but states conditions; only allowed-with-conditions has conditions (put advice in 'reason' or 'instead').");
                }
                if (kind == VerdictKind.AllowedWithConditions && r.Conditions is not { Count: > 0 })
                {
                    throw Error(r, $"rule '{id}' is allowed-with-conditions but states no conditions.");
                }
                result.Add(new Rule(id, when, kind, clauseIds, answer, reason, r.Conditions ?? [],
                    r.Instead?.Trim(), r.Ambiguity?.Trim()));
            }
            return result;
        }

        private List<UnaskedBans> Unasked(List<Clause> clauses, List<Fact> facts)
        {
            var result = new List<UnaskedBans>();
            foreach (var u in model.Unasked ?? [])
            {
                if (u.When is not { Count: > 0 })
                {
                    throw Error(u, "an 'unasked' entry has no 'when' (the paths it is about).");
                }
                foreach (var (factId, valueId) in u.When)
                {
                    CheckValue(facts, u, "an 'unasked' entry names", factId, valueId);
                }
                var clauseIds = u.Clauses ?? [];
                foreach (var clauseId in clauseIds.Where(c => clauses.All(k => k.Id != c)))
                {
                    throw Error(u, $"an 'unasked' entry names unknown clause '{clauseId}'.");
                }
                result.Add(new UnaskedBans(new Dictionary<string, string>(u.When, StringComparer.Ordinal), clauseIds,
                    Required(u, u.Why, "an 'unasked' entry's 'why'")));
            }
            return result;
        }

        private Located At(Rule rule) => model.Rules!.First(r => r.Id?.Trim() == rule.Id);

        private void CheckEveryFactUsed(Policy policy)
        {
            foreach (var (fact, at) in policy.Facts.Zip(model.Facts!))
            {
                if (!policy.Rules.Any(r => r.When.ContainsKey(fact.Id)))
                {
                    throw Error(at, $"fact '{fact.Id}' is used by no rule; remove it or write the rules that depend on it.");
                }
            }
        }

        private void CheckNoOverlaps(Policy policy)
        {
            for (var i = 0; i < policy.Rules.Count; i++)
            {
                for (var j = i + 1; j < policy.Rules.Count; j++)
                {
                    var (a, b) = (policy.Rules[i], policy.Rules[j]);
                    if (!Overlap(a, b, out var shared))
                    {
                        continue;
                    }
                    var where = shared.Count == 0 ? "every situation" : string.Join(", ", shared);
                    throw Error(At(b), a.Kind != b.Kind
                        ? $"rules '{a.Id}' (line {At(a).Start.Line}) and '{b.Id}' give different verdicts ({a.Kind.Id()}, {b.Kind.Id()}) for the same facts: {where}."
                        : $"rules '{a.Id}' (line {At(a).Start.Line}) and '{b.Id}' both decide the same facts: {where}; each situation must rest on one rule.");
                }
            }
        }

        /// <summary>Two rules overlap when, on every fact both constrain, some value satisfies both.</summary>
        private static bool Overlap(Rule a, Rule b, out List<string> shared)
        {
            shared = [];
            foreach (var (factId, aValues) in a.When)
            {
                if (b.When.TryGetValue(factId, out var bValues))
                {
                    var common = aValues.Intersect(bValues).ToList();
                    if (common.Count == 0)
                    {
                        return false;
                    }
                    shared.Add($"{factId}={string.Join("|", common)}");
                }
            }
            foreach (var (factId, bValues) in b.When.Where(w => !a.When.ContainsKey(w.Key)))
            {
                shared.Add($"{factId}={string.Join("|", bValues)}");
            }
            return true;
        }

        /// <summary>Walks the whole dialog tree: every path must end in a verdict.</summary>
        private void CheckComplete(Policy policy)
        {
            var gap = DialogTree.Build(policy).Leaves().FirstOrDefault(l => l.Outcome is null);
            if (gap is not null)
            {
                var facts = string.Join(", ", gap.Path.Select(p => $"{p.Fact.Id}={p.Value.Id}"));
                throw Error(null, $"no rule decides the situation {facts}.");
            }
        }
    }
}
