using PolicyBot.Understanding.Safety;

namespace PolicyBot.Conversation;

/// <summary>
/// Safety first (issue 8, item 5), kept apart from the rest of the engine: when a typed message says a student may be
/// in danger, the first reply is the district's safety card, then whatever the engine would have replied.
/// </summary>
public sealed partial class ConversationEngine
{
    /// <summary>The line after the safety card when the message asks nothing about the policy.</summary>
    public const string AlsoAskLine = "If you also have a question about the policy, ask me.";

    /// <summary>
    /// The replies for a message the danger detector fires on, or null to carry on as usual (no detector, a command, no
    /// danger). A message with no policy question in it (the reader finds no fact, or nothing of the policy's subject) gets the card and one short line,
    /// and the person's open question, if any, stays as it was; otherwise the card comes before the usual answer.
    /// </summary>
    private IReadOnlyList<Reply>? SafetyFirst(SituationState state, string text)
    {
        if (danger is null || text.Length == 0)
        {
            return null;
        }
        var command = Command(text, out var rest);
        if (command is not null && command != BotCommands.Ask)
        {
            return null;   // help, policy, start over, cancel: never a danger message
        }
        var alarm = danger.Detect(text);
        if (!alarm.Fired)
        {
            return null;
        }
        var question = command == BotCommands.Ask ? rest : text;
        var reading = text.Length <= MaxTextLength ? reader.Read(question) : null;
        IReadOnlyList<Reply> then = reading is not null && (ReadFacts(reading).Count == 0 || !reading.OnTopic)
            ? [new NoticeReply(AlsoAskLine)]
            : HandleText(state, text, safetyChecked: true);
        return [new SafetyReply(alarm.Categories), .. then];
    }
}
