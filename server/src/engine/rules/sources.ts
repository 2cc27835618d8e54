/**
 * Where a rule's quotes come from, in words a reader can follow. A rule cites a seed document by
 * its number (`source: '004'`); each seed is a collection — a handbook, the archive pages of a
 * blog — so a quote is attributed to the piece it comes from (a chapter, a post), found by how the
 * quote begins. seed-quotes.test.ts checks, against the seeds themselves, that every quote is
 * attributed and that each piece named holds its quotes.
 */
import type { SeedReference } from '../types.js';

interface Piece {
  title: string;
  /** What the piece is about, when the title does not say (the book it discusses). */
  about?: string;
  /** How the quotes attributed to this piece begin. */
  quotes: readonly string[];
}

interface Collection {
  /** How a piece of it is described after its title: "a post on Alexis’s leadership blog". */
  pieceOf: string;
  pieces: readonly Piece[];
}

const COLLECTIONS: Readonly<Record<string, Collection>> = {
  '000': {
    pieceOf: 'chapter of an engineering leader’s Execution Handbook',
    pieces: [
      { title: 'Roadmapping', quotes: ['I keep a 12-month rolling window', 'I like to update the roadmap', 'update the roadmap before every release', 'It\'s crucial that you inform', 'Start with the customers', 'Your release note should answer'] },
    ],
  },
  '001': {
    pieceOf: 'a post on a product leader’s blog',
    pieces: [
      { title: 'Mastering NRR: How Great Customer Success Teams Drive Expansion, Crush Churn, and Scale PLG', quotes: ['Our “QBRs vs OKRs”', 'Net Recurring Revenue (NRR) is'] },
      { title: 'Scaling Enterprise Sales from $0 to $3.5B: CRO Lessons, MEDDIC Mastery, and GTM Truths', quotes: ['single-threaded ownership for outcomes', 'The art is deciding which two or three'] },
      { title: '90% of CROs Will Fall Behind by 2028: Hard-Learned Lessons to Stay Ahead of GTM Change', quotes: ['I’ve learned to pair intuition'] },
      { title: 'Lost in the Woods: 5 Survival Patterns Every Product Leader Must Master Now', quotes: ['My job as a product leader'] },
      { title: 'March CDH Book Club: Master Experience Mapping to Align Teams and Accelerate Discovery', quotes: ['to see your maps as living documents', 'living documents'] },
    ],
  },
  '002': {
    pieceOf: 'a post on an engineering and product leadership blog',
    pieces: [
      {
        title: 'Engineering Leadership That Scales: Strategy, Velocity, and Org Design from Carta, Stripe, Uber, Calm',
        about: 'on Will Larson’s engineering strategy',
        quotes: ['I avoid management anti-patterns', 'Turning strategy into action', 'I coach toward', 'I map each guiding policy', 'I structure it so anyone', 'The Minto Pyramid', 'a sharp problem definition', 'initiatives with owners, milestones', 'lead with the answer', 'make trade-offs explicit'],
      },
      { title: 'Customer Success Masterclass: How I Design, Build, and Scale a World‑Class CS Org', quotes: ['net revenue retention'] },
      { title: 'How to Find Your Product Wedge: Battle‑Tested SMB SaaS Lessons from Square, Gusto, and My Playbook', quotes: ['a zero-tolerance policy', 'who we are building for'] },
      { title: 'Inside Bard’s Playbook: How to Ship AI Fast, Build Ethically, and Outlearn Competitors', quotes: ['problem definition → principled'] },
      { title: 'Scaling Enterprise AI That Sells: Battle-Tested Playbooks for PMF, Champions, and Agentic AI', quotes: ['refine prompts and evaluators'] },
      { title: 'The Human Side of Engineering Leadership: Practical Plays to Build Creative, High-Performing Teams', quotes: ['distinguish one-way doors', 'explicit success metrics'] },
      { title: 'The New PLG Playbook: Avoid the Trap, Win Enterprise, and Break the $10B Ceiling', quotes: ['optimizing solely for signups'] },
    ],
  },
  '003': {
    pieceOf: 'a post on a product leadership blog',
    pieces: [
      { title: 'From 70 Employees to Dominance: My Playbook for Hypergrowth, Focus, and Top-Down Goals', quotes: ['input metrics beat lagging', 'From Jeff Bezos’s playbook'] },
      { title: 'From Engineer to CEO: Hard-Won Lessons on GTM, Cloud-First Bets, and Must-Do Focus', quotes: ['starts with what we built'] },
      { title: 'Product Work Is Relationship Work: How I Align Stakeholders Faster and Cut Team Politics', quotes: ['I explicitly separate outcomes', 'ranking options by impact'] },
    ],
  },
  '004': {
    pieceOf: 'a post on Alexis’s leadership blog',
    pieces: [
      {
        title: 'Revisiting ‘Good Strategy Bad Strategy’',
        about: 'on Richard Rumelt’s book',
        quotes: ['The \'kernel\' of a good strategy', 'a coherent blend of policies', 'Rumelt’s identification of bad strategy', 'fluff, failure to face the challenge'],
      },
      { title: 'The Art of Thinking: 25 Insights into Human Misjudgment from Charlie Munger', quotes: ['Twaddle Tendency'] },
      { title: 'Crafting Compelling Investor Update Emails: A Guide for Startup Founders', quotes: ['Be transparent about challenges', 'Make specific requests of your investors', 'Challenges and Lowlights'] },
      { title: 'Engineering Leadership at Scale: Navigating Complexity and Change with Tamar Bercovici', quotes: ['The real leadership work is to name the risks'] },
      { title: 'Outcome-Based Leadership Without the Bureaucracy', quotes: ['He says like write your to-do list', 'Prioritize outcomes: narrow the focus', 'they all talk about. Measurement'] },
      { title: 'Playing to Win', about: 'on A.G. Lafley and Roger Martin’s book', quotes: ['strategy, at its core, is about choice'] },
      { title: 'Cloud Infrastructure Leadership: What Changes When You Lead the Platform', quotes: ['Not “deliver X,”'] },
    ],
  },
};

function pieceFor(seed: SeedReference): { collection: Collection; piece: Piece } | null {
  const collection = Object.hasOwn(COLLECTIONS, seed.source) ? COLLECTIONS[seed.source] : undefined;
  const piece = collection?.pieces.find((candidate) => candidate.quotes.some((start) => seed.quote.startsWith(start)));
  return collection && piece ? { collection, piece } : null;
}

/** The title of the piece of a seed collection a quote comes from, or null (a book, or a quote not attributed yet). */
export function seedPieceTitle(seed: SeedReference): string | null {
  return pieceFor(seed)?.piece.title ?? null;
}

/** Every piece title of a seed collection (for the test that finds them in the seeds). */
export function collectionTitles(source: string): readonly string[] {
  return Object.hasOwn(COLLECTIONS, source) ? COLLECTIONS[source].pieces.map((piece) => piece.title) : [];
}

/**
 * The source of a quote, named for a reader: the piece, what it is, and what it discusses
 * ("“Revisiting ‘Good Strategy Bad Strategy’”, a post on Alexis’s leadership blog, on Richard
 * Rumelt’s book"). A book is named as the rule names it.
 */
export function sourceName(seed: SeedReference): string {
  if (!/^\d{3}$/.test(seed.source)) return seed.source;
  const found = pieceFor(seed);
  if (!found) return 'a leadership essay';
  const { collection, piece } = found;
  // "the “Roadmapping” chapter of …" reads better than "“Roadmapping”, a chapter of …".
  if (collection.pieceOf.startsWith('chapter')) return `the “${piece.title}” ${collection.pieceOf}`;
  return `“${piece.title}”, ${collection.pieceOf}${piece.about ? `, ${piece.about}` : ''}`;
}
