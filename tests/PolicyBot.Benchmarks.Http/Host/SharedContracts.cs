using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Rest.Serialization;

namespace PolicyBot.Benchmarks.Http.Host;

/// <summary>
/// An experiment, for the benchmark's <c>--shared-contracts</c> only (POLICYBOT_BENCH_SHARED_CONTRACTS=1): the adapter
/// creates a new <see cref="ConnectorClient"/> for every turn, and each new client brings new Json.NET contract
/// resolvers, so every turn rebuilds the contracts of Activity, ChannelAccount, Attachment … by reflection and compiles
/// their accessors again (dozens of JIT compilations per turn). Here the clients the adapter gets use one shared resolver
/// per direction instead; nothing else changes. It shows what that fix in PolicyBotApp.CreateAdapter would be worth.
/// </summary>
internal static class SharedContracts
{
    private static readonly ReadOnlyJsonContractResolver SerializeResolver = new();
    private static readonly ReadOnlyJsonContractResolver DeserializeResolver = new();

    public static void Register(IServiceCollection services)
    {
        var inner = services.Last(d => d.ServiceType == typeof(BotFrameworkAuthentication));
        services.AddSingleton<BotFrameworkAuthentication>(sp => new Authentication((BotFrameworkAuthentication)(
            inner.ImplementationInstance ?? inner.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!))));
    }

    private sealed class Authentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
    {
        public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
        {
            var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false);
            result.ConnectorFactory = new Factory(result.ConnectorFactory);
            return result;
        }

        public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
        {
            var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false);
            result.ConnectorFactory = new Factory(result.ConnectorFactory);
            return result;
        }

        public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) => new Factory(inner.CreateConnectorFactory(claimsIdentity));

        public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
            inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

        public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

        public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

        public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
            inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);
    }

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
