import { readPath, type DataPath } from './data-paths';
import type { FieldNode } from './form-model';

/** One field of the form as filled in: a schema node at concrete array indices. */
export interface FieldInstance {
  node: FieldNode;
  /** Row indices of the arrays around it, outermost first. */
  indices: number[];
  dataPath: DataPath;
  /** Concrete address (indices in place of '*'): the key reactions find their targets by. */
  key: string;
  parent?: FieldInstance;
  /** Properties of an object or a void container. */
  children: FieldInstance[];
  /** One instance per submitted row of an array. */
  rows: FieldInstance[];
}

export function concreteKey(address: string[], indices: number[]): string {
  let star = 0;
  return address.map((part) => (part === '*' ? String(indices[star++]) : part)).join('.');
}

/** Instantiates the schema over the data: objects always, array rows as many as submitted. */
export function instantiate(root: FieldNode, values: unknown): Map<string, FieldInstance> {
  const registry = new Map<string, FieldInstance>();
  const build = (
    node: FieldNode,
    dataPath: DataPath,
    indices: number[],
    parent?: FieldInstance,
  ): FieldInstance => {
    const instance: FieldInstance = {
      node,
      indices,
      dataPath,
      key: concreteKey(node.address, indices),
      parent,
      children: [],
      rows: [],
    };
    registry.set(instance.key, instance);
    for (const child of node.children) {
      const childPath = child.type === 'void' ? dataPath : [...dataPath, child.name];
      instance.children.push(build(child, childPath, indices, instance));
    }
    const rows = readPath(values, dataPath);
    if (node.items && Array.isArray(rows)) {
      rows.forEach((_row, i) =>
        instance.rows.push(build(node.items!, [...dataPath, i], [...indices, i], instance)),
      );
    }
    return instance;
  };
  build(root, [], []);
  return registry;
}

/** The data-carrying children: void containers are looked through. */
export function dataChildInstances(instance: FieldInstance): FieldInstance[] {
  return instance.children.flatMap((child) =>
    child.node.type === 'void' ? dataChildInstances(child) : [child],
  );
}
