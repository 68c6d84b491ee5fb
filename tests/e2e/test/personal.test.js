'use strict';
// Personal chat with PolicyBot, as a teacher sees it in the Teams-like Agents Playground.
const assert = require('node:assert/strict');
const { useHarness, scenario } = require('../lib/harness');
const { CLAUSE, SITUATIONS, DETAILS, CONFIRM, CONFIRM_HEADING, norm, isVerdict, answerUntilVerdict, assertVerdictCard } = require('../lib/policy');

const h = useHarness('personal');

scenario(h, 'install: one welcome card with example questions as buttons', async () => {
  const tess = await h.as('Tess Teacher'); // opening the Playground installs the app in the personal chat
  const cards = tess.installMessages.filter((m) => m.isCard);
  assert.ok(cards.length >= 1, `a welcome card on install, got ${tess.installMessages.length} message(s)`);
  const welcome = cards[0];
  assert.ok(!isVerdict(welcome), 'the welcome is not a verdict');
  const examples = welcome.buttons.filter((b) => b.endsWith('?'));
  assert.ok(examples.length >= 2, `example questions as buttons; buttons: ${welcome.buttons.join(' | ')}`);
  await tess.screenshotLastCard('welcome-card');
});

// Teams (and the Playground) send both installationUpdate (add) and conversationUpdate (bot
// added) when the app is installed in a personal chat: the bot must welcome once, not twice.
scenario(h, 'install: the welcome comes once, not once per install activity', async () => {
  const tess = await h.as('Tess Teacher');
  const cards = tess.installMessages.filter((m) => m.isCard);
  assert.equal(cards.length, 1, `welcome cards on install: ${cards.length} (activities sent: installationUpdate + conversationUpdate)`);
});

scenario(h, 'an example question on the welcome card starts a dialog', async () => {
  const tess = await h.as('Tess Teacher');
  const welcome = tess.installMessages.find((m) => m.isCard);
  const example = welcome.buttons.find((b) => b.endsWith('?'));
  const [reply] = await tess.click(example);
  assert.ok(reply.isCard, 'the bot answers an example with a card');
  // "Can I text a student about homework?" states every fact it needs: what the bot understood, then one tap to the verdict.
  if (/text a student about homework/i.test(example)) {
    assert.equal(norm(reply.firstText), CONFIRM_HEADING, `expected the confirmation card, got: ${reply.text}`);
    const [verdict] = await tess.click(CONFIRM);
    assertVerdictCard(verdict, { verdict: 'Allowed with conditions', clause: CLAUSE.texting });
  }
});

scenario(h, '"can I text this student?" answered by clicking: forbidden for personal reasons, quoting the texting clause', async () => {
  const tess = await h.as('Tess Teacher');
  const [first] = await tess.send('can I text this student?');
  assert.ok(first.isCard && !isVerdict(first), `a question card first, got: ${first.text}`);
  assert.ok(first.buttons.length >= 2, 'choices as buttons');
  const { card, asked } = await answerUntilVerdict(tess, SITUATIONS.textPersonal);
  assert.ok(asked.includes('What is it for?'), `the purpose decides texting a student; asked: ${asked.join(' / ')}`);
  assert.ok(!asked.includes('How would you be in touch?'), `"text" was in the question, yet the bot asked how: ${asked.join(' / ')}`);
  assertVerdictCard(card, { verdict: 'Forbidden', clause: CLAUSE.texting });
  await tess.screenshotLastCard('verdict-forbidden');
});

scenario(h, 'each verdict kind renders: allowed, allowed with conditions, needs administration, not covered', async () => {
  const tess = await h.as('Tess Teacher');
  const cases = [
    { ask: 'can I text this student?', answers: SITUATIONS.textUrgent, verdict: 'Allowed', clause: CLAUSE.texting },
    { ask: 'can I text this student about homework?', answers: SITUATIONS.textHomework, verdict: 'Allowed with conditions', clause: CLAUSE.texting },
    { ask: 'can I friend a student on Facebook for my class?', answers: SITUATIONS.friendForClass, verdict: 'Needs administration', clause: CLAUSE.presence },
    { ask: 'can I text a former student who graduated?', answers: SITUATIONS.formerStudent, verdict: 'Not covered', clause: CLAUSE.general },
  ];
  for (const c of cases) {
    await tess.send(c.ask);
    const { card } = await answerUntilVerdict(tess, c.answers);
    assertVerdictCard(card, c);
    await tess.screenshotLastCard(`verdict-${c.verdict}`);
  }
});

scenario(h, '"Details" on a verdict card opens why, the policy note and what I understood, on the card itself', async () => {
  const tess = await h.as('Tess Teacher');
  await tess.send('can I text this student?');
  const { card } = await answerUntilVerdict(tess, SITUATIONS.textPersonal);
  assert.ok(!/\bWhy\b/.test(card.text) && !card.text.includes('What I understood'), `the reason and the facts are folded as the card lands:\n${card.text}`);
  const open = await tess.clickOnCard(DETAILS);
  assert.ok(/(^|\n)Why(\n|$)/.test(open.text), `"Details" shows the reason:\n${open.text}`);
  assert.ok(open.text.includes('What I understood') && open.text.includes('A current student'), `"Details" shows what I understood:\n${open.text}`);
  await tess.screenshotLastCard('verdict-details-open');
});

scenario(h, '"Start over" on a question card after a verdict leads to a new question', async () => {
  const tess = await h.as('Tess Teacher');
  await tess.send('can I text this student?');
  await answerUntilVerdict(tess, SITUATIONS.textPersonal);
  const [question] = await tess.send('can I text this student?');
  assert.ok(question.isCard && !isVerdict(question), 'a question card first');
  const replies = await tess.click('Start over');
  assert.ok(replies.length >= 1 && !replies.some(isVerdict), 'no verdict right after "Start over"');
  const [next] = await tess.send('can I check Facebook at lunch?');
  assert.ok(next.isCard, 'the new question is answered with a card');
  const { card } = await answerUntilVerdict(tess, SITUATIONS.facebookAtLunch);
  assertVerdictCard(card, { verdict: 'Forbidden', clause: CLAUSE.schoolHours });
});

scenario(h, '"start over" drops the situation half-way', async () => {
  const tess = await h.as('Tess Teacher');
  const [q] = await tess.send('can I text this student?');
  assert.ok(!isVerdict(q), 'a question first');
  const replies = await tess.send('start over');
  assert.ok(replies.length >= 1, 'the bot acknowledges "start over"');
  assert.ok(!replies.some(isVerdict), 'no verdict on "start over"');
  // The next question stands on its own: nothing of the texting situation is carried over.
  await tess.send('can I check Facebook at lunch?');
  const { card, asked } = await answerUntilVerdict(tess, SITUATIONS.facebookAtLunch);
  assert.ok(!asked.includes('What is it for?'), `a question about texting came back after "start over": ${asked.join(' / ')}`);
  assertVerdictCard(card, { verdict: 'Forbidden', clause: CLAUSE.schoolHours });
  assert.ok(!/text messag/i.test(norm(card.text).replace(norm(CLAUSE.texting), '')), 'the verdict mentions texting');
});

scenario(h, 'a question typed while a choice is pending keeps the facts it states', async () => {
  const tess = await h.as('Tess Teacher');
  await tess.send('start over'); // leaves "What is your question about?" pending
  await tess.send('can I text this student?');
  const { card, asked } = await answerUntilVerdict(tess, SITUATIONS.textPersonal);
  assert.deepEqual(asked, ['What is it for?'], `"text" and "this student" were in the question; asked: ${asked.join(' / ')}`);
  assertVerdictCard(card, { verdict: 'Forbidden', clause: CLAUSE.texting });
});

scenario(h, 'a typed answer that matches a choice label works like a click', async () => {
  const tess = await h.as('Tess Teacher');
  await tess.send('can I text this student?');
  const { card, asked } = await answerUntilVerdict(tess, SITUATIONS.textPersonal, { how: 'type' });
  assert.ok(asked.length >= 1, 'at least one question was answered by typing');
  assertVerdictCard(card, { verdict: 'Forbidden', clause: CLAUSE.texting });
});

scenario(h, 'family: "can I friend my nephew on Instagram?" gets a verdict with no purpose question', async () => {
  const tess = await h.as('Tess Teacher');
  await tess.send('can I friend my nephew on Instagram?');
  const { card, asked } = await answerUntilVerdict(tess, SITUATIONS.nephew);
  assert.ok(!asked.includes('What is it for?'), `the family relationship decides it, yet the bot asked the purpose: ${asked.join(' / ')}`);
  assertVerdictCard(card, { verdict: 'Allowed', clause: CLAUSE.exception });
  await tess.screenshot('personal-chat');
});
