import { makeStyles, Title3, tokens } from "@fluentui/react-components";
import * as React from "react";
import { BuildBar } from "./components/BuildBar";
import { ColumnMapping } from "./components/ColumnMapping";
import { CriteriaWeights } from "./components/CriteriaWeights";
import { CutOffs } from "./components/CutOffs";
import { FunctionsList } from "./components/FunctionsList";
import { IssuesList } from "./components/IssuesList";
import { PaneMessageBar } from "./components/PaneMessageBar";
import { ProgressPanel } from "./components/ProgressPanel";
import { ResultMessage } from "./components/ResultMessage";
import { StartSection } from "./components/StartSection";
import type { PaneBridge } from "./officeBridge";
import { buildBlocker, numbersOf, rowsSummary } from "./state/paneSelectors";
import type { NumberKey } from "./state/numberEdits";
import { isBusy } from "./state/paneState";
import { usePane } from "./usePane";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  title: { margin: 0 },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface AppProps {
  /** Excel, through the bridge: officeBridge(officeHost()) in Office, the fake workbook's in a test. */
  readonly bridge: PaneBridge;
}

/**
 * The taskpane: from a selected table to the two sheets. Each section is a component with one job; the state and its
 * rules are in state/ (no React, no Office), Excel behind the bridge.
 */
export const App: React.FC<AppProps> = ({ bridge }) => {
  const styles = useStyles();
  const pane = usePane(bridge);
  const { state, dispatch } = pane;
  const busy = isBusy(state);
  // Read again only when the texts or the table change, not on every progress report.
  const { numbers: texts, base } = state;
  const numbers = React.useMemo(() => numbersOf({ numbers: texts, base }), [texts, base]);
  const prepared = state.prepared;
  const left = state.table?.input.left ?? 0;
  const onText = React.useCallback(
    (key: NumberKey, text: string) => dispatch({ type: "numberTyped", key, text }),
    [dispatch],
  );
  return (
    <main className={styles.root}>
      <Title3 as="h1" className={styles.title}>
        KAM Analytics
      </Title3>
      <StartSection
        saved={state.saved}
        table={state.table}
        busy={busy}
        onUseSelection={pane.readSelection}
        onRebuild={pane.rebuild}
      />
      {state.phase === "reading" && <ProgressPanel progress={state.progress} onCancel={pane.cancel} />}
      {state.message && (
        <PaneMessageBar message={state.message} onDismiss={() => dispatch({ type: "messageDismissed" })} />
      )}
      {state.outcome && (
        <ResultMessage
          outcome={state.outcome}
          onOpen={pane.openSheet}
          onDismiss={() => dispatch({ type: "outcomeDismissed" })}
        />
      )}
      {prepared && state.base && state.base.notes.length > 0 && (
        <ul className={styles.notes}>
          {state.base.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {prepared && (
        <ColumnMapping
          mapping={prepared.mapping}
          left={left}
          disabled={busy}
          onChoose={(field, column) => dispatch({ type: "fieldChosen", field, column })}
        />
      )}
      {prepared && state.numbers && numbers && (
        <CriteriaWeights
          mapping={prepared.mapping}
          left={left}
          numbers={state.numbers}
          messages={numbers.messages}
          criteriaMessage={numbers.criteriaMessage}
          disabled={busy}
          onText={onText}
          onAdd={(column) => dispatch({ type: "criterionAdded", column })}
          onRemove={(column) => dispatch({ type: "criterionRemoved", column })}
        />
      )}
      {state.numbers && numbers && (
        <CutOffs numbers={state.numbers} messages={numbers.messages} disabled={busy} onText={onText} />
      )}
      {prepared && <IssuesList issues={prepared.table.issues} summary={rowsSummary(state) ?? ""} onGoTo={pane.goTo} />}
      <BuildBar
        blocker={buildBlocker(state, numbers)}
        building={state.phase === "building"}
        busy={busy}
        progress={state.progress}
        onBuild={pane.build}
        onCancel={pane.cancel}
      />
      <FunctionsList />
    </main>
  );
};
