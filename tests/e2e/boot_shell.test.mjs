// The opening shell: painted from index.html before the wasm arrives (name, privacy line,
// "Opening your plan…"), readable on a phone, gone once the app is drawn; with the wasm
// refused it says the app could not start, and with JavaScript off it says what is needed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launch, watchedPage, appReady } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const PHONE = { width: 390, height: 844 };
const fitsTheWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);

test("the shell is painted before the app arrives, at phone width, and the app replaces it", async () => {
  const context = await browser.newContext({ viewport: PHONE });
  const { page, errors } = await watchedPage(context);
  // The wasm is held back until the shell has been seen.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(server.url, { waitUntil: "domcontentloaded" });
  await page.getByRole("status").filter({ hasText: "Opening your plan\u2026" }).waitFor();
  assert.ok(await page.getByRole("heading", { name: "Intensive Planner" }).isVisible());
  assert.ok(await page.getByText("Your plans stay in this browser: nothing is sent anywhere.").isVisible());
  assert.equal(await page.locator(".boot-failed-words").isVisible(), false, "no failure while it is on its way");
  assert.ok(await fitsTheWidth(page), "readable at 390 px without scrolling sideways");
  const painted = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint").length);
  assert.equal(painted, 1, "something was painted before the wasm arrived");
  release();
  await appReady(page);
  assert.equal(await page.locator("#boot").count(), 0, "the app replaced the shell");
  assert.deepEqual(errors, [], "no CSP refusal, no error");
  await context.close();
});

test("a wasm that cannot be fetched turns the shell into words a person can act on", async () => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await context.route(/\.wasm$/, (route) => route.abort());
  await page.goto(server.url);
  const failed = page.getByRole("alert").filter({ hasText: "could not start in this browser" });
  await failed.waitFor({ timeout: 10_000 });
  assert.match(await failed.innerText(), /Your plans are not lost.*Reload the page/s);
  assert.equal(await page.getByText("Opening your plan\u2026").isVisible(), false);
  assert.ok(await fitsTheWidth(page));
  await context.close();
});

test("with JavaScript off the page says it needs it, and claims nothing is opening", async () => {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url);
  // Playwright's text queries skip <noscript>, so the words are read as a person sees them.
  const words = await page.locator("body").innerText();
  assert.match(words, /Intensive Planner needs JavaScript and WebAssembly to run\. Turn JavaScript on/);
  assert.ok(await page.locator(".boot-noscript").isVisible());
  assert.equal(await page.getByText("Opening your plan\u2026").isVisible(), false);
  assert.ok(await page.getByText("Your plans stay in this browser: nothing is sent anywhere.").isVisible());
  await context.close();
});
