/**
 * What Strategy Lint knows of a language other than English, as data: the heading names of each
 * section role, the title words of each document type, how headings are folded for matching, how
 * dates, timeframes and baselines are written, owner labels, and the function words that confirm
 * a detected language. One module per language beside this one (de.ts, fr.ts, …); English lives
 * where it always has (model/roles.ts, model/type-signals.ts, model/dates.ts).
 */
import type { DocType, SectionRole } from '../../vocabulary.js';

export type TitleType = Exclude<DocType, 'generic'>;

export interface LanguageData {
  /** ISO 639-1 code: "de". */
  code: string;
  /** English name, for messages: "German". */
  name: string;
  /** The name in the language itself, also accepted in front matter and config: "Deutsch". */
  nativeName: string;
  /** franc's ISO 639-3 code: "deu" (Chinese: "cmn"). */
  franc: string;
  /** The language's script: Latin languages are told apart by franc and function words, Japanese and Chinese by their script. */
  script: 'latin' | 'cjk';
  /**
   * Frequent function words (articles, prepositions, pronouns, auxiliaries), none of them an
   * English word: a detected language is accepted only when its prose is full of them.
   */
  functionWords: readonly string[];
  /**
   * Heading names of each section role, as people write them. The first name of each role is the
   * role's label in this language (the review, the code lens and inserted headings use it).
   */
  sections: Readonly<Record<SectionRole, readonly string[]>>;
  /** Words in a title that name a document type ("Produktstrategie 2027", "四半期OKR"). */
  titles: Readonly<Record<TitleType, readonly string[]>>;
  /** Words in a title of a guide or template about these documents ("Leitfaden", "Vorlage"). */
  guideTitles: readonly string[];
  /** Heading folding before matching. */
  headings: {
    /** Accents are dropped (French, Spanish, …: "Strategie" finds "Stratégie"); never in Japanese or Chinese. */
    foldAccents: boolean;
    /** Letters written another way that mean the same ("ß" → "ss", "ä" → "ae"). */
    transliterate?: Readonly<Record<string, string>>;
    /** Leading articles and possessives dropped from a heading ("die", "unsere", "la", "notre"). */
    articles: readonly string[];
    /** Elided articles written onto the next word ("l'approche", "dell'anno"), dropped with their apostrophe. */
    elisions?: readonly string[];
    /** Words that join a section name and more ("Risiken und Gegenmaßnahmen"). */
    joiners: readonly string[];
    /** Title words match inside a word ("Produktstrategie", "製品戦略"), not only as a whole word. */
    compounds: boolean;
  };
  dates: LanguageDates;
  /** Labels that name an owner before a colon ("Verantwortlich: Anna", "担当: @tanaka"). */
  ownerLabels: readonly string[];
  /** Table column headers that say when an action lands ("Termin", "期限"); owner columns are named by `ownerLabels`. */
  dateColumns?: readonly string[];
  /**
   * Baselines and relative targets as key results write them, as regex sources (each linear: a
   * flat alternation). `baseline`: where the metric starts ("von 41 % auf 60 %", "derzeit");
   * `relative`: a change that carries its own baseline ("um 20 %", "2倍").
   */
  measures: { baseline: readonly string[]; relative: readonly string[] };
  /**
   * Defaults for rule options in this language (word lists only: a list here is added to the
   * English default). A user's setting of the same option wins.
   */
  ruleOptions?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

export interface LanguageDates {
  /** Names of each month, January first, lower case (empty for Japanese and Chinese: they write digits and 月). */
  months: ReadonlyArray<readonly string[]>;
  /** Abbreviations of each month, read only before a year ("Mär 2027", "janv. 2027"): alone, some are ordinary words. */
  monthAbbreviations: ReadonlyArray<readonly string[]>;
  /** Words between a day, a month and a year ("15 de marzo de 2027"). */
  joiners: readonly string[];
  /** Ordinal words of the first four quarters or two halves ("erstes", "premier", …), each list for one number. */
  ordinals: ReadonlyArray<readonly string[]>;
  /** Suffixes that make a digit an ordinal ("1." "1er" "1º" "1e"). */
  ordinalSuffixes: readonly string[];
  /** Words for a quarter ("Quartal", "trimestre", "kwartaal"). */
  quarterWords: readonly string[];
  /** Letters that abbreviate a quarter before its number ("T1 2027", "K1 2027"). */
  quarterLetters: readonly string[];
  /** Words for a half year ("Halbjahr", "semestre"). */
  halfWords: readonly string[];
  /** Letters that abbreviate a half before its number ("S1 2027", "HJ1 2027"). */
  halfLetters: readonly string[];
  /** Words before a bare year that make it a date ("bis 2028", "d'ici 2028"). */
  yearLeads: readonly string[];
  /** Words before a month without a year ("bis März", "fin mars"). */
  monthLeads: readonly string[];
  /** Timeframes without a calendar date; N stands for a number ("innerhalb von N Monaten", "nächstes Quartal"). */
  relative: readonly string[];
  /** Dates written day first with slashes ("15/03/2027"), as in most of Europe. */
  dayFirst: boolean;
}
