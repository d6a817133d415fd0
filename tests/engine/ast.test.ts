import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { forEachNode, hasMoreNodesThan } from '../../src/engine/ast.js';
import { withAnalysis } from './with-analysis.js';

const CODE = `
import { createCipheriv } from 'node:crypto';
@sealed class Box<T> { #k: T; constructor(private readonly key: Buffer) {} get v(): number { return 1; } }
enum Mode { A = 'aes-256-gcm' }
namespace N { export const x = createCipheriv(Mode.A as string, Buffer.alloc(32), iv!); }
const f = async <T,>(a: T, { b = [1, ...[2]] }: { b?: number[] } = {}): Promise<T> => (await a) satisfies T;
label: for (const x of [1]) { if (x) continue label; }
type Hidden = { secretKey: string };
`;

type Node = TSESTree.Node;

/** The same SourceCode without `traverse()`, as a hand-built one would be: forEachNode walks the tree itself. */
function withoutSteps(sourceCode: TSESLint.SourceCode): TSESLint.SourceCode {
  return { ast: sourceCode.ast, visitorKeys: sourceCode.visitorKeys } as unknown as TSESLint.SourceCode;
}

function collect(sourceCode: TSESLint.SourceCode, options?: Parameters<typeof forEachNode>[2]): { nodes: Node[]; count: number } {
  const nodes: Node[] = [];
  const count = forEachNode(sourceCode, (node) => nodes.push(node), options);
  return { nodes, count };
}

describe('forEachNode', () => {
  it('reads the linter traversal and visits the same nodes, in the same order, as its own walk', () => {
    withAnalysis(CODE, (analysis) => {
      expect(typeof (analysis.sourceCode as { traverse?: unknown }).traverse).toBe('function');
      const fromSteps = collect(analysis.sourceCode);
      const walked = collect(withoutSteps(analysis.sourceCode));
      expect(fromSteps.nodes.length).toBeGreaterThan(100);
      expect(fromSteps.nodes).toEqual(walked.nodes);
      expect(fromSteps.count).toBe(walked.count);
      // Source order: a parent first, then its children left to right.
      expect(fromSteps.nodes[0]!.type).toBe('Program');
      fromSteps.nodes.slice(1).forEach((node, i) => expect(node.range[0]).toBeGreaterThanOrEqual(fromSteps.nodes[i]!.range[0]));
      expect(fromSteps.nodes.map((node) => node.type)).toContain('Decorator');
    });
  });

  it('leaves out a skipped subtree, whole, on both paths', () => {
    withAnalysis(CODE, (analysis) => {
      const skip = (node: Node): boolean => node.type === 'TSTypeAnnotation' || node.type === 'TSTypeAliasDeclaration';
      const fromSteps = collect(analysis.sourceCode, { skip });
      const walked = collect(withoutSteps(analysis.sourceCode), { skip });
      expect(fromSteps.nodes).toEqual(walked.nodes);
      const types = fromSteps.nodes.map((node) => node.type);
      expect(types).not.toContain('TSTypeAnnotation');
      expect(types).not.toContain('TSTypeLiteral'); // only under the alias and an annotation
      expect(types).toContain('TSAsExpression');
      expect(collect(analysis.sourceCode).nodes.length).toBeGreaterThan(fromSteps.nodes.length);
    });
  });

  it('stops past its limit and says so by returning more than the limit', () => {
    withAnalysis(CODE, (analysis) => {
      for (const sourceCode of [analysis.sourceCode, withoutSteps(analysis.sourceCode)]) {
        const { nodes, count } = collect(sourceCode, { limit: 10 });
        expect(nodes).toHaveLength(10);
        expect(count).toBe(11);
      }
    });
  });

  it('agrees with a full count on whether a file has more nodes than a limit, on both paths', () => {
    withAnalysis(CODE, (analysis) => {
      const total = collect(analysis.sourceCode).count;
      for (const sourceCode of [analysis.sourceCode, withoutSteps(analysis.sourceCode)]) {
        // Below, at and above the node count, and past half the number of steps (where the count starts).
        for (const limit of [1, Math.floor(total / 2), total - 1, total, total + 1, 10 * total]) {
          expect([limit, hasMoreNodesThan(sourceCode, limit)]).toEqual([limit, total > limit]);
        }
      }
    });
  });
});
