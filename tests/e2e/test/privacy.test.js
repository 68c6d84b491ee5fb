'use strict';
// "my data" and "forget me" as a teacher uses them in the Agents Playground: she sees what is kept about her (her
// question as the policy's facts, never her words), confirms "forget me", is told what stays, and her question is gone.
const assert = require('node:assert/strict');
const { useHarness, scenario } = require('../lib/harness');

const h = useHarness('privacy');

scenario(h, '"my data" shows the question as facts; "forget me" asks, deletes it and says what stays', async () => {
  const tess = await h.as('Tess Teacher');
  await tess.send('can I text a student from my personal phone for personal reasons?');

  const [data] = await tess.send('my data');
  assert.ok(data.isCard, `a card, got: ${data.text}`);
  assert.match(data.text, /What I keep about you/);
  assert.match(data.text, /A question in your personal chat \(answered, last changed \d{4}-\d{2}-\d{2}\)/);
  assert.ok(!/can I text/i.test(data.text), `her words are not kept, so not shown: ${data.text}`);
  assert.match(data.text, /not your words or your name/);
  assert.ok(data.buttons.includes('Forget me…'), `buttons: ${data.buttons.join(' | ')}`);
  await tess.screenshotLastCard('my-data');

  const [confirm] = await tess.click('Forget me…');
  assert.match(confirm.text, /Forget me\?/);
  assert.match(confirm.text, /You stay reachable for policy reminders until you uninstall PolicyBot\./);
  assert.deepEqual(confirm.buttons, ['Yes, forget me', 'Keep my data']);
  await tess.screenshotLastCard('forget-me-confirm');

  const [done] = await tess.click('Yes, forget me');
  assert.match(done.text, /I deleted 1 record about you\./);
  assert.match(done.text, /acknowledgements of policy reminders, and your requests/);
  await tess.screenshotLastCard('forget-me-done');

  const [after] = await tess.send('my data');
  assert.ok(!/A question in/.test(after.text), `no question left: ${after.text}`);
  assert.match(after.text, /Nothing stored\./);
});

scenario(h, '"my data" in a group chat is answered only with a pointer to the personal chat', async () => {
  const tess = await h.as('Tess Teacher');
  await tess.openGroupChat();
  const [reply] = await tess.mention('my data');
  assert.match(reply.text, /in your personal chat with me/);
  assert.ok(!reply.isCard, 'nothing about her is shown in the group chat');
});
