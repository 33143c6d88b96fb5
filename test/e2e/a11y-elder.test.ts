/**
 * 长辈模式 measured in the browser (issue 11, R-UX-2: the 适老化 figures): on every villager page
 * of client/src/app.config.ts (and the tab bar), opened afresh in the built H5 app in 长辈模式 at
 * 390×844 and at 320 px wide, at a fixed instant:
 * - every visible text's computed font size is at least 18 CSS px, and the page's body text at
 *   least 20 px;
 * - every tappable element (a native control, an element with a role a person taps, or one with a
 *   click handler — read from React's props on the DOM node) is at least 60 px high and at least
 *   8 px from the nearest other one (a bar fixed or sticky on screen, which the page scrolls
 *   under, is measured within itself).
 * Sizes are read from the rendered page (getComputedStyle, getBoundingClientRect), never worked
 * out from the SCSS (Taro halves the design's px: 30px in SCSS is 15 CSS px).
 */
import { a11yKit, appPages, isVillagerPage, openPage, queryOf, setElderly, shownInElderMode, signInAs } from './a11y-pages';
export const MIN_TEXT = 18;
export const MIN_BODY = 20;
export const MIN_TARGET = 60;
export const MIN_GAP = 8;

interface Measure {
  body: number;
  texts: Array<{ size: number; text: string }>;
  targets: Array<{ height: number; name: string }>;
  gaps: Array<{ gap: number; a: string; b: string }>;
  tapCount: number;
  textCount: number;
}

/**
 * In the page: what is visible in the shown Taro page and the tab bar, measured. A string, as the
 * tests compile without the DOM lib.
 */
const MEASURE = `(() => {
  const MIN_TEXT = ${MIN_TEXT}, MIN_TARGET = ${MIN_TARGET}, MIN_GAP = ${MIN_GAP};
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
  };
  const pages = Array.from(document.querySelectorAll('.taro_page')).filter(visible);
  const bars = Array.from(document.querySelectorAll('.taro-tabbar__container, .custom-tab-bar')).filter(visible);
  const roots = pages.concat(bars);
  const shell = pages.map((p) => p.querySelector('.page')).find((e) => e && visible(e));
  const body = shell ? parseFloat(getComputedStyle(shell).fontSize) : 0;
  const name = (el) => ((el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || el.tagName) + '').replace(/\\s+/g, ' ').trim().slice(0, 40);
  const texts = [];
  let textCount = 0;
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent || '').trim();
      const el = n.parentElement;
      if (!text || !el || !visible(el)) continue;
      textCount += 1;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < MIN_TEXT - 0.01) texts.push({ size, text: text.slice(0, 30) });
    }
  }
  const reactProps = (el) => {
    const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'));
    return key ? el[key] : null;
  };
  const TAP_ROLES = ['button', 'link', 'tab', 'radio', 'checkbox', 'switch', 'option', 'menuitem', 'menuitemradio', 'menuitemcheckbox'];
  const tappable = (el) => {
    const tag = el.tagName.toLowerCase();
    if (tag === 'button' || tag === 'a' || tag === 'select' || tag === 'textarea') return true;
    if (tag === 'input' && el.type !== 'hidden') return true;
    if (TAP_ROLES.includes(el.getAttribute('role') || '')) return true;
    const p = reactProps(el);
    return !!(p && (typeof p.onClick === 'function' || typeof p.onTap === 'function'));
  };
  const taps = [];
  for (const root of roots) {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (!tappable(el) || !visible(el)) continue;
      // A control inside another one is one target (a switch's inner input, a button's label).
      if (taps.some((t) => t.contains(el))) continue;
      taps.push(el);
    }
  }
  // A bar fixed or sticky on screen (the tab bar, a confirm bar) floats over the page, which
  // scrolls under it: its targets are measured against each other, not against the page's.
  const layer = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const pos = getComputedStyle(e).position;
      if (pos === 'fixed' || pos === 'sticky') return e;
    }
    return null;
  };
  const targets = [];
  const boxes = taps.map((el) => ({ el, r: el.getBoundingClientRect(), layer: layer(el) }));
  for (const b of boxes) if (b.r.height < MIN_TARGET - 0.5) targets.push({ height: Math.round(b.r.height * 10) / 10, name: name(b.el) });
  const gaps = [];
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const a = boxes[i], b = boxes[j];
      if (a.el.contains(b.el) || b.el.contains(a.el) || a.layer !== b.layer) continue;
      const dx = Math.max(0, b.r.left - a.r.right, a.r.left - b.r.right);
      const dy = Math.max(0, b.r.top - a.r.bottom, a.r.top - b.r.bottom);
      const gap = Math.max(dx, dy);
      if (gap < MIN_GAP - 0.5) gaps.push({ gap: Math.round(gap * 10) / 10, a: name(a.el), b: name(b.el) });
    }
  }
  return { body, texts, targets, gaps, tapCount: taps.length, textCount };
})()`;

describe('长辈模式 measured on every villager page, 390 and 320 px wide (issue 11, R-UX-2)', () => {
  const { kit, ids } = a11yKit();

  it(
    'text ≥ 18 px (body ≥ 20 px), targets ≥ 60 px high and ≥ 8 px apart',
    async () => {
      const pages = appPages().filter(isVillagerPage);
      expect(pages).toEqual(expect.arrayContaining(['pages/index/index', 'pages/book/index', 'complaint/file/index', 'rate/index']));
      await signInAs(kit, 'villager');
      await setElderly(kit.page, kit.base(), true);
      const found: string[] = [];
      let taps = 0;
      let texts = 0;
      for (const width of [390, 320]) {
        await kit.page.setViewportSize({ width, height: 844 });
        for (const pg of pages) {
          await openPage(kit.page, kit.base(), pg, queryOf(pg, ids()));
          const m = (await kit.page.evaluate(MEASURE)) as Measure;
          taps += m.tapCount;
          texts += m.textCount;
          const at = `${pg} @${width}px`;
          if (!(await shownInElderMode(kit.page))) found.push(`${at}: 长辈模式 not applied`);
          if (m.body < MIN_BODY) found.push(`${at}: body text ${m.body}px < ${MIN_BODY}px`);
          const list = <T>(xs: T[], say: (x: T) => string) => xs.slice(0, 6).map(say).join('; ') + (xs.length > 6 ? `; … ${xs.length - 6} more` : '');
          if (m.texts.length) found.push(`${at}: ${m.texts.length} text(s) < ${MIN_TEXT}px: ${list(m.texts, (t) => `${t.size}px「${t.text}」`)}`);
          if (m.targets.length) found.push(`${at}: ${m.targets.length} target(s) < ${MIN_TARGET}px high: ${list(m.targets, (t) => `${t.height}px「${t.name}」`)}`);
          if (m.gaps.length) found.push(`${at}: ${m.gaps.length} target pair(s) < ${MIN_GAP}px apart: ${list(m.gaps, (g) => `${g.gap}px「${g.a}」/「${g.b}」`)}`);
        }
      }
      // The measurement saw something: texts and targets on the pages.
      expect(texts).toBeGreaterThan(pages.length * 2);
      expect(taps).toBeGreaterThan(pages.length * 2);
      expect(found).toEqual([]);
    },
    15 * 60_000,
  );
});
