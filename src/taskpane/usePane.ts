import * as React from "react";
import type { OnProgress } from "../excel/cancel";
import type { PaneBridge } from "./officeBridge";
import { buildRequest, failureMessage } from "./state/paneSelectors";
import { initialPaneState, isBusy, paneReducer, type PaneAction, type PaneState } from "./state/paneState";
import type { BuildChoice, BuildOutcome } from "./state/paneTypes";

export interface Pane {
  readonly state: PaneState;
  readonly dispatch: React.Dispatch<PaneAction>;
  readSelection(): void;
  build(choice: BuildChoice): void;
  rebuild(): void;
  cancel(): void;
  goTo(cell: string): void;
  openSheet(sheet: string): void;
}

/**
 * The pane's state (paneReducer) joined to Excel (the bridge): each action dispatches what it starts, what Excel
 * reports on the way and how it ended. Only one read or build runs at a time; Cancel aborts it before Excel's next
 * sync.
 */
export function usePane(bridge: PaneBridge): Pane {
  const [state, dispatch] = React.useReducer(paneReducer, initialPaneState);
  const running = React.useRef<AbortController | undefined>(undefined);
  const latest = React.useRef(state);
  latest.current = state;

  React.useEffect(() => {
    let current = true;
    bridge.loadSaved().then(
      (saved) => current && dispatch({ type: "savedLoaded", saved }),
      (error: unknown) => {
        if (!current) return;
        dispatch({ type: "savedLoaded", saved: { problems: [] } });
        dispatch({ type: "failed", message: failureMessage(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [bridge]);

  /** Runs one read or build: its progress into the state, its end as `done` or as a message. */
  const start = React.useCallback(
    async <T>(
      begin: "readStarted" | "buildStarted",
      work: (onProgress: OnProgress, signal: AbortSignal) => Promise<T>,
      done: (result: T) => PaneAction,
    ) => {
      if (isBusy(latest.current)) return;
      const controller = new AbortController();
      running.current = controller;
      dispatch({ type: begin });
      const onProgress: OnProgress = (step, count, total) =>
        dispatch({ type: "progress", progress: { step, done: count, total } });
      try {
        dispatch(done(await work(onProgress, controller.signal)));
      } catch (error) {
        dispatch({ type: "failed", message: failureMessage(error) });
      } finally {
        if (running.current === controller) running.current = undefined;
      }
    },
    [],
  );

  const built = (outcome: BuildOutcome): PaneAction => ({ type: "built", outcome });
  const shown = (what: Promise<void>) =>
    what.catch((error: unknown) => dispatch({ type: "failed", message: failureMessage(error) }));

  return {
    state,
    dispatch,
    readSelection: () =>
      void start(
        "readStarted",
        (onProgress, signal) => bridge.readTable({ onProgress, signal }),
        (table) => ({ type: "readDone", table }),
      ),
    build: (choice) => {
      const now = latest.current;
      if (!now.table) return;
      const request = buildRequest(now, choice);
      void start(
        "buildStarted",
        (onProgress, signal) => bridge.build(now.table!.input, request, { onProgress, signal }),
        built,
      );
    },
    rebuild: () => void start("buildStarted", (onProgress, signal) => bridge.rebuild({ onProgress, signal }), built),
    cancel: () => running.current?.abort(),
    goTo: (cell) => void shown(bridge.selectCell(cell)),
    openSheet: (sheet) => void shown(bridge.activateSheet(sheet)),
  };
}
