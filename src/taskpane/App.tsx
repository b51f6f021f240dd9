import { Body1, Caption1, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

/** The functions this version registers, so the pane says what the add-in already does. */
const FUNCTIONS: readonly { name: string; what: string }[] = [
  { name: "=KAM.SCORE(ratings, weights, [scale_min], [scale_max])", what: "attractiveness score 0–100 per account" },
  { name: "=KAM.CLV(margin, retention, discount_rate, [periods], [growth_rate], [timing])", what: "lifetime value" },
  { name: "=KAM.CHURN(at_start, at_end, [acquired])", what: "churn rate of an account base" },
  { name: "=KAM.COHORT.FIT(survivors)", what: "cohort model: alpha, beta, log-likelihood" },
  { name: "=KAM.CHURN.FORECAST(survivors, period)", what: "expected churn in a period" },
  { name: "=KAM.SURVIVAL.FORECAST(survivors, period)", what: "share of the cohort still active" },
  { name: "=KAM.CLV.COHORT(margin, survivors, discount_rate, [renewals])", what: "cohort-model lifetime value" },
];

/**
 * The taskpane. This version lists the KAM.* functions; building the segmentation matrix and KPI dashboard from a
 * selection is the taskpane issue's work and is not offered here until it exists.
 */
export const App: React.FC = () => {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Subtitle1 as="h1">KAM Analytics</Subtitle1>
      <Body1>Type these functions in any cell:</Body1>
      {FUNCTIONS.map((f) => (
        <div key={f.name}>
          <Body1 className={styles.code}>{f.name}</Body1>
          <br />
          <Caption1>{f.what}</Caption1>
        </div>
      ))}
    </main>
  );
};
