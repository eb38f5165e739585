// My templates, end to end: a US practice saves a lived-in plan as a template, starts
// another couple's intensive from it (nothing of the first couple in the new plan or in
// the template, storage text searched), downloads it; a fresh British browser imports it,
// starts a plan from it and prints it in its own style; the wrong kind of file is told so;
// rename, delete and undo.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { serveDist, launch, newEditor, watchedPage, appReady, storedPlans, waitStored, blockForm, download, axeScan, longDate } from "./harness.mjs";

const OUT = "target/e2e";
mkdirSync(OUT, { recursive: true });
let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const NAME = "Affair recovery, three days, dose midway";
/** Every record the app keeps, as one text, to search for what must not be there. */
const storageText = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => !k.includes("/aside/"))
  .map((k) => `${k}\n${localStorage.getItem(k)}`).join("\n"));
const templateRecords = (page) => page.evaluate(() => Object.keys(localStorage)
  .filter((k) => k.startsWith("intensive-planner/template/")).map((k) => localStorage.getItem(k)));

/** The first stored plan that passes `check`, once one does (a save follows the next task). */
async function waitStoredAny(page, check) {
  for (let tries = 0; tries < 50; tries += 1) {
    const found = Object.values(await storedPlans(page)).find((p) => p && check(p));
    if (found) return found;
    await page.waitForTimeout(100);
  }
  return undefined;
}

/** A new intensive from my template `name`, for the couple `a` and `b`; its stored plan. */
async function fromTemplate(page, name, a, b) {
  await page.goto(server.url);
  await page.getByRole("button", { name: "New intensive" }).click();
  await page.getByLabel("Start from").selectOption({ label: `My template: ${name}` });
  assert.equal(await page.getByLabel("Kind").isVisible(), false, "the template gives the kind and the days");
  assert.equal(await page.getByLabel("Who doses").isVisible(), false, "and the KAP choices");
  await page.getByLabel("Partner A's name").fill(a);
  await page.getByLabel("Partner B's name").fill(b);
  await page.getByRole("button", { name: "Create the schedule" }).click();
  await page.waitForSelector(".editor .block");
  const made = await waitStoredAny(page, (p) => p.partners.a === a);
  assert.ok(made, `the plan for ${a} is stored`);
  return made;
}

/** The printed agenda of the open plan, as text. */
async function printed(page) {
  const editor = page.url().replace(/\/(review|print)$/, "");
  await page.goto(`${editor}/print`);
  await page.waitForSelector(".print-day");
  const text = await page.locator(".print-day").first().innerText();
  await page.goto(editor);
  await page.waitForSelector(".editor .block");
  return text;
}

test("a plan saved as my template starts the next couple's intensive, travels and prints in each style", async () => {
  const { context, page, errors } = await newEditor(browser, server,
    { kind: "affair", who: "a", placement: "midway", a: "Sam", b: "Alex", therapist: "Dr Rivera" }, undefined, "en-US");
  // The first couple lives in it: a private note, their names in a note, a confirmed status.
  await page.locator(".block", { hasText: "KAP dosing session" }).click();
  await blockForm(page).getByLabel("Private notes (therapist only)").fill("PRIVATE-DOSE-NOTE");
  await blockForm(page).getByLabel("Private notes (therapist only)").press("Tab");
  await blockForm(page).getByLabel("Notes for the couple").fill("Sam, bring the letter for Alex.");
  await blockForm(page).getByLabel("Notes for the couple").press("Tab");
  const source = await waitStored(page, (p) => p.blocks.some((b) => b.private_notes === "PRIVATE-DOSE-NOTE")
    && p.blocks.some((b) => b.couple_notes.startsWith("Sam,")), "the first couple's notes");

  await page.getByRole("button", { name: "Save as my template" }).click();
  await page.getByLabel("Template name").fill(NAME);
  await page.getByRole("button", { name: "Save template" }).click();
  await page.getByTestId("template-saved").filter({ hasText: `Saved \u201c${NAME}\u201d` }).waitFor();
  const [record] = await templateRecords(page);
  for (const couple of [/\bSam\b/, /\bAlex\b/, /PRIVATE/, /Dr Rivera/]) assert.doesNotMatch(record, couple, "the template record");

  // The next couple, from the template: its structure, nothing of Sam and Alex.
  const made = await fromTemplate(page, NAME, "Robin", "Kai");
  assert.equal(made.blocks.length, source.blocks.length);
  assert.deepEqual(made.blocks.map((b) => [b.kind, b.day, b.start, b.minutes]), source.blocks.map((b) => [b.kind, b.day, b.start, b.minutes]));
  assert.equal(made.kap.who_doses, source.kap.who_doses);
  assert.equal(made.status, "Draft");
  assert.ok(made.blocks.some((b) => b.couple_notes === "Robin, bring the letter for Kai."), "names follow the new couple");
  const madeText = JSON.stringify(made);
  for (const couple of [/\bSam\b/, /\bAlex\b/, /PRIVATE/]) assert.doesNotMatch(madeText, couple, "the new plan");
  const stored = await storageText(page);
  assert.equal(stored.match(/PRIVATE-DOSE-NOTE/g)?.length, 1, "only the first couple's own plan holds their note");
  // Printed for a US reader.
  const us = await printed(page);
  assert.ok(us.includes(longDate(made.first_day, true)), us.slice(0, 200));
  assert.match(us, /\d:\d\d\u2013\d{1,2}:\d\d [AP]M/);

  // Downloaded, and a plan file for the wrong-kind checks.
  await page.goto(server.url);
  await page.getByRole("heading", { name: "My templates" }).waitFor();
  const file = await download(page, () => page.getByRole("button", { name: `Download ${NAME}` }).click());
  assert.match(file.name, /\.template\.json$/);
  const templatePath = `${OUT}/${file.name}`;
  writeFileSync(templatePath, file.text);
  await page.getByRole("link", { name: made.title }).click();
  await page.waitForSelector(".editor .block");
  const planFile = await download(page, () => page.getByRole("button", { name: "Download plan file" }).click());
  const planPath = `${OUT}/for-template-check.json`;
  writeFileSync(planPath, planFile.text);
  assert.deepEqual(errors, []);
  await context.close();

  // A fresh British browser: the template imports; each file offered as the other kind is told so.
  const fresh = await browser.newContext({ locale: "en-GB", viewport: { width: 1400, height: 1000 } });
  const { page: theirs, errors: theirErrors } = await watchedPage(fresh);
  await theirs.goto(server.url);
  await appReady(theirs);
  await theirs.getByLabel("Import a plan file (.json)").setInputFiles(templatePath);
  await theirs.getByText("This is a template file, not a plan").waitFor();
  await theirs.getByLabel("Import a template file (.json)").setInputFiles(planPath);
  await theirs.getByTestId("templates-said").filter({ hasText: "This is a plan file, not a template" }).waitFor();
  assert.equal(Object.keys(await storedPlans(theirs)).length, 0, "nothing was stored from either");
  await theirs.getByLabel("Import a template file (.json)").setInputFiles(templatePath);
  await theirs.getByTestId("templates-said").filter({ hasText: `Added 1 template to My templates: \u201c${NAME}\u201d` }).waitFor();
  const again = await fromTemplate(theirs, NAME, "Jo", "Lee");
  assert.equal(again.blocks.length, source.blocks.length);
  const gb = await printed(theirs);
  assert.ok(gb.includes(longDate(again.first_day, false)), gb.slice(0, 200));
  assert.match(gb, /\b\d\d:\d\d\u2013\d\d:\d\d\b/);
  assert.doesNotMatch(gb, /\d [AP]M\b/);

  // Renamed, deleted, and brought back.
  await theirs.goto(server.url);
  await theirs.getByRole("button", { name: `Rename ${NAME}` }).click();
  await theirs.getByLabel("New name").fill("My usual three days");
  await theirs.getByRole("button", { name: "Save name" }).click();
  await theirs.getByRole("heading", { name: "My usual three days" }).waitFor();
  await theirs.getByRole("button", { name: "Delete template My usual three days" }).click();
  assert.equal((await templateRecords(theirs)).length, 0, "deleted from storage");
  await theirs.getByRole("button", { name: "Undo delete" }).click();
  await theirs.getByRole("heading", { name: "My usual three days" }).waitFor();
  const back = await templateRecords(theirs);
  assert.equal(back.length, 1);
  assert.equal(JSON.parse(back[0]).template.name, "My usual three days");
  await theirs.reload();
  await theirs.getByRole("heading", { name: "My usual three days" }).waitFor();
  assert.deepEqual(theirErrors, []);
  await fresh.close();
});

test("the template form, My templates and the Start from choice pass axe-core", async () => {
  const { context, page, errors } = await newEditor(browser, server, { who: "a" });
  const scan = async (name, include) => assert.deepEqual(await axeScan(page, name, include), []);
  await page.getByRole("button", { name: "Save as my template" }).click();
  await page.getByRole("button", { name: "Save template" }).click();
  await page.getByTestId("template-saved").filter({ hasText: "Saved" }).waitFor();
  await scan("save as my template", ".template-card");
  await page.goto(server.url);
  await page.getByRole("button", { name: /^Rename / }).click();
  await scan("my templates", ".my-templates");
  await page.getByRole("button", { name: "New intensive" }).click();
  await page.getByLabel("Start from").selectOption({ index: 1 });
  await scan("new intensive from a template", ".new-plan");
  // Keyboard alone: the first template's Delete, then Undo delete, by Tab and Enter.
  await page.getByRole("button", { name: /^Delete template / }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Undo delete" }).focus();
  await page.keyboard.press("Enter");
  await page.getByTestId("my-template").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
