using PolicyBot.TestSupport;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PolicyBot.Hosting;

namespace PolicyBot.Deployment.Tests;

/// <summary>azuredeploy.json: what it creates, how it is configured, and that its app settings match what the bot reads.</summary>
public sealed partial class ArmTemplateTests
{
    /// <summary>
    /// App settings the template may set beyond <see cref="SettingsKeys.All"/>, each with the reason it is needed.
    /// Empty on purpose: /home is persistent by default for App Service on Linux code apps, and `az webapp deploy`
    /// needs no setting. Add an entry here (with its reason) rather than loosening the test.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> PlatformAppSettings = new Dictionary<string, string>();

    /// <summary>Oldest acceptable API version per resource type (GA versions; newer ones pass).</summary>
    private static readonly IReadOnlyDictionary<string, string> MinimumApiVersions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft.Web/serverfarms"] = "2023-12-01",
        ["Microsoft.Web/sites"] = "2023-12-01",
        ["Microsoft.BotService/botServices"] = "2022-09-15",
        ["Microsoft.BotService/botServices/channels"] = "2022-09-15",
    };

    private static readonly JsonObject Template = JsonNode.Parse(File.ReadAllText(RepoPaths.ArmTemplate))!.AsObject();

    private static JsonObject Parameters => Template["parameters"]!.AsObject();

    private static IEnumerable<JsonObject> Resources => Template["resources"]!.AsArray().Select(r => r!.AsObject());

    private static JsonObject Single(string type) => Assert.Single(Resources, r => (string?)r["type"] == type);

    private static JsonObject WebApp => Single("Microsoft.Web/sites");

    private static JsonObject Bot => Single("Microsoft.BotService/botServices");

    [Fact]
    public void Is_a_resource_group_deployment_template()
    {
        Assert.Equal("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", (string?)Template["$schema"]);
        Assert.Equal("1.0.0.0", (string?)Template["contentVersion"]);
        Assert.Equal(
            ["Microsoft.BotService/botServices", "Microsoft.BotService/botServices/channels", "Microsoft.Web/serverfarms", "Microsoft.Web/sites"],
            Resources.Select(r => (string)r["type"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void App_settings_are_exactly_the_keys_the_bot_reads()
    {
        var names = AppSettings().Select(s => s.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var missing = SettingsKeys.All.Except(names, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"SettingsKeys not set by azuredeploy.json: {string.Join(", ", missing)}");
        var extra = names.Except(SettingsKeys.All, StringComparer.Ordinal).Except(PlatformAppSettings.Keys, StringComparer.Ordinal).ToList();
        Assert.True(extra.Count == 0, $"App settings the bot does not read (add them to SettingsKeys, or to PlatformAppSettings with a reason): {string.Join(", ", extra)}");
    }

    [Theory]
    [InlineData(SettingsKeys.MicrosoftAppType, "[parameters('appType')]")]
    [InlineData(SettingsKeys.MicrosoftAppId, "[parameters('appId')]")]
    [InlineData(SettingsKeys.MicrosoftAppTenantId, "[parameters('tenantId')]")]
    [InlineData(SettingsKeys.DataFolder, "[parameters('dataFolder')]")]
    [InlineData(SettingsKeys.SchoolEmailDomains, "[parameters('schoolEmailDomains')]")]
    [InlineData(SettingsKeys.PolicyFile, "[parameters('policyFile')]")]
    [InlineData(SettingsKeys.CampaignAuthors, "[parameters('campaignAuthors')]")]
    [InlineData(SettingsKeys.RequestDeciders, "[parameters('requestDeciders')]")]
    [InlineData(SettingsKeys.ReplyTimeBudgetSeconds, "[string(parameters('replyTimeBudgetSeconds'))]")]
    [InlineData(SettingsKeys.SafetyFile, "[parameters('safetyFile')]")]
    public void App_setting_comes_from_its_parameter(string key, string expression)
    {
        Assert.Equal(expression, AppSettings().Single(s => s.Name == key).Value);
    }

    [Fact]
    public void Password_is_a_secure_parameter_set_only_for_an_app_registration_and_never_output()
    {
        Assert.Equal("securestring", (string?)Parameters["appPassword"]!["type"]);
        var value = AppSettings().Single(s => s.Name == SettingsKeys.MicrosoftAppPassword).Value;
        Assert.Equal("[if(variables('useMsi'), '', parameters('appPassword'))]", value);
        Assert.DoesNotContain("appPassword", Text(Template["outputs"]), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Data_folder_defaults_to_persistent_storage_on_app_service_linux()
    {
        var folder = (string?)Parameters["dataFolder"]!["defaultValue"];
        Assert.Equal("/home/data/policybot", folder);
    }

    [Fact]
    public void School_email_domains_must_be_given()
    {
        var parameter = Parameters["schoolEmailDomains"]!.AsObject();
        Assert.False(parameter.ContainsKey("defaultValue"), "each district has its own domains: no default");
        Assert.Equal(1, (int?)parameter["minLength"]);
    }

    [Fact]
    public void Every_parameter_has_a_description_and_is_used()
    {
        foreach (var (name, parameter) in Parameters)
        {
            var description = (string?)parameter!["metadata"]?["description"];
            Assert.False(string.IsNullOrWhiteSpace(description), $"parameter {name} has no metadata.description");
        }

        var used = UsedParameters();
        var unused = Parameters.Select(p => p.Key).Where(p => !used.Contains(p)).ToList();
        Assert.True(unused.Count == 0, $"parameters used nowhere in resources or outputs: {string.Join(", ", unused)}");
    }

    [Fact]
    public void Resources_use_current_ga_api_versions()
    {
        foreach (var resource in Resources)
        {
            var type = (string)resource["type"]!;
            var apiVersion = (string?)resource["apiVersion"];
            Assert.False(string.IsNullOrEmpty(apiVersion), $"{type} has no apiVersion");
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", apiVersion); // no -preview
            Assert.True(MinimumApiVersions.ContainsKey(type), $"no minimum API version recorded for {type}");
            Assert.True(string.CompareOrdinal(apiVersion, MinimumApiVersions[type]) >= 0, $"{type}@{apiVersion} is older than {MinimumApiVersions[type]}");
        }

        // reference() calls read the web app with the API version it is deployed with.
        var siteVersion = (string)WebApp["apiVersion"]!;
        foreach (Match m in ReferenceApiVersion().Matches(Text(Template)))
        {
            Assert.Equal(siteVersion, m.Groups[1].Value);
        }
    }

    [Fact]
    public void Plan_and_web_app_run_dotnet_10_on_linux_hardened()
    {
        var plan = Single("Microsoft.Web/serverfarms");
        Assert.True((bool?)plan["properties"]!["reserved"], "a Linux plan has properties.reserved = true");
        Assert.Equal("linux", (string?)plan["kind"]);

        var site = WebApp;
        Assert.Equal("app,linux", (string?)site["kind"]);
        var properties = site["properties"]!;
        Assert.True((bool?)properties["httpsOnly"]);
        Assert.Contains("resourceId('Microsoft.Web/serverfarms'", (string?)properties["serverFarmId"]);
        var config = properties["siteConfig"]!;
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.True((bool?)config["alwaysOn"]);
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.Equal("/healthz", (string?)config["healthCheckPath"]);
    }

    [Fact]
    public void Plan_sku_supports_always_on()
    {
        var allowed = Parameters["planSku"]!["allowedValues"]!.AsArray().Select(v => (string)v!).ToList();
        Assert.DoesNotContain(allowed, sku => sku.StartsWith('F') || sku.StartsWith('D')); // Free and Shared have no Always On
        Assert.Contains((string?)Parameters["planSku"]!["defaultValue"], allowed);
    }

    [Fact]
    public void Bot_is_an_azure_bot_with_a_single_tenant_or_managed_identity()
    {
        var bot = Bot;
        Assert.Equal("azurebot", (string?)bot["kind"]);
        Assert.Equal("global", (string?)bot["location"]);
        Assert.Equal("[parameters('botSku')]", (string?)bot["sku"]!["name"]);

        var appTypes = Parameters["appType"]!["allowedValues"]!.AsArray().Select(v => (string)v!).ToList();
        Assert.Equal(["SingleTenant", "UserAssignedMSI"], appTypes); // creating multi-tenant bots is deprecated
        Assert.DoesNotContain("MultiTenant", File.ReadAllText(RepoPaths.ArmTemplate), StringComparison.Ordinal);

        var properties = bot["properties"]!;
        Assert.Equal("[parameters('appId')]", (string?)properties["msaAppId"]);
        Assert.Equal("[parameters('appType')]", (string?)properties["msaAppType"]);
        Assert.Equal("[parameters('tenantId')]", (string?)properties["msaAppTenantId"]);
        Assert.Equal("[if(variables('useMsi'), parameters('msiResourceId'), null())]", (string?)properties["msaAppMSIResourceId"]);
        Assert.Equal("[equals(parameters('appType'), 'UserAssignedMSI')]", (string?)Template["variables"]!["useMsi"]);
    }

    [Fact]
    public void Managed_identity_is_assigned_to_the_web_app_when_used()
    {
        var identity = (string?)WebApp["identity"];
        Assert.Equal(
            "[if(variables('useMsi'), createObject('type', 'UserAssigned', 'userAssignedIdentities', createObject(parameters('msiResourceId'), createObject())), createObject('type', 'None'))]",
            identity);
    }

    [Fact]
    public void Bot_messaging_endpoint_is_the_web_apps_api_messages()
    {
        var bot = Bot;
        var endpoint = (string?)bot["properties"]!["endpoint"];
        var webAppReference = $"reference(resourceId('Microsoft.Web/sites', parameters('webAppName')), '{WebApp["apiVersion"]}').defaultHostName";
        Assert.Equal($"[format('https://{{0}}/api/messages', {webAppReference})]", endpoint);
        Assert.Equal("[parameters('webAppName')]", (string?)WebApp["name"]);
        Assert.Contains("[resourceId('Microsoft.Web/sites', parameters('webAppName'))]", bot["dependsOn"]!.AsArray().Select(d => (string?)d));

        var outputs = Template["outputs"]!;
        Assert.Equal(endpoint, (string?)outputs["botMessagingEndpoint"]!["value"]);
        Assert.Equal($"[{webAppReference}]", (string?)outputs["webAppHostName"]!["value"]);
        Assert.Equal("[parameters('webAppName')]", (string?)outputs["webAppName"]!["value"]);
    }

    [Fact]
    public void Teams_channel_is_enabled_on_the_bot()
    {
        var channel = Single("Microsoft.BotService/botServices/channels");
        Assert.Equal("[format('{0}/{1}', parameters('botName'), 'MsTeamsChannel')]", (string?)channel["name"]);
        Assert.Equal("[parameters('botName')]", (string?)Bot["name"]);
        Assert.Equal("MsTeamsChannel", (string?)channel["properties"]!["channelName"]);
        Assert.True((bool?)channel["properties"]!["properties"]!["isEnabled"]);
        Assert.Contains("[resourceId('Microsoft.BotService/botServices', parameters('botName'))]", channel["dependsOn"]!.AsArray().Select(d => (string?)d));
    }

    private static List<(string Name, string? Value)> AppSettings() =>
        WebApp["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .Select(s => ((string)s!["name"]!, (string?)s["value"]))
            .ToList();

    /// <summary>Every string (property names and values) under a node, one a line: what template expressions live in.</summary>
    private static string Text(JsonNode? node)
    {
        var lines = new List<string>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        lines.Add(key);
                        Walk(value);
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(item);
                    }

                    break;
                case JsonValue v when v.TryGetValue<string>(out var text):
                    lines.Add(text);
                    break;
            }
        }

        Walk(node);
        return string.Join('\n', lines);
    }

    /// <summary>
    /// Parameters named by resources or outputs, directly, through variables, or through the default of another
    /// used parameter (namePrefix feeds the default names).
    /// </summary>
    private static HashSet<string> UsedParameters()
    {
        var usedParameters = new HashSet<string>(StringComparer.Ordinal);
        var usedVariables = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([Text(Template["resources"]), Text(Template["outputs"])]);
        while (pending.TryDequeue(out var text))
        {
            foreach (Match m in ParameterUse().Matches(text))
            {
                var name = m.Groups[1].Value;
                Assert.True(Parameters.ContainsKey(name), $"parameters('{name}') is not defined");
                if (usedParameters.Add(name) && Parameters[name]!["defaultValue"] is { } defaultValue)
                {
                    pending.Enqueue(Text(defaultValue));
                }
            }

            foreach (Match m in VariableUse().Matches(text))
            {
                var name = m.Groups[1].Value;
                if (usedVariables.Add(name))
                {
                    var variable = Template["variables"]?[name];
                    Assert.True(variable is not null, $"variables('{name}') is not defined");
                    pending.Enqueue(Text(variable));
                }
            }
        }

        return usedParameters;
    }

    [GeneratedRegex(@"parameters\('([A-Za-z0-9_]+)'\)")]
    private static partial Regex ParameterUse();

    [GeneratedRegex(@"variables\('([A-Za-z0-9_]+)'\)")]
    private static partial Regex VariableUse();

    [GeneratedRegex(@"reference\(resourceId\('Microsoft\.Web/sites'[^)]*\), '([0-9-]+)'\)")]
    private static partial Regex ReferenceApiVersion();
}
