// Type-checked by `make test-types` (tsc --strict) against the shipped
// dist/dateline.d.ts: a host page's use of every member of window.Dateline
// and every event. It is compiled, never run.
import type { DatelineApi, DatelineOptions, DatelineTrigger } from "../../dist/dateline";

const el: HTMLElement = document.createElement("div");
const api: DatelineApi = window.Dateline;
const version: string = Dateline.version;

const options: DatelineOptions = {
  src: "https://news.example/api/latest.json",
  recent: "/feeds/recent.json",
  headingLevel: 3,
  locale: "ur",
  history: false,
  format: "jsonfeed",
  theme: "dark",
  layout: "compact",
  maxItems: 5,
  loading: "eager",
  timeout: 8000,
  partner: "Example Daily",
  links: "out",
  utmSource: "example-daily",
  utmMedium: "syndication",
  utmCampaign: "winter",
};

async function all(): Promise<void> {
  await api.ready;
  const n: number = await api.scan();
  const m: number = await api.scan(document.body);
  const mounted: boolean = await api.mount(el, options);
  const plain: boolean = await api.mount(el);
  const moved: boolean = await api.navigate(el, "https://news.example/api/other.json");
  const again: boolean = await api.refresh(el);
  const gone: boolean = await api.unmount(el);
  console.log(version, n, m, mounted, plain, moved, again, gone);
}

el.addEventListener("dateline:ready", (e) => {
  const { src, title, timings } = e.detail;
  const ms: number = timings.elapsed + timings.start + timings.shown;
  console.log(src.length, title.length, ms);
});
el.addEventListener("dateline:navigate", (e) => {
  const from: string | null = e.detail.from;
  const to: string = e.detail.to;
  const trigger: DatelineTrigger = e.detail.trigger;
  console.log(from, to, trigger === "api");
});
el.addEventListener("dateline:error", (e) => {
  const status: number | null = e.detail.status;
  if (e.detail.kind === "http") console.log(status, e.detail.url);
  if (e.detail.kind === "cors" || e.detail.kind === "offline") console.log(e.detail.url);
});
el.addEventListener("dateline:click-out", (e) => {
  const url: string = e.detail.url;
  console.log(url, e.detail.from);
});
el.addEventListener("dateline:load", (e) => {
  const src: string = e.detail;
  console.log(src);
});

// @ts-expect-error: navigate needs a URL.
api.navigate(el);
// @ts-expect-error: an unknown layout.
const bad: DatelineOptions = { layout: "grid" };

void all();
void bad;
