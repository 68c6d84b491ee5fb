using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using PolicyBot.Cards;
using PolicyBot.Hosting;
using PolicyBot.Requests;
using PolicyBot.Tests.Infrastructure;
using Xunit.Abstractions;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Requests;

/// <summary>
/// Requests to the administration in the real app over HTTP, with the real delivery engine and the fake Teams connector:
/// a teacher's request from words to approval (the one channel card updated in place, the teacher told at each step), and
/// the rules of trust (forged card data, the requester deciding, stale cards, two deciders at once, redelivered
/// activities), persistence across a restart and routing to a school's channel.
/// </summary>
public sealed class RequestFlowTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly TeamsUser _teacher = TeamsUser.Create("Lee Teacher");
    private readonly TeamsUser _dean = TeamsUser.Create("Dana Dean");
    private readonly TeamsUser _principal = TeamsUser.Create("Pat Principal");
    private readonly TeamsUser _otherPrincipal = TeamsUser.Create("Ola Otherschool");
    private readonly TeamsUser _counselor = TeamsUser.Create("Sam Counselor");
    private readonly TeamsUser _para = TeamsUser.Create("Ari Para");
    private readonly TeamsConversation _district = TeamsConversation.Channel(teamName: "District Office", channelName: "Requests");
    private readonly TeamsConversation _school = TeamsConversation.Channel(teamName: "Stevensville High", channelName: "Administration");
    private readonly TeamsConversation _otherSchool = TeamsConversation.Channel(teamName: "Lone Rock School", channelName: "Office");
    private readonly TeamsConversation _teacherChat = TeamsConversation.Personal();
    private FakeBotConnector _connector = null!;
    private BotHost _host = null!;
    private TeamsChatClient _teams = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        var options = new BotHostOptions { Output = output };
        options.Settings[SettingsKeys.RequestDeciders] =
            $"{_dean.AadObjectId}, {_principal.AadObjectId}@{_school.TeamId}, {_otherPrincipal.AadObjectId}@{_otherSchool.TeamId}";
        options.Settings[SettingsKeys.DeliveryPollSeconds] = "1";
        _host = await BotHost.StartAsync(options);
        _teams = new TeamsChatClient(_host, _connector);
        _teams.AddToRoster(_district, _counselor);
        _teams.AddToRoster(_school, _counselor);
        await _teams.SendAsync(_teams.Activities.MembersAdded(_teacherChat, _teacher));   // installed: the teacher can be told
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private SqliteRequestStore Store => _host.Services.GetRequiredService<SqliteRequestStore>();

    private async Task SetDistrictChannelAsync()
    {
        var done = await _teams.SayAsync(_district, _dean, "district requests here");
        Assert.StartsWith("Done: staff requests come to this channel (Requests)", done.SingleReply.Text);
    }

    /// <summary>Fills in and sends a presence request from the teacher's words; returns the request id.</summary>
    private async Task<long> SendPresenceRequestAsync(TeamsUser requester, TeamsConversation chat, string? school = null)
    {
        var turn = await _teams.SayAsync(chat, requester, "I want to start a class Instagram page");
        var form = turn.Activities.Select(CardOf).OfType<JObject>().Single(c => SubmitsOf(c).Any(s => s.Title == "Check my request"));
        var check = SubmitsOf(form).Single(s => s.Title == "Check my request").Data;
        var inputs = (JObject)check.DeepClone();
        inputs["platform"] = "Instagram";
        inputs["accountName"] = "@room12news";
        inputs["purpose"] = "Class news and reminders for families";
        inputs["audience"] = "Grade 5 students' families";
        inputs["administratorTyped"] = _counselor.Email;
        inputs["posts"] = "announcements,student-photos";
        inputs["startDate"] = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd");
        if (school is not null)
        {
            inputs["school"] = school;
        }

        var summary = LastCard(await _teams.SubmitAsync(chat, requester, inputs));
        Assert.Contains("Check your request before I send it", TextOf(summary));
        var sent = await _teams.SubmitAsync(chat, requester, SubmitsOf(summary).Single(s => s.Title == "Send to administration").Data);
        Assert.Contains("Sent: request #", TextOf(LastCard(sent)));
        return (long)check["request"]!;
    }

    /// <summary>The latest card the bot sent or updated in <paramref name="channel"/> that satisfies <paramref name="shows"/>.</summary>
    private async Task<(ReceivedActivity Call, JObject Card)> ChannelCardAsync(TeamsConversation channel, string shows)
    {
        var calls = await _connector.WaitForAsync(
            r => r.ConversationId == channel.Id && r.Activity is { } a && CardOf(a) is { } c && TextOf(c).Contains(shows, StringComparison.Ordinal), timeout: Wait);
        var call = calls[0];
        return (call, CardOf(call.Activity!)!);
    }

    private static JObject Act(JObject card, string title, params (string Input, string Value)[] inputs)
    {
        var data = (JObject)SubmitsOf(card).Single(s => s.Title == title).Data.DeepClone();
        foreach (var (input, value) in inputs)
        {
            data[input] = value;
        }

        return data;
    }

    private Task<IReadOnlyList<ReceivedActivity>> ToldAsync(string words) =>
        _connector.WaitForAsync(r => r.ConversationId == _teacherChat.Id && r.Activity is { } a && CardOf(a) is { } c && TextOf(c).Contains(words, StringComparison.Ordinal), timeout: Wait);

    [Fact]
    public async Task A_teachers_page_request_goes_from_her_words_to_approval_on_one_channel_card_and_she_is_told_at_each_step()
    {
        await SetDistrictChannelAsync();

        // From plain words: the verdict, then the form, the platform already filled in, the district team's members to pick.
        var asked = await _teams.SayAsync(_teacherChat, _teacher, "I want to start a class Instagram page");
        var cards = asked.Activities.Select(CardOf).OfType<JObject>().ToList();
        Assert.Equal("Needs administration", VerdictWords(cards[0]));
        Assert.Contains(SubmitsOf(cards[0]), s => s.Title == "Ask administration");
        var form = cards.Single(c => SubmitsOf(c).Any(s => s.Title == "Check my request"));
        Assert.Equal("Instagram", form.Descendants().OfType<JObject>().Single(o => (string?)o["id"] == "platform")["value"]!.ToString());
        Assert.Contains(_counselor.AadObjectId, form.ToString());

        // Clear messages for what is missing; nothing is sent.
        var check = SubmitsOf(form).Single(s => s.Title == "Check my request").Data;
        var bad = (JObject)check.DeepClone();
        bad["platform"] = "Instagram";
        bad["administratorTyped"] = "Nobody Known";
        var errors = TextOf(LastCard(await _teams.SubmitAsync(_teacherChat, _teacher, bad)));
        Assert.Contains("What is it for: say what the account is for", errors);
        Assert.Contains("Who is it for: say which students and which families", errors);
        Assert.Contains("nobody named 'Nobody Known' is a member of District Office", errors);
        Assert.Contains("What will be posted: tick at least one", errors);
        Assert.DoesNotContain(_connector.Received, r => r.ConversationId == _district.Id && r.Activity is { } a && CardOf(a) is not null);

        var id = await SendPresenceRequestAsync(_teacher, _teacherChat);

        // One card in the district channel, with the form, the facts, the verdict and the clauses quoted.
        var (posted, card) = await ChannelCardAsync(_district, "SUBMITTED");
        Assert.Equal(ConnectorOperation.SendToConversation, posted.Operation);
        var text = TextOf(card);
        Assert.Contains($"Request #{id} · social media presence: Instagram — @room12news", text);
        Assert.Contains("Lee Teacher", text);
        Assert.Contains("Sam Counselor", text);
        Assert.Contains("PolicyBot's answer: **Needs administration**", text);
        Assert.Contains("Staff should contact the administration if they would like to establish an educational related social media presence.", text);
        var cardId = posted.Id;

        // Taken: the same card updated in place for everyone; the teacher told 1:1.
        Assert.Empty((await _teams.SubmitAsync(_district, _dean, Act(card, "Assign to me"), replyToId: cardId)).Texts);
        (var update, card) = await ChannelCardAsync(_district, "IN REVIEW · assigned to Dana Dean");
        Assert.Equal((ConnectorOperation.UpdateActivity, cardId), (update.Operation, update.RouteActivityId));
        await ToldAsync($"Request #{id} is in review");

        // A question; the teacher answers from her notification; the answer reaches the card.
        await _teams.SubmitAsync(_district, _dean, Act(card, "Ask for more information", ("note", "Who else will be an administrator of the page?")), replyToId: cardId);
        (_, card) = await ChannelCardAsync(_district, "NEEDS INFORMATION");
        var notice = CardOf((await ToldAsync("Who else will be an administrator of the page?"))[0].Activity!)!;
        var answer = Act(notice, "Send answer", ("info", "Pat Principal will be one too."));
        var thanks = await _teams.SubmitAsync(_teacherChat, _teacher, answer);
        Assert.StartsWith($"Thanks — your answer is on request #{id}, and it is back in review with Dana Dean.", thanks.SingleReply.Text);
        (_, card) = await ChannelCardAsync(_district, "Lee Teacher answered: \"Pat Principal will be one too.\"");
        Assert.Contains("IN REVIEW · assigned to Dana Dean", TextOf(card));

        // Approved with conditions; the teacher told; the card shows who did what and when.
        var approve = Act(card, "Approve", ("note", "No student faces without photo permission."));
        await _teams.SubmitAsync(_district, _dean, approve, replyToId: cardId);
        (update, card) = await ChannelCardAsync(_district, "APPROVED");
        Assert.Equal(cardId, update.RouteActivityId);
        Assert.Contains("Dana Dean approved it with conditions: No student faces without photo permission.", TextOf(card));
        Assert.Contains(SubmitsOf(card), s => s.Title == "Revoke approval");
        await ToldAsync($"Request #{id} is approved");

        // A double tap (the same card, now stale) changes nothing twice.
        var again = await _teams.SubmitAsync(_district, _dean, approve, replyToId: cardId);
        Assert.StartsWith($"That card was out of date, so nothing was changed. Request #{id} is approved (", again.SingleReply.Text);

        // Every transition audited; one card only, ever, in the channel.
        var audit = await Store.AuditAsync(id, CancellationToken.None);
        Assert.Equal(["create", "submit", "assign", "ask", "provide-information", "approve"], audit.Select(a => a.Action));
        Assert.Equal(_dean.AadObjectId, audit[^1].Actor.AadObjectId, ignoreCase: true);
        Assert.Single(_connector.Received, r => r.ConversationId == _district.Id && r.Operation == ConnectorOperation.SendToConversation && r.Activity is { } a && CardOf(a) is not null);

        // The approved presence is in the registry, and in the teacher's requests.
        var registry = TextOf(LastCard(await _teams.SayAsync(TeamsConversation.Personal(), _dean, "approved accounts")));
        Assert.Contains("Instagram — @room12news", registry);
        Assert.Contains("Sam Counselor", registry);
        var mine = TextOf(LastCard(await _teams.SayAsync(_teacherChat, _teacher, "my requests")));
        Assert.Contains($"#{id} Instagram — @room12news", mine);
        Assert.Contains("approved", mine);
    }

    [Fact]
    public async Task Forged_card_data_from_a_staff_member_or_from_the_requester_decides_nothing()
    {
        await SetDistrictChannelAsync();
        var id = await SendPresenceRequestAsync(_teacher, _teacherChat);
        var (posted, card) = await ChannelCardAsync(_district, "SUBMITTED");
        var approve = Act(card, "Approve", ("note", ""));
        approve["aadObjectId"] = _dean.AadObjectId;
        approve["from"] = new JObject { ["id"] = _dean.Id, ["aadObjectId"] = _dean.AadObjectId, ["name"] = _dean.Name };

        var byPara = await _teams.SubmitAsync(_district, _para, approve, replyToId: posted.Id);
        var byTeacher = await _teams.SubmitAsync(_teacherChat, _teacher, approve);
        var forgedWithdraw = await _teams.SubmitAsync(TeamsConversation.Personal(), _para, RequestCardActions.ActData(id, 2, "withdraw"));

        Assert.StartsWith("Sorry, only request deciders may decide staff requests", byPara.SingleReply.Text);
        Assert.StartsWith("Sorry, only request deciders may decide staff requests", byTeacher.SingleReply.Text);
        Assert.StartsWith($"Only the person who sent request #{id} can withdraw it.", forgedWithdraw.SingleReply.Text);
        var stored = (await Store.FindAsync(id, CancellationToken.None))!;
        Assert.Equal((RequestState.Submitted, 2), (stored.State, stored.Version));
        Assert.Equal(["create", "submit"], (await Store.AuditAsync(id, CancellationToken.None)).Select(a => a.Action));

        // Its first reminder is scheduled with the durable timer, RequestNudgeDays (3 by default) after it was sent.
        await using var connection = _host.Services.GetRequiredService<PolicyBot.Delivery.DeliveryDatabase>().Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT due FROM timer_jobs WHERE job_key = $key AND kind = 'request.nudge'";
        command.Parameters.AddWithValue("$key", $"request:{id}:nudge:1");
        Assert.Equal(stored.CreatedAt.AddDays(3).ToUnixTimeMilliseconds(), (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_request_decider_never_decides_their_own_request()
    {
        await SetDistrictChannelAsync();
        var deanChat = TeamsConversation.Personal();
        var id = await SendPresenceRequestAsync(_dean, deanChat);
        var (posted, card) = await ChannelCardAsync(_district, "SUBMITTED");

        var own = await _teams.SubmitAsync(_district, _dean, Act(card, "Approve", ("note", "")), replyToId: posted.Id);

        Assert.Equal($"Request #{id} is your own, so another request decider has to decide it. Nothing was changed.", own.SingleReply.Text);
        Assert.Equal(RequestState.Submitted, (await Store.FindAsync(id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Two_deciders_deciding_at_once_one_wins_and_the_other_is_told_nothing_changed()
    {
        await SetDistrictChannelAsync();
        var otherDean = TeamsUser.Create("Chris Chief");
        await _host.DisposeAsync();
        var options = new BotHostOptions { Output = output };
        options.Settings[SettingsKeys.RequestDeciders] = $"{_dean.AadObjectId}, {otherDean.AadObjectId}";
        options.Settings[SettingsKeys.DeliveryPollSeconds] = "1";
        _host = await BotHost.StartAsync(options);
        _teams = new TeamsChatClient(_host, _connector);
        _teams.AddToRoster(_district, _counselor);
        await SetDistrictChannelAsync();
        var id = await SendPresenceRequestAsync(_teacher, _teacherChat);
        var (posted, card) = await ChannelCardAsync(_district, "SUBMITTED");

        var turns = await Task.WhenAll(
            _teams.SubmitAsync(_district, _dean, Act(card, "Approve", ("note", ""))),
            _teams.SubmitAsync(_district, otherDean, Act(card, "Decline", ("note", "Use the school's page."))));

        var stored = (await Store.FindAsync(id, CancellationToken.None))!;
        Assert.Equal(3, stored.Version);
        Assert.Contains(stored.State, new[] { RequestState.Approved, RequestState.Declined });
        var told = turns.SelectMany(t => t.Texts).Distinct().ToList();   // both turns are in one channel: each sees the other's reply
        var loser = Assert.Single(told);
        Assert.Matches("(Someone else changed request #\\d+ just before you|That card was out of date), so nothing was changed\\. It is|Request #\\d+ is", loser);
        Assert.Contains(stored.State == RequestState.Approved ? "approved" : "declined", loser);
        Assert.Equal(3, (await Store.AuditAsync(id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task An_activity_Teams_delivers_twice_changes_the_request_once()
    {
        await SetDistrictChannelAsync();
        var id = await SendPresenceRequestAsync(_teacher, _teacherChat);
        var (posted, card) = await ChannelCardAsync(_district, "SUBMITTED");
        var tap = _teams.Activities.CardSubmit(_district, _dean, Act(card, "Assign to me"), posted.Id);

        await _teams.SendAsync(tap);
        var retry = await _teams.SendAsync(tap);

        Assert.Empty(retry.Texts);   // no answer to the copy (the channel card's own update may arrive meanwhile)
        Assert.Equal(["create", "submit", "assign"], (await Store.AuditAsync(id, CancellationToken.None)).Select(a => a.Action));
    }

    [Fact]
    public async Task A_request_survives_a_restart_and_its_card_is_still_updated_in_place()
    {
        await SetDistrictChannelAsync();
        var id = await SendPresenceRequestAsync(_teacher, _teacherChat);
        var (posted, card) = await ChannelCardAsync(_district, "SUBMITTED");

        await _host.RestartAsync();
        await _teams.SubmitAsync(_district, _dean, Act(card, "Assign to me"), replyToId: posted.Id);

        var (update, _) = await ChannelCardAsync(_district, "IN REVIEW · assigned to Dana Dean");
        Assert.Equal((ConnectorOperation.UpdateActivity, posted.Id), (update.Operation, update.RouteActivityId));
        var mine = TextOf(LastCard(await _teams.SayAsync(_teacherChat, _teacher, "my requests")));
        Assert.Contains($"#{id} Instagram", mine);
        Assert.Contains("in review (Dana Dean)", mine);
    }

    [Fact]
    public async Task A_request_for_a_school_with_its_own_channel_goes_there_and_only_its_deciders_and_the_districts_decide_it()
    {
        await SetDistrictChannelAsync();
        await _teams.SayAsync(_otherSchool, _otherPrincipal, "school requests here");
        var set = await _teams.SayAsync(_school, _principal, "school requests here");
        Assert.StartsWith("Done: requests from Stevensville High's staff come to this channel.", set.SingleReply.Text);
        var refused = await _teams.SayAsync(_school, _principal, "district requests here");
        Assert.StartsWith("Sorry, only a request decider for every school can choose the district's channel", refused.SingleReply.Text);

        var id = await SendPresenceRequestAsync(_teacher, _teacherChat, school: _school.TeamId);

        var (posted, card) = await ChannelCardAsync(_school, "SUBMITTED");
        Assert.Contains("Stevensville High", TextOf(card));
        Assert.DoesNotContain(_connector.Received, r => r.ConversationId == _district.Id && r.Activity is { } a && CardOf(a) is not null);
        var other = await _teams.SubmitAsync(_school, _otherPrincipal, Act(card, "Assign to me"), replyToId: posted.Id);
        Assert.StartsWith("Sorry, you decide staff requests for other schools' teams, not this one.", other.SingleReply.Text);
        await _teams.SubmitAsync(_school, _principal, Act(card, "Decline", ("note", "Use the school's existing page.")), replyToId: posted.Id);
        var (_, declined) = await ChannelCardAsync(_school, "DECLINED");
        Assert.Contains("Pat Principal declined it: Use the school's existing page.", TextOf(declined));
        await ToldAsync($"Request #{id} was declined");
    }

    [Fact]
    public async Task Without_a_channel_set_the_teacher_is_told_where_to_turn_and_nothing_is_stored()
    {
        var turn = await _teams.SayAsync(_teacherChat, _teacher, "new request");
        var choose = LastCard(turn);
        var start = await _teams.SubmitAsync(_teacherChat, _teacher, SubmitsOf(choose).Single(s => s.Title == "A question about the policy").Data);

        Assert.StartsWith("Your administration hasn't told me yet where requests should go", start.SingleReply.Text);
        Assert.Empty(await Store.ListByRequesterAsync(_teacher.AadObjectId, 10, CancellationToken.None));
    }

    [Fact]
    public async Task An_unclear_verdicts_question_carries_the_verdict_and_is_answered_and_withdrawing_a_closed_one_is_refused()
    {
        await SetDistrictChannelAsync();
        var verdict = LastCard(await _teams.SayAsync(_teacherChat, _teacher, "Can I use my personal Instagram to post homework reminders for students?"));
        for (var i = 0; i < 6 && VerdictWords(verdict) is null; i++)
        {
            var first = SubmitsOf(verdict).FirstOrDefault(s => s.Data[CardActions.ActionField]?.ToString() is CardActions.Answer or CardActions.Confirm);
            verdict = LastCard(await _teams.SubmitAsync(_teacherChat, _teacher, first.Data));
        }

        output.WriteLine(TextOf(verdict));
        var ask = SubmitsOf(verdict).Single(s => s.Title is "Ask administration" or "Contact administration");
        var form = LastCard(await _teams.SubmitAsync(_teacherChat, _teacher, ask.Data));
        var check = (JObject)SubmitsOf(form).Single(s => s.Title == "Check my request").Data.DeepClone();
        Assert.Contains("Sent with it: what you asked me and my answer", TextOf(form));
        check["ownWords"] = "Is a class account on my own phone OK if I never follow students?";
        var summary = LastCard(await _teams.SubmitAsync(_teacherChat, _teacher, check));
        await _teams.SubmitAsync(_teacherChat, _teacher, SubmitsOf(summary).Single(s => s.Title == "Send to administration").Data);

        var (posted, card) = await ChannelCardAsync(_district, "question about an unclear case");
        Assert.Contains("Is a class account on my own phone OK", TextOf(card));
        Assert.Contains("PolicyBot's answer: **", TextOf(card));
        Assert.DoesNotContain(SubmitsOf(card), s => s.Title == "Approve");
        await _teams.SubmitAsync(_district, _dean, Act(card, "Send answer", ("note", "Use a district account, not your phone's personal one.")), replyToId: posted.Id);
        await ChannelCardAsync(_district, "ANSWERED");
        var told = CardOf((await ToldAsync("answered: Use a district account"))[0].Activity!)!;
        Assert.DoesNotContain(SubmitsOf(told), s => s.Title == "Withdraw");
        var withdraw = await _teams.SubmitAsync(_teacherChat, _teacher, RequestCardActions.ActData((long)check["request"]!, 3, "withdraw"));
        Assert.StartsWith($"Request #{(long)check["request"]!} is answered, so it can't be withdrawn.", withdraw.SingleReply.Text);
    }

    /// <summary>Runs a request of <paramref name="requester"/> through to approval by the dean; returns its id.</summary>
    private async Task<long> ApprovedRequestAsync(TeamsUser requester, TeamsConversation chat)
    {
        var id = await SendPresenceRequestAsync(requester, chat);
        var (posted, card) = await ChannelCardAsync(_district, $"Request #{id} ·");
        await _teams.SubmitAsync(_district, _dean, Act(card, "Approve", ("note", "")), replyToId: posted.Id);
        await _connector.WaitForAsync(r => r.RouteActivityId == posted.Id && r.Activity is { } a && CardOf(a) is { } c && TextOf(c).Contains("APPROVED", StringComparison.Ordinal), timeout: Wait);
        return id;
    }

    /// <summary>Answers every question card with its first choice until a verdict (or <paramref name="stop"/>) comes.</summary>
    private async Task<JObject> FollowAsync(TeamsConversation chat, TeamsUser who, JObject card, Func<JObject, bool>? stop = null)
    {
        for (var i = 0; i < 8 && VerdictWords(card) is null && stop?.Invoke(card) != true; i++)
        {
            var next = SubmitsOf(card).First(s => s.Data[CardActions.ActionField]?.ToString() is CardActions.Answer or CardActions.Confirm).Data;
            card = LastCard(await _teams.SubmitAsync(chat, who, next));
        }

        return card;
    }

    [Fact]
    public async Task The_approved_administrator_question_is_answered_from_the_registry_once_the_teacher_confirms_it_is_that_account()
    {
        await SetDistrictChannelAsync();
        await ApprovedRequestAsync(_teacher, _teacherChat);

        var turn = await _teams.SayAsync(_teacherChat, _teacher, "Can I post class news and reminders on our class Instagram?");
        var card = await FollowAsync(_teacherChat, _teacher, LastCard(turn), c => SubmitsOf(c).Any(s => s.Title == AccountRegistryGate.ThisAccount));

        var text = TextOf(card);
        Assert.Contains("The district keeps a registry of approved accounts. This one is yours", text);
        Assert.Contains("Instagram — @room12news", text);
        Assert.Contains("Sam Counselor", text);
        Assert.DoesNotContain(SubmitsOf(card), s => s.Title == "Yes, it's approved");
        var confirmed = await _teams.SubmitAsync(_teacherChat, _teacher, SubmitsOf(card).Single(s => s.Title == AccountRegistryGate.ThisAccount).Data);
        Assert.Contains(confirmed.Texts, t => t.StartsWith("Instagram — @room12news: approved on", StringComparison.Ordinal) && t.Contains("Sam Counselor as its district administrator"));
        var verdict = await FollowAsync(_teacherChat, _teacher, LastCard(confirmed));
        Assert.Equal("Allowed with conditions", VerdictWords(verdict));
        Assert.Contains("Yes, it's approved", TextOf(verdict));
    }

    [Fact]
    public async Task An_account_not_in_the_registry_is_not_approved_whatever_the_person_says()
    {
        await SetDistrictChannelAsync();
        await ApprovedRequestAsync(_teacher, _teacherChat);   // the registry is in use (someone else's account)
        var coach = TeamsUser.Create("Casey Coach");
        var coachChat = TeamsConversation.Personal();

        var turn = await _teams.SayAsync(coachChat, coach, "The principal approved our team's Facebook page. Can I post game updates there?");
        var card = LastCard(turn);
        output.WriteLine(TextOf(card));

        Assert.Contains("none of yours is in it. An account that is not in the registry is not approved", TextOf(card));
        Assert.Contains("You said it's approved.", TextOf(card));
        var choices = SubmitsOf(card).Select(s => s.Title).ToList();
        Assert.Equal(["Not yet - I want to start one", "No district administrator"], choices);
        Assert.DoesNotContain(turn.Activities.Select(CardOf).OfType<JObject>(), c => VerdictWords(c) is "Allowed" or "Allowed with conditions");

        // Typing the approval does not make it so either; forged registry data naming the teacher's entry is refused.
        var typed = await _teams.SayAsync(coachChat, coach, "yes, it's approved");
        Assert.DoesNotContain(typed.Activities.Select(CardOf).OfType<JObject>(), c => VerdictWords(c) is "Allowed" or "Allowed with conditions");
        var teacherEntry = Assert.Single(await Store.ListActiveAccountsOfAsync(_teacher.AadObjectId, CancellationToken.None));
        var forged = RequestCardActions.AccountConfirmData(new SubmitContext("whatever", 1), teacherEntry.Id);
        var refused = await _teams.SubmitAsync(coachChat, coach, forged);
        Assert.StartsWith("That account is not one of your approved accounts", refused.Texts[0]);
        Assert.DoesNotContain(refused.Activities.Select(CardOf).OfType<JObject>(), c => VerdictWords(c) is "Allowed" or "Allowed with conditions");
    }

    [Fact]
    public async Task A_revoked_account_no_longer_counts_and_its_owner_is_told()
    {
        await SetDistrictChannelAsync();
        var id = await ApprovedRequestAsync(_teacher, _teacherChat);
        var deanChat = TeamsConversation.Personal();
        var registry = LastCard(await _teams.SayAsync(deanChat, _dean, "approved accounts"));
        var revoke = (JObject)SubmitsOf(registry).Single(s => s.Title == "Revoke").Data.DeepClone();
        var entry = Assert.Single(await Store.ListActiveAccountsOfAsync(_teacher.AadObjectId, CancellationToken.None));

        var empty = await _teams.SubmitAsync(deanChat, _dean, revoke);
        Assert.StartsWith("Please give the reason for revoking", empty.SingleReply.Text);
        revoke[$"reason-{entry.Id}"] = "Nobody from the district administers it any more.";
        var done = await _teams.SubmitAsync(deanChat, _dean, revoke);

        Assert.StartsWith("Revoked: Instagram — @room12news no longer counts as approved.", done.SingleReply.Text);
        await ToldAsync("Nobody from the district administers it any more.");
        await ChannelCardAsync(_district, "REVOKED");
        Assert.Equal(RequestState.Revoked, (await Store.FindAsync(id, CancellationToken.None))!.State);
        Assert.Empty(await Store.ListActiveAccountsOfAsync(_teacher.AadObjectId, CancellationToken.None));
        var card = await FollowAsync(_teacherChat, _teacher, LastCard(await _teams.SayAsync(_teacherChat, _teacher, "Can I post class news on our class Instagram?")),
            c => TextOf(c).Contains("registry of approved accounts", StringComparison.Ordinal));
        Assert.Contains("none of yours is in it", TextOf(card));
    }

    [Fact]
    public async Task Before_the_registry_holds_anything_the_policys_question_is_asked_as_before()
    {
        var turn = await _teams.SayAsync(_teacherChat, _teacher, "Can I post class news on our class Instagram?");
        var card = await FollowAsync(_teacherChat, _teacher, LastCard(turn), c => AskedFact(c) == "account-stage");

        Assert.Equal("account-stage", AskedFact(card));
        Assert.Contains(SubmitsOf(card), s => s.Title == "Yes, it's approved");
    }

    [Fact]
    public async Task Assigning_to_another_administrator_offers_the_teams_deciders_and_refuses_anyone_else()
    {
        var chief = TeamsUser.Create("Chris Chief");
        await _host.DisposeAsync();
        var options = new BotHostOptions { Output = output };
        options.Settings[SettingsKeys.RequestDeciders] = $"{_dean.AadObjectId}, {chief.AadObjectId}";
        options.Settings[SettingsKeys.DeliveryPollSeconds] = "1";
        _host = await BotHost.StartAsync(options);
        _teams = new TeamsChatClient(_host, _connector);
        _teams.AddToRoster(_district, _counselor);
        _teams.AddToRoster(_district, chief);
        _teams.AddToRoster(_district, _para);
        await SetDistrictChannelAsync();
        var id = await SendPresenceRequestAsync(_teacher, _teacherChat);
        var (posted, card) = await ChannelCardAsync(_district, "SUBMITTED");

        var picker = card.Descendants().OfType<JObject>().Single(o => (string?)o["id"] == "assignee");
        var offered = picker["choices"]!.Select(c => (string)c["title"]!).ToList();
        Assert.Contains("Chris Chief", offered);
        Assert.Contains("Dana Dean", offered);
        Assert.DoesNotContain("Ari Para", offered);
        Assert.DoesNotContain("Lee Teacher", offered);

        var forged = await _teams.SubmitAsync(_district, _dean, Act(card, "Assign to another administrator", ("assignee", _para.AadObjectId)), replyToId: posted.Id);
        Assert.StartsWith("That person is not a request decider for the district", forged.SingleReply.Text);
        await _teams.SubmitAsync(_district, _dean, Act(card, "Assign to another administrator", ("assignee", chief.AadObjectId)), replyToId: posted.Id);

        var (_, assigned) = await ChannelCardAsync(_district, "IN REVIEW · assigned to Chris Chief");
        Assert.Contains("Dana Dean assigned it to Chris Chief", TextOf(assigned));
        await ToldAsync("Chris Chief is looking at it.");
        Assert.Equal(["create", "submit", "assign"], (await Store.AuditAsync(id, CancellationToken.None)).Select(a => a.Action));
    }
}
