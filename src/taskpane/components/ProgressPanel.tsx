import { Button, Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Progress } from "../state/paneTypes";

const useStyles = makeStyles({
  panel: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  bar: { flexGrow: 1 },
});

export interface ProgressPanelProps {
  readonly progress?: Progress;
  readonly onCancel: () => void;
}

/** The step under way with a bar, and Cancel (which takes effect before Excel's next sync). */
export const ProgressPanel: React.FC<ProgressPanelProps> = ({ progress, onCancel }) => {
  const styles = useStyles();
  const value = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  return (
    <div className={styles.panel}>
      <Field className={styles.bar} label={progress?.step ?? "Starting"} validationState="none">
        <ProgressBar value={value} thickness="large" />
      </Field>
      <Button onClick={onCancel}>Cancel</Button>
    </div>
  );
};
