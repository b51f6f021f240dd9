import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { outcomeNotes, outcomeText } from "../state/paneSelectors";
import type { BuildOutcome } from "../state/paneTypes";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  links: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
});

export interface ResultMessageProps {
  readonly outcome: BuildOutcome;
  readonly onOpen: (sheet: string) => void;
  readonly onDismiss: () => void;
}

/** What a build wrote: the sheets (each with a link that brings it to the front) and, in words, what was left out. */
export const ResultMessage: React.FC<ResultMessageProps> = ({ outcome, onOpen, onDismiss }) => {
  const styles = useStyles();
  const notes = outcomeNotes(outcome);
  return (
    <MessageBar intent="success" layout="multiline" politeness="polite">
      <MessageBarBody>
        <div>{outcomeText(outcome)}</div>
        <div className={styles.links}>
          {outcome.sheets.map((sheet) => (
            <Link key={sheet} as="button" onClick={() => onOpen(sheet)}>
              {`Open ${sheet}`}
            </Link>
          ))}
        </div>
        {notes.length > 0 && (
          <ul className={styles.list}>
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" onClick={onDismiss}>
            Dismiss
          </Button>
        }
      />
    </MessageBar>
  );
};
