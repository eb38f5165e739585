// Benchmark harness: Intensive Planner against FullCalendar 6 in one headless
// Chromium session. Startup is navigation start to the "app-drawn" mark (the
// stored plan drawn with its handlers attached); interaction is a key press (ours)
// or a moveDates call (peer) moving a block 15 minutes, timed until the DOM has
// changed (shown) and until the plan is saved in localStorage (saved).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { launch } from "../tests/e2e/harness.mjs";
import { serveDir } from "../scripts/static-server.mjs";

export const OUT = "bench/out";
// The block every move bench and profile moves: the last of day 2 (in the overlapping
// plan, one of the blocks all at one hour), found by its spoken label.
export const MOVED_BLOCK_TEXT = ", day 2,";

/** Copies the release build and the peer page side by side, and makes the plans. */
export function prepare() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(`${OUT}/peer`, { recursive: true });
  cpSync(process.env.BENCH_DIST || "dist", `${OUT}/app`, { recursive: true });
  cpSync("bench/peer", `${OUT}/peer`, { recursive: true });
  cpSync("node_modules/fullcalendar/index.global.min.js", `${OUT}/peer/fullcalendar.global.min.js`);
  const plans = execFileSync("cargo", ["run", "--quiet", "--example", "bench_plans"], { encoding: "utf8" });
  writeFileSync(`${OUT}/plans.json`, plans);
  return JSON.parse(plans);
}

export const SUBJECTS = {
  ours: { path: (plan) => `app/#/plan/${plan.id}`, selector: ".block" },
  peer: { path: (plan) => `peer/?plan=${plan.id}`, selector: ".fc-event" },
};

/** A fresh browser context whose every new tab finds `plan` in localStorage. */
export async function seededContext(browser, plan, options) {
  const context = await browser.newContext(options);
  await context.addInitScript(({ key, record }) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem(key, record);
      sessionStorage.setItem("seeded", "1");
    }
  }, { key: plan.key, record: plan.record });
  return context;
}

/** Opens `url` and waits for the "app-drawn" mark; returns its time from navigation start. */
export async function timeToDrawn(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("app-drawn").length > 0, null, { timeout: 120_000 });
  return page.evaluate(() => performance.getEntriesByName("app-drawn")[0].startTime);
}

async function openPlan(browser, url, subject, plan) {
  const context = await seededContext(browser, plan, { viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const startup = await timeToDrawn(page, url + SUBJECTS[subject].path(plan));
  const drawn = await page.evaluate((selector) => document.querySelectorAll(selector).length, SUBJECTS[subject].selector);
  if (drawn < plan.blocks) throw new Error(`${subject} drew ${drawn} of ${plan.blocks} blocks: ${errors.join(" ")}`);
  return { context, page, startup };
}

/** Moves a block `warmup + presses` times; the warm-up moves (the first of which
 *  is reported as `cold`) let both engines compile their hot paths before timing.
 *  Each move is timed twice: until the page shows it (the first DOM change), and until
 *  it is saved in localStorage. */
export async function interactions(page, subject, plan, presses, warmup) {
  return page.evaluate(async ({ subject, key, presses, warmup, movedText }) => {
    const revision = () => JSON.parse(localStorage.getItem(key)).plan.revision;
    // A zero-delay yield: nested setTimeout(0) is clamped to 4 ms, which would be most of a move.
    const yieldNow = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
    const shown = [];
    const saved = [];
    for (let i = 0; i < warmup + presses; i++) {
      const down = i % 2 === 0;
      let target, act;
      if (subject === "ours") {
        const button = [...document.querySelectorAll(".block")].filter((b) => b.textContent.includes(movedText)).pop();
        target = button.parentElement;
        button.focus();
        act = () => button.dispatchEvent(new KeyboardEvent("keydown", { key: down ? "ArrowDown" : "ArrowUp", bubbles: true, cancelable: true }));
      } else {
        const event = window.peerCalendar.getEvents().find((e) => e.start.getDate() === window.peerCalendar.getEvents()[0].start.getDate() + 1);
        target = document.querySelector(".fc-timegrid-body");
        act = () => event.moveDates({ minutes: down ? 15 : -15 });
      }
      const before = revision();
      let changedAt = null;
      const observer = new MutationObserver(() => { changedAt ??= performance.now(); observer.disconnect(); });
      observer.observe(target, { attributes: true, childList: true, subtree: true, characterData: true });
      const start = performance.now();
      act();
      while (changedAt === null || revision() === before) await yieldNow();
      const stored = performance.now();
      shown.push(changedAt - start);
      saved.push(stored - start);
      await new Promise((r) => setTimeout(r, 30));
    }
    return { cold: shown[0], moves: shown.slice(warmup), saves: saved.slice(warmup) };
  }, { subject, key: plan.key, presses, warmup, movedText: MOVED_BLOCK_TEXT });
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

/** Runs every measurement; `runs` page loads per plan and subject, the two subjects
 *  taking turns load by load so the VM's drift falls on both alike. Every load's first
 *  move is a cold sample; the last load then makes `warmup` untimed and `presses`
 *  timed moves. */
export async function measure({ plans, runs = 7, presses = 40, warmup = 5 }) {
  const server = await serveDir(OUT);
  const browser = await launch();
  const results = [];
  try {
    for (const plan of plans) {
      const subjects = ["ours", "peer"].map((subject) => ({ subject, startups: [], colds: [], moves: [], saves: [] }));
      for (let run = 0; run < runs; run++) {
        for (const measured of subjects) {
          const { subject } = measured;
          const { context, page, startup } = await openPlan(browser, server.url, subject, plan);
          measured.startups.push(startup);
          const last = run === runs - 1;
          const moved = await interactions(page, subject, plan, last ? presses : 0, last ? warmup : 1);
          measured.colds.push(moved.cold);
          if (last) Object.assign(measured, { moves: moved.moves, saves: moved.saves });
          await context.close();
        }
      }
      for (const { subject, startups, colds, moves, saves } of subjects) {
        results.push({ plan: plan.id, blocks: plan.blocks, days: plan.days, subject, startups, cold: median(colds), moves, saves });
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
