/**
 * A document's language, decided once when the document is read: what the writer says decides
 * (front matter `lang:` / `language:`), then the configuration (`language`, one for every
 * document or per glob, resolved by resolve.ts), else the language is detected from the prose
 * (detect.ts), and a document with too little prose to tell is English.
 */
import type { Nodes, Parents, Root } from 'mdast';
import type { SectionRole } from '../../vocabulary.js';
import { detectLanguage, SAMPLE_LENGTH } from './detect.js';
import { ENGLISH, languageName, parseLanguage, type TitleType } from './index.js';

export interface DocumentLanguage {
  /** ISO 639-1 code ("en", "de", "ja"); English unless something says otherwise. */
  code: string;
  source: 'front-matter' | 'config' | 'detected' | 'default';
  /** How it was decided, in words: "German, from front matter", "Japanese, detected from its script". */
  reason: string;
}

export const DEFAULT_LANGUAGE: DocumentLanguage = { code: ENGLISH, source: 'default', reason: 'English' };

/** What the configuration says of languages, for one document: its configured language and each language's lists. */
export interface LanguageConfig {
  /** The configured language of this document ("de"), or undefined (detect it). */
  language?: string;
  /** Where the configured language comes from: `"docs/de/**"` or "config". */
  languageSource?: string;
  /** Per language: heading names, title words, rule settings, each resolved over the built-in data. */
  languages: Record<string, ResolvedLanguageSettings>;
}

export interface ResolvedLanguageSettings {
  sections?: Partial<Record<SectionRole, readonly string[]>>;
  titles?: Partial<Record<TitleType, readonly string[]>>;
  /** Rule settings as config/types.ts has them (severity, options), by rule id. */
  rules?: Record<string, { severity?: 'error' | 'warning' | 'information' | 'hint' | 'off'; options?: Record<string, unknown> }>;
}

/**
 * The prose of a document, as the detector reads it: paragraphs, list items and table cells, with
 * their emphasis and link texts; headings, code, HTML, link URLs and front matter left out.
 */
export function proseSample(root: Root, limit = SAMPLE_LENGTH): string {
  const parts: string[] = [];
  let length = 0;
  const visit = (node: Nodes): void => {
    if (length >= limit) return;
    switch (node.type) {
      case 'heading': case 'code': case 'inlineCode': case 'html': case 'yaml': case 'definition': case 'image': case 'imageReference':
        return;
      case 'text':
        parts.push(node.value);
        length += node.value.length + 1;
        return;
    }
    if ('children' in node) {
      for (const child of (node as Parents).children as Nodes[]) visit(child);
      if (node.type === 'paragraph' || node.type === 'tableCell') {
        parts.push('\n');
        length++;
      }
    }
  };
  visit(root);
  return parts.join(' ');
}

/** The language the document's front matter names (`lang:`, `language:`, also under `strategy-lint:`), if any. */
export function frontMatterLanguage(value: (key: string) => unknown): string | null {
  for (const key of ['lang', 'language', 'locale']) {
    const code = parseLanguage(value(key));
    if (code) return code;
  }
  return null;
}

/** The document's language: front matter, then config, then detection from its prose. */
export function decideLanguage(root: Root, frontMatterValue: (key: string) => unknown, config: LanguageConfig | undefined): DocumentLanguage {
  const declared = frontMatterLanguage(frontMatterValue);
  if (declared) return { code: declared, source: 'front-matter', reason: `${languageName(declared)}, from front matter` };
  if (config?.language) {
    return { code: config.language, source: 'config', reason: `${languageName(config.language)}, from ${config.languageSource ?? 'config'}` };
  }
  const detected = detectLanguage(proseSample(root));
  if (detected.code === ENGLISH) return { code: ENGLISH, source: 'default', reason: detected.reason };
  return { code: detected.code, source: 'detected', reason: `${languageName(detected.code)}, ${detected.reason}` };
}
