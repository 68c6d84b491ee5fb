using System.Collections.Concurrent;
using Newtonsoft.Json.Serialization;

namespace PolicyBot.Storage;

/// <summary>
/// Serialization binder for <c>TypeNameHandling.All</c>: stored <c>$type</c> names may only resolve to the bot's own
/// types, Bot Framework types and plain collections/values, so that a tampered state file cannot make Json.NET
/// instantiate arbitrary framework types (the known gadget-chain risk of TypeNameHandling).
/// </summary>
internal sealed class StateTypeBinder : DefaultSerializationBinder
{
    private static readonly string[] TrustedAssemblyPrefixes = ["PolicyBot", "Microsoft.Bot.", "Newtonsoft.Json"];

    private static readonly HashSet<string> TrustedCoreNamespaces = new(StringComparer.Ordinal)
    {
        "System.Collections.Generic", "System.Collections.ObjectModel", "System.Collections.Concurrent",
    };

    private static readonly HashSet<Type> TrustedTypes =
    [
        typeof(string), typeof(object), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan),
        typeof(DateOnly), typeof(TimeOnly), typeof(Guid), typeof(Uri), typeof(Nullable<>),
    ];

    /// <summary>
    /// Whether each type met so far is trusted. Why: every <c>$type</c> of every state read is checked, and the check
    /// allocates (assembly names, generic arguments); the answer for a type never changes. Only trusted types are kept,
    /// so what a tampered file names cannot grow it.
    /// </summary>
    private static readonly ConcurrentDictionary<Type, bool> Trusted = new();

    public override Type BindToType(string? assemblyName, string typeName)
    {
        var type = base.BindToType(assemblyName, typeName);
        if (!Trusted.ContainsKey(type))
        {
            if (!IsTrusted(type))
            {
                throw new Newtonsoft.Json.JsonSerializationException($"Stored state names type '{type.FullName}', which is not allowed in bot state.");
            }
            Trusted.TryAdd(type, true);
        }

        return type;
    }

    private static bool IsTrusted(Type type)
    {
        if (type.IsArray)
        {
            return IsTrusted(type.GetElementType()!);
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            return IsTrusted(type.GetGenericTypeDefinition()) && type.GetGenericArguments().All(IsTrusted);
        }

        if (TrustedTypes.Contains(type))
        {
            return true;
        }

        var assembly = type.Assembly.GetName().Name ?? string.Empty;
        if (TrustedAssemblyPrefixes.Any(p => assembly.StartsWith(p, StringComparison.Ordinal)))
        {
            return true;
        }

        if (type.Assembly != typeof(object).Assembly)
        {
            return false;
        }

        return TrustedCoreNamespaces.Contains(type.Namespace ?? string.Empty) || type.IsPrimitive || type.IsEnum;
    }
}
