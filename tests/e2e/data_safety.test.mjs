// Data safety and travel: corrupt storage, a full quota, two tabs, export and
// import, and the share link with the couple's reply.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { serveDist, launch, watchedPage, appReady, createIntensive, blockSlot } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });
mkdirSync("tests/e2e/out", { recursive: true });

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

test("an unreadable stored plan is set aside, offered for download, and the others keep working", async () => {
  const context = await browser.newContext();
  const { page } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  await createIntensive(page, { a: "Ada", b: "Bo" });
  await page.evaluate(() => localStorage.setItem("intensive-planner/plan/broken", '{"format": "intensive-planner/plan", oops'));
  await page.goto(server.url);
  await page.reload();
  await appReady(page);
  const notice = page.getByTestId("unreadable-notice");
  assert.match(await notice.innerText(), /A stored plan could not be read \(broken\): The text is not valid JSON/);
  const raw = await download(page, () => notice.getByRole("button", { name: "Download its raw text" }).click());
  assert.equal(raw.text, '{"format": "intensive-planner/plan", oops');
  assert.equal(await page.evaluate(() => localStorage.getItem("intensive-planner/plan/broken")), '{"format": "intensive-planner/plan", oops');
  await page.getByRole("link", { name: "Ada & Bo: Couples intensive" }).click();
  await page.waitForSelector(".editor .block");
  await context.close();
});

test("with storage full the app keeps working in memory, says so, and saves once there is room", async () => {
  const context = await browser.newContext();
  const { page } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  await page.evaluate(() => {
    // Fill to the last character: big pieces first, then ever smaller ones.
    let n = 0;
    for (let size = 256 * 1024; size >= 1; size = Math.floor(size / 2)) {
      const piece = "x".repeat(size);
      for (;;) {
        try { localStorage.setItem(`filler-${n++}`, piece); } catch { break; }
      }
    }
  });
  await createIntensive(page, { a: "Full", b: "Quota" });
  assert.match(await page.getByTestId("storage-notice").innerText(), /Not saved\. The browser's storage for this app is full/);
  // Still working in memory: a keyboard move happens and shows.
  const block = page.locator(".block", { hasText: "Closing check-in" }).first();
  await block.focus();
  const before = await blockSlot(block);
  await page.keyboard.press("ArrowUp");
  assert.notEqual(await blockSlot(block), before);
  const backup = await download(page, () => page.getByRole("button", { name: "Download a backup of all plans" }).click());
  assert.match(backup.text, /"format": "intensive-planner\/backup"/);
  assert.match(backup.text, /Full & Quota/);
  // Room again: the next change saves and the notice goes.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("filler")).forEach((k) => localStorage.removeItem(k)));
  await block.focus();
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.getByTestId("storage-notice").count(), 0);
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("intensive-planner/plan/")).length);
  assert.equal(stored, 1);
  await context.close();
});

test("two tabs: a change in one shows in the other, and a stale tab never overwrites silently", async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const first = await watchedPage(context);
  await first.page.goto(server.url);
  await appReady(first.page);
  await createIntensive(first.page, { days: "2" });
  const second = await watchedPage(context);
  await second.page.goto(first.page.url());
  await second.page.waitForSelector(".editor .block");
  const inFirst = first.page.locator(".block", { hasText: "Homework: journaling prompt" }).first();
  const inSecond = second.page.locator(".block", { hasText: "Homework: journaling prompt" }).first();
  await inFirst.focus();
  await first.page.keyboard.press("ArrowDown");
  await second.page.waitForFunction(() =>
    [...document.querySelectorAll(".block")].some((b) => b.textContent.includes("Homework") && b.textContent.includes("16:00–16:30")));
  assert.match(await blockSlot(inSecond), /day 1 16:00–16:30/);

  // The second tab writes a newer revision behind the first tab's back (a tab
  // gets no storage event for its own writes, so the first tab is now stale).
  await first.page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("intensive-planner/plan/"));
    const record = JSON.parse(localStorage.getItem(key));
    record.plan.revision += 5;
    record.plan.title = "Changed elsewhere";
    localStorage.setItem(key, JSON.stringify(record));
  });
  await inFirst.focus();
  await first.page.keyboard.press("ArrowDown");
  const alert = first.page.getByRole("alert").filter({ hasText: "changed in another tab" });
  assert.equal(await alert.count(), 1);
  const stored = await first.page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith("intensive-planner/plan/")))).plan.title);
  assert.equal(stored, "Changed elsewhere", "the newer revision was not overwritten");
  await alert.getByRole("button", { name: "Keep mine and save it" }).click();
  const after = await first.page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith("intensive-planner/plan/")))).plan);
  assert.notEqual(after.title, "Changed elsewhere");
  await context.close();
});

test("a plan exported to a file imports back; bad files change nothing", async () => {
  const context = await browser.newContext();
  const { page } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  await createIntensive(page, { kind: "affair", who: "a", placement: "midway", a: "Io", b: "Ren" });
  const file = await download(page, () => page.getByRole("button", { name: "Download plan file" }).click());
  assert.equal(file.name, "io-ren-affair-recovery-intensive.json");
  const path = "tests/e2e/out/exported.json";
  writeFileSync(path, file.text);
  const ics = await download(page, () => page.getByRole("button", { name: "Calendar file (.ics)" }).click());
  assert.match(ics.text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics.text, /SUMMARY:KAP dosing session/);

  await page.getByRole("link", { name: "← All intensives" }).click();
  const blocksBefore = JSON.parse(file.text).plan.blocks.length;
  await page.getByRole("button", { name: "Delete Io & Ren: Affair-recovery intensive" }).click();
  assert.equal(await page.locator(".plan-card").count(), 0);
  await page.getByLabel("Import a plan file (.json)").setInputFiles(path);
  await page.getByTestId("import-message").filter({ hasText: "Imported 1 plan" }).waitFor();
  await page.getByRole("link", { name: "Io & Ren: Affair-recovery intensive" }).click();
  await page.waitForSelector(".editor .block");
  assert.equal(await page.locator(".block").count(), blocksBefore);

  await page.getByRole("link", { name: "← All intensives" }).click();
  await page.getByLabel("Import a plan file (.json)").setInputFiles(path);
  await page.getByTestId("arrival-choice").getByRole("button", { name: "Keep both" }).click();
  assert.equal(await page.locator(".plan-card").count(), 2);

  const bad = "tests/e2e/out/bad.json";
  writeFileSync(bad, file.text.replace('"minutes": 30', '"minutes": 5000'));
  await page.getByLabel("Import a plan file (.json)").setInputFiles(bad);
  await page.getByTestId("import-message").filter({ hasText: "Nothing was imported" }).waitFor();
  assert.match(await page.getByTestId("import-message").innerText(), /lasts 5000 minutes, which does not fit in its day/);
  writeFileSync(bad, "<html>not a plan</html>");
  await page.getByLabel("Import a plan file (.json)").setInputFiles(bad);
  await page.getByTestId("import-message").filter({ hasText: "not valid JSON" }).waitFor();
  assert.equal(await page.locator(".plan-card").count(), 2, "nothing changed");
  await context.close();
});

// The browser compresses a link a moment after the plan changes; the field is marked busy
// until the latest link is in it.
async function madeLink(page, selector) {
  await page.waitForSelector(`${selector}[aria-busy="false"]`);
  return page.locator(selector).inputValue();
}

test("the share link opens the couple review elsewhere, and their reply comes back into the plan", async () => {
  const therapist = await browser.newContext();
  const { page } = await watchedPage(therapist);
  await page.goto(server.url);
  await appReady(page);
  await createIntensive(page, { kind: "affair", who: "a", placement: "midway", a: "Sam", b: "Alex" });
  await page.locator(".block", { hasText: "KAP dosing session" }).click();
  await page.getByLabel("Private notes (therapist only)").fill("PRIVATE-ONLY dose 0.5");
  await page.getByLabel("Private notes (therapist only)").press("Tab");
  await page.getByRole("button", { name: "Share link for the couple" }).click();
  const link = await madeLink(page, "#share-link");
  assert.ok(link.startsWith(server.url + "#/share/"), link);

  const couple = await browser.newContext();
  const { page: theirs, errors } = await watchedPage(couple);
  await theirs.goto(link);
  await theirs.waitForSelector(".review-day");
  assert.ok(!(await theirs.content()).includes("PRIVATE-ONLY"));
  assert.match(await theirs.locator(".prep-box").innerText(), /Preparing for the medicine session/);
  await theirs.getByRole("button", { name: "Save a copy to this browser" }).click();
  await theirs.waitForSelector("#reply-link");
  await theirs.getByLabel("An eye mask").check();
  const question = theirs.locator(".agenda-item", { hasText: "Integration session" }).getByLabel("Your question or comment");
  await question.fill("Can Alex stay in the room?");
  await question.press("Tab");
  await theirs.getByRole("button", { name: "We have reviewed this plan" }).click();
  await theirs.getByTestId("reviewed").waitFor();
  const reply = await madeLink(theirs, "#reply-link");
  assert.deepEqual(errors, []);

  // A damaged link says so.
  await theirs.goto(link.slice(0, link.length - 12));
  assert.match(await theirs.getByRole("alert").innerText(), /This link is damaged/);

  await page.goto(server.url + reply.slice(reply.indexOf("#")));
  const news = await page.getByTestId("reply-news").innerText();
  assert.match(news, /New question on “Integration session” \(day 3, 09:30\): “Can Alex stay in the room\?”/);
  assert.match(news, /“An eye mask” ticked/);
  assert.match(news, /marked the plan as reviewed/);
  await page.getByRole("button", { name: "Add these to the plan" }).click();
  await page.waitForSelector(".editor .block");
  await page.getByRole("link", { name: "Couple review" }).click();
  await page.waitForSelector(".review-day");
  assert.equal(await page.locator(".agenda-item", { hasText: "Integration session" }).getByLabel("Your question or comment").inputValue(),
    "Can Alex stay in the room?");
  assert.match(await page.getByTestId("reviewed").innerText(), /reviewed on/);
  await therapist.close();
  await couple.close();
});
