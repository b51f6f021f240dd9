import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { officeBridge, officeHost } from "./officeBridge";
import { isDarkOfficeTheme } from "./theme";

/* global document, Office */

// Render once, after Office has initialised the host (as Microsoft's React taskpane template does), in Office's light
// or dark theme.
Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  const theme = isDarkOfficeTheme(Office.context.officeTheme) ? webDarkTheme : webLightTheme;
  createRoot(container).render(
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      <App bridge={officeBridge(officeHost())} />
    </FluentProvider>,
  );
});
