using System.Reflection;
using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace PolicyBot.Hosting;

/// <summary>
/// Bot Framework authentication whose connector clients share one Json.NET contract resolver per direction.
/// The adapter creates a new <see cref="ConnectorClient"/> for every turn, and each new client brings new resolvers,
/// so every turn would rebuild the contracts of Activity, Attachment … by reflection (measured with
/// tests/PolicyBot.Benchmarks.Http: about 9 ms of CPU and 0.9 MB per turn, and most of the process's memory).
/// The resolvers cache contracts thread-safely and hold no per-turn state, so sharing them changes nothing else.
/// The serializing one also writes a card attachment's JSON straight out (see <see cref="CardContentResolver"/>).
/// Everything else is delegated to the wrapped authentication.
/// </summary>
public sealed class SharedContractsAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    private static readonly ReadOnlyJsonContractResolver SerializeResolver = new CardContentResolver();
    private static readonly ReadOnlyJsonContractResolver DeserializeResolver = new();

    /// <inheritdoc />
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false);
        result.ConnectorFactory = new Factory(result.ConnectorFactory);
        return result;
    }

    /// <inheritdoc />
    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false);
        result.ConnectorFactory = new Factory(result.ConnectorFactory);
        return result;
    }

    /// <inheritdoc />
    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) => new Factory(inner.CreateConnectorFactory(claimsIdentity));

    /// <inheritdoc />
    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    /// <inheritdoc />
    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    /// <inheritdoc />
    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    /// <inheritdoc />
    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    /// <summary>
    /// The connector's resolver, with one change: <see cref="Attachment.Content"/> that is already JSON (a card is a
    /// JObject) is written as it is. Bot Framework's converter on that property (AttachmentMemoryStreamConverter) first
    /// walks the whole card by reflection looking for a MemoryStream, which a JToken cannot hold, then copies the card
    /// into a new JToken and writes the copy: some 4 % of PolicyBot's CPU in the HTTP benchmark. Writing the token
    /// with the serializer's converters is what writing the copy does, so the JSON is the same; other content still
    /// goes through Bot Framework's converter.
    /// </summary>
    private sealed class CardContentResolver : ReadOnlyJsonContractResolver
    {
        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (member.DeclaringType == typeof(Attachment) && member.Name == nameof(Attachment.Content) && property.Converter is { } botFramework)
            {
                property.Converter = new JsonContentConverter(botFramework);
            }
            return property;
        }
    }

    private sealed class JsonContentConverter(JsonConverter botFramework) : JsonConverter
    {
        public override bool CanConvert(Type objectType) => botFramework.CanConvert(objectType);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
            botFramework.ReadJson(reader, objectType, existingValue, serializer);

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            if (value is JToken token)
            {
                var converters = serializer.Converters.ToArray();
                if (PlainValues.Of(converters))
                {
                    WritePlain(token, writer, converters);
                }
                else
                {
                    token.WriteTo(writer, converters);
                }
            }
            else
            {
                botFramework.WriteJson(writer, value, serializer);
            }
        }

        /// <summary>
        /// Writes <paramref name="token"/> as <c>token.WriteTo(writer, converters)</c> does (objects, properties and arrays
        /// in the same calls), except that a string, integer, float or boolean value skips the search for a converter,
        /// which none of <paramref name="converters"/> takes (checked by <see cref="PlainValues"/>): a card is mostly such
        /// values, and that search is made per value. Any other value goes through the converters as before.
        /// </summary>
        private static void WritePlain(JToken token, JsonWriter writer, JsonConverter[] converters)
        {
            switch (token)
            {
                case JObject obj:
                    writer.WriteStartObject();
                    for (var child = obj.First; child is not null; child = child.Next)
                    {
                        var property = (JProperty)child;
                        writer.WritePropertyName(property.Name);
                        WritePlain(property.Value, writer, converters);
                    }
                    writer.WriteEndObject();
                    break;
                case JArray array:
                    writer.WriteStartArray();
                    for (var i = 0; i < array.Count; i++)
                    {
                        WritePlain(array[i], writer, converters);
                    }
                    writer.WriteEndArray();
                    break;
                case JValue { Value: string or bool or long or double } value when value.GetType() == typeof(JValue):
                    value.WriteTo(writer);
                    break;
                default:
                    token.WriteTo(writer, converters);
                    break;
            }
        }
    }

    /// <summary>Whether no converter of a set takes strings, integers, floats or booleans (kept per converter set).</summary>
    private static class PlainValues
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonConverter, object> Takes = new();
        private static readonly object Yes = new();
        private static readonly object No = new();

        public static bool Of(JsonConverter[] converters)
        {
            foreach (var converter in converters)
            {
                var takes = Takes.GetValue(converter, static c =>
                    c.CanConvert(typeof(string)) || c.CanConvert(typeof(bool)) || c.CanConvert(typeof(long)) || c.CanConvert(typeof(double)) ? Yes : No);
                if (takes == Yes)
                {
                    return false;
                }
            }
            return true;
        }
    }

    /// <summary>Gives each client the adapter asks for the shared resolvers.</summary>
    private sealed class Factory(ConnectorFactory inner) : ConnectorFactory
    {
        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken = default)
        {
            var client = await inner.CreateAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
            if (client is ConnectorClient connector)
            {
                connector.SerializationSettings.ContractResolver = SerializeResolver;
                connector.DeserializationSettings.ContractResolver = DeserializeResolver;
            }
            return client;
        }
    }
}
