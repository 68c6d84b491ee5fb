'use strict';
// Roles and the administrator's test message, as staff and an administrator see them in the Agents Playground.
// Roles come from the bot's settings (lib/bot.js): Adam Admin is a campaign author and decides every school's
// requests; Pat Para decides the staff team's requests; Tess Teacher holds no role.
const assert = require('node:assert/strict');
const { useHarness, scenario } = require('../lib/harness');
const { staff } = require('../lib/tenant');

const h = useHarness('roles');

scenario(h, '"roles": a teacher holds no administrator role and sees her Entra object id', async () => {
  const tess = await h.as('Tess Teacher');
  const [card] = await tess.send('roles');
  assert.ok(card.isCard, `a roles card, got: ${card.text}`);
  assert.match(card.text, /no administrator role/);
  assert.ok(card.text.includes(staff('Tess Teacher').aad), `her object id on the card: ${card.text}`);
  assert.ok(!card.buttons.includes('Send a test message'), `no administrator button for her: ${card.buttons.join(' | ')}`);
});

scenario(h, '"test message" from a teacher is refused politely', async () => {
  const tess = await h.as('Tess Teacher');
  const [reply] = await tess.send('test message');
  assert.match(reply.text, /Sorry, only campaign authors may send a test message/);
});

scenario(h, 'an administrator sees both roles, sends a test message to everyone installed and sees each person\'s delivery', async () => {
  const adam = await h.as('Adam Admin');
  const [card] = await adam.send('my roles');
  assert.match(card.text, /You are a campaign author and a request decider\./);
  const after = (await adam.click('Send a test message')).find((m) => /Queued a test message/.test(m.text));
  assert.ok(after, 'a card saying the test message was queued');
  assert.match(after.text, /Queued a test message for \d/);
  await adam.screenshotLastCard('test-message');

  // The delivery engine sends it in the background, to this chat too. Waited for here (the plain message, not the queued
  // card that quotes it): landing in the middle of the next click's answer, it once came back in the status card's place.
  await adam.waitUntilShown('the test message itself', (m) => !m.isCard && /This is a test message from PolicyBot/.test(m.text));
  // The card's button shows each person's status.
  let [status] = await adam.click('Check delivery status');
  for (let i = 0; i < 15 && /waiting|being sent/.test(status.text); i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    [status] = await adam.click('Refresh');
  }
  assert.match(status.text, /Delivery status/);
  assert.match(status.text, /Delivery of the test message to \d+ (person|people)/);
  assert.ok(!/waiting|being sent/.test(status.text), `still not delivered after 15 s: ${status.text}`);
  assert.match(status.text, /Adam Admin[\s\S]*sent/, `the administrator's own chat is delivered: ${status.text}`);
  await adam.screenshotLastCard('test-message-status');
});

scenario(h, 'a decider scoped to the staff team is told so', async () => {
  const pat = await h.as('Pat Para');
  const [card] = await pat.send('roles');
  assert.match(card.text, /You are a request decider\./);
  assert.match(card.text, /for (Stevensville Staff|00000000-0000-4000-8000-000000000201)/);
});
