import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { quoteSheetName } from "../../core";
import type { SavedSettings as Saved, TableRead } from "../state/paneTypes";
import { SavedSettings } from "./SavedSettings";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  warning: { color: tokens.colorStatusWarningForeground1 },
});

export interface StartSectionProps {
  /** Undefined while the workbook is being asked for saved settings. */
  readonly saved?: Saved;
  readonly table?: TableRead;
  readonly busy: boolean;
  readonly onUseSelection: () => void;
  readonly onRebuild: () => void;
}

/** What to do first: select the table and Use selection; or, where the workbook holds saved settings, Rebuild. */
export const StartSection: React.FC<StartSectionProps> = ({ saved, table, busy, onUseSelection, onRebuild }) => {
  const styles = useStyles();
  const rebuildFirst = !table && saved?.settings !== undefined;
  return (
    <>
      {saved?.settings && (
        <SavedSettings settings={saved.settings} primary={rebuildFirst} disabled={busy} onRebuild={onRebuild} />
      )}
      {saved?.problems.map((p) => (
        <Caption1 key={p.message} className={styles.warning}>
          {p.message}
        </Caption1>
      ))}
      <section className={styles.section} aria-label="Table">
        <Body1>
          {table
            ? `Read ${table.expandedTo ?? `${quoteSheetName(table.source.sheet)}!${table.source.address}`}. To read ` +
              "another table, select it and click Use selection again."
            : "Select the account table, or click a cell in it, then click Use selection."}
        </Body1>
        <Button
          appearance={table || rebuildFirst ? "secondary" : "primary"}
          disabledFocusable={busy || saved === undefined}
          onClick={onUseSelection}
        >
          Use selection
        </Button>
      </section>
    </>
  );
};
