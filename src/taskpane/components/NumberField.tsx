import { Field, SpinButton } from "@fluentui/react-components";
import * as React from "react";
import { parseTyped } from "../state/numberEdits";

export interface NumberFieldProps {
  readonly label: string;
  /** The text as typed: the pane keeps it as it is, so a wrong entry stays in view with its message. */
  readonly text: string;
  /** Why the text is refused, shown under the control. */
  readonly message?: string;
  readonly hint?: string;
  readonly step?: number;
  readonly disabled?: boolean;
  readonly onText: (text: string) => void;
}

/**
 * A labelled SpinButton whose text the pane owns. Every keystroke goes to `onText` (so the message follows the
 * typing), and so do the arrows' steps and Enter or leaving the field.
 */
export const NumberField: React.FC<NumberFieldProps> = ({ label, text, message, hint, step = 1, disabled, onText }) => {
  const value = parseTyped(text);
  return (
    <Field label={label} validationMessage={message} validationState={message ? "error" : "none"} hint={hint}>
      <SpinButton
        value={value ?? null}
        displayValue={text}
        step={step}
        precision={2}
        disabled={disabled}
        onInput={(event) => onText((event.target as HTMLInputElement).value)}
        onChange={(_, data) => {
          if (data.value !== undefined && data.value !== null) onText(String(data.value));
          else if (data.displayValue !== undefined) onText(data.displayValue);
        }}
      />
    </Field>
  );
};
