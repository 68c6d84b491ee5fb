'use strict';
// State that survives: the bot process is stopped and started again (same DataFolder, same port)
// between two answers of a dialog, and the dialog goes on where it was.
const assert = require('node:assert/strict');
const { useHarness, scenario } = require('../lib/harness');
const { CLAUSE, SITUATIONS, norm, isVerdict, answerUntilVerdict, assertVerdictCard } = require('../lib/policy');

const h = useHarness('restart');

scenario(h, 'personal chat: a restart between two answers, then a click on the card shown before it', async () => {
  const tess = await h.as('Tess Teacher');
  await tess.send('can I text this student?');
  // Answer until the purpose is the only thing left, then restart the bot.
  const stopAt = 'What is it for?';
  for (let i = 0; i < 4; i++) {
    const card = await tess.lastCard();
    assert.ok(!isVerdict(card), 'no verdict before the purpose is known');
    if (norm(card.firstText) === stopAt) break;
    await tess.click(SITUATIONS.textPersonal[norm(card.firstText)]);
  }
  assert.equal(norm((await tess.lastCard()).firstText), stopAt);
  const pid = h.bot.child.pid;
  await h.restartBot();
  assert.notEqual(h.bot.child.pid, pid, 'a new bot process');
  const [verdict] = await tess.click('Personal or social');
  assertVerdictCard(verdict, { verdict: 'Forbidden', clause: CLAUSE.texting });
});

scenario(h, 'group chat: a restart between two answers, then a typed answer with @mention', async () => {
  const tess = await h.as('Tess Teacher');
  await tess.openGroupChat();
  await tess.mention('can I friend a student on Facebook?');
  const before = await tess.lastCard();
  assert.ok(!isVerdict(before), `a question first, got: ${before.text}`);
  await h.restartBot();
  const { card, asked } = await answerUntilVerdict(tess, SITUATIONS.friendForClass, { how: 'type', mention: true });
  assert.ok(!asked.includes('Who is the person?') || norm(before.firstText) === 'Who is the person?',
    `the bot asked again what it knew before the restart: ${asked.join(' / ')}`);
  assertVerdictCard(card, { verdict: 'Needs administration', clause: CLAUSE.presence });
});
