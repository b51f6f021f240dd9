import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import * as React from "react";
import { AXES, type Axis, type NumberKey, type NumberTexts } from "../state/numberEdits";
import { NumberField } from "./NumberField";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pair: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
});

const AXIS_LABEL: Readonly<Record<Axis, string>> = { attractiveness: "Attractiveness", strength: "Strength" };

export interface CutOffsProps {
  readonly numbers: NumberTexts;
  readonly messages: Readonly<Partial<Record<NumberKey, string>>>;
  readonly disabled: boolean;
  readonly onText: (key: NumberKey, text: string) => void;
}

/** The matrix's cut-offs on each 0–100 axis, the CLV discount rate and the at-risk threshold, in percent. */
export const CutOffs: React.FC<CutOffsProps> = ({ numbers, messages, disabled, onText }) => {
  const styles = useStyles();
  const field = (key: NumberKey, label: string, text: string, hint?: string) => (
    <NumberField
      key={key}
      label={label}
      text={text}
      hint={hint}
      message={messages[key]}
      disabled={disabled}
      onText={(t) => onText(key, t)}
    />
  );
  return (
    <section className={styles.section} aria-labelledby="kam-cutoffs">
      <Subtitle2 as="h2" id="kam-cutoffs">
        Cut-offs and rates
      </Subtitle2>
      <Caption1>Scores run from 0 to 100; an account at a cut-off counts as high.</Caption1>
      <div className={styles.pair}>
        {AXES.flatMap((axis) =>
          numbers.cuts[axis].map((text, i) =>
            field(
              `cut:${axis}:${i}`,
              `${AXIS_LABEL[axis]} cut-off${numbers.cuts[axis].length > 1 ? ` ${i + 1}` : ""}`,
              text,
            ),
          ),
        )}
        {field("discountRate", "Discount rate (%)", numbers.discountRate, "For lifetime value, per year.")}
        {field(
          "atRiskThreshold",
          "At-risk threshold (%)",
          numbers.atRiskThreshold,
          "Revenue down by more than this is at risk.",
        )}
      </div>
    </section>
  );
};
