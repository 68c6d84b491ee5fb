using System.Text.RegularExpressions;
using PolicyBot.Rules.Model;
using PolicyBot.Understanding.Scanning;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyBot.Understanding.Lexicons;

/// <summary>
/// Reads a lexicon file and checks it against its policy: every fact and value exists, overrides and
/// combinations name values of the same fact, every pattern compiles, and no key is unknown. The first
/// problem is thrown as a <see cref="LexiconLoadException"/> naming file, line and entry.
/// </summary>
internal static partial class LexiconLoader
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(250);
    private static readonly string[] TopKeys = ["policy", "shared-patterns", "fuzzy", "negation", "activities", "combine", "recognizers", "neutral", "facts", "answers", "answer-words"];
    private static readonly string[] EntryKeys = ["phrases", "patterns", "weak-phrases", "weak-patterns", "overrides"];

    /// <summary>
    /// The <c>policy:</c> a lexicon declares on a top-level line of its own, or null when the text has none. Read from that
    /// line, not by parsing the file: the file is parsed once, by <see cref="Load"/>, whose errors then name what is wrong
    /// (a duplicate key, a bad indent) instead of the file seeming to declare no policy.
    /// </summary>
    public static string? DeclaredPolicy(string yaml) => PolicyLine().Match(yaml) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"^policy:[ \t]*[""']?([^""'\s#]+)[""']?[ \t]*(?:#.*)?\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex PolicyLine();

    public static Lexicon Load(string fileName, string yaml, Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        YamlMappingNode root;
        try
        {
            root = Parse(yaml) ?? throw new LexiconLoadException(fileName, 0, "the file is empty.");
        }
        catch (YamlException e)
        {
            throw new LexiconLoadException(fileName, (int)e.Start.Line, $"not a valid lexicon file: {e.InnerException?.Message ?? e.Message}", e);
        }
        return new Reader(fileName, policy).Read(root);
    }

    private static YamlMappingNode? Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0)
        {
            return null;
        }
        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new YamlException(stream.Documents[0].RootNode.Start, stream.Documents[0].RootNode.End, "the top level must be a mapping.");
    }

    /// <summary>A use of a shared pattern inside a pattern: <c>(?&amp;name)</c> (PCRE's subroutine call, which .NET lacks).</summary>
    [GeneratedRegex(@"\(\?&([a-z][a-z0-9-]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex SharedUse();

    /// <summary>A shared pattern's name: lower-case letters, digits and hyphens, starting with a letter.</summary>
    [GeneratedRegex("^[a-z][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SharedName();

    private sealed class Reader(string fileName, Policy policy) : YamlFileReader(fileName)
    {
        // The shared-patterns: section, name → regular expression, each use already expanded.
        private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);

        public Lexicon Read(YamlMappingNode root)
        {
            CheckKeys(root, TopKeys, "the top level");
            var policyId = Scalar(Required(root, "policy", "the top level"), "policy");
            if (policyId != policy.Metadata.Id)
            {
                throw Error(root.Children[new YamlScalarNode("policy")],
                    $"the lexicon is for policy '{policyId}', not '{policy.Metadata.Id}'.");
            }
            SharedPatterns(root);
            var entries = FactEntries(Required(root, "facts", "the top level"), "facts");
            var answers = root.Children.TryGetValue(new YamlScalarNode("answers"), out var answersNode)
                ? FactEntries(answersNode, "answers").Select(e => e with { AnswerOnly = true }).ToList()
                : [];
            if (root.Children.TryGetValue(new YamlScalarNode("neutral"), out var neutralNode))
            {
                foreach (var (key, value) in Mapping(neutralNode, "neutral").Children)
                {
                    var name = Scalar(key, "a neutral group name");
                    entries.Add(Entry(null, name, value, $"neutral → {name}"));
                }
            }
            var fuzzy = Fuzzy(root);
            var negation = Negation(root);
            var activities = Activities(root);
            var combinations = Combinations(root);
            var recognizers = Recognizers(root);
            return new Lexicon(FileName, policyId, entries, fuzzy, negation, activities, combinations, recognizers, answers, AnswerWords(root));
        }

        /// <summary>
        /// The <c>shared-patterns:</c> mapping, name → regular expression: words several cues need (the same span claimed
        /// for two facts, or a context one pattern requires and another excludes), written once. A pattern uses one as
        /// <c>(?&amp;name)</c>, which the loader replaces by the expression in a non-capturing group; a shared pattern may use
        /// those defined before it. Names are lower-case words joined by hyphens.
        /// </summary>
        private void SharedPatterns(YamlMappingNode root)
        {
            if (!root.Children.TryGetValue(new YamlScalarNode("shared-patterns"), out var node))
            {
                return;
            }
            foreach (var (key, value) in Mapping(node, "shared-patterns").Children)
            {
                var name = Scalar(key, "a shared pattern name");
                var where = $"shared-patterns → {name}";
                if (!SharedName().IsMatch(name))
                {
                    throw Error(key, $"{where}: a name is lower-case letters, digits and hyphens, starting with a letter.");
                }
                var source = Expand(Scalar(value, where), value, where);
                _ = NewRegex(source, RegexOptions.None, value, $"{where}: '{source}'");   // checked here; compiled where used
                _shared[name] = source;
            }
        }

        /// <summary>
        /// Every expression built so far, by source and options. Compiling is most of a load's time (about 1 s of 1.3 s for
        /// the built-in file), and an expression is immutable and safe to share across threads, so a process that loads a
        /// lexicon again (each test host; a second host in one process) reuses them. Bounded by the distinct patterns of the
        /// files a process loads: one or two files of a few thousand patterns.
        /// </summary>
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Source, RegexOptions Extra), Regex> Built = new();

        /// <summary>
        /// A lexicon pattern as the scanner runs it (case-insensitive, culture-invariant, with the pattern timeout), or the
        /// error "<paramref name="described"/> is not a valid regular expression" at <paramref name="node"/>'s line.
        /// </summary>
        private Regex NewRegex(string source, RegexOptions extra, YamlNode node, string described)
        {
            try
            {
                return Built.GetOrAdd((source, extra), k => new Regex(k.Source, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | k.Extra, PatternTimeout));
            }
            catch (ArgumentException e)
            {
                throw Error(node, $"{described} is not a valid regular expression: {e.Message}");
            }
        }

        /// <summary>A pattern with every <c>(?&amp;name)</c> replaced by its shared pattern; an unknown name is an error.</summary>
        private string Expand(string source, YamlNode node, string where) => SharedUse().Replace(source, m =>
            _shared.TryGetValue(m.Groups[1].Value, out var shared)
                ? $"(?:{shared})"
                : throw Error(node, $"{where}: the pattern uses '{m.Value}', but shared-patterns defines no '{m.Groups[1].Value}' before it"
                    + (_shared.Count == 0 ? "." : $" (defined: {string.Join(", ", _shared.Keys)}).")));

        /// <summary>The <c>answer-words:</c> mapping, fact → value → words; empty when the file has none.</summary>
        private Dictionary<(string Fact, string Value), IReadOnlySet<string>> AnswerWords(YamlMappingNode root)
        {
            var words = new Dictionary<(string Fact, string Value), IReadOnlySet<string>>();
            if (!root.Children.TryGetValue(new YamlScalarNode("answer-words"), out var node))
            {
                return words;
            }
            foreach (var (key, value) in Mapping(node, "answer-words").Children)
            {
                var factId = Scalar(key, "a fact id");
                var fact = policy.FindFact(factId) ?? throw Error(key, $"answer-words → {factId}: the policy has no fact '{factId}'.");
                foreach (var (valueKey, list) in Mapping(value, $"answer-words → {factId}").Children)
                {
                    var valueId = Scalar(valueKey, $"a value of {factId}");
                    if (fact.FindValue(valueId) is null)
                    {
                        throw Error(valueKey, $"answer-words → {factId} → {valueId}: the policy has no value '{valueId}' for fact '{factId}'.");
                    }
                    var set = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var item in Sequence(list, $"answer-words → {factId} → {valueId}"))
                    {
                        var word = Scalar(item, $"answer-words → {factId} → {valueId}").Trim().ToLowerInvariant();
                        if (word.Length == 0 || word.Contains(' '))
                        {
                            throw Error(item, $"answer-words → {factId} → {valueId}: '{word}' is not one word (phrases belong under answers:).");
                        }
                        set.Add(word);
                    }
                    words[(factId, valueId)] = set;
                }
            }
            return words;
        }

        /// <summary>The entries of a fact → value → entry mapping (<c>facts:</c> or <c>answers:</c>).</summary>
        private List<LexiconEntry> FactEntries(YamlNode node, string section)
        {
            var entries = new List<LexiconEntry>();
            foreach (var (key, value) in Mapping(node, section).Children)
            {
                var factId = Scalar(key, "a fact id");
                var fact = policy.FindFact(factId)
                    ?? throw Error(key, $"{section} → {factId}: the policy has no fact '{factId}' (facts: {string.Join(", ", policy.Facts.Select(f => f.Id))}).");
                foreach (var (valueKey, entryNode) in Mapping(value, $"{section} → {factId}").Children)
                {
                    var valueId = Scalar(valueKey, $"a value of {factId}");
                    if (fact.FindValue(valueId) is null)
                    {
                        throw Error(valueKey, $"{section} → {factId} → {valueId}: the policy has no value '{valueId}' for fact '{factId}' (values: {string.Join(", ", fact.Values.Select(v => v.Id))}).");
                    }
                    entries.Add(Entry(fact, valueId, entryNode, $"{section} → {factId} → {valueId}"));
                }
            }
            return entries;
        }

        private LexiconEntry Entry(Fact? fact, string valueId, YamlNode node, string where)
        {
            var map = Mapping(node, where);
            CheckKeys(map, EntryKeys, where);
            var phrases = new List<PhraseCue>();
            var patterns = new List<PatternCue>();
            foreach (var (key, value) in map.Children)
            {
                var name = Scalar(key, "a key");
                switch (name)
                {
                    case "phrases" or "weak-phrases":
                        foreach (var item in Sequence(value, $"{where} → {name}"))
                        {
                            var text = Scalar(item, $"{where} → {name}");
                            var words = Words.OfPhrase(text);
                            if (words.Length == 0)
                            {
                                throw Error(item, $"{where} → {name}: the phrase '{text}' has no words.");
                            }
                            phrases.Add(new PhraseCue(text, words, name == "weak-phrases", (int)item.Start.Line));
                        }
                        break;
                    case "patterns" or "weak-patterns":
                        foreach (var item in Sequence(value, $"{where} → {name}"))
                        {
                            var source = Expand(Scalar(item, $"{where} → {name}"), item, $"{where} → {name}");
                            var regex = NewRegex(source, RegexOptions.Compiled, item, $"{where} → {name}: the pattern '{source}'");
                            if (regex.IsMatch(""))
                            {
                                throw Error(item, $"{where} → {name}: the pattern '{source}' matches empty text.");
                            }
                            patterns.Add(new PatternCue(source, regex, name == "weak-patterns", (int)item.Start.Line));
                        }
                        break;
                    case "overrides":
                        break;
                }
            }
            var overrides = new HashSet<string>(StringComparer.Ordinal);
            if (map.Children.TryGetValue(new YamlScalarNode("overrides"), out var overridesNode))
            {
                if (fact is null)
                {
                    throw Error(overridesNode, $"{where}: a neutral group cannot override values.");
                }
                foreach (var item in Sequence(overridesNode, $"{where} → overrides"))
                {
                    var other = Scalar(item, $"{where} → overrides");
                    if (fact.FindValue(other) is null || other == valueId)
                    {
                        throw Error(item, $"{where} → overrides: '{other}' is not another value of fact '{fact.Id}' (values: {string.Join(", ", fact.Values.Select(v => v.Id))}).");
                    }
                    overrides.Add(other);
                }
            }
            if (phrases.Count == 0 && patterns.Count == 0)
            {
                throw Error(node, $"{where}: the entry has no phrases or patterns.");
            }
            return new LexiconEntry(fact?.Id, valueId, phrases, patterns, overrides, (int)node.Start.Line);
        }

        private FuzzySettings Fuzzy(YamlMappingNode root)
        {
            if (!root.Children.TryGetValue(new YamlScalarNode("fuzzy"), out var node))
            {
                return new FuzzySettings(int.MaxValue, new HashSet<string>(), new HashSet<string>(), new Dictionary<string, string>());
            }
            var map = Mapping(node, "fuzzy");
            CheckKeys(map, ["min-length", "vocabulary", "real-words", "aliases"], "fuzzy");
            var minNode = Required(map, "min-length", "fuzzy");
            if (!int.TryParse(Scalar(minNode, "fuzzy → min-length"), out var min) || min < 3)
            {
                throw Error(minNode, "fuzzy → min-length: must be a whole number of at least 3.");
            }
            HashSet<string> WordList(string key)
            {
                var set = new HashSet<string>(StringComparer.Ordinal);
                if (map.Children.TryGetValue(new YamlScalarNode(key), out var listNode))
                {
                    foreach (var item in Sequence(listNode, $"fuzzy → {key}"))
                    {
                        var word = Scalar(item, $"fuzzy → {key}").ToLowerInvariant();
                        if (!word.All(char.IsLetter))
                        {
                            throw Error(item, $"fuzzy → {key}: '{word}' is not a single word of letters.");
                        }
                        set.Add(word);
                    }
                }
                return set;
            }
            var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
            if (map.Children.TryGetValue(new YamlScalarNode("aliases"), out var aliasNode))
            {
                foreach (var (key, value) in Mapping(aliasNode, "fuzzy → aliases").Children)
                {
                    var from = Scalar(key, "fuzzy → aliases").ToLowerInvariant();
                    var to = Scalar(value, $"fuzzy → aliases → {from}").ToLowerInvariant();
                    if (!from.All(char.IsLetter) || !to.All(char.IsLetter))
                    {
                        throw Error(key, $"fuzzy → aliases → {from}: an alias and its word must be single words of letters.");
                    }
                    aliases[from] = to;
                }
            }
            return new FuzzySettings(min, WordList("vocabulary"), WordList("real-words"), aliases);
        }

        private NegationSettings Negation(YamlMappingNode root)
        {
            if (!root.Children.TryGetValue(new YamlScalarNode("negation"), out var node))
            {
                return new NegationSettings(new HashSet<string>(), new HashSet<string>(), 0, new HashSet<string>());
            }
            var map = Mapping(node, "negation");
            CheckKeys(map, ["cues", "scope-ends", "max-words", "focus"], "negation");
            var cues = Sequence(Required(map, "cues", "negation"), "negation → cues").Select(n => Scalar(n, "negation → cues").ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            var ends = map.Children.TryGetValue(new YamlScalarNode("scope-ends"), out var endsNode)
                ? Sequence(endsNode, "negation → scope-ends").Select(n => Scalar(n, "negation → scope-ends").ToLowerInvariant()).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
            var maxNode = Required(map, "max-words", "negation");
            if (!int.TryParse(Scalar(maxNode, "negation → max-words"), out var max) || max < 1)
            {
                throw Error(maxNode, "negation → max-words: must be a whole number of at least 1.");
            }
            var focus = new HashSet<string>(StringComparer.Ordinal);
            if (map.Children.TryGetValue(new YamlScalarNode("focus"), out var focusNode))
            {
                foreach (var item in Sequence(focusNode, "negation → focus"))
                {
                    var id = Scalar(item, "negation → focus");
                    focus.Add(policy.FindFact(id)?.Id ?? throw Error(item, $"negation → focus: the policy has no fact '{id}'."));
                }
            }
            return new NegationSettings(cues, ends, max, focus);
        }

        /// <summary>An optional <c>activities → key</c> mapping of fact → values, as (fact, value) pairs; unknown ones stop the load.</summary>
        private List<(string Fact, string Value)> FactValues(YamlMappingNode map, string key)
        {
            var pairs = new List<(string, string)>();
            if (map.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                foreach (var (factNode, values) in Mapping(node, $"activities → {key}").Children)
                {
                    var id = Scalar(factNode, $"activities → {key}");
                    var fact = policy.FindFact(id) ?? throw Error(factNode, $"activities → {key}: the policy has no fact '{id}'.");
                    foreach (var item in Sequence(values, $"activities → {key} → {id}"))
                    {
                        pairs.Add((id, CheckValue(fact, item, $"activities → {key} → {id}")));
                    }
                }
            }
            return pairs;
        }

        /// <summary>A list of words (a sequence of scalars) as the reader matches them: lower-case, whole words.</summary>
        private WordList WordsOf(YamlNode node, string where) =>
            new(Sequence(node, where).Select(w => Scalar(w, where).ToLowerInvariant()).ToList());

        private ActivitySettings Activities(YamlMappingNode root)
        {
            var map = Mapping(Required(root, "activities", "the top level"), "activities");
            CheckKeys(map, ["fact", "anchors", "precedence", "decisive", "containers", "own-part", "beside-container", "bound", "topic", "unread", "beside-posting", "social-contact", "social-contact-site", "social-sites", "people", "apart"], "activities");
            var factNode = Required(map, "fact", "activities");
            var factId = Scalar(factNode, "activities → fact");
            var fact = policy.FindFact(factId) ?? throw Error(factNode, $"activities → fact: the policy has no fact '{factId}'.");
            if (!policy.Facts.Any(f => f.Implies.ContainsKey(factId)))
            {
                throw Error(factNode, $"activities → fact: no fact of the policy implies '{factId}', so it cannot be the activity.");
            }
            var anchors = Mapping(Required(map, "anchors", "activities"), "activities → anchors");
            CheckKeys(anchors, ["strong", "weak"], "activities → anchors");
            HashSet<string> FactList(YamlMappingNode parent, string key, string where)
            {
                if (!parent.Children.TryGetValue(new YamlScalarNode(key), out var listNode))
                {
                    return [];
                }
                var set = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in Sequence(listNode, $"{where} → {key}"))
                {
                    var id = Scalar(item, $"{where} → {key}");
                    if (policy.FindFact(id) is null)
                    {
                        throw Error(item, $"{where} → {key}: the policy has no fact '{id}'.");
                    }
                    set.Add(id);
                }
                return set;
            }
            var strong = FactList(anchors, "strong", "activities → anchors");
            var weak = FactList(anchors, "weak", "activities → anchors");
            // Without a topic list every cue makes a message on topic (the lexicon knows nothing narrower).
            TopicFacts? topic = null;
            if (map.Children.TryGetValue(new YamlScalarNode("topic"), out var topicNode))
            {
                var topicMap = Mapping(topicNode, "activities → topic");
                CheckKeys(topicMap, ["any", "specific", "not-alone", "words", "aside"], "activities → topic");
                var words = topicMap.Children.TryGetValue(new YamlScalarNode("words"), out var wordsNode)
                    ? WordsOf(wordsNode, "activities → topic → words")
                    : new WordList([]);
                // Neutral groups whose words name no subject: each must be a neutral group of this file.
                var aside = new HashSet<string>(StringComparer.Ordinal);
                if (topicMap.Children.TryGetValue(new YamlScalarNode("aside"), out var asideNode))
                {
                    foreach (var item in Sequence(asideNode, "activities → topic → aside"))
                    {
                        var group = Scalar(item, "activities → topic → aside");
                        if (!root.Children.TryGetValue(new YamlScalarNode("neutral"), out var neutral)
                            || !Mapping(neutral, "neutral").Children.ContainsKey(new YamlScalarNode(group)))
                        {
                            throw Error(item, $"activities → topic → aside: '{group}' is no neutral group of this file");
                        }
                        aside.Add(group);
                    }
                }
                topic = new TopicFacts(FactList(topicMap, "any", "activities → topic"), FactList(topicMap, "specific", "activities → topic"), words,
                    FactValues(topicMap, "not-alone").ToHashSet(), aside);
            }
            var precedence = new List<string>();
            foreach (var item in Sequence(Required(map, "precedence", "activities"), "activities → precedence"))
            {
                var id = Scalar(item, "activities → precedence");
                if (fact.FindValue(id) is null)
                {
                    throw Error(item, $"activities → precedence: '{id}' is not a value of fact '{factId}' (values: {string.Join(", ", fact.Values.Select(v => v.Id))}).");
                }
                precedence.Add(id);
            }
            var missing = fact.Values.Select(v => v.Id).Except(precedence).ToList();
            if (missing.Count > 0)
            {
                throw Error(map, $"activities → precedence: must list every value of '{factId}'; missing {string.Join(", ", missing)}.");
            }
            var decisive = FactValues(map, "decisive");
            var containers = new HashSet<string>(StringComparer.Ordinal);
            if (map.Children.TryGetValue(new YamlScalarNode("containers"), out var containersNode))
            {
                foreach (var item in Sequence(containersNode, "activities → containers"))
                {
                    containers.Add(CheckValue(fact, item, "activities → containers"));
                }
            }
            var ownPart = FactValues(map, "own-part");
            var bound = FactList(map, "bound", "activities");
            var people = map.Children.ContainsKey(new YamlScalarNode("people")) ? FactList(map, "people", "activities") : null;
            var besideContainer = FactValues(map, "beside-container");
            UnreadStretch? unread = null;
            if (map.Children.TryGetValue(new YamlScalarNode("unread"), out var unreadNode))
            {
                var unreadMap = Mapping(unreadNode, "activities → unread");
                CheckKeys(unreadMap, ["acts", "things"], "activities → unread");
                WordList Words(string key) => WordsOf(Required(unreadMap, key, "activities → unread"), $"activities → unread → {key}");
                unread = new UnreadStretch(Words("acts"), Words("things"));
            }
            return new ActivitySettings(factId, strong, weak, precedence, decisive, containers, topic, ownPart, bound, besideContainer, unread,
                BesideActivity("beside-posting", "posting"), BesideActivity("social-contact", "contact"), people, FactValues(map, "apart"),
                FactValues(map, "social-contact-site"),
                map.Children.TryGetValue(new YamlScalarNode("social-sites"), out var sitesNode) ? WordsOf(sitesNode, "activities → social-sites") : null);

            // Values read beside one activity the reader names by its id: the activity fact must have that value.
            List<(string Fact, string Value)> BesideActivity(string key, string activityValue)
            {
                var values = FactValues(map, key);
                if (values.Count > 0 && fact.FindValue(activityValue) is null)
                {
                    throw Error(map, $"activities → {key}: fact '{factId}' has no value '{activityValue}'.");
                }
                return values;
            }
        }

        private Dictionary<string, (string Fact, string Value)> Recognizers(YamlMappingNode root)
        {
            var targets = new Dictionary<string, (string Fact, string Value)>(StringComparer.Ordinal);
            if (!root.Children.TryGetValue(new YamlScalarNode("recognizers"), out var node))
            {
                return targets;
            }
            var map = Mapping(node, "recognizers");
            CheckKeys(map, Lexicon.RecognizerKinds, "recognizers");
            foreach (var (key, value) in map.Children)
            {
                var kind = Scalar(key, "a recognizer kind");
                var where = $"recognizers → {kind}";
                var target = Mapping(value, where);
                CheckKeys(target, ["fact", "value"], where);
                var factNode = Required(target, "fact", where);
                var factId = Scalar(factNode, $"{where} → fact");
                var fact = policy.FindFact(factId) ?? throw Error(factNode, $"{where}: the policy has no fact '{factId}'.");
                targets[kind] = (factId, CheckValue(fact, Required(target, "value", where), where));
            }
            return targets;
        }

        private List<Combination> Combinations(YamlMappingNode root)
        {
            var list = new List<Combination>();
            if (!root.Children.TryGetValue(new YamlScalarNode("combine"), out var node))
            {
                return list;
            }
            foreach (var item in Sequence(node, "combine"))
            {
                var map = Mapping(item, "combine");
                CheckKeys(map, ["fact", "any-of", "with", "gives", "answers-only"], "combine");
                var factNode = Required(map, "fact", "combine");
                var factId = Scalar(factNode, "combine → fact");
                var fact = policy.FindFact(factId) ?? throw Error(factNode, $"combine → fact: the policy has no fact '{factId}'.");
                HashSet<string> Values(string key) => Sequence(Required(map, key, "combine"), $"combine → {key}")
                    .Select(n => CheckValue(fact, n, $"combine → {key}")).ToHashSet(StringComparer.Ordinal);
                // Without 'gives', the values describe one situation: the fact stays open to ask, never split in parts.
                var gives = map.Children.TryGetValue(new YamlScalarNode("gives"), out var givesNode) ? CheckValue(fact, givesNode, "combine → gives") : null;
                var answersOnly = map.Children.TryGetValue(new YamlScalarNode("answers-only"), out var answersOnlyNode)
                    && Scalar(answersOnlyNode, "combine → answers-only") == "true";
                list.Add(new Combination(factId, Values("any-of"), Values("with"), gives, answersOnly));
            }
            return list;
        }

        private string CheckValue(Fact fact, YamlNode node, string where)
        {
            var id = Scalar(node, where);
            return fact.FindValue(id) is null
                ? throw Error(node, $"{where}: '{id}' is not a value of fact '{fact.Id}' (values: {string.Join(", ", fact.Values.Select(v => v.Id))}).")
                : id;
        }
    }
}
