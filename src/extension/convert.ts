import * as vscode from 'vscode';
import type { Diagnostic, Severity } from '../core/diagnostic';
import type { Range } from '../core/text';
import type { TextEdit } from '../core/edit';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'MedGuide';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function fromPosition(p: vscode.Position): { line: number; character: number } {
  return { line: p.line, character: p.character };
}

/** A vscode.Diagnostic that remembers the core diagnostic (quick fixes read its `data`). */
export class MedguideDiagnostic extends vscode.Diagnostic {
  constructor(readonly core: Diagnostic) {
    super(toRange(core.range), core.message, SEVERITY[core.severity]);
    this.code = core.code;
    this.source = DIAGNOSTIC_SOURCE;
  }
}

export function toVsDiagnostic(d: Diagnostic): MedguideDiagnostic {
  return new MedguideDiagnostic(d);
}

export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(uri, toRange(e.range), e.newText);
  return we;
}
