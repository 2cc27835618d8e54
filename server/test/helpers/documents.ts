/** Small documents the CLI tests share. */

/** A strategy memo with three buzzwords on line 5 ("leverage" at column 9) and no diagnosis or actions. */
export const WEAK_MEMO = `# Growth strategy

## Guiding policy

We will leverage our world-class platform to unlock new segments.
`;
