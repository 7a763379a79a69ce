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

/**
 * A vscode.Diagnostic that remembers the core diagnostic (quick fixes read its `data`). The core's
 * `related` places are in the same file: they become related information when the file is known.
 */
export class MedguideDiagnostic extends vscode.Diagnostic {
  constructor(readonly core: Diagnostic, uri?: vscode.Uri) {
    super(toRange(core.range), core.message, SEVERITY[core.severity]);
    this.code = core.code;
    this.source = DIAGNOSTIC_SOURCE;
    if (uri && core.related?.length) {
      this.relatedInformation = core.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), r.message));
    }
  }
}

/**
 * The editor's diagnostic for a core one. Give the file's `uri` for the related information
 * (`list.map((d) => toVsDiagnostic(d, uri))`, or {@link toVsDiagnosticsIn}); called as
 * `list.map(toVsDiagnostic)`, the second argument is an index and is ignored.
 */
export function toVsDiagnostic(d: Diagnostic, uri?: vscode.Uri | number): MedguideDiagnostic {
  return new MedguideDiagnostic(d, uri instanceof vscode.Uri ? uri : undefined);
}

/** The editor's diagnostics for the core diagnostics of the file at `uri`, related information included. */
export function toVsDiagnosticsIn(uri: vscode.Uri, list: readonly Diagnostic[]): MedguideDiagnostic[] {
  return list.map((d) => new MedguideDiagnostic(d, uri));
}

export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(uri, toRange(e.range), e.newText);
  return we;
}
