using PolicyBot.Cards;

namespace PolicyBot.Conversation;

/// <summary>What a staff member sent in a turn: typed text, or a card button's data.</summary>
public abstract record ConversationInput;

/// <summary>A typed message (mention of the bot already removed).</summary>
/// <param name="Text">The text as typed.</param>
public sealed record TypedInput(string Text) : ConversationInput;

/// <summary>An Action.Submit from a card.</summary>
/// <param name="Submit">The bot's card data, or null when the data is not in the shapes of <see cref="CardActions"/>.</param>
public sealed record CardInput(CardSubmit? Submit) : ConversationInput;
