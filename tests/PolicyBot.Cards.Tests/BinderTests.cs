using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PolicyBot.Cards.Tests;

public class BinderTests
{
    private static JObject Bind(string template, string data) =>
        CardTemplateBinder.Bind(CardTemplateBinder.ParseTemplate(template, "test.json"), JToken.Parse(data), "test.json");

    private static CardTemplateException Fails(string template, string data) =>
        Assert.Throws<CardTemplateException>(() => Bind(template, data));

    private static string Compact(JToken token) => token.ToString(Formatting.None);

    [Fact]
    public void A_whole_string_expression_keeps_the_type_of_the_bound_token()
    {
        var card = Bind(
            """{"o":"${obj}","a":"${arr}","n":"${num}","f":"${flt}","b":"${flag}","s":"${str}"}""",
            """{"obj":{"x":1},"arr":[1,"two"],"num":7,"flt":1.5,"flag":false,"str":"text"}""");

        Assert.Equal("""{"o":{"x":1},"a":[1,"two"],"n":7,"f":1.5,"b":false,"s":"text"}""", Compact(card));
    }

    [Fact]
    public void Expressions_inside_a_longer_string_are_interpolated_as_text()
    {
        var card = Bind(
            """{"t":"${name} has ${count} items (${ok}); ${name}!"}""",
            """{"name":"Ann","count":3,"ok":true}""");

        Assert.Equal("Ann has 3 items (true); Ann!", (string)card["t"]!);
    }

    [Fact]
    public void Numbers_are_interpolated_with_the_invariant_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("x 1.5", (string)Bind("""{"t":"x ${n}"}""", """{"n":1.5}""")["t"]!);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Dotted_paths_reach_into_nested_objects()
    {
        var card = Bind("""{"t":"${policy.meta.title}"}""", """{"policy":{"meta":{"title":"Rules"}}}""");
        Assert.Equal("Rules", (string)card["t"]!);
    }

    [Fact]
    public void Strings_without_expressions_numbers_booleans_and_property_names_are_copied_as_they_are()
    {
        var card = Bind("""{"${key}":"plain $ { text }","n":2,"b":true,"z":null}""", "{}");
        Assert.Equal("""{"${key}":"plain $ { text }","n":2,"b":true,"z":null}""", Compact(card));
    }

    [Fact]
    public void Data_values_are_inserted_as_they_are_and_never_read_as_templates()
    {
        var card = Bind("""{"t":"${a}","u":"say ${a}"}""", """{"a":"${b}","b":"no"}""");
        Assert.Equal("${b}", (string)card["t"]!);
        Assert.Equal("say ${b}", (string)card["u"]!);
    }

    [Fact]
    public void Data_on_an_array_item_repeats_it_once_per_element_with_the_element_as_the_current_data()
    {
        var card = Bind(
            """{"body":[{"type":"A"},{"$data":"${items}","type":"B","text":"${$index}: ${label} of ${$root.total}","raw":"${$data}"},{"type":"C"}]}""",
            """{"total":2,"items":[{"label":"one"},{"label":"two"}]}""");

        Assert.Equal(
            """{"body":[{"type":"A"},{"type":"B","text":"0: one of 2","raw":{"label":"one"}},{"type":"B","text":"1: two of 2","raw":{"label":"two"}},{"type":"C"}]}""",
            Compact(card));
    }

    [Fact]
    public void Data_over_an_array_of_strings_binds_each_string_as_dollar_data()
    {
        var card = Bind("""{"body":[{"$data":"${lines}","text":"• ${$data}"}]}""", """{"lines":["a","b"]}""");
        Assert.Equal("""{"body":[{"text":"• a"},{"text":"• b"}]}""", Compact(card));
    }

    [Fact]
    public void Data_over_an_empty_array_removes_the_element()
    {
        var card = Bind("""{"body":[{"$data":"${items}","text":"${label}"}]}""", """{"items":[]}""");
        Assert.Equal("""{"body":[]}""", Compact(card));
    }

    [Fact]
    public void Data_over_an_object_binds_the_element_once_with_that_object_as_the_current_data()
    {
        var card = Bind(
            """{"body":[{"$data":"${person}","text":"${name}"}],"header":{"$data":"${person}","text":"${name} / ${$root.site}"}}""",
            """{"site":"S","person":{"name":"Bo"}}""");
        Assert.Equal("""{"body":[{"text":"Bo"}],"header":{"text":"Bo / S"}}""", Compact(card));
    }

    [Fact]
    public void Nested_data_repeats_use_the_inner_element_and_root_stays_reachable()
    {
        var card = Bind(
            """{"body":[{"$data":"${groups}","items":[{"$data":"${members}","text":"${$root.prefix}${name}"}]}]}""",
            """{"prefix":"- ","groups":[{"members":[{"name":"a"},{"name":"b"}]},{"members":[{"name":"c"}]}]}""");
        Assert.Equal("""{"body":[{"items":[{"text":"- a"},{"text":"- b"}]},{"items":[{"text":"- c"}]}]}""", Compact(card));
    }

    [Fact]
    public void When_drops_an_element_whose_flag_is_false_and_keeps_it_when_true()
    {
        var card = Bind(
            """{"body":[{"$when":"${yes}","t":"kept"},{"$when":"${no}","t":"dropped"},{"$when":"${!no}","t":"negated"}],"footer":{"$when":"${no}","t":"gone"}}""",
            """{"yes":true,"no":false}""");
        Assert.Equal("""{"body":[{"t":"kept"},{"t":"negated"}]}""", Compact(card));
    }

    [Fact]
    public void When_is_evaluated_per_repeated_item_and_a_dropped_element_is_not_bound()
    {
        var card = Bind(
            """{"body":[{"$data":"${items}","$when":"${show}","t":"${label}"},{"$when":"${off}","t":"${missing.anything}"}]}""",
            """{"off":false,"items":[{"show":true,"label":"a"},{"show":false},{"show":true,"label":"c"}]}""");
        Assert.Equal("""{"body":[{"t":"a"},{"t":"c"}]}""", Compact(card));
    }

    [Fact]
    public void Binding_leaves_the_template_unchanged()
    {
        var template = CardTemplateBinder.ParseTemplate("""{"body":[{"$data":"${items}","t":"${x}"}],"$when":"${on}"}""", "test.json");
        var before = Compact(template);

        CardTemplateBinder.Bind(template, JToken.Parse("""{"on":true,"items":[{"x":"1"}]}"""), "test.json");

        Assert.Equal(before, Compact(template));
    }

    [Fact]
    public void A_missing_path_names_the_template_the_place_and_the_expression()
    {
        var e = Fails("""{"body":[{"type":"TextBlock","text":"Hi ${policy.titel}"}]}""", """{"policy":{"title":"T"}}""");

        Assert.Equal("test.json", e.TemplateName);
        Assert.Equal("body[0].text", e.TemplatePath);
        Assert.Equal("${policy.titel}", e.Expression);
        Assert.Equal("Card template 'test.json', at body[0].text: '${policy.titel}' is unbound: 'policy' has no 'titel'.", e.Message);
    }

    [Fact]
    public void A_missing_top_level_name_is_unbound_in_the_current_data()
    {
        var e = Fails("""{"t":"${nope}"}""", "{}");
        Assert.Equal("Card template 'test.json', at t: '${nope}' is unbound: the current data has no 'nope'.", e.Message);
    }

    [Fact]
    public void A_path_through_a_non_object_is_unbound()
    {
        var e = Fails("""{"t":"${a.b}"}""", """{"a":"text"}""");
        Assert.Equal("Card template 'test.json', at t: '${a.b}' is unbound: 'a' is a string, not an object with 'b'.", e.Message);
    }

    [Fact]
    public void A_null_value_is_unbound()
    {
        var e = Fails("""{"t":"${a}"}""", """{"a":null}""");
        Assert.Equal("Card template 'test.json', at t: '${a}' is unbound: 'a' is null (use $when to leave an element out).", e.Message);
    }

    [Fact]
    public void Inside_a_repeat_names_are_looked_up_in_the_item_only()
    {
        var e = Fails("""{"body":[{"$data":"${items}","t":"${title}"}]}""", """{"title":"root","items":[{"x":1}]}""");
        Assert.Equal("body[0].t", e.TemplatePath);
        Assert.Contains("the current data has no 'title'", e.Message);
    }

    [Theory]
    [InlineData("${count(items)}")]
    [InlineData("${ a }")]
    [InlineData("${a.b[0]}")]
    [InlineData("${a || b}")]
    [InlineData("${}")]
    [InlineData("${!a}")]
    [InlineData("${a.$root}")]
    [InlineData("${1a}")]
    public void Expressions_outside_the_subset_are_rejected_with_what_is_supported(string expression)
    {
        var e = Fails($$"""{"t":"{{expression}}"}""", """{"a":{"b":[1]},"items":[],"b":true}""");
        Assert.Equal(expression, e.Expression);
        Assert.Contains("is not supported", e.Message);
        Assert.Contains("${name.name…}", e.Message);
    }

    [Fact]
    public void Only_root_data_and_index_are_dollar_names()
    {
        var e = Fails("""{"t":"${$host.x}"}""", "{}");
        Assert.Equal("Card template 'test.json', at t: '${$host.x}' is not supported: the only $ names are $root, $data and $index.", e.Message);
    }

    [Fact]
    public void Index_outside_a_repeat_is_unbound()
    {
        var e = Fails("""{"t":"${$index}"}""", "{}");
        Assert.Equal("Card template 'test.json', at t: '${$index}' is unbound: $index exists only inside an element repeated with $data.", e.Message);
    }

    [Fact]
    public void An_unclosed_expression_is_rejected()
    {
        var e = Fails("""{"t":"a ${b"}""", """{"b":1}""");
        Assert.Equal("Card template 'test.json', at t: 'a ${b' has a '${' with no closing '}'.", e.Message);
    }

    [Fact]
    public void An_object_or_array_cannot_be_part_of_a_longer_string()
    {
        var e = Fails("""{"t":"list: ${items}"}""", """{"items":[1]}""");
        Assert.Equal(
            "Card template 'test.json', at t: '${items}' is an array and cannot be part of the text 'list: ${items}': only strings, numbers and booleans can.",
            e.Message);
    }

    [Fact]
    public void When_needs_a_boolean()
    {
        var e = Fails("""{"body":[{"$when":"${items}"}]}""", """{"items":[]}""");
        Assert.Equal("body[0]['$when']", e.TemplatePath);
        Assert.Equal("Card template 'test.json', at body[0]['$when']: $when needs true or false, but '${items}' is an array.", e.Message);
    }

    [Theory]
    [InlineData("\"${a} and ${b}\"")]
    [InlineData("\"true\"")]
    [InlineData("true")]
    public void When_must_be_one_flag_expression(string when)
    {
        var e = Fails($$"""{"body":[{"$when":{{when}}}]}""", """{"a":true,"b":true}""");
        Assert.Contains("$when must be a string \"${flag}\" or \"${!flag}\".", e.Message);
    }

    [Fact]
    public void Data_must_be_an_array_or_an_object()
    {
        var e = Fails("""{"body":[{"$data":"${name}"}]}""", """{"name":"x"}""");
        Assert.Equal(
            "Card template 'test.json', at body[0]['$data']: $data must be an array (to repeat the element) or an object, but '${name}' is a string.",
            e.Message);
    }

    [Fact]
    public void Data_that_is_not_an_array_item_cannot_repeat()
    {
        var e = Fails("""{"header":{"$data":"${items}"}}""", """{"items":[1,2]}""");
        Assert.Equal(
            "Card template 'test.json', at header['$data']: $data here must be an object: only an element inside an array can be repeated, but '${items}' is an array.",
            e.Message);
    }

    [Fact]
    public void Data_must_be_exactly_one_expression()
    {
        var e = Fails("""{"body":[{"$data":"items"}]}""", """{"items":[]}""");
        Assert.Contains("$data must be a string that is exactly one \"${path}\".", e.Message);
    }

    [Fact]
    public void A_false_when_on_the_root_is_an_error()
    {
        var e = Fails("""{"$when":"${off}","type":"AdaptiveCard"}""", """{"off":false}""");
        Assert.Contains("the root object's $when is false", e.Message);
    }

    [Fact]
    public void Templates_are_parsed_without_turning_dates_into_dates()
    {
        var template = CardTemplateBinder.ParseTemplate("""{"t":"2019-05-09T00:00:00Z"}""", "test.json");
        Assert.Equal(JTokenType.String, template["t"]!.Type);
        Assert.Equal("2019-05-09T00:00:00Z", (string)template["t"]!);
    }

    [Fact]
    public void Invalid_template_json_names_the_template()
    {
        var e = Assert.Throws<CardTemplateException>(() => CardTemplateBinder.ParseTemplate("{\"a\": ", "broken.json"));
        Assert.StartsWith("Card template 'broken.json' is not valid JSON", e.Message);
    }

    [Fact]
    public void The_templates_are_embedded_and_unknown_names_list_them()
    {
        Assert.Equal(
            ["campaign-compose.json", "campaign-list.json", "campaign-reminder.json", "campaign-report.json", "campaign-scenario.json", "confirm.json", "error.json", "feedback-report.json", "feedback.json", "help.json", "my-data.json", "policy.json", "question.json",
             "registry-entry.json", "request-channel.json", "request-form.json", "request-notice.json", "roles.json", "safety.json", "test-message.json", "test-status.json", "verdict.json", "welcome.json"],
            CardTemplateBinder.TemplateNames);
        var e = Assert.Throws<ArgumentException>(() => CardTemplateBinder.Bind("nope.json", new JObject()));
        Assert.Contains("No card template 'nope.json'. Embedded templates: campaign-compose.json, campaign-list.json", e.Message);
    }

    [Fact]
    public void Each_embedded_template_is_the_file_in_cards_and_declares_schema_1_5()
    {
        foreach (var name in CardTemplateBinder.TemplateNames)
        {
            var template = CardTemplateBinder.LoadTemplate(name);
            var file = CardTemplateBinder.ParseTemplate(File.ReadAllText(Path.Combine(TestSupport.RepoPaths.Cards, name)), name);
            Assert.True(JToken.DeepEquals(file, template), $"{name} differs from cards/{name}: rebuild");
            Assert.Equal("AdaptiveCard", (string?)template["type"]);
            Assert.Equal("1.5", (string?)template["version"]);
            Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)template["$schema"]);
        }
    }

    [Fact]
    public void A_binding_error_in_an_embedded_template_names_it()
    {
        var e = Assert.Throws<CardTemplateException>(() => CardTemplateBinder.Bind("error.json", new JObject { ["message"] = "m" }));
        Assert.Equal("error.json", e.TemplateName);
        Assert.Equal("actions[0].data", e.TemplatePath);
        Assert.Equal("Card template 'error.json', at actions[0].data: '${startOverData}' is unbound: the current data has no 'startOverData'.", e.Message);
    }
}
