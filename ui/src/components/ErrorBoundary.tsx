import { Alert, Button, Stack } from "@mantine/core";
import { Component, type ErrorInfo, type ReactNode } from "react";
import { Messages } from "../lib/i18n";

/**
 * Catches an exception thrown while rendering, so a fault in one screen shows a message and a way
 * back instead of a blank window. What the clerk typed in a new request survives: drafts are kept
 * outside the component tree.
 */
export class ErrorBoundary extends Component<
  { messages: Messages; children: ReactNode },
  { failed: boolean }
> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  render() {
    if (!this.state.failed) return this.props.children;
    const m = this.props.messages;
    return (
      <Alert color="red" title={m.t("ui-error-render-title")} m="xl" data-testid="render-error">
        <Stack align="flex-start">
          {m.t("ui-error-render")}
          <Button variant="light" color="red" onClick={() => this.setState({ failed: false })}>
            {m.t("ui-error-render-retry")}
          </Button>
        </Stack>
      </Alert>
    );
  }
}
