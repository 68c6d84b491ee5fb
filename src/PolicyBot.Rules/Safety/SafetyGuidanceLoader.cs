using System.Reflection;
using System.Text.RegularExpressions;
using PolicyBot.Rules.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyBot.Rules.Safety;

/// <summary>
/// Reads a district's safety guidance file (<c>NAME.safety.yaml</c>, format in the header of
/// <c>Policies/stevensville.safety.yaml</c>). Every part but <c>district</c> is optional and takes the
/// <see cref="SafetyGuidance"/> default. Refuses unknown keys, empty texts, over-long texts and numbers that are not
/// phone numbers, with one <see cref="PolicyLoadException"/> naming the file, the line and the problem.
/// Thread-safe (stateless).
/// </summary>
public static partial class SafetyGuidanceLoader
{
    /// <summary>The embedded Stevensville School District guidance.</summary>
    public const string StevensvilleResource = "stevensville.safety.yaml";

    /// <summary>Longest text a line of guidance may have: the card must stay readable on a phone.</summary>
    public const int MaxTextLength = 300;

    /// <summary>Most reporting lines a file may have.</summary>
    public const int MaxReportingLines = 6;

    private static readonly string[] TopKeys = ["district", "emergency", "reporting", "contact", "crisis-line"];

    /// <summary>Loads guidance embedded in this assembly (file name under <c>Policies/</c>).</summary>
    /// <exception cref="PolicyLoadException">The file is missing or invalid.</exception>
    public static SafetyGuidance LoadEmbedded(string fileName = StevensvilleResource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PolicyBot.Rules.Policies." + fileName)
            ?? throw new PolicyLoadException(fileName, 0, "no such embedded safety guidance file.");
        using var reader = new StreamReader(stream);
        return Load(fileName, reader.ReadToEnd());
    }

    /// <summary>Loads a guidance file from disk.</summary>
    /// <exception cref="PolicyLoadException">The file is missing or invalid.</exception>
    public static SafetyGuidance LoadFile(string path)
    {
        var name = Path.GetFileName(path);
        return File.Exists(path)
            ? Load(name, File.ReadAllText(path))
            : throw new PolicyLoadException(name, 0, $"the safety guidance file '{path}' does not exist.");
    }

    /// <summary>Loads guidance from YAML text; <paramref name="fileName"/> is used in error messages and as the source.</summary>
    /// <exception cref="PolicyLoadException">The guidance is invalid.</exception>
    public static SafetyGuidance Load(string fileName, string yaml)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count == 0
                ? throw new PolicyLoadException(fileName, 0, "the file is empty.")
                : stream.Documents[0].RootNode as YamlMappingNode
                  ?? throw new PolicyLoadException(fileName, (int)stream.Documents[0].RootNode.Start.Line, "the top level must be a mapping.");
        }
        catch (YamlException e)
        {
            throw new PolicyLoadException(fileName, (int)e.Start.Line, $"not a valid safety guidance file: {e.InnerException?.Message ?? e.Message}", e);
        }
        return new Reader(fileName).Read(root);
    }

    /// <summary>Digits with the usual separators: "911", "(406) 555-0142", "+1 406 555 0142", "406.555.0142 ext. 12".</summary>
    [GeneratedRegex(@"^\+?[0-9(][0-9 ().\-]{1,24}(?: ?(?:ext\.?|x) ?[0-9]{1,6})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneNumber();

    private sealed class Reader(string fileName)
    {
        private PolicyLoadException Error(YamlNode? node, string problem) => new(fileName, node is null ? 0 : (int)node.Start.Line, problem);

        public SafetyGuidance Read(YamlMappingNode root)
        {
            CheckKeys(root, TopKeys, "the top level");
            var district = Text(Required(root, "district", "the top level"), "district");

            var emergency = SafetyGuidance.DefaultEmergency;
            if (Optional(root, "emergency") is { } emergencyNode)
            {
                var map = Mapping(emergencyNode, "emergency");
                CheckKeys(map, ["number", "text"], "emergency");
                emergency = new EmergencyLine(
                    Optional(map, "number") is { } n ? Phone(n, "emergency → number") : emergency.Number,
                    Optional(map, "text") is { } t ? Text(t, "emergency → text") : emergency.Text);
            }

            var reporting = SafetyGuidance.DefaultReporting;
            if (Optional(root, "reporting") is { } reportingNode)
            {
                var lines = (reportingNode as YamlSequenceNode ?? throw Error(reportingNode, "reporting: expected a list of lines.")).ToList();
                if (lines.Count is 0 or > MaxReportingLines)
                {
                    throw Error(reportingNode, $"reporting: give 1 to {MaxReportingLines} lines (found {lines.Count}).");
                }
                reporting = lines.Select(l => Text(l, "reporting")).ToList();
            }

            var contact = SafetyGuidance.DefaultContact;
            if (Optional(root, "contact") is { } contactNode)
            {
                var map = Mapping(contactNode, "contact");
                CheckKeys(map, ["name", "phone", "note"], "contact");
                contact = new SafetyContact(
                    Optional(map, "name") is { } n ? Text(n, "contact → name") : contact.Name,
                    Optional(map, "phone") is YamlScalarNode { Value: { Length: > 0 } } p ? Phone(p, "contact → phone") : null,
                    Optional(map, "note") is YamlScalarNode { Value: { Length: > 0 } } note ? Text(note, "contact → note") : null);
            }

            var crisis = SafetyGuidance.DefaultCrisisLine;
            if (Optional(root, "crisis-line") is { } crisisNode)
            {
                var map = Mapping(crisisNode, "crisis-line");
                CheckKeys(map, ["name", "number", "text"], "crisis-line");
                crisis = new CrisisLine(
                    Optional(map, "name") is { } n ? Text(n, "crisis-line → name") : crisis.Name,
                    Optional(map, "number") is { } num ? Phone(num, "crisis-line → number") : crisis.Number,
                    Optional(map, "text") is { } t ? Text(t, "crisis-line → text") : crisis.Text);
            }
            return new SafetyGuidance(district, emergency, reporting, contact, crisis, fileName);
        }

        private string Text(YamlNode node, string where)
        {
            var text = node is YamlScalarNode { Value: { } value } ? value.Trim() : throw Error(node, $"{where}: expected a text.");
            if (text.Length == 0)
            {
                throw Error(node, $"{where}: the text is empty.");
            }
            return text.Length <= MaxTextLength
                ? text
                : throw Error(node, $"{where}: the text has {text.Length} characters; keep it to {MaxTextLength} so the card stays readable on a phone.");
        }

        private string Phone(YamlNode node, string where)
        {
            var text = Text(node, where);
            return PhoneNumber().IsMatch(text)
                ? text
                : throw Error(node, $"{where}: '{text}' is not a phone number (digits, with spaces, dashes, dots, parentheses, a leading + or an extension).");
        }

        private void CheckKeys(YamlMappingNode map, string[] known, string where)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = key is YamlScalarNode { Value: { } v } ? v : "";
                if (!known.Contains(name))
                {
                    throw Error(key, $"{where}: unknown key '{name}' (known: {string.Join(", ", known)}).");
                }
            }
        }

        private static YamlNode? Optional(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        private YamlNode Required(YamlMappingNode map, string key, string where) =>
            Optional(map, key) ?? throw Error(map, $"{where}: '{key}' is missing.");

        private YamlMappingNode Mapping(YamlNode node, string where) =>
            node as YamlMappingNode ?? throw Error(node, $"{where}: expected a mapping.");
    }
}

/// <summary>The digits of a phone number, for a <c>tel:</c> link.</summary>
public static class PhoneLinks
{
    /// <summary><c>tel:</c> and the number's digits (and a leading +), e.g. <c>tel:+14065550142</c>; an extension is dropped.</summary>
    /// <param name="number">A number as written, e.g. "(406) 555-0142".</param>
    public static string Tel(string number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        var main = Regex.Split(number, @"(?i)\s*(?:ext\.?|x)\s*")[0];
        return "tel:" + (main.TrimStart().StartsWith('+') ? "+" : "") + new string(main.Where(char.IsAsciiDigit).ToArray());
    }
}
