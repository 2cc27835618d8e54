/**
 * Asks and challenges written in an update's prose rather than under their own heading (not a
 * rule: no default export). Template questions ("Are there any areas your group needs help
 * with?") are not answers: a match inside a question does not count.
 */

/** Asks for help that name what is needed: "could use extra help", "our biggest needs", "any assistance", "we welcome your input". */
const HELP_ASKS: readonly RegExp[] = [
  /\bcould\s+use\s+(?:(?:more|extra|additional|some)\s+)?(?:help|hands|people|reviewers|contributors|maintainers|volunteers|support)\b/i,
  /\bneeds?\s+(?:(?:more|extra|additional)\s+)?(?:help|reviewers|contributors|maintainers|volunteers|sponsors)\b/i,
  /\bour\s+(?:biggest|main|greatest|top|key|primary)\s+needs?\b/i,
  /\bany\s+(?:assistance|help|support)\s+(?:with|on|in|from)\b/i,
  /\bwelcome\s+(?:(?:your|community|any|more|new)\s+)?(?:input|feedback|help|contributions?|suggestions|ideas|reviews?|contributors|reviewers)\b/i,
  /\byou\s+can\s+(?:help|sponsor|donate|contribute|support|join|get\s+involved|pitch\s+in|make\s+suggestions)\b/i,
  /\b(?:want|like)\s+to\s+help\b/i,
  /\bhelp\s+(?:is\s+)?(?:wanted|needed)\b/i,
  /\blooking\s+for\s+(?:(?:more|new)\s+)?(?:contributors|reviewers|maintainers|volunteers|sponsors)\b/i,
  // A way for readers to give, suggested to them: "signing up could be a good way for you (or your employer) to give back",
  // "please consider sponsoring us".
  /\b(?:good|great|easy|simple|best)\s+way\s+for\s+you\b[^.!?]{0,60}?\bto\s+(?:help|give\s+back|support|contribute|sponsor|donate|fund)\b/i,
  /\bconsider\s+(?:sponsoring|donating|contributing|supporting\s+(?:us|the\s+project)|becoming\s+a\s+(?:sponsor|member|contributor))\b/i,
];

/**
 * Challenges the writers face, in their own words: "we have struggled with", "a bottleneck of
 * approvers", "occasionally overbooked", "we are not able to make long-term promises", "could use
 * more people". Bug fixes ("fixed a crash") are work done, not a challenge, and do not count.
 */
const CHALLENGES: readonly RegExp[] = [
  /\bstruggl(?:e|es|ed|ing)\b/i,
  /\bbottlenecks?\b/i,
  /\b(?:overbooked|understaffed|short-?staffed|overloaded|stretched\s+thin|burn(?:ed|t)?[\s-]?out)\b/i,
  /\bcould\s+use\s+(?:(?:more|extra|additional)\s+)?(?:help|hands|people|reviewers|contributors|maintainers|volunteers)\b/i,
  /\b(?:lack\s+of|shortage\s+of|not\s+enough|too\s+few)\s+(?:[\p{L}-]+\s+)?(?:reviewers|maintainers|contributors|people|capacity|funding|funds|time|resources|approvers|volunteers|hands)\b/iu,
  /\bwe(?:['’]re|\s+are|\s+were)?\s+(?:still\s+)?not\s+(?:going\s+to\s+be\s+)?(?:able|in\s+a\s+position)\s+to\b/i,
  /\bwe\s+(?:are|were)\s+unable\s+to\b/i,
  /\b(?:slipped|behind\s+schedule|fell\s+short|setbacks?)\b/i,
  /\bmissed\s+(?:the|our|a)\s+(?:deadline|target|date|goal|milestone|release)\b/i,
  // Losses and shortfalls of the project itself: "we lost some big sponsors" (not "we lost no sponsors"), "negatively affected our funding", "we risk losing".
  /\b(?:we|the\s+project|the\s+team)\s+(?:have\s+|has\s+)?lost\s+(?!no\b|none\b|zero\b|nobody\b)(?:[\p{L}-]+\s+){0,3}?(?:sponsors?|funding|donors?|donations|maintainers?|contributors?|customers?|members?|money|revenue|staff|people)\b/iu,
  /\b(?:negatively|adversely|badly|severely)\s+(?:affected|impacted|hit)\b/i,
  /\bwe\s+risk\s+(?:losing|not\b)/i,
  /\b(?:had|have\s+had|has\s+had)\s+to\s+(?:step\s+down|leave|stop|cut|pause|cancel|drop|postpone|delay)\b/i,
  /\brunning\s+out\s+of\s+(?:money|funds|funding|runway|budget|time)\b/i,
  /\b(?:funding|financial|staffing)\s+(?:difficulties|problems|shortfall|gap)\b/i,
];

/** The sentence around `index` is a question (it ends with "?"). */
function inQuestion(text: string, index: number): boolean {
  const rest = text.slice(index);
  const end = /[.!?](?=\s|$)/.exec(rest);
  return end !== null && end[0] === '?';
}

function mentions(patterns: readonly RegExp[], text: string): boolean {
  return patterns.some((pattern) => {
    const match = pattern.exec(text);
    return match !== null && !inQuestion(text, match.index);
  });
}

/** The text asks readers for help with something named. */
export function asksForHelp(text: string): boolean {
  return mentions(HELP_ASKS, text);
}

/** The text names a challenge the writers face. */
export function facesChallenge(text: string): boolean {
  return mentions(CHALLENGES, text);
}
