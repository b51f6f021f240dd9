import {
  isKamError,
  kamSettingsSchema,
  makeScoreSpec,
  reportSettingsSchema,
  type PortfolioChoices,
  type PortfolioOptions,
} from "../../core";
import type { CriterionWeight } from "./paneTypes";

/**
 * The taskpane's number controls as the analyst typed them, and what they mean: each text is read as a number and
 * checked by the rules of the saved settings (src/core/accounts/settings.ts, zod), so the pane never accepts a value
 * the settings would refuse; the sentence under a control says what it takes in the control's own units (percent
 * where the settings keep a fraction).
 */

export type Axis = "attractiveness" | "strength";
export const AXES: readonly Axis[] = ["attractiveness", "strength"];

export interface NumberTexts {
  /** One per criterion, in order: its column and the weight as typed. */
  readonly weights: readonly { readonly column: number; readonly text: string }[];
  /** grid − 1 per axis, on the 0–100 score. */
  readonly cuts: Readonly<Record<Axis, readonly string[]>>;
  /** Cut-offs the analyst typed: an untouched axis keeps what was saved (a "median" stays a median). */
  readonly cutsTouched: Readonly<Record<Axis, boolean>>;
  readonly scaleMin: string;
  readonly scaleMax: string;
  /** Percent. */
  readonly discountRate: string;
  /** Percent. */
  readonly atRiskThreshold: string;
}

/** A control: "weight:<column>", "cut:<axis>:<i>", or one of the single settings. */
export type NumberKey =
  `weight:${number}` | `cut:${Axis}:${number}` | "scaleMin" | "scaleMax" | "discountRate" | "atRiskThreshold";

/** What the texts mean, where they are all valid; else the sentence for each control that is not. */
export interface ReadNumbers {
  readonly criteria: readonly CriterionWeight[];
  readonly choices: PortfolioChoices;
  readonly messages: Readonly<Partial<Record<NumberKey, string>>>;
  /** About the weights together (every weight 0), shown under the criteria. */
  readonly criteriaMessage?: string;
  readonly valid: boolean;
}

/** A number as shown in a control: at most two decimals, no trailing zeros. */
export function numberText(x: number): string {
  return String(Number(x.toFixed(2)));
}

/** A fraction as a percentage to show (0.1 → "10"). */
export function percentText(fraction: number): string {
  return numberText(fraction * 100);
}

/**
 * The number typed, or undefined: digits with a decimal point or comma (SpinButton writes a point when it steps; an
 * analyst in a comma locale types a comma), an optional sign and a trailing "%".
 */
export function parseTyped(text: string): number | undefined {
  const t = text.trim().replace(/\s*%$/, "");
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return undefined;
  return Number(t.replace(",", "."));
}

/** The controls' texts for options as prepared: what the analyst sees before typing anything. */
export function numberTexts(criteria: readonly CriterionWeight[], options: PortfolioOptions): NumberTexts {
  return {
    weights: criteria.map((c) => ({ column: c.column, text: numberText(c.weight) })),
    cuts: {
      attractiveness: options.cuts.attractiveness.map(numberText),
      strength: options.cuts.strength.map(numberText),
    },
    cutsTouched: { attractiveness: false, strength: false },
    scaleMin: numberText(options.scale.min),
    scaleMax: numberText(options.scale.max),
    discountRate: percentText(options.discountRate),
    atRiskThreshold: percentText(options.atRiskThreshold),
  };
}

/** The texts with one control's text replaced. */
export function withText(texts: NumberTexts, key: NumberKey, text: string): NumberTexts {
  if (key.startsWith("weight:")) {
    const column = Number(key.slice("weight:".length));
    return { ...texts, weights: texts.weights.map((w) => (w.column === column ? { column, text } : w)) };
  }
  if (key.startsWith("cut:")) {
    const [, axis, i] = key.split(":") as [string, Axis, string];
    const cuts = texts.cuts[axis].map((c, k) => (k === Number(i) ? text : c));
    return { ...texts, cuts: { ...texts.cuts, [axis]: cuts }, cutsTouched: { ...texts.cutsTouched, [axis]: true } };
  }
  return { ...texts, [key as "scaleMin"]: text };
}

const NOT_A_NUMBER = "Enter a number.";

/** Reads and checks every control; `grid` is the report's (2 or 3), which sets how many cut-offs an axis holds. */
export function readNumbers(texts: NumberTexts, grid: 2 | 3): ReadNumbers {
  const messages: Partial<Record<NumberKey, string>> = {};
  const number = (key: NumberKey, text: string): number | undefined => {
    const x = parseTyped(text);
    if (x === undefined) messages[key] = NOT_A_NUMBER;
    return x;
  };

  const weightRule = kamSettingsSchema.shape.criteria.element.shape.weight;
  const criteria: CriterionWeight[] = [];
  for (const w of texts.weights) {
    const key: NumberKey = `weight:${w.column}`;
    const weight = number(key, w.text);
    if (weight === undefined) continue;
    if (!weightRule.safeParse(weight).success) messages[key] = "A weight is a number, 0 or more.";
    else criteria.push({ column: w.column, weight });
  }
  const weightsRead = criteria.length === texts.weights.length;
  const criteriaMessage =
    weightsRead && criteria.length > 0 && isKamError(makeScoreSpec(criteria.map((c) => c.weight)))
      ? "Every weight is 0: give at least one criterion a weight above 0, or the score has nothing to weigh."
      : undefined;

  const cuts: Partial<Record<Axis, number[]>> = {};
  for (const axis of AXES) {
    const values = texts.cuts[axis].map((t, i) => number(`cut:${axis}:${i}`, t));
    if (values.every((v) => v !== undefined)) cuts[axis] = values as number[];
  }
  const report = reportSettingsSchema.safeParse({ grid, cuts });
  for (const issue of report.success ? [] : report.error.issues) {
    const [, axis, index] = issue.path as [string, Axis, number | undefined];
    if (index !== undefined) messages[`cut:${axis}:${index}`] = "A cut-off is a score from 0 to 100.";
    else if (issue.path[0] === "cuts")
      messages[`cut:${axis}:${texts.cuts[axis].length - 1}`] = "Each cut-off must be above the one before it.";
  }

  const min = number("scaleMin", texts.scaleMin);
  const max = number("scaleMax", texts.scaleMax);
  const scaleValid =
    min !== undefined && max !== undefined && kamSettingsSchema.shape.scale.safeParse({ min, max }).success;
  if (min !== undefined && max !== undefined && !scaleValid)
    messages.scaleMax = "The highest rating must be above the lowest.";

  const discount = number("discountRate", texts.discountRate);
  if (discount !== undefined && !kamSettingsSchema.shape.discountRate.safeParse(discount / 100).success)
    messages.discountRate = "The discount rate is a percentage above −100.";
  const atRisk = number("atRiskThreshold", texts.atRiskThreshold);
  if (atRisk !== undefined && !reportSettingsSchema.shape.atRiskThreshold.safeParse(atRisk / 100).success)
    messages.atRiskThreshold = "The at-risk threshold is a percentage from 0 to 100.";

  const valid = Object.keys(messages).length === 0 && criteriaMessage === undefined;
  const touchedCuts = Object.fromEntries(AXES.filter((a) => texts.cutsTouched[a]).map((a) => [a, cuts[a]]));
  const choices: PortfolioChoices = valid
    ? {
        scale: { min: min!, max: max! },
        discountRate: discount! / 100,
        atRiskThreshold: atRisk! / 100,
        ...(Object.keys(touchedCuts).length > 0 ? { cuts: touchedCuts } : {}),
      }
    : {};
  return { criteria, choices, messages, criteriaMessage, valid };
}
