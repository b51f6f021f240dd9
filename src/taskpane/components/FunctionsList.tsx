import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

/** The functions this version registers, so the pane says what the add-in does in cells. */
const FUNCTIONS: readonly { name: string; what: string }[] = [
  { name: "=KAM.SCORE(ratings, weights, [scale_min], [scale_max])", what: "attractiveness score 0–100 per account" },
  { name: "=KAM.CLV(margin, retention, discount_rate, [periods], [growth_rate], [timing])", what: "lifetime value" },
  { name: "=KAM.CHURN(at_start, at_end, [acquired])", what: "churn rate of an account base" },
  { name: "=KAM.COHORT.FIT(survivors)", what: "cohort model: alpha, beta, log-likelihood" },
  { name: "=KAM.CHURN.FORECAST(survivors, period)", what: "expected churn in a period" },
  { name: "=KAM.SURVIVAL.FORECAST(survivors, period)", what: "share of the cohort still active" },
  { name: "=KAM.CLV.COHORT(margin, survivors, discount_rate, [renewals])", what: "cohort-model lifetime value" },
];

/** The KAM.* cell functions, folded away at the bottom of the pane. */
export const FunctionsList: React.FC = () => {
  const styles = useStyles();
  return (
    <Accordion collapsible>
      <AccordionItem value="functions">
        <AccordionHeader as="h2">Functions</AccordionHeader>
        <AccordionPanel>
          <div className={styles.list}>
            <Body1>Type these functions in any cell:</Body1>
            {FUNCTIONS.map((f) => (
              <div key={f.name}>
                <Body1 className={styles.code}>{f.name}</Body1>
                <br />
                <Caption1>{f.what}</Caption1>
              </div>
            ))}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
};
