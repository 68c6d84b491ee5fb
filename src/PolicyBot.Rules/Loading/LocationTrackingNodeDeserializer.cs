using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace PolicyBot.Rules.Loading;

/// <summary>Wraps YamlDotNet's object deserializer to stamp each <see cref="Located"/> node with its start mark.</summary>
internal sealed class LocationTrackingNodeDeserializer(INodeDeserializer inner) : INodeDeserializer
{
    public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer,
        out object? value, ObjectDeserializer rootDeserializer)
    {
        var start = reader.Current?.Start ?? Mark.Empty;
        if (!inner.Deserialize(reader, expectedType, nestedObjectDeserializer, out value, rootDeserializer))
        {
            return false;
        }
        if (value is Located located)
        {
            located.Start = start;
        }
        return true;
    }
}
