// Every tuned number of scoring and decision, in one frozen object: the phrase matcher's
// weights, the word scopes, the catalog-only decision, and the combined decision over the
// learned model. Change them here, and re-measure on a fresh blind slice (docs/quality.md).
export const SCORING = Object.freeze({
  phrase: Object.freeze({
    /** Evidence of a phrase that names the need, and of a cue that only hints at it. */
    phraseWeight: 3,
    cueWeight: 1,
    /** A phrase's words may stand this many words further apart than written. */
    spanSlack: 3,
    adjacentBonus: 1.2,
    /** Words of a phrase scattered among others are weaker evidence than the phrase as written. */
    scattered: 0.8,
    /** A use case's further phrases add less than its best one: more ways of saying the same need. */
    furtherPhrase: 0.5,
    /** Other use cases of the same category add a little: a request full of one medium. */
    furtherUseCase: 0.3,
    secondaryShare: 0.5,
    /** Small talk counts a little less than a clear request, so "thanks! now write a poem" is answered. */
    offTopicWeight: 2.5,
  }),
  scope: Object.freeze({
    output: 1,
    context: 0.3,
    excluded: 0,
    /** How far a negation or an "already have" reaches. */
    scopeWords: 3,
    /** How far a purpose ("for …") or an input ("turn … into") reaches. */
    contextWords: 6,
  }),
  /** The catalog-only decision: the model's input, and the answer when no model is loaded. */
  phraseDecision: Object.freeze({
    /** Below this, no recommendation: roughly one clear phrase, seen as output. */
    minEvidence: 2.4,
    /** Evidence of this much counts as a part of a combined request. */
    strongPart: 2.4,
    /** The weaker part of a combined request must reach this share of the stronger one. */
    languageMediaRatio: 0.35,
    mediaMediaRatio: 0.6,
    /** A combined request is worth this share of its parts. */
    combinedShare: 0.8,
    /** Score = evidence / (evidence + this). */
    scoreHalf: 3,
    /** An alternative must have at least this share of the top evidence. */
    alternativeShare: 0.15,
    tieShare: 0.8,
  }),
  /** The combined decision over the model's calibrated probabilities. */
  decision: Object.freeze({
    maxRecommendations: 4,
    /** An answer less sure than this offers its likeliest kinds to choose from. */
    lowConfidence: 0.6,
    /** The second kind is a tie at this share of the first. */
    tieShare: 0.8,
    /** When the catalog's phrases see a tie, the model must be this sure to answer without asking. */
    phraseTieOverruledAt: 0.8,
    /** "Nothing fits" needs the model this sure that the message asks for no tool. */
    noneAtLeast: 0.5,
    /** An alternative kind must be at least this likely. */
    alternativeAtLeast: 0.04,
    /** A category is a part of a combined request at this probability. */
    partAtLeast: 0.12,
    /** An industry is named only this sure: a wrong industry misleads more than none. */
    industryAtLeast: 0.6,
    /** …or when the request uses one of its catalog aliases and the model gives it this much. */
    industryAliasAtLeast: 0.3,
    /**
     * A data class is flagged this sure (the probabilities are calibrated): a missed flag lets
     * customer data into a tool the policy keeps it out of, a needless one costs a line on the
     * card. Cross-validated on the corpus, 0.45 gave precision / recall 0.88 / 0.57, 0.28 gave
     * 0.85 / 0.64, 0.22 gave 0.82 / 0.67 (docs/quality.md).
     */
    dataAtLeast: 0.25,
    /** …or when the request uses its words, says nothing of the data being synthetic, and the model gives it this much. */
    dataWordsAtLeast: 0.16,
  }),
});
