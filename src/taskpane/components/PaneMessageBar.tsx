import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import * as React from "react";
import type { PaneMessage } from "../state/paneState";

export interface PaneMessageBarProps {
  readonly message: PaneMessage;
  readonly onDismiss: () => void;
}

/** An error (Excel's, in the words excelErrors.ts gives it) or a cancel, until dismissed or the next run. */
export const PaneMessageBar: React.FC<PaneMessageBarProps> = ({ message, onDismiss }) => (
  <MessageBar
    intent={message.intent}
    layout="multiline"
    politeness={message.intent === "error" ? "assertive" : "polite"}
  >
    <MessageBarBody>{message.text}</MessageBarBody>
    <MessageBarActions
      containerAction={
        <Button appearance="transparent" onClick={onDismiss}>
          Dismiss
        </Button>
      }
    />
  </MessageBar>
);
