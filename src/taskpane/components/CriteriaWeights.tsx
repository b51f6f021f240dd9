import { Button, Dropdown, Field, makeStyles, Option, Subtitle2, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import { weightShares, type ColumnMapping } from "../../core";
import type { NumberKey, NumberTexts } from "../state/numberEdits";
import { parseTyped } from "../state/numberEdits";
import { columnOptions } from "../state/paneSelectors";
import { NumberField } from "./NumberField";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  criterion: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  pair: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  problem: { color: tokens.colorStatusDangerForeground1 },
  dropdown: { minWidth: "0", width: "100%" },
});

export interface CriteriaWeightsProps {
  readonly mapping: ColumnMapping;
  readonly left: number;
  readonly numbers: NumberTexts;
  readonly messages: Readonly<Partial<Record<NumberKey, string>>>;
  /** About the weights together (every weight 0). */
  readonly criteriaMessage?: string;
  readonly disabled: boolean;
  readonly onText: (key: NumberKey, text: string) => void;
  readonly onAdd: (column: number) => void;
  readonly onRemove: (column: number) => void;
}

/**
 * The attractiveness criteria: a weight per criterion with its share of the score (from the core's weightShares),
 * the rating scale, and criteria to add from the table's other numeric columns.
 */
export const CriteriaWeights: React.FC<CriteriaWeightsProps> = (props) => {
  const { mapping, numbers, messages, disabled, onText } = props;
  const styles = useStyles();
  const headers = columnOptions(mapping, props.left);
  const shares = weightShares(numbers.weights.map((w) => parseTyped(w.text) ?? Number.NaN));
  const candidates = mapping.numericColumns.filter((j) => !numbers.weights.some((w) => w.column === j));
  return (
    <section className={styles.section} aria-labelledby="kam-criteria">
      <Subtitle2 as="h2" id="kam-criteria">
        Criteria
      </Subtitle2>
      {numbers.weights.map((w, i) => {
        const header = mapping.headers[w.column] || headers[w.column]?.text || `Column ${w.column + 1}`;
        const share = shares[i];
        return (
          <div key={w.column} className={styles.criterion}>
            <div className={styles.grow}>
              <NumberField
                label={`Weight of ${header}`}
                text={w.text}
                message={messages[`weight:${w.column}`]}
                hint={Number.isNaN(share) ? undefined : `${(share * 100).toFixed(1)}% of the score`}
                disabled={disabled}
                onText={(text) => onText(`weight:${w.column}`, text)}
              />
            </div>
            <Button
              appearance="subtle"
              aria-label={`Remove ${header}`}
              disabled={disabled || numbers.weights.length <= 1}
              onClick={() => props.onRemove(w.column)}
            >
              Remove
            </Button>
          </div>
        );
      })}
      {props.criteriaMessage && (
        <Text role="alert" className={styles.problem}>
          {props.criteriaMessage}
        </Text>
      )}
      {candidates.length > 0 && (
        <Field label="Add a criterion">
          <Dropdown
            className={styles.dropdown}
            placeholder="A numeric column of the table"
            value=""
            selectedOptions={[]}
            disabled={disabled}
            onOptionSelect={(_, data) => data.optionValue !== undefined && props.onAdd(Number(data.optionValue))}
          >
            {candidates.map((j) => (
              <Option key={j} value={String(j)}>
                {headers[j].text}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <div className={styles.pair}>
        <NumberField
          label="Lowest rating"
          text={numbers.scaleMin}
          message={messages.scaleMin}
          disabled={disabled}
          onText={(text) => onText("scaleMin", text)}
        />
        <NumberField
          label="Highest rating"
          text={numbers.scaleMax}
          message={messages.scaleMax}
          disabled={disabled}
          onText={(text) => onText("scaleMax", text)}
        />
      </div>
    </section>
  );
};
