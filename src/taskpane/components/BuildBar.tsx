import { Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { BuildChoice, Progress } from "../state/paneTypes";
import { ProgressPanel } from "./ProgressPanel";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface BuildBarProps {
  /** Why no build can start now, said beside the buttons. */
  readonly blocker?: string;
  readonly building: boolean;
  readonly busy: boolean;
  readonly progress?: Progress;
  readonly onBuild: (choice: BuildChoice) => void;
  readonly onCancel: () => void;
}

/** Build both (the primary action), or one of the two sheets; while building, the step and Cancel. */
export const BuildBar: React.FC<BuildBarProps> = ({ blocker, building, busy, progress, onBuild, onCancel }) => {
  const styles = useStyles();
  const off = busy || blocker !== undefined;
  return (
    <section className={styles.section} aria-labelledby="kam-build">
      <Subtitle2 as="h2" id="kam-build">
        Build
      </Subtitle2>
      <div className={styles.buttons}>
        <Button appearance="primary" disabledFocusable={off} onClick={() => onBuild("both")}>
          Build both
        </Button>
        <Button disabledFocusable={off} onClick={() => onBuild("matrix")}>
          Segmentation matrix
        </Button>
        <Button disabledFocusable={off} onClick={() => onBuild("dashboard")}>
          KPI dashboard
        </Button>
      </div>
      {blocker && !busy && <Caption1>{blocker}</Caption1>}
      {building && <ProgressPanel progress={progress} onCancel={onCancel} />}
    </section>
  );
};
