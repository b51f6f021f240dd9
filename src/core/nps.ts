import { kamError, type Result } from "./errors";

/**
 * Net Promoter Score of a set of survey answers on the 0–10 "how likely are you to recommend" scale.
 *
 * NPS = 100 · (promoters − detractors) / answers, promoters answering 9–10 and detractors 0–6, passives (7–8) only
 * in the count. Source: Reichheld, "The One Number You Need to Grow" (Harvard Business Review, 2003); Bain & Company's
 * NPS definition. Blank answers (`null`) are left out.
 *
 * Errors: an answer that is not a whole number 0–10 → `num` naming its row (1-based); no answer at all → `na`.
 *
 * @example npsFromAnswers([10, 9, 8, 6]) // => 25
 */
export function npsFromAnswers(answers: readonly (number | null)[]): Result<number> {
  let promoters = 0;
  let detractors = 0;
  let count = 0;
  for (let i = 0; i < answers.length; i++) {
    const x = answers[i];
    if (x === null) continue;
    if (!(Number.isInteger(x) && x >= 0 && x <= 10)) {
      return kamError(
        "num",
        `answers row ${i + 1}`,
        `answers row ${i + 1} is ${x}; an NPS answer is a whole number from 0 to 10.`,
      );
    }
    count++;
    if (x >= 9) promoters++;
    else if (x <= 6) detractors++;
  }
  if (count === 0) return kamError("na", "answers", "answers has no answer: nothing to score.");
  return (100 * (promoters - detractors)) / count;
}

/** The NPS group of one 0–10 answer, as the dashboard's NPS mix counts it. */
export function npsGroup(answer: number): "promoter" | "passive" | "detractor" {
  return answer >= 9 ? "promoter" : answer >= 7 ? "passive" : "detractor";
}
