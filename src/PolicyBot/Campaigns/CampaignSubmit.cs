using Newtonsoft.Json.Linq;

namespace PolicyBot.Campaigns;

/// <summary>
/// The data of every campaign card button: <c>{"policybot":"campaign","op":"ack","campaign":12,"round":1}</c>, with
/// <c>situation</c> and <c>answer</c> for a scenario answer. Teams adds the card's input values (<c>campaignTitle</c>,
/// <c>sendDate</c>, …) to the same object. The data only says which campaign and which button: who may act is the
/// activity's sender, and what the campaign is comes from the store, never from the card.
/// </summary>
/// <param name="Op">The button: one of the <c>Ops</c> constants.</param>
/// <param name="CampaignId">The campaign, or null (new, list).</param>
/// <param name="Round">The round the card belongs to, or null.</param>
/// <param name="Situation">A scenario check situation's index (0-based), or null.</param>
/// <param name="Answer">A picked verdict id (scenario answer), or null.</param>
/// <param name="Inputs">The whole submitted object (the card's input values are read from it).</param>
public sealed record CampaignSubmit(string Op, long? CampaignId, int? Round, int? Situation, string? Answer, JObject Inputs)
{
    /// <summary>The value of <c>policybot</c> on every campaign button.</summary>
    public const string Action = "campaign";

    /// <summary>The button names.</summary>
    public static class Ops
    {
        /// <summary>Open a new compose card (authors).</summary>
        public const string New = "new";

        /// <summary>Compose card → preview to the author (authors).</summary>
        public const string Preview = "preview";

        /// <summary>Preview → send now (authors).</summary>
        public const string SendNow = "send-now";

        /// <summary>Preview → schedule at the date and time given (authors).</summary>
        public const string Schedule = "schedule";

        /// <summary>Preview → save the schedule read from the author's words, after it was repeated back (authors).</summary>
        public const string ConfirmSchedule = "confirm-schedule";

        /// <summary>Preview → throw the draft away (authors).</summary>
        public const string Discard = "discard";

        /// <summary>List campaigns (authors).</summary>
        public const string List = "list";

        /// <summary>Report of a campaign (authors).</summary>
        public const string Report = "report";

        /// <summary>CSV export through a download link (authors).</summary>
        public const string Export = "export";

        /// <summary>Pause a campaign (authors).</summary>
        public const string Pause = "pause";

        /// <summary>Resume a paused campaign (authors).</summary>
        public const string Resume = "resume";

        /// <summary>Cancel a campaign (authors).</summary>
        public const string Cancel = "cancel";

        /// <summary>"I have read and understand this policy" (anyone the round reached).</summary>
        public const string Acknowledge = "ack";

        /// <summary>A channel post's "Acknowledge in my chat" (anyone in the channel).</summary>
        public const string Open = "open";

        /// <summary>Start the scenario check.</summary>
        public const string ScenarioStart = "scenario";

        /// <summary>A verdict picked for a situation.</summary>
        public const string ScenarioAnswer = "scenario-answer";
    }

    /// <summary>The ops only campaign authors may use.</summary>
    public static readonly IReadOnlySet<string> AuthorOps = new HashSet<string>(StringComparer.Ordinal)
    {
        Ops.New, Ops.Preview, Ops.SendNow, Ops.Schedule, Ops.ConfirmSchedule, Ops.Discard, Ops.List, Ops.Report, Ops.Export, Ops.Pause, Ops.Resume, Ops.Cancel,
    };

    /// <summary>The data of a button.</summary>
    /// <param name="op">One of <see cref="Ops"/>.</param>
    /// <param name="campaignId">The campaign, or null.</param>
    /// <param name="round">The round, or null.</param>
    /// <param name="situation">A situation index, or null.</param>
    /// <param name="answer">A verdict id, or null.</param>
    public static JObject Data(string op, long? campaignId = null, int? round = null, int? situation = null, string? answer = null)
    {
        var data = new JObject { ["policybot"] = Action, ["op"] = op };
        if (campaignId is not null)
        {
            data["campaign"] = campaignId.Value;
        }
        if (round is not null)
        {
            data["round"] = round.Value;
        }
        if (situation is not null)
        {
            data["situation"] = situation.Value;
        }
        if (answer is not null)
        {
            data["answer"] = answer;
        }
        return data;
    }

    /// <summary>Reads an activity's value as a campaign button's data; null when it is not one (or is malformed).</summary>
    /// <param name="value">The activity's <c>Value</c>.</param>
    public static CampaignSubmit? TryRead(object? value)
    {
        if (value is not JObject data || (string?)(data["policybot"] as JValue) != Action || data["op"] is not JValue { Type: JTokenType.String } op)
        {
            return null;
        }
        // A field that is there but unreadable ("abc", -1, 1.5) names no campaign: 0, which none has, never "the latest".
        return new CampaignSubmit((string)op!, Number(data, "campaign") ?? Present(data, "campaign"), (int?)(Number(data, "round") ?? Present(data, "round")), (int?)Number(data, "situation"),
            data["answer"] is JValue { Type: JTokenType.String } a ? (string?)a : null, data);
    }

    /// <summary>A card input's text value (Teams sends every input as a string), trimmed; null when absent or blank.</summary>
    /// <param name="id">The input's id.</param>
    public string? Input(string id) =>
        Inputs[id] is JValue { Type: JTokenType.String } v && !string.IsNullOrWhiteSpace((string?)v) ? ((string)v!).Trim() : null;

    private static long? Present(JObject data, string field) => data[field] is null or { Type: JTokenType.Null } ? null : 0;

    private static long? Number(JObject data, string field) => data[field] switch
    {
        JValue { Type: JTokenType.Integer } n => Cards.CardActions.WholeNumber(n) is { } whole && whole >= 0 && whole <= int.MaxValue ? whole : null,
        JValue { Type: JTokenType.String } s when long.TryParse((string?)s, out var parsed) && parsed >= 0 && parsed <= int.MaxValue => parsed,
        _ => null,
    };
}
