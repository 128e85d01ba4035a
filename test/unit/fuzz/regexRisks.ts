// A static check for regular expressions that backtrack catastrophically (exponential) or
// quadratically on a long input, and the extraction of every regular expression a source file
// builds. Used by the classifier's linear-time test: ECS messages are short, but `explain -`
// reads whatever is piped to it, and a stopped reason is whatever a container wrote.
//
// Two shapes are flagged, the ones that made the classifier quadratic before (issue 14):
// - nested unbounded quantifiers, `(?:[a-z0-9-]+\.)+x`: every way to split a run between the
//   inner and the outer loop is tried (exponential when the pieces can overlap, quadratic at
//   best);
// - an unanchored pattern that opens with an unbounded quantifier and needs more after it,
//   `['"]+$`: a long run of that class is rescanned from each of its positions.
// Bounded repetitions (`{1,63}`) are linear with a constant factor and pass.
import * as fs from 'node:fs';
import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import type { Alternative, Element, Node, Quantifier } from '@eslint-community/regexpp/ast';
import * as ts from 'typescript';

export interface FoundRegex {
  readonly source: string;
  readonly flags: string;
  /** file:line, for the failure message. */
  readonly where: string;
}

function unbounded(q: Quantifier): boolean {
  return q.max === Infinity;
}

function containsUnbounded(node: Node): boolean {
  let found = false;
  const walk = (n: Node): void => {
    if (found) return;
    if (n.type === 'Quantifier' && unbounded(n)) found = true;
    const children: Node[] = 'elements' in n ? (n.elements as Node[]) : 'alternatives' in n ? (n.alternatives as Node[]) : 'element' in n ? [n.element] : [];
    for (const c of children) walk(c);
  };
  walk(node);
  return found;
}

function opensWithRun(alternative: Alternative): boolean {
  const [first, ...rest] = alternative.elements as Element[];
  if (!first || first.type !== 'Quantifier' || !unbounded(first) || rest.length === 0) return false;
  return true;
}

/** What makes the pattern backtrack badly, or an empty list. */
export function backtrackingRisks(source: string, flags: string): string[] {
  const risks: string[] = [];
  const pattern = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
  visitRegExpAST(pattern, {
    onQuantifierEnter(q) {
      if (unbounded(q) && containsUnbounded(q.element)) risks.push(`nested unbounded quantifiers in ${q.raw}`);
    },
  });
  for (const alternative of pattern.alternatives) {
    const anchored = alternative.elements[0]?.type === 'Assertion' && alternative.elements[0].kind === 'start';
    if (!anchored && opensWithRun(alternative)) risks.push(`unanchored leading ${alternative.elements[0].raw} followed by more`);
  }
  return risks;
}

/**
 * Every regular expression `file` writes: the literals, and `new RegExp(String.raw`...`, flags)`
 * built from module constants written as String.raw templates (classify.ts's REGION, AWS_HOST).
 */
export function regexesOf(file: string): FoundRegex[] {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const constants = new Map<string, ts.Node>();
  const found: FoundRegex[] = [];
  const where = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const rawText = (n: ts.Node): string | undefined => {
    if (ts.isTaggedTemplateExpression(n) && n.tag.getText() === 'String.raw') {
      const t = n.template;
      if (ts.isNoSubstitutionTemplateLiteral(t)) return t.rawText ?? '';
      let out = t.head.rawText ?? '';
      for (const span of t.templateSpans) {
        const inner = ts.isIdentifier(span.expression) ? constants.get(span.expression.text) : undefined;
        const value = inner ? rawText(inner) : undefined;
        if (value === undefined) return undefined;
        out += value + (span.literal.rawText ?? '');
      }
      return out;
    }
    if (ts.isStringLiteral(n)) return n.text;
    return undefined;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) constants.set(n.name.text, n.initializer);
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = n.getText();
      const slash = literal.lastIndexOf('/');
      found.push({ source: literal.slice(1, slash), flags: literal.slice(slash + 1), where: where(n) });
    }
    if (ts.isNewExpression(n) && n.expression.getText() === 'RegExp' && n.arguments?.[0]) {
      const source = rawText(n.arguments[0]);
      const flagsNode = n.arguments[1];
      if (source === undefined) throw new Error(`${where(n)}: a RegExp this check cannot read: ${n.getText()}`);
      found.push({ source, flags: flagsNode && ts.isStringLiteral(flagsNode) ? flagsNode.text : '', where: where(n) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}
