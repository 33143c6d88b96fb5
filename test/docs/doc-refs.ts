/**
 * Reading the project's Markdown for what it points at: relative links and backticked
 * repository paths, and requirement ids (R-…). Pure functions, tested on fixed input in
 * doc-refs.test.ts and applied to the real README and docs/ in links.test.ts.
 */
import path from 'node:path';

export interface DocReference {
  /** 1-based line in the Markdown file. */
  line: number;
  kind: 'link' | 'path';
  /** As written. */
  target: string;
  /** Relative to the repository root, normalised (may start with `..` when it leaves the repository). */
  resolved: string;
}

/** Fenced code blocks (diagrams, shell sessions) are not references: blank them, keeping line numbers. */
const withoutFences = (text: string): string[] => {
  let inFence = false;
  return text.split('\n').map((l) => {
    if (/^\s*(```|~~~)/.test(l)) {
      inFence = !inFence;
      return '';
    }
    return inFence ? '' : l;
  });
};

const LINK = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const CODE = /`([^`\n]+)`/g;
/** A path-shaped token: segments of word characters, dots, @ and dashes, optionally ./ or ../ first. */
const PATH_SHAPE = /^(?:\.{1,2}\/)*[\w@.-]+(?:\/[\w@.-]+)*\/?$/;

/**
 * The references of one Markdown file (path relative to the repository root): every relative
 * link (not http:, mailto:, tel:, #anchors or site paths starting with /), and every backticked
 * token shaped like a path that either starts with ./ or ../ or whose first segment is one of
 * `topLevel` (the repository's top-level names). Backticked paths are read from the
 * repository root unless they start with ./ or ../; links from the file's folder.
 */
export function markdownReferences(file: string, text: string, topLevel: string[]): DocReference[] {
  const dir = path.posix.dirname(file);
  const refs: DocReference[] = [];
  withoutFences(text).forEach((l, i) => {
    for (const m of l.matchAll(LINK)) {
      const raw = m[1] ?? '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('#') || raw.startsWith('/')) continue;
      const target = raw.split('#')[0]?.split('?')[0] ?? '';
      if (target === '') continue;
      refs.push({ line: i + 1, kind: 'link', target: raw, resolved: path.posix.normalize(path.posix.join(dir, decodeURI(target))) });
    }
    const noLinks = l.replace(LINK, '');
    for (const m of noLinks.matchAll(CODE)) {
      const token = (m[1] ?? '').trim();
      if (!PATH_SHAPE.test(token) || !token.includes('/')) continue;
      const relative = token.startsWith('./') || token.startsWith('../');
      const first = token.split('/')[0] ?? '';
      if (!relative && !topLevel.includes(first)) continue;
      const resolved = path.posix.normalize(relative ? path.posix.join(dir, token) : token);
      refs.push({ line: i + 1, kind: 'path', target: token, resolved });
    }
  });
  return refs;
}

/** Every requirement id a text cites; a range R-CASE-1..7 cites each of 1 to 7. */
export function expandRequirementIds(text: string): Set<string> {
  const ids = new Set<string>();
  for (const m of text.matchAll(/\bR-([A-Z]+)-(\d+)(?:\.\.(\d+))?/g)) {
    const from = Number(m[2]);
    const to = m[3] === undefined ? from : Number(m[3]);
    for (let n = from; n <= Math.max(from, to); n += 1) ids.add(`R-${m[1]}-${n}`);
  }
  return ids;
}

/** The ids a requirements page defines (a list item starting with the bold id), with how often each is defined. */
export function requirementDefinitions(text: string): Map<string, number> {
  const defs = new Map<string, number>();
  for (const m of text.matchAll(/^\s*[-*] \*\*(R-[A-Z]+-\d+)\*\*/gm)) {
    const id = m[1] ?? '';
    defs.set(id, (defs.get(id) ?? 0) + 1);
  }
  return defs;
}
