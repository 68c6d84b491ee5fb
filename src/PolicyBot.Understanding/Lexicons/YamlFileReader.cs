using YamlDotNet.RepresentationModel;

namespace PolicyBot.Understanding.Lexicons;

/// <summary>
/// The checks both data files of the reader (the lexicon, the safety signals) make while walking their YAML: every
/// problem a <see cref="LexiconLoadException"/> naming the file and the node's line.
/// </summary>
/// <param name="fileName">The file named in errors.</param>
internal abstract class YamlFileReader(string fileName)
{
    /// <summary>The file named in errors.</summary>
    protected string FileName { get; } = fileName;

    /// <summary>The error for <paramref name="node"/> (line 0 when null).</summary>
    protected LexiconLoadException Error(YamlNode? node, string problem) => new(FileName, node is null ? 0 : (int)node.Start.Line, problem);

    /// <summary>Refuses a key of <paramref name="map"/> that is not in <paramref name="known"/>.</summary>
    protected void CheckKeys(YamlMappingNode map, string[] known, string where)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = Scalar(key, "a key");
            if (!known.Contains(name))
            {
                throw Error(key, $"{where}: unknown key '{name}' (known: {string.Join(", ", known)}).");
            }
        }
    }

    /// <summary>The value of <paramref name="key"/> in <paramref name="map"/>, or an error that it is missing.</summary>
    protected YamlNode Required(YamlMappingNode map, string key, string where) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : throw Error(map, $"{where}: '{key}' is missing.");

    /// <summary><paramref name="node"/> as a mapping, or an error.</summary>
    protected YamlMappingNode Mapping(YamlNode node, string where) =>
        node as YamlMappingNode ?? throw Error(node, $"{where}: expected a mapping.");

    /// <summary><paramref name="node"/> as a list, or an error.</summary>
    protected IEnumerable<YamlNode> Sequence(YamlNode node, string where) =>
        node as YamlSequenceNode ?? throw Error(node, $"{where}: expected a list.");

    /// <summary><paramref name="node"/> as a non-empty text, or an error.</summary>
    protected virtual string Scalar(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw Error(node, $"expected {what}, a non-empty text.");
}
