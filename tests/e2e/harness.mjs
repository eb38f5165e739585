// Shared end-to-end harness: serves the release build from dist/ on 127.0.0.1,
// starts Debian's Chromium through playwright-core, and records console errors
// and every request that leaves 127.0.0.1.
import { chromium } from "playwright-core";
import { serveDir } from "../../scripts/static-server.mjs";

export const serveDist = () => serveDir(process.env.DIST_DIR || "dist");

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic"],
  });
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

/** Creates an intensive through the "New intensive" form. */
export async function createIntensive(page, options = {}) {
  const o = { kind: "couples", days: "3", a: "Sam", b: "Alex", therapist: "Dr Lee", who: "nobody", placement: "opening", ...options };
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
}

/** "day 2 10:00–13:00": where a grid block sits, read from its accessible text. */
export async function blockSlot(block) {
  const text = await block.textContent();
  const time = text.match(/(\d\d:\d\d–\d\d:\d\d)/)?.[1];
  const day = text.match(/, (day \d+|the day after the intensive),/)?.[1];
  return `${day} ${time}`;
}
