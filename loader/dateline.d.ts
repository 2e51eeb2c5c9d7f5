/**
 * Dateline's JavaScript API: `window.Dateline`, defined by dateline.js.
 * Documented with examples in docs/API.md.
 */

/** Options of `Dateline.mount`: each stands in for the `data-*` attribute
 *  of the same name in `dataset` spelling (`headingLevel` for
 *  `data-heading-level`); an option given wins over the attribute. Any
 *  other attribute the widget reads may be given the same way. */
export interface DatelineOptions {
  /** `data-src`: the document to show (Dateline JSON, JSON Feed, WordPress REST, RSS or Atom). Required, here or as the attribute. */
  src?: string;
  /** `data-recent`: a feed for the Recent Posts rail, overriding the article's own. */
  recent?: string;
  /** `data-heading-level`: 1 to 6 (default 2). */
  headingLevel?: number | string;
  /** `data-locale`: a BCP 47 tag. */
  locale?: string;
  /** `data-history`: `false` or `"off"` keeps the page's address and Back/Forward out of it. */
  history?: boolean | "on" | "off";
  /** `data-format`: read documents as this format instead of detecting it. */
  format?: "dateline" | "jsonfeed" | "wordpress" | "rss" | "atom";
  /** `data-theme` (default `auto`). */
  theme?: "light" | "dark" | "auto";
  /** `data-layout` (default `full`). */
  layout?: "full" | "compact" | "rail";
  /** `data-max-items`: stories in the Recent Posts rail and the Also Read section, 1 to 50 (default 10). */
  maxItems?: number | string;
  /** `data-timeout`: milliseconds a story's load may take, body included, 1000 to 60000 (default 15000). */
  timeout?: number | string;
  /** `data-partner`: your name as a partner; the widget credits the publisher ("From …"). */
  partner?: string;
  /** `data-links`: `inplace` (default) opens stories inside the widget, `out` on the publisher's site in a new tab. */
  links?: "inplace" | "out";
  /** `data-utm-source`, `-medium`, `-campaign`: campaign parameters on links to the publisher's own pages only. */
  utmSource?: string;
  utmMedium?: string;
  utmCampaign?: string;
  /** `data-loading`: `lazy` (the default) starts a widget far below the fold only when it comes within about a viewport of being visible; `eager` starts it at once. */
  loading?: "lazy" | "eager";
  [attribute: string]: string | number | boolean | undefined;
}

/** `detail` of `dateline:ready`: the widget's first story is on screen. */
export interface DatelineReadyDetail {
  /** The document shown. */
  src: string;
  /** Its headline (or a listing's title). */
  title: string;
  timings: {
    /** When the widget started (mounted, or came near if it was lazy), in ms on the `performance.now()` clock. */
    start: number;
    /** When the whole first story was on screen, same clock. */
    shown: number;
    /** `shown - start`. */
    elapsed: number;
  };
}

/** What started a navigation: a link of the widget (an Also Read card or a compact teaser's headline, a tag, the Recent Posts rail, a story in a listing), Back/Forward, or `Dateline.navigate`. */
export type DatelineTrigger = "card" | "tag" | "recent" | "listing" | "history" | "api";

/** `detail` of `dateline:navigate`: another document is on screen. */
export interface DatelineNavigateDetail {
  /** The document shown before, or null if none was. */
  from: string | null;
  /** The document shown now. */
  to: string;
  trigger: DatelineTrigger;
}

/** `detail` of `dateline:error`: a document could not be shown (the widget shows the reader a message with Retry). */
export interface DatelineErrorDetail {
  /** `network`: no answer (refused, reset, unreachable); `offline`: no answer and the browser is offline; `cors`: a source on another origin answers without a CORS header for this page; `timeout`: no complete answer within `data-timeout` (15 s by default); `http`: an error status; `format`: not a document Dateline reads. */
  kind: "network" | "offline" | "cors" | "timeout" | "http" | "format";
  /** The HTTP status for `http`, else null. */
  status: number | null;
  /** The document's URL. */
  url: string;
}

/** `detail` of `dateline:click-out`: the reader followed a link out of the widget (a story's own page, a link in its text). */
export interface DatelineClickOutDetail {
  /** Where the link goes. */
  url: string;
  /** The document on screen, or null if none was. */
  from: string | null;
}

export interface DatelineEventMap {
  "dateline:ready": CustomEvent<DatelineReadyDetail>;
  "dateline:navigate": CustomEvent<DatelineNavigateDetail>;
  "dateline:error": CustomEvent<DatelineErrorDetail>;
  "dateline:click-out": CustomEvent<DatelineClickOutDetail>;
  /** Every document fully rendered (the first and each later one); `detail` is its URL. */
  "dateline:load": CustomEvent<string>;
}

export interface DatelineApi {
  /** The loader's version. */
  readonly version: string;
  /** Resolves when the widget code has loaded and the page was scanned. */
  readonly ready: Promise<void>;
  /** Mount every `[data-dateline]` element in `root` (default: the whole page) not mounted yet. Resolves to how many were. */
  scan(root?: ParentNode | null): Promise<number>;
  /** Mount one element (in the document), `options` standing in for its `data-*` attributes. Resolves to true if it became a widget, false if it already was one or cannot be one. */
  mount(el: Element, options?: DatelineOptions): Promise<boolean>;
  /** Take a widget down (its request aborted, its timers, listeners and observers gone) and show the element's own content again. Resolves to false if it was not a widget. */
  unmount(el: Element): Promise<boolean>;
  /** Show `src` (resolved against the page) in the widget, as a click on a card would. */
  navigate(el: Element, src: string): Promise<boolean>;
  /** Fetch the document the widget shows again, past the page's cache. */
  refresh(el: Element): Promise<boolean>;
}

declare global {
  interface Window {
    Dateline: DatelineApi;
  }
  var Dateline: DatelineApi;
  interface HTMLElementEventMap extends DatelineEventMap {}
}
