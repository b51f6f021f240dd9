import { Button, Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { KamSettings } from "../../core";
import { savedSummary } from "../state/paneSelectors";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, alignItems: "flex-start" },
});

export interface SavedSettingsProps {
  readonly settings: KamSettings;
  readonly primary: boolean;
  readonly disabled: boolean;
  readonly onRebuild: () => void;
}

/** The settings saved with the workbook, and Rebuild: both sheets again from the saved table, in one click. */
export const SavedSettings: React.FC<SavedSettingsProps> = ({ settings, primary, disabled, onRebuild }) => {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="kam-saved">
      <Subtitle2 as="h2" id="kam-saved">
        Saved settings
      </Subtitle2>
      {savedSummary(settings).map((line) => (
        <Text key={line}>{line}</Text>
      ))}
      <Caption1>Rebuild reads that table again and writes both sheets with these settings.</Caption1>
      <Button appearance={primary ? "primary" : "secondary"} disabledFocusable={disabled} onClick={onRebuild}>
        Rebuild
      </Button>
    </section>
  );
};
