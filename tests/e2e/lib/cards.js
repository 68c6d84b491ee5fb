'use strict';
// Checks every Adaptive Card the bot sends, as the Playground received it, with Microsoft's own
// JS renderer library (the one the Playground renders with). The Playground itself renders a card
// it cannot parse silently (unknown elements vanish, a card with a bad version shows empty), so
// the suite has to look for itself.
const AC = require('adaptivecards/dist/adaptivecards.js');

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const TEAMS_MAX_VERSION = 1.5; // Teams desktop/web renders schema 1.5

/** Problems (strings) with one Adaptive Card payload; [] when it is fine. */
function cardProblems(content) {
  if (typeof content === 'string') {
    try { content = JSON.parse(content); } catch { return ['card content is a string that is not JSON']; }
  }
  if (!content || typeof content !== 'object' || Array.isArray(content)) return ['card content is not a JSON object'];
  const problems = [];
  if (content.type !== 'AdaptiveCard') problems.push(`card type is ${JSON.stringify(content.type)}, not "AdaptiveCard"`);
  const version = Number.parseFloat(content.version);
  if (!content.version) problems.push('card has no version');
  else if (!(version <= TEAMS_MAX_VERSION)) problems.push(`card version ${content.version} is above ${TEAMS_MAX_VERSION}, the highest Teams renders`);
  if (content.body !== undefined && !Array.isArray(content.body)) problems.push('card body is not an array');
  if (content.actions !== undefined && !Array.isArray(content.actions)) problems.push('card actions is not an array');
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  try {
    card.parse(content, ctx);
  } catch (e) {
    return [...problems, `the Adaptive Cards renderer threw while parsing: ${e.message}`];
  }
  for (let i = 0; i < ctx.eventCount; i++) {
    const e = ctx.getEventAt(i);
    problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  for (const a of card.getAllActions()) {
    if (!a.title || !String(a.title).trim()) problems.push(`an ${a.getJsonTypeName()} has no title`);
  }
  return [...new Set(problems)];
}

/** Problems with one message as the Playground's conversation stream carried it. */
function messageProblems(message) {
  const problems = [];
  const atts = message.attachments || [];
  if (!message.text && atts.length === 0) problems.push('a message with neither text nor attachments (the Playground shows "Invalid message")');
  for (const att of atts) {
    if (att.contentType === ADAPTIVE) problems.push(...cardProblems(att.content));
    else problems.push(`attachment of type ${att.contentType} (only Adaptive Cards are expected)`);
  }
  return problems;
}

module.exports = { cardProblems, messageProblems, ADAPTIVE };
