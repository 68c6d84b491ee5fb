using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using PolicyBot.Cards;
using PolicyBot.Delivery;
using PolicyBot.Privacy;
using PolicyBot.Reachability;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Conversation.Cards;

namespace PolicyBot.Tests.Privacy;

/// <summary>
/// "my data" and "forget me" over real HTTP with the real SQLite file: a person sees what is stored about them, and
/// "forget me" deletes their situations only after they confirm, only theirs (the sender's, whatever the card's data
/// says), keeps what the district must keep and leaves them reachable, and says so.
/// </summary>
public class MyDataTests
{
    [Fact]
    public async Task My_data_lists_the_persons_situations_reachability_and_roles_in_the_personal_chat_only()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await BotHost.StartAsync();
        var teams = new TeamsChatClient(host, connector);
        var ada = TeamsUser.Create("Ada Teacher");
        var chat = TeamsConversation.Personal();
        var group = TeamsConversation.GroupChat();

        await teams.SendAsync(teams.Activities.InstallationUpdate(chat, ada, "add"));
        await teams.SayAsync(chat, ada, "can I text a student from my personal phone for personal reasons?");
        await teams.SayAsync(group, ada, "can I follow a student on Instagram?");

        var card = LastCard(await teams.SayAsync(chat, ada, "my data"));
        var text = TextOf(card);
        Assert.Contains(PrivacyCommands.MyDataTitle, text, StringComparison.Ordinal);
        Assert.Contains("A question in your personal chat (answered, last changed ", text, StringComparison.Ordinal);
        Assert.Contains("A question in a group chat or channel (open, last changed ", text, StringComparison.Ordinal);
        Assert.Contains("texting", text, StringComparison.Ordinal);
        Assert.Contains("you can be reached with policy reminders", text, StringComparison.Ordinal);
        Assert.Contains(ada.AadObjectId, text, StringComparison.Ordinal);
        Assert.Contains("Roles: none", text, StringComparison.Ordinal);
        Assert.Contains("not your words or your name", text, StringComparison.Ordinal);
        Assert.Contains(SubmitsOf(card), s => s.Title == "Forget me…" && s.Data[CardActions.ActionField]?.ToString() == CardActions.AskForget);
        Assert.DoesNotContain("can I text", text, StringComparison.OrdinalIgnoreCase);   // typed words are not stored, so not shown

        var inGroup = await teams.SayAsync(group, ada, "my data");
        Assert.Contains("in your personal chat with me", inGroup.SingleReply.Text, StringComparison.Ordinal);
        Assert.Null(CardOf(inGroup.SingleReply));
    }

    [Fact]
    public async Task Forget_me_deletes_only_the_senders_situations_after_confirmation_and_keeps_them_reachable()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await BotHost.StartAsync();
        var teams = new TeamsChatClient(host, connector);
        var ada = TeamsUser.Create("Ada Teacher");
        var bea = TeamsUser.Create("Bea Coach");
        var chat = TeamsConversation.Personal();
        var group = TeamsConversation.GroupChat();

        await teams.SendAsync(teams.Activities.InstallationUpdate(chat, ada, "add"));
        await teams.SayAsync(chat, ada, "can I text a student from my personal phone for personal reasons?");
        await teams.SayAsync(group, ada, "can I follow a student on Instagram?");
        await teams.SayAsync(group, bea, "can I text this student?");
        await teams.SayAsync(TeamsConversation.Personal(), bea, "can I email a student?");
        Assert.Equal(2, StoredFile.SituationKeys(host, ada).Count);
        Assert.Equal(2, StoredFile.SituationKeys(host, bea).Count);

        // Asking shows what would go and what stays, and deletes nothing yet.
        var confirm = LastCard(await teams.SayAsync(chat, ada, "forget me"));
        Assert.Contains("Forget me?", TextOf(confirm), StringComparison.Ordinal);
        Assert.Contains(PrivacyCommands.DistrictKeeps, TextOf(confirm), StringComparison.Ordinal);
        Assert.Equal(["Yes, forget me", "Keep my data"], SubmitsOf(confirm).Select(s => s.Title).ToArray());
        Assert.Equal(2, StoredFile.SituationKeys(host, ada).Count);

        var kept = await teams.SubmitAsync(chat, ada, SubmitsOf(confirm)[1].Data);
        Assert.StartsWith("Nothing was deleted.", kept.SingleReply.Text, StringComparison.Ordinal);
        Assert.Equal(2, StoredFile.SituationKeys(host, ada).Count);

        // A tap in a group chat is refused: nothing about a person is shown or done there.
        var inGroup = await teams.SubmitAsync(group, ada, SubmitsOf(confirm)[0].Data);
        Assert.Contains("personal chat", inGroup.SingleReply.Text, StringComparison.Ordinal);
        Assert.Equal(2, StoredFile.SituationKeys(host, ada).Count);

        // "Yes, forget me", with card data naming someone else: the sender is who is forgotten.
        var data = (JObject)SubmitsOf(confirm)[0].Data.DeepClone();
        data["user"] = bea.Id;
        data["aadObjectId"] = bea.AadObjectId;
        var done = LastCard(await teams.SubmitAsync(chat, ada, data));
        var doneText = TextOf(done);
        Assert.Contains("I deleted 2 records about you.", doneText, StringComparison.Ordinal);
        Assert.Contains("You stay reachable for policy reminders until you uninstall PolicyBot.", doneText, StringComparison.Ordinal);
        Assert.Contains("acknowledgements", doneText, StringComparison.Ordinal);
        Assert.Empty(SubmitsOf(done));
        Assert.Empty(StoredFile.SituationKeys(host, ada));
        Assert.Equal(2, StoredFile.SituationKeys(host, bea).Count);

        var directory = host.Services.GetRequiredService<IRecipientDirectory>();
        var record = await directory.FindAsync(RecipientKeys.Person(TeamsConversation.DefaultTenantId, ada.AadObjectId), CancellationToken.None);
        Assert.NotNull(record);
        Assert.Null(record.UnreachableReason);
        Assert.Contains(await directory.ListReachablePeopleAsync(CancellationToken.None), p => p.AadObjectId == ada.AadObjectId);

        var after = TextOf(LastCard(await teams.SayAsync(chat, ada, "my data")));
        Assert.DoesNotContain("A question in", after, StringComparison.Ordinal);
        Assert.Contains("Nothing stored.", after, StringComparison.Ordinal);
        Assert.Contains(host.Logs, l => l.Message.StartsWith($"Forget me for {ada.AadObjectId}: 2 record(s) deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_help_card_says_what_is_kept_and_logged_and_offers_both_commands()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var options = new BotHostOptions();
        options.Settings[PolicyBot.Hosting.SettingsKeys.SituationRetentionDays] = "14";
        await using var host = await BotHost.StartAsync(options);
        var teams = new TeamsChatClient(host, connector);

        var help = TextOf(LastCard(await teams.SayAsync(TeamsConversation.Personal(), TeamsUser.Create("Ada Teacher"), "help")));

        Assert.Contains("my data\nSee what I keep about you: your questions as the policy's facts, never your words, deleted 14 days after they last changed. My log keeps no words and no names.", help, StringComparison.Ordinal);
        Assert.Contains("forget me\nDelete your questions now", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_after_forget_me_starts_fresh()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await BotHost.StartAsync();
        var teams = new TeamsChatClient(host, connector);
        var ada = TeamsUser.Create("Ada Teacher");
        var chat = TeamsConversation.Personal();

        var question = LastCard(await teams.SayAsync(chat, ada, "can I text this student?"));
        await teams.SubmitAsync(chat, ada, CardActions.PrivacyData(CardActions.Forget));
        var stale = await teams.SubmitAsync(chat, ada, SubmitsOf(question).First(s => s.Data[CardActions.ActionField]?.ToString() == CardActions.Answer).Data);

        Assert.Contains("not part of your current question", stale.Activities[0].Text, StringComparison.Ordinal);
        Assert.Single(StoredFile.SituationKeys(host, ada));   // the empty state that turn saved, not the old question
    }
}
