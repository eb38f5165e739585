// A plan is never lost: unreadable records are set aside and never written over, a full
// store keeps every change in memory and says so until each is saved, another tab's
// write never reverts unsaved changes, and an import changes nothing it should not.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdirSync } from "node:fs";
import { serveDist, launch, watchedPage, appReady, createIntensive, blockSlot, storedPlans, waitStored, twoTabs, newEditor, download, fillStorage, emptyStorage, blockForm } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });
mkdirSync("tests/e2e/out", { recursive: true });

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

test("with storage full every unsaved plan stays listed, and the notice stays until each is saved", async () => {
  const { context, page } = await newEditor(browser, server, { a: "Ada", b: "Bo" });
  const ada = page.url();
  await fillStorage(page);
  await page.goto(server.url);
  await createIntensive(page, { a: "Full", b: "Quota", stored: false });
  const notice = page.getByTestId("storage-notice");
  await notice.waitFor();
  assert.match(await notice.innerText(), /Not saved\. The browser's storage for this app is full\./);
  assert.match(await notice.innerText(), /Full & Quota/);
  // Still working in memory: a keyboard move happens and shows.
  const closing = page.locator(".block", { hasText: "Closing check-in" }).first();
  await closing.focus();
  const before = await blockSlot(closing);
  await page.keyboard.press("ArrowUp");
  assert.notEqual(await blockSlot(closing), before);
  // Another plan saves (the same size fits where it was): the notice must stay.
  await page.goto(ada);
  await page.waitForSelector(".editor .block");
  const adaRevision = Object.values(await storedPlans(page)).find((p) => p.title.startsWith("Ada")).revision;
  await page.locator(".block", { hasText: "Closing check-in" }).first().focus();
  await page.keyboard.press("ArrowUp");
  await page.waitForFunction((r) => Object.keys(localStorage).some((k) => k.startsWith("intensive-planner/plan/")
    && JSON.parse(localStorage.getItem(k)).plan.revision > r), adaRevision);
  assert.match(await notice.innerText(), /Full & Quota/, "the unsaved plan is still named");
  // Everything is in the backup, the unsaved plan with its move.
  const backup = await download(page, () => page.getByTestId("storage-notice").getByRole("button", { name: "Download a backup of all plans" }).click());
  const plans = JSON.parse(backup.text).plans;
  assert.deepEqual(plans.map((p) => p.title).sort(), ["Ada & Bo: Couples intensive", "Full & Quota: Couples intensive"]);
  // Room again: the next change saves every unsaved plan, and the notice goes.
  await emptyStorage(page);
  await page.locator(".block", { hasText: "Closing check-in" }).first().focus();
  await page.keyboard.press("ArrowDown");
  await notice.waitFor({ state: "detached" });
  await page.reload();
  await appReady(page);
  await page.goto(server.url);
  await page.waitForSelector(".plan-card");
  assert.equal(await page.locator(".plan-card").count(), 2, "both plans survive a reload");
  await context.close();
});

test("another tab's write while storage is full never reverts this tab's unsaved changes", async () => {
  const { context, first, second } = await twoTabs(browser, server);
  await fillStorage(first.page);
  // A long note does not fit: unsaved in the first tab.
  const note = "Bring the letters you wrote. ".repeat(150);
  await first.page.locator(".block", { hasText: "Homework: journaling prompt" }).first().click();
  await blockForm(first.page).getByLabel("Notes for the couple").fill(note);
  await blockForm(first.page).getByLabel("Notes for the couple").press("Tab");
  await first.page.getByTestId("storage-notice").waitFor();
  // The second tab moves another block; the same size fits, and the first tab hears of it.
  const revision = (await waitStored(second.page, () => true, "read")).revision;
  await second.page.locator(".block", { hasText: "Feedback and treatment plan" }).first().focus();
  await second.page.keyboard.press("ArrowDown");
  const moved = await waitStored(second.page, (p) => p.revision === revision + 1, "the second tab's move");
  const feedback = moved.blocks.find((b) => b.title === "Feedback and treatment plan").start.slice(0, 5);
  await first.page.waitForFunction((time) => [...document.querySelectorAll(".block")]
    .some((b) => b.textContent.includes("Feedback and treatment plan") && b.textContent.includes(time)), feedback);
  assert.equal(await blockForm(first.page).getByLabel("Notes for the couple").inputValue(), note, "the unsaved note is still here");
  const backup = await download(first.page, () => first.page.getByTestId("storage-notice").getByRole("button", { name: "Download a backup of all plans" }).click());
  assert.ok(backup.text.includes("Bring the letters you wrote."), "and in the backup");
  // Room again: the next change stores the note and the other tab's move together.
  await emptyStorage(first.page);
  await first.page.locator(".block", { hasText: "Homework: journaling prompt" }).first().focus();
  await first.page.keyboard.press("ArrowUp");
  const stored = await waitStored(first.page, (p) => p.blocks.some((b) => b.couple_notes === note), "the note");
  assert.equal(stored.blocks.find((b) => b.title === "Feedback and treatment plan").start.slice(0, 5), feedback);
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
  await page.locator(".plan-card").waitFor({ state: "detached" });
  await page.getByLabel("Import a plan file (.json)").setInputFiles(path);
  await page.getByTestId("import-message").filter({ hasText: "Imported 1 plan" }).waitFor();
  await page.getByRole("link", { name: "Io & Ren: Affair-recovery intensive" }).click();
  await page.waitForSelector(".editor .block");
  assert.equal(await page.locator(".block").count(), blocksBefore);

  await page.getByRole("link", { name: "← All intensives" }).click();
  // The same file again holds nothing new: nothing is asked, nothing changes.
  await page.getByLabel("Import a plan file (.json)").setInputFiles(path);
  await page.getByTestId("import-message").filter({ hasText: "already here as it is in the file: nothing was changed" }).waitFor();
  assert.equal(await page.getByTestId("arrival-choice").count(), 0);
  assert.equal(await page.locator(".plan-card").count(), 1);

  const bad = "tests/e2e/out/bad.json";
  writeFileSync(bad, file.text.replace('"minutes": 30', '"minutes": 5000'));
  await page.getByLabel("Import a plan file (.json)").setInputFiles(bad);
  await page.getByTestId("import-message").filter({ hasText: "Nothing was imported" }).waitFor();
  assert.match(await page.getByTestId("import-message").innerText(), /lasts 83 h 20 min, which does not fit in its day/);
  writeFileSync(bad, "<html>not a plan</html>");
  await page.getByLabel("Import a plan file (.json)").setInputFiles(bad);
  await page.getByTestId("import-message").filter({ hasText: "not valid JSON" }).waitFor();
  assert.equal(await page.locator(".plan-card").count(), 1, "nothing changed");
  await context.close();
});

test("a plan file written by version 1 imports, its typed driver now a choice of person", async () => {
  const context = await browser.newContext();
  const { page } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  await page.getByLabel("Import a plan file (.json)").setInputFiles("tests/formats/v1/affair-3-days-kap-midway.json");
  await page.getByTestId("import-message").filter({ hasText: "Imported 1 plan" }).waitFor();
  await page.locator(".plan-card a").first().click();
  await page.waitForSelector(".editor .block");
  // Version 1 held "Jordan" typed as Sam's driver: now another adult named Jordan, and the
  // ride-home rule asks for the phone number a version 1 file never had.
  const sam = page.locator("fieldset.readiness[data-partner=a]");
  assert.equal(await sam.getByLabel("Ride home: who drives").inputValue(), "adult");
  assert.equal(await sam.getByLabel("Driver's name").inputValue(), "Jordan");
  const rules = () => page.locator("[data-testid=problems] li").evaluateAll((items) => items.map((li) => li.dataset.rule));
  assert.ok((await rules()).includes("R4-ride-home"), (await rules()).join());
  assert.match(await page.locator("[data-testid=problems]").innerText(), /phone/);
  await sam.getByLabel("Driver's phone").fill("555 0100");
  await sam.getByLabel("Driver's phone").press("Tab");
  assert.ok(!(await rules()).includes("R4-ride-home"), (await rules()).join());
  await context.close();
});

test("a file that is not UTF-8 text is refused, not read with replacement characters", async () => {
  const context = await browser.newContext();
  const { page } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  const path = "tests/e2e/out/latin1.json";
  writeFileSync(path, Buffer.concat([Buffer.from('{"format":"intensive-planner/plan","title":"Caf'), Buffer.from([0xe9]), Buffer.from('"}')]));
  await page.getByLabel("Import a plan file (.json)").setInputFiles(path);
  await page.getByTestId("import-message").filter({ hasText: "Nothing was imported" }).waitFor();
  assert.match(await page.getByTestId("import-message").innerText(), /not plain UTF-8 text \(byte 48/);
  await context.close();
});

test("importing a plan whose id an unreadable record holds asks, and never writes over the record", async () => {
  const context = await browser.newContext();
  const { page } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  await createIntensive(page, { a: "Io", b: "Ren" });
  const file = await download(page, () => page.getByRole("button", { name: "Download plan file" }).click());
  const path = "tests/e2e/out/over-unreadable.json";
  writeFileSync(path, file.text);
  const id = JSON.parse(file.text).plan.id;
  const key = `intensive-planner/plan/${id}`;
  await page.evaluate((key) => localStorage.setItem(key, "{ damaged"), key);
  await page.goto(server.url);
  await page.reload();
  await appReady(page);
  await page.getByTestId("unreadable-notice").waitFor();
  await page.getByLabel("Import a plan file (.json)").setInputFiles(path);
  const choice = page.getByTestId("arrival-choice");
  await choice.waitFor();
  assert.match(await choice.innerText(), /has the id of a stored record that cannot be read/);
  assert.match(await page.getByTestId("import-message").innerText(), /Imported 0 plans .* One is already here: choose below\./);
  await choice.getByRole("button", { name: "Keep both" }).click();
  await page.locator(".plan-card").first().waitFor();
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), key), "{ damaged", "the record is untouched");
  assert.equal(await page.locator(".plan-card").count(), 1);
  // Asked again, the person replaces it: the record's copy stays set aside.
  await page.getByLabel("Import a plan file (.json)").setInputFiles(path);
  await page.getByTestId("arrival-choice").getByRole("button", { name: "Replace it" }).click();
  await page.getByTestId("import-message").filter({ hasText: "Saved." }).waitFor();
  assert.equal(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), key)).plan.id, id);
  assert.equal(await page.evaluate((key) => localStorage.getItem(`intensive-planner/aside/${key}`), key), "{ damaged");
  assert.equal(await page.getByTestId("unreadable-notice").count(), 0);
  assert.equal(await page.locator(".plan-card").count(), 2);
  await context.close();
});

test("a change made just before the page is reloaded is kept", async () => {
  const { context, page } = await newEditor(browser, server, { days: "2" });
  const block = page.locator(".block", { hasText: "Homework: journaling prompt" }).first();
  await block.focus();
  // Pressed and reloaded at once: the save waiting for the lock is made as the page goes.
  await page.evaluate(() => {
    document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true, cancelable: true }));
    location.reload();
  });
  await page.waitForSelector(".editor .block");
  assert.match(await blockSlot(page.locator(".block", { hasText: "Homework: journaling prompt" }).first()), /day 1 16:00–16:30/);
  await context.close();
});

test("storage emptied by another tab is said; this tab's plans are in its backup and saved back on request", async () => {
  const { context, first, second } = await twoTabs(browser, server, { a: "Kept", b: "InMemory" });
  const location = "Typed before the clearing";
  const details = first.page.locator("details.panel", { hasText: "Plan details" });
  await details.locator("summary").click();
  await first.page.getByLabel("Location").fill(location);
  await first.page.getByLabel("Location").blur();
  await waitStored(first.page, (p) => p.location === location, "the location saved");
  await second.page.evaluate(() => localStorage.clear());

  const notice = first.page.getByTestId("cleared-notice");
  await notice.waitFor();
  assert.match(await notice.innerText(), /storage for the app was emptied while this tab was open/);
  assert.match(await notice.innerText(), /This tab still holds 1 plan: \u201cKept & InMemory: Couples intensive\u201d/);
  // Nothing is written back by itself, not even at the next change.
  await first.page.getByLabel("Location").fill(`${location}, and after`);
  await first.page.getByLabel("Location").blur();
  await first.page.waitForTimeout(500);
  assert.deepEqual(await first.page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("/plan/"))), []);
  const backup = await download(first.page, () => notice.getByRole("button", { name: "Download a backup of all plans" }).click());
  assert.equal(JSON.parse(backup.text).plans[0].location, `${location}, and after`);

  await notice.getByRole("button", { name: "Save them back" }).click();
  await first.page.waitForFunction(() => Object.keys(localStorage).some((k) => k.includes("/plan/")));
  await waitStored(first.page, (p) => p.location === `${location}, and after`, "saved back");
  await notice.waitFor({ state: "detached" });
  await second.page.reload();
  await second.page.waitForSelector(".editor .block");
  assert.equal(await second.page.locator("details.panel", { hasText: "Plan details" }).count(), 1);
  assert.deepEqual(first.errors, []);
  assert.deepEqual(second.errors, []);
  await context.close();
});

test("storage cleared with no event (the browser's Clear site data) is noticed when the tab is focused", async () => {
  const { context, page, errors } = await newEditor(browser, server, { a: "Site", b: "Data" });
  // Clearing from the page itself sends this page no storage event, as Clear site data does not.
  await page.evaluate(() => localStorage.clear());
  await page.waitForTimeout(300);
  assert.equal(await page.getByTestId("cleared-notice").count(), 0);
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  const notice = page.getByTestId("cleared-notice");
  await notice.waitFor();
  assert.match(await notice.innerText(), /Site & Data/);
  await page.getByRole("link", { name: "Intensive Planner" }).click();
  await page.waitForSelector(".plan-card");
  assert.equal(await page.locator(".plan-card").count(), 1, "the plan is still listed, from memory");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a backup with a bad plan names it, and restores the others only when asked", async () => {
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  await createIntensive(page, { a: "Good", b: "One" });
  await page.getByRole("link", { name: "← All intensives" }).click();
  const made = await download(page, () => page.getByRole("button", { name: "Download a backup of all plans" }).click());
  const backup = JSON.parse(made.text);
  const [good] = backup.plans;
  const second = { ...structuredClone(good), id: "second", title: "Second good" };
  const bad = { ...structuredClone(good), id: "bad", title: "Broken plan" };
  bad.blocks[0].minutes = 5000;
  backup.plans = [bad, second];
  const path = "tests/e2e/out/partly-bad-backup.json";
  writeFileSync(path, JSON.stringify(backup));

  const restoring = page.getByLabel("Import a plan file (.json)");
  await restoring.setInputFiles(path);
  const question = page.getByTestId("partly-refused");
  await question.waitFor();
  assert.match(await question.innerText(), /1 plan of 2 in partly-bad-backup\.json cannot be restored\. Plan 1 of 2 \(\u201cBroken plan\u201d\): Block/);
  assert.equal(await page.locator(".plan-card").count(), 1, "nothing restored before the choice");
  await question.getByRole("button", { name: "Restore nothing" }).click();
  await page.getByTestId("import-message").filter({ hasText: "Nothing was restored." }).waitFor();
  assert.equal(await page.locator(".plan-card").count(), 1);

  await restoring.setInputFiles(path);
  await question.getByRole("button", { name: "Restore the other 1 plan" }).click();
  await page.getByTestId("import-message").filter({ hasText: "Imported 1 plan" }).waitFor();
  assert.equal(await page.locator(".plan-card").count(), 2);
  await page.getByRole("link", { name: "Second good" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
