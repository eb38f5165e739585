// Shared end-to-end harness: serves the release build from dist/ on 127.0.0.1,
// starts Debian's Chromium through playwright-core, and records console errors
// and every request that leaves 127.0.0.1.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { serveDir } from "../../scripts/static-server.mjs";

export const serveDist = () => serveDir(process.env.DIST_DIR || "dist");

const CHROMIUM = {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic"],
};

/** British English unless a test asks for another locale: the app words dates and times
 *  as the browser's language does, and most tests read "13:00" and "Sat 5 Dec". */
const LOCALE = "en-GB";

export async function launch() {
  const browser = await chromium.launch(CHROMIUM);
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ locale: LOCALE, ...options });
  return browser;
}

/** A browser with an on-disk profile, as a person's is: its contexts are not incognito. */
export async function launchProfile(dir) {
  return chromium.launchPersistentContext(dir, { locale: LOCALE, ...CHROMIUM });
}

/** A page that records console errors, page errors and requests to other hosts. */
export async function watchedPage(context) {
  const page = await context.newPage();
  const errors = [];
  const foreign = [];
  page.on("console", (msg) => { if (msg.type() === "error") errors.push(msg.text()); });
  page.on("pageerror", (err) => errors.push(String(err)));
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (!["http:", "https:", "ws:", "wss:"].includes(url.protocol)) return; // blob:, data:
    if (url.hostname !== "127.0.0.1") foreign.push(req.url());
  });
  return { page, errors, foreign };
}

/** Waits until the app has drawn its first view. */
export async function appReady(page) {
  await page.waitForSelector("main#main > *", { timeout: 30_000 });
}

/** Waits until the service worker is active: every file of the build is precached. */
export async function offlineReady(page) {
  await page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    if (worker.state === "activated") return;
    await new Promise((ok) => worker.addEventListener("statechange", () => worker.state === "activated" && ok()));
  });
}

/** A fresh context and watched page with a new intensive made through the form,
 *  open in its editor. */
export async function newEditor(browser, server, options = {}, viewport = { width: 1400, height: 1000 }, locale = LOCALE) {
  const context = await browser.newContext({ viewport, locale });
  const watched = await watchedPage(context);
  await watched.page.goto(server.url);
  await appReady(watched.page);
  await createIntensive(watched.page, options);
  return { context, ...watched };
}

/** Creates an intensive through the "New intensive" form, and waits for its save unless
 *  `stored: false` (storage that refuses it). */
export async function createIntensive(page, options = {}) {
  const o = { kind: "couples", days: "3", a: "Sam", b: "Alex", therapist: "Dr Lee", who: "nobody", placement: "opening", stored: true, ...options };
  await page.getByRole("button", { name: "New intensive" }).click();
  await page.getByLabel("Kind").selectOption(o.kind);
  await page.getByLabel("Number of days").selectOption(o.days);
  await page.getByLabel("Partner A's name").fill(o.a);
  await page.getByLabel("Partner B's name").fill(o.b);
  await page.getByLabel("Therapist", { exact: true }).fill(o.therapist);
  await page.getByLabel("Who doses").selectOption(o.who);
  if (o.who !== "nobody") await page.getByLabel("Placement of the dosing").selectOption(o.placement);
  await page.getByRole("button", { name: "Create the schedule" }).click();
  await page.waitForSelector(".editor .block");
  if (!o.stored) return;
  // The editor is drawn before the save, which follows in the next task: wait for it,
  // so a test reading storage next reads the new plan.
  const id = new URL(page.url()).hash.match(/^#\/plan\/([^/]+)/)?.[1];
  if (!id) throw new Error(`the editor's address names no plan: ${page.url()}`);
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, `intensive-planner/plan/${id}`);
}

/** "day 2 10:00–13:00": where a grid block sits, read from its accessible text. */
export async function blockSlot(block) {
  const text = await block.textContent();
  const time = text.match(/(\d\d:\d\d–\d\d:\d\d)/)?.[1];
  const day = text.match(/, (day \d+|the day after the intensive),/)?.[1];
  return `${day} ${time}`;
}

/** Every stored plan record, parsed: `{ id: plan }`. */
export async function storedPlans(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => k.startsWith("intensive-planner/plan/"))
    .map((k) => { try { return [k.slice(23), JSON.parse(localStorage.getItem(k)).plan]; } catch { return [k.slice(23), null]; } })));
}

/** The one stored plan (for tests that make one). */
export async function storedPlan(page) {
  const plans = Object.values(await storedPlans(page));
  if (plans.length !== 1) throw new Error(`expected one stored plan, found ${plans.length}`);
  return plans[0];
}

/** Waits until `check(plan)` holds for the one stored plan; fails with `what` after `ms`. */
export async function waitStored(page, check, what, ms = 5000) {
  const until = Date.now() + ms;
  let plan, missing;
  while (Date.now() < until) {
    // A save still on its way is waited for, like a plan that does not yet pass `check`.
    [plan, missing] = await storedPlan(page).then((p) => [p, null], (e) => [undefined, e.message]);
    if (plan && check(plan)) return plan;
    await page.waitForTimeout(25);
  }
  const seen = missing ?? JSON.stringify(plan?.blocks?.map((b) => [b.title, b.day, b.start]));
  throw new Error(`timed out waiting for the stored plan: ${what}\n${seen}`);
}

/** A stored block's day and start, found by its title: "1 16:00:00". */
export const placeOf = (plan, title) => {
  const block = plan.blocks.find((b) => b.title === title);
  return block && `${block.day} ${block.start}`;
};

/** Holds back this page's `storage` events until `__releaseStorage()` (an init script):
 *  the page stays stale while another tab writes, forcing the race a slow tab meets. */
export async function holdStorageEvents(context) {
  await context.addInitScript(() => {
    const add = window.addEventListener.bind(window);
    window.__held = null;
    window.addEventListener = (type, listener, options) => {
      if (type !== "storage") return add(type, listener, options);
      const handle = (event) => {
        if (window.__held) window.__held.push(() => listener.call(window, event));
        else listener.call(window, event);
      };
      return add(type, handle, options);
    };
    window.__releaseStorage = () => {
      const queue = window.__held || [];
      window.__held = null;
      queue.forEach((deliver) => deliver());
    };
  });
}

/** A new intensive made in one tab and open in the editor of a second tab of the same
 *  browser. `hold` holds back the second tab's storage events (see above). */
export async function twoTabs(browser, server, { hold = false, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  if (hold) await holdStorageEvents(context);
  const first = await watchedPage(context);
  await first.page.goto(server.url);
  await appReady(first.page);
  await createIntensive(first.page, { days: "2", ...options });
  await waitStored(first.page, (p) => p.revision >= 1, "the new plan saved");
  const second = await watchedPage(context);
  await second.page.goto(first.page.url());
  await second.page.waitForSelector(".editor .block");
  return { context, first, second };
}

/** A download the click starts: its suggested name and text. */
export async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

/** Fills localStorage to the last character: big pieces first, then ever smaller ones. */
export async function fillStorage(page) {
  await page.evaluate(() => {
    let n = 0;
    for (let size = 256 * 1024; size >= 1; size = Math.floor(size / 2)) {
      const piece = "x".repeat(size);
      for (;;) {
        try { localStorage.setItem(`filler-${n++}`, piece); } catch { break; }
      }
    }
  });
}

export const emptyStorage = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("filler")).forEach((k) => localStorage.removeItem(k)));

/** The selected block's form in the editor: its labels recur in the follow-up rows. */
export const blockForm = (page) => page.getByRole("region", { name: "Block" });

/** Runs axe-core's WCAG 2.2 and best-practice rules on `include` (a selector, or the whole
 *  page) and fails on any finding worse than minor, naming `name`. */
export async function axeScan(page, name, include = null) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(readFileSync("node_modules/axe-core/axe.min.js", "utf8"));
  const result = await page.evaluate(async (include) => window.axe.run(include ? { include: [include] } : document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    resultTypes: ["violations"],
  }), include);
  // Minor findings are advice; moderate and worse (target size, landmarks, headings) are not.
  const bad = result.violations.filter((v) => v.impact !== "minor");
  return bad.map((v) => `${name}: ${v.impact} ${v.id} ${v.nodes.map((n) => n.target).join(" ")}`);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** The long date of an ISO day as the app words it, built here rather than by the browser's
 *  own tables: "Sunday, December 6, 2026" for a US reader, "Sunday 6 December 2026" else. */
export function longDate(iso, us = false) {
  const date = new Date(`${iso}T12:00:00Z`);
  const [weekday, month, day, year] = [WEEKDAYS[date.getUTCDay()], MONTHS[date.getUTCMonth()], date.getUTCDate(), date.getUTCFullYear()];
  return us ? `${weekday}, ${month} ${day}, ${year}` : `${weekday} ${day} ${month} ${year}`;
}
