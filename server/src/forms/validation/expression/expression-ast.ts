/** The syntax tree of the restricted reaction-expression language (see docs/workflow-kit.md §1). */
export type Expr =
  | { kind: 'literal'; value: string | number | boolean | null | undefined }
  | { kind: 'array'; items: Expr[] }
  | { kind: 'name'; name: ScopeName }
  | { kind: 'member'; object: Expr; property: Expr }
  | { kind: 'includes'; target: Expr; argument: Expr }
  | { kind: 'not'; operand: Expr }
  | { kind: 'binary'; operator: BinaryOperator; left: Expr; right: Expr }
  | { kind: 'logical'; operator: '&&' | '||'; left: Expr; right: Expr }
  | { kind: 'conditional'; test: Expr; consequent: Expr; alternate: Expr };

export type BinaryOperator = '===' | '!==' | '==' | '!=' | '<' | '<=' | '>' | '>=';

/** The only names an expression may use: Formily's reaction scope, minus everything executable. */
export const SCOPE_NAMES = [
  '$deps',
  '$dependencies',
  '$values',
  '$form',
  '$self',
  '$record',
  '$index',
] as const;
export type ScopeName = (typeof SCOPE_NAMES)[number];

/** Property names that would reach prototypes; refused wherever they appear. */
export const FORBIDDEN_PROPERTIES: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);
