'use strict';
// PolicyBot in a group chat and in a team channel: it answers only when @mentioned, and two
// staff members' situations in the same conversation do not mix. Each staff member is signed in
// to an Agents Playground of their own (the Playground has one signed-in user), all showing the
// same group chat and team to the bot.
const assert = require('node:assert/strict');
const { useHarness, scenario } = require('../lib/harness');
const { CLAUSE, SITUATIONS, norm, isVerdict, answerUntilVerdict, assertVerdictCard } = require('../lib/policy');

const h = useHarness('group-channel');

scenario(h, 'group chat: no answer without an @mention; with one, a dialog to a verdict', async () => {
  const tess = await h.as('Tess Teacher');
  await tess.openGroupChat();
  const silent = await tess.send('can I text this student?', { expectReply: false });
  assert.equal(silent.replies, 0, 'the bot answered a message that did not @mention it');
  assert.equal(silent.shown.length, 0, 'a bot message appeared without an @mention');

  const [first] = await tess.mention('can I text this student?');
  assert.ok(first.isCard && !isVerdict(first), `a question card, got: ${first.text}`);
  const { card } = await answerUntilVerdict(tess, SITUATIONS.textPersonal);
  assertVerdictCard(card, { verdict: 'Forbidden', clause: CLAUSE.texting });
  await tess.screenshot('group-chat-verdict');
});

scenario(h, 'group chat: a typed answer needs the @mention too', async () => {
  const tess = await h.as('Tess Teacher');
  await tess.openGroupChat();
  await tess.mention('can I text this student?');
  const pending = await tess.lastCard();
  assert.ok(!isVerdict(pending), 'a question is pending');
  const label = SITUATIONS.textUrgent[norm(pending.firstText)];
  const silent = await tess.send(label, { expectReply: false });
  assert.equal(silent.replies, 0, 'an answer without @mention got a reply');
  const { card } = await answerUntilVerdict(tess, SITUATIONS.textUrgent, { how: 'type', mention: true });
  assertVerdictCard(card, { verdict: 'Allowed', clause: CLAUSE.texting });
});

scenario(h, "group chat: two staff members' situations do not mix", async () => {
  const tess = await h.as('Tess Teacher');
  await tess.openGroupChat();
  const [tessQuestion] = await tess.mention('can I text this student?');
  assert.ok(!isVerdict(tessQuestion), 'Tess is asked a question');

  const carl = await h.as('Carl Coach');
  await carl.openGroupChat();
  // Carl answers what is pending for Tess: it is not his question to answer.
  const tessLabel = SITUATIONS.textPersonal[norm(tessQuestion.firstText)];
  const carlStray = await carl.mention(tessLabel);
  assert.ok(!carlStray.some((m) => isVerdict(m) && norm(m.text).includes(norm(CLAUSE.texting))),
    `Carl got the verdict on Tess's texting question:\n${carlStray.map((m) => m.text).join('\n---\n')}`);
  // Carl asks his own question, half-way through Tess's.
  await carl.mention('can I friend my nephew on Instagram?');
  const carlResult = await answerUntilVerdict(carl, SITUATIONS.nephew, { how: 'click' });
  assert.ok(!carlResult.asked.includes('What is it for?'), `Carl was asked Tess's purpose question: ${carlResult.asked.join(' / ')}`);
  assertVerdictCard(carlResult.card, { verdict: 'Allowed', clause: CLAUSE.exception });
  assert.ok(!/Text messages/.test(carlResult.card.text), "Carl's verdict shows Tess's texting");

  await tess.bringToFront();
  const tessResult = await answerUntilVerdict(tess, SITUATIONS.textPersonal);
  assertVerdictCard(tessResult.card, { verdict: 'Forbidden', clause: CLAUSE.texting });
  assert.ok(!/close relative|nephew/i.test(tessResult.card.text), "Tess's verdict shows Carl's nephew");
  await tess.screenshot('group-chat-tess');
  await carl.screenshot('group-chat-carl');
});

scenario(h, 'team channel: a post without @mention gets no answer; with one, the answer is in its thread', async () => {
  const tess = await h.as('Tess Teacher');
  await tess.openChannel();
  const silent = await tess.send('Can I text this student? (no mention)', { expectReply: false });
  assert.equal(silent.replies, 0, 'the bot answered a channel post that did not @mention it');
  tess.leaveThread();

  const [first] = await tess.mention('can I text a student about the field trip?');
  assert.ok(first.isCard, `the bot answers in the post's thread with a card, got: ${first.text}`);
  const answers = { ...SITUATIONS.textHomework, 'What is it for?': 'School business' };
  const { card } = await answerUntilVerdict(tess, answers);
  assertVerdictCard(card, { verdict: 'Allowed with conditions', clause: CLAUSE.texting });
  await tess.screenshot('channel-thread-verdict');
});

scenario(h, 'team channel: a reply in the thread with @mention answers a pending question', async () => {
  const tess = await h.as('Tess Teacher');
  await tess.openChannel();
  await tess.mention('can I text this student?');
  const { card } = await answerUntilVerdict(tess, SITUATIONS.textPersonal, { how: 'type', mention: true });
  assertVerdictCard(card, { verdict: 'Forbidden', clause: CLAUSE.texting });
});
