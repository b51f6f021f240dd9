import { Dropdown, Field, makeStyles, Option, Subtitle2, tokens, Tooltip } from "@fluentui/react-components";
import * as React from "react";
import { FIELD_IDS, FIELDS, type ColumnMapping as Mapping, type FieldId } from "../../core";
import { columnOptions, matchCaption } from "../state/paneSelectors";

const NONE = "none";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // The pane is narrow: the Dropdown takes the row's width beside its label, not its default minimum.
  dropdown: { minWidth: "0", width: "100%" },
});

export interface ColumnMappingProps {
  readonly mapping: Mapping;
  /** The table's first column on the sheet (0-based), to name a column without a header by its letter. */
  readonly left: number;
  readonly disabled: boolean;
  readonly onChoose: (field: FieldId, column: number | null) => void;
}

/**
 * One Dropdown per account field, its options the table's columns and "(none)", the detected column chosen. Why it was
 * chosen and how sure the detection is shows on hover and focus; a guess also says so under the control.
 */
export const ColumnMapping: React.FC<ColumnMappingProps> = ({ mapping, left, disabled, onChoose }) => {
  const styles = useStyles();
  const options = React.useMemo(() => columnOptions(mapping, left), [mapping, left]);
  return (
    <section className={styles.section} aria-labelledby="kam-columns">
      <Subtitle2 as="h2" id="kam-columns">
        Columns
      </Subtitle2>
      {FIELD_IDS.map((field) => {
        const match = mapping.fields[field];
        const chosen = match ? String(match.column) : NONE;
        const text = match ? (options[match.column]?.text ?? match.header) : "(none)";
        return (
          <Field
            key={field}
            label={FIELDS[field].label}
            orientation="horizontal"
            hint={match && match.confidence < 1 ? "A guess: please check." : undefined}
          >
            <Tooltip content={matchCaption(match)} relationship="description" positioning="below">
              <Dropdown
                className={styles.dropdown}
                value={text}
                selectedOptions={[chosen]}
                disabled={disabled}
                onOptionSelect={(_, data) =>
                  data.optionValue !== undefined &&
                  data.optionValue !== chosen &&
                  onChoose(field, data.optionValue === NONE ? null : Number(data.optionValue))
                }
              >
                <Option value={NONE}>(none)</Option>
                {options.map((o) => (
                  <Option key={o.value} value={o.value}>
                    {o.text}
                  </Option>
                ))}
              </Dropdown>
            </Tooltip>
          </Field>
        );
      })}
    </section>
  );
};
