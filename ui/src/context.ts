import { createContext, useContext } from "react";
import type { Screen, Session } from "./bindings";
import { Messages } from "./lib/i18n";

/** Where the desk is: one of the role's screens (the core's `Screen`), or one record's page. */
export type View =
  | { name: Screen }
  | { name: "complaint"; code: string }
  | { name: "track"; code: string }
  | { name: "request"; code: string };

export interface DeskContext {
  m: Messages;
  session: Session;
  go: (view: View) => void;
}

export const I18nContext = createContext<Messages>(new Messages("fa"));
export const DeskCtx = createContext<DeskContext | null>(null);

export function useMessages(): Messages {
  return useContext(I18nContext);
}

export function useDesk(): DeskContext {
  const desk = useContext(DeskCtx);
  if (!desk) throw new Error("useDesk outside the desk");
  return desk;
}
