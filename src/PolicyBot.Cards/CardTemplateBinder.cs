using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PolicyBot.Cards;

/// <summary>
/// Fills an Adaptive Card template (<c>cards/*.json</c>, embedded in this assembly) with data. It implements a
/// small, strict subset of the Adaptive Cards Templating language, so the templates still open in the Adaptive
/// Cards Designer.
/// </summary>
/// <remarks>
/// <para>Supported (anything else throws <see cref="CardTemplateException"/>):</para>
/// <list type="bullet">
/// <item><description><c>${path}</c> in any string value. A path is a name or dotted names
/// (<c>${policy.title}</c>) looked up in the current data object; it may start with <c>$root</c> (the data passed
/// to <see cref="Bind(string, JToken)"/>), <c>$data</c> (the current item; <c>${$data}</c> is the item itself) or be
/// <c>$index</c> (the position of the current item). Names are letters, digits and <c>_</c>.</description></item>
/// <item><description>A string that is exactly one <c>${path}</c> becomes the bound token itself, keeping its
/// type (object, array, number, boolean, string). Inside a longer string each <c>${path}</c> is replaced by its
/// text; such a value must be a string, number or boolean (booleans as <c>true</c>/<c>false</c>).</description></item>
/// <item><description><c>"$data": "${path}"</c> on an object inside an array: an array value repeats the object
/// once per item (an empty array removes it), with the item as the current data object and <c>$index</c> set;
/// an object value binds the object once with it as the current data object. On an object that is not an array
/// item, <c>$data</c> must be an object.</description></item>
/// <item><description><c>"$when": "${path}"</c> or <c>"$when": "${!path}"</c> on any object: the value must be a
/// boolean; when the condition is false the object is left out (from its array, or its property is removed).
/// <c>$when</c> is evaluated after <c>$data</c>, per item.</description></item>
/// </list>
/// <para>Strict by design: a path that is missing from the data, or whose value is JSON null, is an error naming
/// the template, the place in the template and the expression, so a typo never reaches a user as an empty card.
/// To leave an element out, give it a <c>$when</c>. Values are inserted as they are: nothing in the data is read
/// as a template again. Property names are never bound.</para>
/// </remarks>
public static class CardTemplateBinder
{
    /// <summary>The prefix of the embedded templates' resource names; the rest is the file name, e.g. <c>verdict.json</c>.</summary>
    public const string ResourcePrefix = "PolicyBot.Cards.Templates.";

    private static readonly Assembly ThisAssembly = typeof(CardTemplateBinder).Assembly;
    private static readonly ConcurrentDictionary<string, JObject> Templates = new(StringComparer.Ordinal);

    /// <summary>The embedded templates' file names, e.g. <c>verdict.json</c>, sorted.</summary>
    public static IReadOnlyList<string> TemplateNames { get; } = ThisAssembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>A fresh copy of an embedded template, unbound.</summary>
    /// <param name="templateName">A file name from <see cref="TemplateNames"/>, e.g. <c>verdict.json</c>.</param>
    /// <exception cref="ArgumentException">No such template.</exception>
    public static JObject LoadTemplate(string templateName) => (JObject)Cached(templateName).DeepClone();

    /// <summary>Binds an embedded template to data.</summary>
    /// <param name="templateName">A file name from <see cref="TemplateNames"/>, e.g. <c>verdict.json</c>.</param>
    /// <param name="data">The root data object (<c>$root</c>).</param>
    /// <returns>The card, with every expression, <c>$data</c> and <c>$when</c> resolved.</returns>
    /// <exception cref="ArgumentException">No such template.</exception>
    /// <exception cref="CardTemplateException">An expression is unsupported, unbound or of the wrong type.</exception>
    public static JObject Bind(string templateName, JToken data) => Bind(Cached(templateName), data, templateName);

    /// <summary>Binds a template given as JSON (e.g. one under test) to data.</summary>
    /// <param name="template">The template; it is not modified.</param>
    /// <param name="data">The root data object (<c>$root</c>).</param>
    /// <param name="templateName">The name used in error messages.</param>
    /// <exception cref="CardTemplateException">An expression is unsupported, unbound or of the wrong type.</exception>
    public static JObject Bind(JObject template, JToken data, string templateName)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(data);
        var binder = new Binding(templateName, data);
        var root = new Scope(data, null);
        if (template.ContainsKey(DataKey))
        {
            root = binder.ScopeOf(template, root, TemplatePath.Root.Child("$"));
        }
        var bound = binder.BindObject(template, root, TemplatePath.Root);
        return bound ?? throw new CardTemplateException(templateName, "$", WhenKey,
            $"Card template '{templateName}': the root object's $when is false, which would leave no card.");
    }

    /// <summary>Parses template text without turning date-like strings into dates.</summary>
    /// <param name="json">The template's JSON text.</param>
    /// <param name="templateName">The name used in error messages.</param>
    /// <exception cref="CardTemplateException">The text is not a JSON object.</exception>
    public static JObject ParseTemplate(string json, string templateName)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader) as JObject
                ?? throw new CardTemplateException(templateName, "$", null, $"Card template '{templateName}' is not a JSON object.");
        }
        catch (JsonReaderException e)
        {
            throw new CardTemplateException(templateName, e.Path ?? "$", null, $"Card template '{templateName}' is not valid JSON: {e.Message}", e);
        }
    }

    private static JObject Cached(string templateName) => Templates.GetOrAdd(templateName, static name =>
    {
        using var stream = ThisAssembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new ArgumentException(
                $"No card template '{name}'. Embedded templates: {string.Join(", ", TemplateNames)}.", nameof(templateName));
        using var text = new StreamReader(stream, Encoding.UTF8);
        return ParseTemplate(text.ReadToEnd(), name);
    });

    private const string DataKey = "$data";
    private const string WhenKey = "$when";

    /// <summary>The current data object, and the current item's position inside a <c>$data</c> repeat.</summary>
    private sealed record Scope(JToken Data, int? Index);

    private sealed class Binding(string templateName, JToken root)
    {
        public JObject? BindObject(JObject source, Scope scope, TemplatePath path)
        {
            if (source.TryGetValue(WhenKey, out var when) && !EvaluateWhen(when, scope, path.Child(WhenKey)))
            {
                return null;
            }
            var result = new JObject();
            // Siblings rather than Properties(), which enumerates through a cast iterator on every object bound.
            for (var token = source.First; token is not null; token = token.Next)
            {
                var property = (JProperty)token;
                if (property.Name is DataKey or WhenKey)
                {
                    continue;
                }
                var bound = BindToken(property.Value, scope, new PathStep(path, property.Name, 0));
                if (bound is not null)
                {
                    result.Add(property.Name, bound);
                }
            }
            return result;
        }

        /// <summary>Binds one value; <paramref name="step"/> becomes a <see cref="TemplatePath"/> only for a container or an error.</summary>
        private JToken? BindToken(JToken source, Scope scope, PathStep step) => source switch
        {
            JObject obj when obj.ContainsKey(DataKey) => BindObject(obj, ScopeOf(obj, scope, step.Path), step.Path),
            JObject obj => BindObject(obj, scope, step.Path),
            JArray array => BindArray(array, scope, step.Path),
            JValue { Type: JTokenType.String } value => BindString((string)value!, scope, step),
            _ => source.DeepClone(),
        };

        private JArray BindArray(JArray source, Scope scope, TemplatePath path)
        {
            var result = new JArray();
            for (var i = 0; i < source.Count; i++)
            {
                if (source[i] is JObject obj && obj.TryGetValue(DataKey, out var dataExpression))
                {
                    var itemPath = path.Item(i);
                    var data = EvaluateWhole(dataExpression, scope, itemPath.Child(DataKey), DataKey);
                    if (data is JArray items)
                    {
                        for (var j = 0; j < items.Count; j++)
                        {
                            if (BindObject(obj, new Scope(items[j], j), itemPath) is { } repeated)
                            {
                                result.Add(repeated);
                            }
                        }
                        continue;
                    }
                    if (data is not JObject)
                    {
                        throw Error(itemPath.Child(DataKey), (string?)dataExpression,
                            $"$data must be an array (to repeat the element) or an object, but {Describe(dataExpression)} is {TypeWords(data)}.");
                    }
                    if (BindObject(obj, new Scope(data, null), itemPath) is { } once)
                    {
                        result.Add(once);
                    }
                    continue;
                }
                if (BindToken(source[i], scope, new PathStep(path, null, i)) is { } bound)
                {
                    result.Add(bound);
                }
            }
            return result;
        }

        /// <summary>The scope an object's own <c>$data</c> sets where it cannot repeat (not an array item).</summary>
        public Scope ScopeOf(JObject obj, Scope scope, TemplatePath path)
        {
            var expression = obj[DataKey]!;
            var data = EvaluateWhole(expression, scope, path.Child(DataKey), DataKey);
            if (data is not JObject)
            {
                throw Error(path.Child(DataKey), (string?)expression,
                    $"$data here must be an object: only an element inside an array can be repeated, but {Describe(expression)} is {TypeWords(data)}.");
            }
            return new Scope(data, null);
        }

        private bool EvaluateWhen(JToken when, Scope scope, TemplatePath path)
        {
            if (when is not JValue { Type: JTokenType.String } || CompiledText.Of((string)when!)?.Whole is not { } inner)
            {
                throw Error(path, when.ToString(Formatting.None),
                    "$when must be a string \"${flag}\" or \"${!flag}\".");
            }
            var negate = inner.Negated is not null;
            var value = Resolve(inner.Negated ?? inner, scope, path, (string)when!);
            if (value.Type != JTokenType.Boolean)
            {
                throw Error(path, (string)when!, $"$when needs true or false, but {Describe(when)} is {TypeWords(value)}.");
            }
            return (bool)value ^ negate;
        }

        private JToken EvaluateWhole(JToken expression, Scope scope, TemplatePath path, string key)
        {
            if (expression is not JValue { Type: JTokenType.String } || CompiledText.Of((string)expression!)?.Whole is not { } inner)
            {
                throw Error(path, expression.ToString(Formatting.None), $"{key} must be a string that is exactly one \"${{path}}\".");
            }
            return Resolve(inner, scope, path, (string)expression!);
        }

        private JToken BindString(string text, Scope scope, PathStep step)
        {
            if (!text.Contains("${", StringComparison.Ordinal))
            {
                return new JValue(text);
            }
            var compiled = CompiledText.Of(text);
            if (compiled is null)
            {
                return BindMalformedString(text, scope, step.Path);
            }
            if (compiled.Whole is { } whole)
            {
                return Resolve(whole, scope, step, text).DeepClone();
            }
            var result = new StringBuilder(text.Length + 64);
            foreach (var (literal, expression) in compiled.Parts)
            {
                if (expression is null)
                {
                    result.Append(literal);
                    continue;
                }
                var value = Resolve(expression, scope, step, expression.Shown);
                result.Append(value.Type switch
                {
                    JTokenType.String => (string)value!,
                    JTokenType.Boolean => (bool)value ? "true" : "false",
                    JTokenType.Integer or JTokenType.Float => Convert.ToString(((JValue)value).Value, CultureInfo.InvariantCulture),
                    _ => throw Error(step.Path, expression.Shown,
                        $"'{expression.Shown}' is {TypeWords(value)} and cannot be part of the text '{text}': only strings, numbers and booleans can."),
                });
            }
            return new JValue(result.ToString());
        }

        /// <summary>
        /// A text with a <c>${</c> that is never closed: always an error, raised where reading it left to right reaches it
        /// (an expression before it that is unbound is reported first).
        /// </summary>
        private JToken BindMalformedString(string text, Scope scope, TemplatePath path)
        {
            var position = 0;
            while (true)
            {
                var start = text.IndexOf("${", position, StringComparison.Ordinal);
                var end = start < 0 ? -1 : text.IndexOf('}', start + 2);
                if (end < 0)
                {
                    throw Error(path, text, $"'{text}' has a '${{' with no closing '}}'.");
                }
                var expression = text[start..(end + 1)];
                var value = Resolve(Expression.Of(text[(start + 2)..end], expression), scope, path, expression);
                if (value.Type is not (JTokenType.String or JTokenType.Boolean or JTokenType.Integer or JTokenType.Float))
                {
                    throw Error(path, expression,
                        $"'{expression}' is {TypeWords(value)} and cannot be part of the text '{text}': only strings, numbers and booleans can.");
                }
                position = end + 1;
            }
        }

        /// <summary>Resolves a path (the text inside <c>${…}</c>); throws when it is unsupported, missing or null.</summary>
        private JToken Resolve(Expression expression, Scope scope, PathStep step, string shown)
        {
            if (!expression.Supported)
            {
                throw Error(step.Path, shown,
                    $"'{shown}' is not supported: the binder takes ${{name.name…}} (names of letters, digits and _, optionally " +
                    "starting with $root, $data or $index) and, in $when only, ${!name…}.");
            }
            var segments = expression.Segments;
            JToken current;
            var first = 1;
            switch (segments[0])
            {
                case "$root":
                    current = root;
                    break;
                case "$data":
                    current = scope.Data;
                    break;
                case "$index":
                    if (segments.Length > 1 || scope.Index is null)
                    {
                        throw Error(step.Path, shown, scope.Index is null
                            ? $"'{shown}' is unbound: $index exists only inside an element repeated with $data."
                            : $"'{shown}' is not supported: $index is a number and has no fields.");
                    }
                    return new JValue(scope.Index.Value);
                case var other when other.StartsWith('$'):
                    throw Error(step.Path, shown, $"'{shown}' is not supported: the only $ names are $root, $data and $index.");
                default:
                    current = scope.Data;
                    first = 0;
                    break;
            }
            for (var i = first; i < segments.Length; i++)
            {
                var next = current is JObject obj ? obj[segments[i]] : null;
                if (next is null)
                {
                    // What was walked so far: the segments before this one ("" when nothing was).
                    var walked = string.Join(".", segments, 0, i);
                    var where = walked.Length == 0 ? "the current data" : $"'{walked}'";
                    throw Error(step.Path, shown, current is JObject
                        ? $"'{shown}' is unbound: {where} has no '{segments[i]}'."
                        : $"'{shown}' is unbound: {where} is {TypeWords(current)}, not an object with '{segments[i]}'.");
                }
                current = next;
            }
            if (current.Type is JTokenType.Null or JTokenType.Undefined)
            {
                throw Error(step.Path, shown, $"'{shown}' is unbound: '{string.Join(".", segments)}' is null (use $when to leave an element out).");
            }
            return current;
        }

        private CardTemplateException Error(TemplatePath path, string? expression, string problem)
        {
            var where = path.ToString();
            where = where.Length == 0 ? "$" : where;
            return new(templateName, where, expression, $"Card template '{templateName}', at {where}: {problem}");
        }

        private static string Describe(JToken expression) =>
            expression.Type == JTokenType.String ? $"'{(string)expression!}'" : expression.ToString(Formatting.None);

        private static string TypeWords(JToken value) => value.Type switch
        {
            JTokenType.Object => "an object",
            JTokenType.Array => "an array",
            JTokenType.String => "a string",
            JTokenType.Integer or JTokenType.Float => "a number",
            JTokenType.Boolean => "a boolean",
            _ => value.Type.ToString().ToLowerInvariant(),
        };
    }

    /// <summary>True when the whole text is one <c>${…}</c>; <paramref name="inner"/> is what is inside.</summary>
    private static bool TryWhole(string text, out string inner)
    {
        if (text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}') && text.IndexOf('}') == text.Length - 1)
        {
            inner = text[2..^1];
            return true;
        }
        inner = "";
        return false;
    }

    private static bool IsName(string segment)
    {
        var name = segment.StartsWith('$') ? segment[1..] : segment;
        return name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
    }

    /// <summary>
    /// A template string with <c>${</c> read once: either exactly one expression (<see cref="Whole"/>) or literal text
    /// and expressions in order (<see cref="Parts"/>). Kept per distinct string (templates are few and fixed), so a
    /// bind neither splits nor validates an expression again; <see cref="Of"/> is null for a <c>${</c> never closed.
    /// </summary>
    private sealed class CompiledText
    {
        private static readonly ConcurrentDictionary<string, CompiledText?> Cache = new(StringComparer.Ordinal);

        private CompiledText(Expression? whole, (string? Literal, Expression? Expression)[] parts) => (Whole, Parts) = (whole, parts);

        /// <summary>The expression when the whole text is one <c>${…}</c>.</summary>
        public Expression? Whole { get; }

        /// <summary>Literal text (Expression null) and expressions, in order; empty when <see cref="Whole"/> is set.</summary>
        public (string? Literal, Expression? Expression)[] Parts { get; }

        public static CompiledText? Of(string text) => Cache.GetOrAdd(text, Compile);

        private static CompiledText? Compile(string text)
        {
            if (TryWhole(text, out var inner))
            {
                return new(Expression.Of(inner, text), []);
            }
            var parts = new List<(string?, Expression?)>();
            var position = 0;
            while (position < text.Length)
            {
                var start = text.IndexOf("${", position, StringComparison.Ordinal);
                if (start < 0)
                {
                    parts.Add((text[position..], null));
                    break;
                }
                var end = text.IndexOf('}', start + 2);
                if (end < 0)
                {
                    return null;
                }
                if (start > position)
                {
                    parts.Add((text[position..start], null));
                }
                parts.Add((null, Expression.Of(text[(start + 2)..end], text[start..(end + 1)])));
                position = end + 1;
            }
            return new(null, [.. parts]);
        }
    }

    /// <summary>The text inside one <c>${…}</c>, split into its names and checked once.</summary>
    private sealed class Expression
    {
        private Expression(string inner, string shown)
        {
            Shown = shown;
            Segments = inner.Split('.');
            Supported = inner.Length > 0 && Segments.All(IsName) && !Segments.Skip(1).Any(s => s.StartsWith('$'));
            Negated = inner.StartsWith('!') ? new Expression(inner[1..], shown) : null;
        }

        /// <summary>The expression as written, <c>${…}</c> included.</summary>
        public string Shown { get; }

        /// <summary>The names of the path, split at the dots.</summary>
        public string[] Segments { get; }

        /// <summary>Whether the binder takes this path (names of letters, digits and _, a $ name only first).</summary>
        public bool Supported { get; }

        /// <summary>For <c>${!path}</c> (in <c>$when</c>): the path without the <c>!</c>.</summary>
        public Expression? Negated { get; }

        public static Expression Of(string inner, string shown) => new(inner, shown);
    }

    /// <summary>
    /// A child of a template place, made into a <see cref="TemplatePath"/> only when needed (a container, or an error):
    /// most values are strings that bind without one.
    /// </summary>
    private readonly struct PathStep(TemplatePath parent, string? name, int index)
    {
        public TemplatePath Path => name is not null ? parent.Child(name) : index >= 0 ? parent.Item(index) : parent;

        public static implicit operator PathStep(TemplatePath path) => new(path, null, -1);
    }

    /// <summary>
    /// A place in a template (<c>body[3].items[0].text</c>), spelled out only when an error names it: binding a card
    /// visits every element, and building each one's path as a string on the way cost more than the binding itself.
    /// </summary>
    private sealed class TemplatePath
    {
        private readonly TemplatePath? _parent;
        private readonly string? _name;
        private readonly int _index;

        private TemplatePath(TemplatePath? parent, string? name, int index) => (_parent, _name, _index) = (parent, name, index);

        /// <summary>The root object, spelled "".</summary>
        public static TemplatePath Root { get; } = new(null, null, 0);

        /// <summary>A property: <c>path.name</c>, <c>path['$name']</c>, or just the name at the root.</summary>
        public TemplatePath Child(string name) => new(this, name, 0);

        /// <summary>An array item: <c>path[index]</c>.</summary>
        public TemplatePath Item(int index) => new(this, null, index);

        public override string ToString()
        {
            if (_parent is null)
            {
                return "";
            }
            var path = _parent.ToString();
            return _name is null ? $"{path}[{_index}]"
                : path.Length == 0 ? _name
                : _name.StartsWith('$') ? $"{path}['{_name}']" : $"{path}.{_name}";
        }
    }
}

/// <summary>A card template could not be bound: names the template, the place in it and the expression.</summary>
public sealed class CardTemplateException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="templateName">The template's name, e.g. <c>verdict.json</c>.</param>
    /// <param name="templatePath">Where in the template, as a JSON path, e.g. <c>body[3].items[0].text</c>.</param>
    /// <param name="expression">The expression that failed, if any, e.g. <c>${policy.titel}</c>.</param>
    /// <param name="message">The whole message.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public CardTemplateException(string templateName, string templatePath, string? expression, string message, Exception? inner = null)
        : base(message, inner)
    {
        TemplateName = templateName;
        TemplatePath = templatePath;
        Expression = expression;
    }

    /// <summary>The template's name, e.g. <c>verdict.json</c>.</summary>
    public string TemplateName { get; }

    /// <summary>Where in the template, as a JSON path, e.g. <c>body[3].items[0].text</c>.</summary>
    public string TemplatePath { get; }

    /// <summary>The expression that failed, if any, e.g. <c>${policy.titel}</c>.</summary>
    public string? Expression { get; }
}
