// Sharing: the share link opens the couple's review elsewhere, their reply comes back
// into the plan, and a link re-encoded on its way still opens.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launch, watchedPage, appReady, createIntensive, blockForm } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

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
  await blockForm(page).getByLabel("Private notes (therapist only)").fill("PRIVATE-ONLY dose 0.5");
  await blockForm(page).getByLabel("Private notes (therapist only)").press("Tab");
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

test("a share link re-encoded in standard base64 opens the same plan", async () => {
  const context = await browser.newContext();
  const { page } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  await createIntensive(page, { a: "Io", b: "Ren" });
  await page.getByRole("button", { name: "Share link for the couple" }).click();
  const link = await madeLink(page, "#share-link");
  const data = link.slice(link.indexOf("#/share/") + 8);
  const standard = Buffer.from(data, "base64url").toString("base64");
  assert.ok(/[+/=]/.test(standard), "the re-encoded link has characters a share link never has");
  const couple = await browser.newContext();
  const { page: theirs } = await watchedPage(couple);
  await theirs.goto(`${server.url}#/share/${standard}`);
  await theirs.waitForSelector(".review-day");
  assert.match(await theirs.locator("h1").first().innerText(), /Io & Ren/);
  await couple.close();
  await context.close();
});

test("Copy says 'Copied.' only when the clipboard took the link; otherwise how to copy it by hand", async () => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const { page, errors } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  await createIntensive(page, { a: "Clip", b: "Board" });
  await page.getByRole("button", { name: "Share link for the couple" }).click();
  const link = await madeLink(page, "#share-link");
  const card = page.locator(".share-card");
  await card.getByRole("button", { name: "Copy" }).click();
  await card.getByText("Copied.").waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, "what was said copied is on the clipboard");

  // The browser refuses the clipboard (no permission, or the page not focused).
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
  });
  await card.getByRole("button", { name: "Copy" }).click();
  await card.getByText("Could not copy \u2014 select the link and copy it.").waitFor();
  assert.equal(await card.getByText("Copied.").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
