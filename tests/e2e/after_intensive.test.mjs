// After the intensive: the 3-day affair-recovery intensive with KAP midway, its
// follow-ups edited by keyboard and mouse, printed, in the calendar file, and on the
// couple's page from a share link, with the integration window card.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { serveDist, launch, watchedPage, newEditor, storedPlan, waitStored, download, axeScan, longDate } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const OUT = "tests/e2e/out";
mkdirSync(OUT, { recursive: true });
const AFFAIR_MIDWAY_A = { kind: "affair", days: "3", who: "a", placement: "midway", a: "Sam", b: "Alex" };

const addDays = (iso, days) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 864e5).toISOString().slice(0, 10);

/** The calendar file's events as property maps, with their alarms (lines unfolded). */
function events(ics) {
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  const found = [];
  let event = null, alarm = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") event = { alarms: [] };
    else if (line === "END:VEVENT") { found.push(event); event = null; }
    else if (line === "BEGIN:VALARM") alarm = {};
    else if (line === "END:VALARM") { event.alarms.push(alarm); alarm = null; }
    else if (event) {
      const colon = line.indexOf(":");
      const name = line.slice(0, colon).split(";")[0];
      (alarm || event)[name] = line.slice(colon + 1);
    }
  }
  return found;
}

test("a KAP intensive plans its follow-ups; they are edited, printed, in the calendar and shared", async () => {
  // A practice in California: the date input's fields come in the browser's own order,
  // which here is month first, and the print words dates as a US reader does.
  const { context, page, errors } = await newEditor(browser, server, AFFAIR_MIDWAY_A, undefined, "en-US");
  const rows = page.getByTestId("follow-up");
  assert.equal(await rows.count(), 2, "the usual two follow-ups");
  let plan = await storedPlan(page);
  const lastDay = addDays(plan.first_day, 2);
  assert.deepEqual(plan.follow_ups.map((f) => f.date), [addDays(lastDay, 7), addDays(lastDay, 28)]);
  assert.match(await page.locator(".after-intensive").innerText(), /after the last day/);

  // Each follow-up is folded under its title and time; its fields are built when opened.
  assert.equal(await page.locator(".after-intensive input, .after-intensive select").count(), 0, "folded");
  assert.match(await rows.first().locator("summary").innerText(), /\(follow-up, /);
  // By keyboard: open the first follow-up, into its date, and type a new one in the order
  // this browser's language writes dates (segment by segment, as a person types).
  await rows.first().locator("summary").focus();
  await page.keyboard.press("Enter");
  const firstDate = rows.first().getByLabel("Date");
  await firstDate.focus();
  const moved = addDays(lastDay, 14);
  const [year, month, day] = moved.split("-");
  const order = await page.evaluate(() => new Intl.DateTimeFormat(navigator.language).formatToParts(new Date())
    .map((part) => part.type).filter((type) => ["day", "month", "year"].includes(type)));
  await page.keyboard.type(order.map((type) => ({ year, month, day })[type]).join(""));
  plan = await waitStored(page, (p) => p.follow_ups.some((f) => f.date === moved), "the follow-up moved by keyboard");
  // By mouse: a new follow-up, then its length chosen from the list.
  await page.getByRole("button", { name: "Add a follow-up session" }).click();
  assert.equal(await rows.count(), 3);
  const added = rows.nth(2);
  // The session just added opens at once, its date focused.
  await page.waitForFunction(() => document.activeElement?.type === "date");
  assert.equal(await added.evaluate((row) => row.open && row.contains(document.activeElement)), true);
  await added.getByLabel("Length").selectOption("60");
  await added.getByLabel("Title").fill("Couples check-in by video");
  await added.getByLabel("Title").press("Tab");
  await added.getByLabel("Private notes (therapist only)").fill("PRIVATE-FOLLOW-UP");
  await added.getByLabel("Private notes (therapist only)").press("Tab");
  plan = await waitStored(page, (p) => p.follow_ups.some((f) => f.private_notes === "PRIVATE-FOLLOW-UP"), "the new follow-up's notes");
  const video = plan.follow_ups.find((f) => f.title === "Couples check-in by video");
  assert.equal(video.minutes, 60);
  // Undo takes back one field at a time.
  await page.getByRole("button", { name: "Undo" }).click();
  await waitStored(page, (p) => p.follow_ups.every((f) => f.private_notes === ""), "undo removed the private note");
  await page.getByRole("button", { name: "Redo" }).click();
  await waitStored(page, (p) => p.follow_ups.some((f) => f.private_notes === "PRIVATE-FOLLOW-UP"), "redo");

  // Print: the couple copy ends with the After the intensive page, no private note.
  const editorUrl = page.url();
  await page.goto(editorUrl + "/print");
  await page.waitForSelector(".print-after");
  await page.emulateMedia({ media: "print" });
  const pdf = `${OUT}/after-intensive.pdf`;
  writeFileSync(pdf, await page.pdf({ format: "A4", printBackground: false }));
  const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").filter((p) => p.trim());
  assert.equal(pages.length, 5, "three days, the integration window after day 2, the page after them");
  assert.match(pages[4], /After the intensive/);
  for (const session of plan.follow_ups) assert.ok(pages[4].includes(longDate(session.date, true)), `${session.date} printed`);
  assert.match(pages[2], /Your integration window \(Sam\)[\s\S]*Journaling prompts/i, "the card after the dosing day");
  assert.ok(!pages.join("").includes("PRIVATE-FOLLOW-UP"));
  await page.emulateMedia({ media: "screen" });

  // The calendar file: the follow-ups on their dates, the reminders on the dose.
  await page.goto(editorUrl);
  await page.waitForSelector(".editor .block");
  const file = await download(page, () => page.getByRole("button", { name: "Calendar file (.ics)" }).click());
  assert.ok(!file.text.includes("PRIVATE"), "no private notes in the calendar");
  const found = events(file.text);
  const followUps = found.filter((e) => e.UID.includes("-follow-up-"));
  assert.deepEqual(followUps.map((e) => e.DTSTART.slice(0, 8)).sort(),
    plan.follow_ups.map((f) => f.date.replaceAll("-", "")).sort());
  const dosing = found.find((e) => e.CATEGORIES === "KAP dosing session");
  assert.deepEqual(dosing.alarms.map((a) => a.TRIGGER), ["-PT4H", "-PT2H", "-PT15H"]);
  assert.match(dosing.alarms[0].DESCRIPTION, /^Last food now/);
  assert.match(dosing.alarms[2].DESCRIPTION, /ride home arranged yet/);

  // The share link, opened elsewhere: the follow-ups and the integration card.
  await page.getByRole("button", { name: "Share link for the couple" }).click();
  await page.waitForSelector('#share-link[aria-busy="false"]');
  const link = await page.locator("#share-link").inputValue();
  const couple = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page: theirs, errors: theirErrors } = await watchedPage(couple);
  await theirs.goto(link);
  await theirs.waitForSelector(".integration-box");
  const card = await theirs.locator(".integration-box").innerText();
  assert.match(card, /Your integration window \(Sam\)/);
  assert.match(card, /Journaling prompts/i);
  assert.match(card, /Integration session: /);
  const list = await theirs.locator(".follow-up-list").innerText();
  assert.match(list, /Couples check-in by video/);
  for (const session of plan.follow_ups) assert.ok(list.includes(longDate(session.date)), `${session.date} listed`);
  assert.ok(!(await theirs.content()).includes("PRIVATE-FOLLOW-UP"));
  assert.deepEqual([...errors, ...theirErrors], []);
  await couple.close();
  await context.close();
});

test("the After the intensive section and the couple's card pass axe-core", async () => {
  const { context, page } = await newEditor(browser, server, AFFAIR_MIDWAY_A);
  const scan = async (name, include) => assert.deepEqual(await axeScan(page, name, include), []);
  await page.locator(".after-intensive .guide summary").click();
  await page.getByTestId("follow-up").first().locator("summary").click();
  await page.getByTestId("follow-up").first().getByLabel("Date").waitFor();
  await scan("after the intensive", ".after-intensive");
  await page.goto(page.url() + "/review");
  await page.waitForSelector(".integration-box");
  await scan("integration card", ".integration-box");
  await scan("follow-up list", ".review-day.after-intensive");
  await context.close();
});

test("the form's usual follow-ups follow who doses until the therapist picks", async () => {
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  await page.goto(server.url);
  await page.getByRole("button", { name: "New intensive" }).click();
  const count = page.getByLabel("Follow-up sessions");
  const spacing = page.getByLabel("Spacing");
  assert.equal(await count.inputValue(), "1", "without medicine: one follow-up");
  assert.match(await spacing.locator("option:checked").innerText(), /Every four weeks/);
  await page.getByLabel("Who doses").selectOption("a");
  assert.equal(await count.inputValue(), "2", "with medicine: integration at one and four weeks");
  assert.match(await spacing.locator("option:checked").innerText(), /One week after, then every four weeks/);
  await count.selectOption("3");
  await page.getByLabel("Who doses").selectOption("nobody");
  assert.equal(await count.inputValue(), "3", "the therapist's own answer stays");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a value refused or snapped does not stay in its field: the field shows what the plan holds", async () => {
  const { context, page, errors } = await newEditor(browser, server, AFFAIR_MIDWAY_A);
  const plan = await storedPlan(page);
  const first = page.locator("#pd-first");
  await page.locator("details.panel > summary", { hasText: "Plan details" }).click();
  const was = await first.inputValue();
  // Ten days later puts the intensive's last day past the first follow-up: refused.
  await first.fill(addDays(plan.first_day, 10));
  await page.getByTestId("editor-message").filter({ hasText: "would no longer come after the last day" }).waitFor();
  // While the field has the focus, the typing stays (a date is typed part by part); as
  // it is left, it shows what the plan holds.
  assert.equal(await first.inputValue(), addDays(plan.first_day, 10));
  await first.blur();
  assert.equal(await first.inputValue(), was, "the plan's first day, not the refused one");
  // Seven minutes past a block's start is snapped back to it: the field says so.
  await page.locator(".block").first().click();
  const start = page.locator("#bf-start");
  const at = await start.inputValue();
  await start.fill(`${at.slice(0, 3)}07`);
  await start.blur();
  assert.equal(await start.inputValue(), at);
  assert.equal((await storedPlan(page)).revision, plan.revision, "nothing changed");
  assert.deepEqual(errors, []);
  await context.close();
});
