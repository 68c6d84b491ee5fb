using System.Text;
using System.Text.RegularExpressions;
using PolicyBot.Understanding.Lexicons;
using PolicyBot.Understanding.Scanning;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyBot.Understanding.Safety;

/// <summary>
/// Reads a safety signals file (format in the header of <c>Safety/safety-signals.yaml</c>) and checks it: known keys,
/// category ids, a label and at least one cue per category, every <c>{word}</c> defined, every pattern compiling and
/// never matching empty text. The first problem is thrown as a <see cref="LexiconLoadException"/> naming file, line
/// and entry, the same error the lexicon uses: the signals file is a lexicon of danger words.
/// </summary>
internal static partial class SafetySignalsLoader
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(250);
    private static readonly string[] TopKeys = ["words", "negation", "benign", "signals"];
    private static readonly string[] CueKeys = ["phrases", "patterns"];

    public static SafetySignals Load(string fileName, string yaml)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count == 0
                ? throw new LexiconLoadException(fileName, 0, "the file is empty.")
                : stream.Documents[0].RootNode as YamlMappingNode
                  ?? throw new LexiconLoadException(fileName, (int)stream.Documents[0].RootNode.Start.Line, "the top level must be a mapping.");
        }
        catch (YamlException e)
        {
            throw new LexiconLoadException(fileName, (int)e.Start.Line, $"not a valid safety signals file: {e.InnerException?.Message ?? e.Message}", e);
        }
        return new Reader(fileName).Read(root);
    }

    /// <summary>The regular expression for a phrase: its words whole, any spacing or a hyphen between them, apostrophes optional.</summary>
    internal static string PhrasePattern(string[] words) =>
        string.Join("[ -]?", words.Select(w => Regex.Escape(w).Replace("'", "'?", StringComparison.Ordinal)));

    [GeneratedRegex(@"\{([a-z][a-z0-9-]*)\}")]
    private static partial Regex WordReference();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*$")]
    private static partial Regex Id();

    private sealed class Reader(string fileName) : YamlFileReader(fileName)
    {
        private readonly Dictionary<string, string> _words = new(StringComparer.Ordinal);

        public SafetySignals Read(YamlMappingNode root)
        {
            CheckKeys(root, TopKeys, "the top level");
            if (root.Children.TryGetValue(new YamlScalarNode("words"), out var wordsNode))
            {
                foreach (var (key, value) in Mapping(wordsNode, "words").Children)
                {
                    var name = Scalar(key, "a word name");
                    if (!Id().IsMatch(name))
                    {
                        throw Error(key, $"words → {name}: a name is lower-case letters, digits and hyphens.");
                    }
                    var alternatives = Sequence(value, $"words → {name}").Select(n => Scalar(n, $"words → {name}")).ToList();
                    if (alternatives.Count == 0)
                    {
                        throw Error(value, $"words → {name}: the list is empty.");
                    }
                    var source = "(?:" + string.Join("|", alternatives.Select(a => Expand(a, value, $"words → {name}"))) + ")";
                    Compile(source, value, $"words → {name}");
                    _words[name] = source;
                }
            }
            var negation = Negation(Required(root, "negation", "the top level"));
            var benign = new List<BenignGroup>();
            if (root.Children.TryGetValue(new YamlScalarNode("benign"), out var benignNode))
            {
                foreach (var (key, value) in Mapping(benignNode, "benign").Children)
                {
                    var name = Scalar(key, "a group name");
                    benign.Add(new BenignGroup(name, Cues(value, $"benign → {name}")));
                }
            }
            var categories = new List<SignalCategory>();
            var signals = Mapping(Required(root, "signals", "the top level"), "signals");
            foreach (var (key, value) in signals.Children)
            {
                var id = Scalar(key, "a category id");
                if (!Id().IsMatch(id))
                {
                    throw Error(key, $"signals → {id}: a category id is lower-case letters, digits and hyphens.");
                }
                var map = Mapping(value, $"signals → {id}");
                CheckKeys(map, ["label", .. CueKeys], $"signals → {id}");
                var label = Scalar(Required(map, "label", $"signals → {id}"), $"signals → {id} → label");
                categories.Add(new SignalCategory(id, label, Cues(map, $"signals → {id}", "label")));
            }
            if (categories.Count == 0)
            {
                throw Error(signals, "signals: no category.");
            }
            return new SafetySignals(FileName, categories, benign, negation);
        }

        private SignalNegation Negation(YamlNode node)
        {
            var map = Mapping(node, "negation");
            CheckKeys(map, ["cues", "not-denials", "scope-ends", "max-words"], "negation");
            HashSet<string> Words(string key, bool required)
            {
                if (!map.Children.TryGetValue(new YamlScalarNode(key), out var list))
                {
                    return required ? throw Error(map, $"negation: '{key}' is missing.") : [];
                }
                var set = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in Sequence(list, $"negation → {key}"))
                {
                    var word = Scalar(item, $"negation → {key}").ToLowerInvariant();
                    if (Scanning.Words.OfPhrase(word) is not [var single] || single != word)
                    {
                        throw Error(item, $"negation → {key}: '{word}' is not a single word.");
                    }
                    set.Add(word);
                }
                return set;
            }
            var maxNode = Required(map, "max-words", "negation");
            if (!int.TryParse(Scalar(maxNode, "negation → max-words"), out var max) || max is < 1 or > 10)
            {
                throw Error(maxNode, "negation → max-words: must be a whole number from 1 to 10.");
            }
            return new SignalNegation(Words("cues", true), Words("not-denials", false), Words("scope-ends", false), max);
        }

        private List<SignalCue> Cues(YamlNode node, string where, string? other = null)
        {
            var map = Mapping(node, where);
            CheckKeys(map, other is null ? CueKeys : [other, .. CueKeys], where);
            var cues = new List<SignalCue>();
            foreach (var (key, value) in map.Children)
            {
                var kind = Scalar(key, "a key");
                if (kind == other)
                {
                    continue;
                }
                foreach (var item in Sequence(value, $"{where} → {kind}"))
                {
                    var text = Scalar(item, $"{where} → {kind}");
                    string source;
                    if (kind == "phrases")
                    {
                        var words = Scanning.Words.OfPhrase(text.ToLowerInvariant());
                        if (words.Length == 0)
                        {
                            throw Error(item, $"{where} → phrases: the phrase '{text}' has no words.");
                        }
                        source = PhrasePattern(words);
                    }
                    else
                    {
                        // The message is lower-cased before matching (matching without IgnoreCase is several times faster).
                        if (Regex.Replace(text, @"\\.", "").Any(char.IsUpper))
                        {
                            throw Error(item, $"{where} → patterns: '{text}' has upper-case letters; messages are matched in lower case, so write patterns in lower case.");
                        }
                        source = Expand(text, item, $"{where} → patterns");
                    }
                    cues.Add(new SignalCue(text, Compile(@"\b(?:" + source + @")\b", item, $"{where} → {kind} → '{text}'"), (int)item.Start.Line));
                }
            }
            if (cues.Count == 0)
            {
                throw Error(node, $"{where}: no phrases or patterns.");
            }
            return cues;
        }

        /// <summary>Replaces each <c>{name}</c> by the alternation defined under <c>words:</c>.</summary>
        private string Expand(string pattern, YamlNode node, string where) =>
            WordReference().Replace(pattern, m => _words.TryGetValue(m.Groups[1].Value, out var words)
                ? words
                : throw Error(node, $"{where}: '{{{m.Groups[1].Value}}}' is not defined under words (defined: {(_words.Count == 0 ? "none" : string.Join(", ", _words.Keys))})."));

        private Regex Compile(string source, YamlNode node, string where)
        {
            Regex regex;
            try
            {
                regex = new Regex(source, RegexOptions.CultureInvariant, PatternTimeout);
            }
            catch (ArgumentException e)
            {
                throw Error(node, $"{where}: not a valid regular expression: {e.Message}");
            }
            // \b on both ends never matches empty text, so probe for an empty match beside a word as well.
            if (regex.IsMatch("") || regex.Matches("a b").Any(m => m.Length == 0))
            {
                throw Error(node, $"{where}: matches empty text.");
            }
            return regex;
        }

        /// <summary>As the base, and a mapping where a pattern was meant says why (an unquoted ': ' in it).</summary>
        protected override string Scalar(YamlNode node, string what) =>
            node is YamlScalarNode { Value: { Length: > 0 } value }
                ? value
                : throw Error(node, node is YamlMappingNode
                    ? $"expected {what}, a non-empty text, but found a mapping: a pattern with ': ' in it (as in '(?: x)') must be quoted or written '(?:[ ]x)'."
                    : $"expected {what}, a non-empty text.");
    }
}
