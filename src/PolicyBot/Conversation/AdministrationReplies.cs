using PolicyBot.Roles;

namespace PolicyBot.Conversation;

/// <summary>The roles card: which administrator roles the sender holds and what they allow.</summary>
/// <param name="Roles">The sender's roles.</param>
/// <param name="AadObjectId">The sender's Entra object id, shown in a personal chat so they can give it to their IT team; null elsewhere.</param>
/// <param name="DeciderTeams">For a decider scoped to teams: the teams by name where known (else their configured id).</param>
/// <param name="OfferTestMessage">True to offer "Send a test message" (a campaign author in a personal chat).</param>
public sealed record RolesReply(PersonRoles Roles, string? AadObjectId, IReadOnlyList<string> DeciderTeams, bool OfferTestMessage) : Reply;

/// <summary>The card after a "test message" command: what was queued, for how many people, under which send id.</summary>
/// <param name="Text">The test message recipients will read.</param>
/// <param name="Queued">Messages queued (one per reachable person).</param>
/// <param name="MessageId">The send's id, <c>test:{guid}</c>.</param>
public sealed record TestMessageQueuedReply(string Text, int Queued, string MessageId) : Reply;

/// <summary>A test message's delivery status, per status and per person (campaign authors only).</summary>
/// <param name="MessageId">The send id.</param>
/// <param name="Totals">Counts per status.</param>
/// <param name="People">Each person: their name (or key), status and the reason when not sent.</param>
public sealed record TestMessageStatusReply(string MessageId, PolicyBot.Delivery.MessageDeliveryTotals Totals, IReadOnlyList<(string Name, string Status, string? Reason)> People) : Reply;
