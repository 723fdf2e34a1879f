// Run Lighthouse on several pages of one site in one Chromium and print, as JSON,
// each page's category scores and the audits that did not pass.
// Usage: CHROME_PATH=/usr/bin/chromium node tests/lighthouse.mjs http://127.0.0.1:8000 / /tin-tuc/
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const [base, ...paths] = process.argv.slice(2);
const CATEGORIES = ["seo", "accessibility", "best-practices"];
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const report = {};
try {
  for (const path of paths) {
    const result = await lighthouse(base + path, { port: chrome.port, onlyCategories: CATEGORIES, logLevel: "error" });
    const { categories, audits } = result.lhr;
    report[path] = {
      scores: Object.fromEntries(CATEGORIES.map((id) => [id, categories[id].score])),
      failing: Object.values(audits)
        .filter((a) => a.score !== null && a.score < 1 && ["binary", "numeric"].includes(a.scoreDisplayMode))
        .map((a) => `${a.id}: ${a.title}`),
    };
  }
} finally {
  await chrome.kill();
}
console.log(JSON.stringify(report));
