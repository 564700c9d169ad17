import type { CriterionKind } from '@/lib/validations/eligibility';
import { cleanInlineMarkdown } from './markdown-text';

export type EligibilityItem = { kind: CriterionKind; text: string };
export type SplitEligibilityResult = {
  items: EligibilityItem[];
  /** Registry disclaimers and remarks that are not criteria, e.g. "Other protocol defined criteria may apply". */
  notes: string[];
};

type Line = { indent: number; isBullet: boolean; text: string; isAfterBlank: boolean };
type OpenItem = { kind: CriterionKind; lines: string[]; topIndent: number; subIndents: number[] };

const BULLET = /^(?:[*+•-]|\d{1,3}[.)])(?:\s+(.*))?$/;
const HEADING =
  /^(?:(?:key|main|major|general|additional|specific|other)\s+)?(inclusion|exclusion|eligibility)(?:\s+(?:criteria|criterion))?(?:\s+for\s+([^:]{1,80}))?\s*:?$/i;
const INLINE_HEADING = /^(?:(?:key|main|major|general|additional)\s+)?(inclusion|exclusion)\s+criteria\s*:\s*(\S.*)$/i;
const DISCLAIMER =
  /^note\b|(?:inclusion|exclusion)\s*\/\s*(?:inclusion|exclusion)|not\s+(?:intended\s+to\s+contain\s+)?all\b.*\bcriteria|other\s+protocol[- ]defined|criteria\s+may\s+apply/i;
// An intro like "one of the following:" changes how its bullets combine, so they must stay in one criterion.
const COMBINING_INTRO = /\b(?:one|any|either|two|three|\d+|some)\s+(?:or\s+more\s+)?of\s+the\s+following\b/i;
const ALL_OF_INTRO = /\ball\s+(?:of\s+)?the\s+following\b/i;
// An intro that announces the list itself ("Patients to whom any of the following criteria apply will be excluded:")
// is not a criterion and not a label: its items are the criteria, each on its own. It names the criteria, or
// says who is eligible/excluded about everyone ("Patients are eligible if they:"). An intro about some people
// ("Women of childbearing potential are eligible if they:") is a label: its items hold only for them.
const NAMES_CRITERIA =
  /\b(?:inclusion|exclusion|eligibility|following|these|below)\s+criteri(?:a|on)\b|\bcriteri(?:a|on)\s+(?:apply|applies|below)\b/i;
const ANNOUNCES_ELIGIBILITY =
  /^(?:to\s+be\s+(?:eligible|included|enrolled)\b|(?:all\s+|the\s+)?(?:patients?|participants?|subjects?|individuals?|volunteers?|candidates?|persons?|people|you|they)\b[^:]*\b(?:(?:will\s+be|are|is|must\s+be)\s+(?:(?:not|in)?eligible|included|excluded|enrolled)|to\s+be\s+(?:eligible|included|enrolled))\b)/i;

function isAnnouncingIntro(text: string): boolean {
  return NAMES_CRITERIA.test(text) || ANNOUNCES_ELIGIBILITY.test(text);
}
// Closing remarks that restate the list rather than add a criterion.
const NOT_A_CRITERION = [
  /^(?:none|nil|n\/?a|not\s+applicable|no(?:ne)?\s+(?:other\s+)?(?:inclusion\s+|exclusion\s+)?criteria(?:\s+(?:apply|listed))?)\s*\.?$/i,
  /^[^.]{0,120}\b(?:(?:do(?:es)?|did)\s+not|fail(?:s|ed|ing)?\s+to|not|unable\s+to)\s+(?:meet|fulfil+|satisfy|match)(?:s|ing)?\b[^.]{0,40}\b(?:inclusion|eligibility)\s+criteri(?:a|on)\b[^.]{0,80}\.?$/i,
];

function toLines(markdown: string): Line[] {
  const lines: Line[] = [];
  let isAfterBlank = true;
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const expanded = raw.replace(/\t/g, '    ');
    if (expanded.trim() === '') {
      isAfterBlank = true;
      continue;
    }
    const indent = expanded.length - expanded.trimStart().length;
    const trimmed = expanded.trim();
    const bullet = BULLET.exec(trimmed);
    lines.push({ indent, isBullet: bullet !== null, text: bullet ? (bullet[1] ?? '') : trimmed, isAfterBlank });
    isAfterBlank = false;
  }
  return lines;
}

function headingOf(text: string): { kind: CriterionKind | null; group: string | null } | null {
  const plain = cleanInlineMarkdown(text).replace(/^#+\s*/, '');
  const match = HEADING.exec(plain);
  if (!match) return null;
  const word = match[1].toLowerCase();
  const kind = word === 'inclusion' ? 'INCLUSION' : word === 'exclusion' ? 'EXCLUSION' : null;
  return { kind, group: match[2] ? `For ${match[2].trim()}` : null };
}

/** Cleans one line; glued list dashes ("-Patients must … -") are list debris, not wording. */
function cleanLine(text: string): string {
  return cleanInlineMarkdown(text)
    .replace(/^-(?=[A-Za-z])/, '')
    .replace(/\s+-$/, '')
    .replace(/^-$/, '')
    .trim();
}

function nextLineIsBullet(lines: Line[], index: number): boolean {
  return index + 1 < lines.length && lines[index + 1].isBullet;
}

/**
 * Splits the registry's Markdown eligibility text into ordered criteria.
 *
 * - Text before any heading counts as inclusion: registries list inclusion first, and a generic
 *   "Eligibility criteria:" heading introduces inclusion criteria too.
 * - Indented bullets stay with their parent, joined as "parent\n- sub" (deeper levels indented).
 * - A short label paragraph ending in ":" ("For parent participants:") prefixes the bullets under it;
 *   an intro such as "one of the following:" keeps its bullets inside one criterion so the "one of" is not lost.
 * - Standalone registry disclaimers ("Other protocol defined criteria may apply"), intros that announce the list
 *   ("Patients meeting any of the following criteria will be excluded:") and closing remarks ("None", "Patients
 *   not meeting the inclusion criteria are excluded") go to `notes`.
 * - Judgment calls (an indented heading inside a list, an intro saying only some items must be met) are pushed to `warnings`.
 */
export function splitEligibility(markdown: string | null | undefined, warnings: string[] = []): SplitEligibilityResult {
  const items: EligibilityItem[] = [];
  const notes: string[] = [];
  if (!markdown) return { items, notes };
  const lines = toLines(markdown);
  let kind: CriterionKind = 'INCLUSION';
  let group: string | null = null;
  let open: OpenItem | null = null;
  let listIndent: number | null = null;
  // An indented heading inside a list whose items are nested under it: the outer kind resumes at the outer indent.
  let nested: { outerKind: CriterionKind; outerIndent: number; heading: string } | null = null;

  const flush = () => {
    if (open === null) return;
    const parts = open.lines.filter((line) => line.replace(/^\s*- /, '').trim() !== '');
    if (parts.length === 1 && NOT_A_CRITERION.some((pattern) => pattern.test(parts[0].trim()))) {
      notes.push(parts[0].trim());
    } else if (parts.length > 0 && parts[0].trim() !== '') {
      const text = parts.join('\n').trim();
      items.push({ kind: open.kind, text: group === null ? text : `${group}: ${text}` });
    } else if (parts.length > 0) {
      // Sub-bullets whose parent line was empty still carry criteria; promote them.
      for (const part of parts) items.push({ kind: open.kind, text: part.replace(/^\s*- /, '').trim() });
    }
    open = null;
  };
  const startItem = (text: string, topIndent: number) => {
    flush();
    open = { kind, lines: [cleanLine(text)], topIndent, subIndents: [] };
  };

  const nextBulletIndent = (index: number): number | null =>
    lines.slice(index + 1).find((next) => next.isBullet)?.indent ?? null;

  lines.forEach((line, index) => {
    const inline = INLINE_HEADING.exec(cleanInlineMarkdown(line.text));
    const heading = inline ? null : headingOf(line.text);
    if (nested !== null && line.isBullet && line.indent <= nested.outerIndent && heading === null && inline === null) {
      flush();
      kind = nested.outerKind;
      group = null;
      nested = null;
    }
    if (heading !== null || inline !== null) {
      const headingKind: CriterionKind | null = inline
        ? inline[1].toLowerCase() === 'inclusion'
          ? 'INCLUSION'
          : 'EXCLUSION'
        : (heading?.kind ?? null);
      const isIndentedInList =
        line.indent > 0 &&
        listIndent !== null &&
        line.indent > listIndent &&
        headingKind !== null &&
        headingKind !== kind;
      if (isIndentedInList && !inline) {
        const text = cleanInlineMarkdown(line.text);
        const following = nextBulletIndent(index);
        if (following !== null && following > (listIndent ?? 0)) {
          nested = { outerKind: kind, outerIndent: listIndent ?? 0, heading: text };
          warnings.push(
            `"${text}" is indented inside the ${kind.toLowerCase()} list; only the items indented under it were imported as ${headingKind.toLowerCase()}s, the list after them stays ${kind.toLowerCase()}. Check the split.`,
          );
        } else {
          warnings.push(
            `"${text}" is indented inside the ${kind.toLowerCase()} list; the items after it were imported as ${headingKind.toLowerCase()}s. Check the split.`,
          );
        }
      }
      flush();
      const word = inline ? inline[1].toLowerCase() : null;
      if (heading?.kind) kind = heading.kind;
      if (word) kind = word === 'inclusion' ? 'INCLUSION' : 'EXCLUSION';
      if (heading?.kind === null && heading.group === null) kind = 'INCLUSION';
      group = heading?.group ?? null;
      if (nested === null) listIndent = null;
      if (inline) startItem(inline[2], line.indent);
      return;
    }
    const current = open as OpenItem | null;
    if (line.isBullet) {
      if (current !== null && line.indent > current.topIndent) {
        while (current.subIndents.length > 0 && current.subIndents[current.subIndents.length - 1] > line.indent)
          current.subIndents.pop();
        if (current.subIndents.length === 0 || current.subIndents[current.subIndents.length - 1] < line.indent)
          current.subIndents.push(line.indent);
        const depth = current.subIndents.length;
        current.lines.push(`${'  '.repeat(depth - 1)}- ${cleanLine(line.text)}`);
        return;
      }
      if (listIndent === null || nested === null)
        listIndent = listIndent === null ? line.indent : Math.min(listIndent, line.indent);
      startItem(line.text, line.indent);
      return;
    }
    if (current !== null && (!line.isAfterBlank || (line.indent > 0 && line.indent > current.topIndent))) {
      // Lazy continuation (no blank line) or an indented paragraph belonging to the open item.
      const last = current.lines.length - 1;
      current.lines[last] = `${current.lines[last]} ${cleanLine(line.text)}`.trimEnd();
      return;
    }
    const text = cleanLine(line.text);
    if (text === '') return;
    if (DISCLAIMER.test(text)) {
      flush();
      notes.push(text);
      return;
    }
    if (text.endsWith(':') && nextLineIsBullet(lines, index)) {
      flush();
      if (ALL_OF_INTRO.test(text)) return;
      // In an exclusion list "any of the following" is how the items combine anyway: keep them apart.
      const isAnnouncing = isAnnouncingIntro(text);
      const isCombining = COMBINING_INTRO.test(text) && !(kind === 'EXCLUSION' && isAnnouncing);
      if (isCombining && isAnnouncing) {
        warnings.push(
          `"${text}" says only some of the ${kind.toLowerCase()} criteria after it must be met; they were kept together as one criterion for clinician judgment.`,
        );
      }
      if (isCombining) {
        open = { kind, lines: [text], topIndent: -1, subIndents: [] };
        return;
      }
      if (isAnnouncing) {
        notes.push(text);
        group = null;
        return;
      }
      group = text.slice(0, -1).trim();
      return;
    }
    startItem(line.text, line.indent);
  });
  flush();
  return { items, notes };
}
