'use client';
// What a code param's editor needs beyond its field: which node it belongs to (for "Test on preview
// rows"), whether this person may write code, and the node's last run error. Given by the params
// section, so the generic form stays generic.
import { createContext, useContext } from 'react';
import type { RouterOutputs } from '../trpc/router-types';

export type CodeTestResult = RouterOutputs['pipeline']['testCode'];

export interface CodeAccess {
  nodeId: string;
  /** The node's language param: the editor parses and highlights TypeScript when it says so. */
  language: 'javascript' | 'typescript';
  /** Why the code cannot be edited (the role, or an old version shown), or null when it can. */
  readOnlyReason: string | null;
  /** The error of this node's step in the shown run, if it failed. */
  runError: string | null;
  /** The last "Test on preview rows" answer, or its request's error; kept here so it outlives a form remount. */
  tested: { result: CodeTestResult } | { failed: string } | null;
  setTested: (tested: { result: CodeTestResult } | { failed: string } | null) => void;
  /** Declares the tested output columns as the node's outputColumns; null for nodes without that param. */
  declareColumns: ((columns: NonNullable<CodeTestResult['columns']>) => void) | null;
}

const CodeAccessContext = createContext<CodeAccess | null>(null);

export const CodeAccessProvider = CodeAccessContext.Provider;

export function useCodeAccess(): CodeAccess | null {
  return useContext(CodeAccessContext);
}

/** The one wording for roles that may not write code; the server refuses their code edits. */
export function cannotWriteCodeReason(role: string): string {
  return `Only scientists and admins edit code; your role (${role}) can read it and run pipelines that contain it`;
}

/** Mirrors server/auth/roles.ts's code.write for the explanation only; the server decides. */
export const mayWriteCode = (role: string) => role === 'scientist' || role === 'admin';
