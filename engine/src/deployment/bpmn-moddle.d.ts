// bpmn-moddle ships no type declarations; this is the part of its API the deployment module uses.
declare module 'bpmn-moddle' {
  namespace BpmnModdle {
    interface ImportWarning {
      message: string;
      element?: { id?: unknown; $type?: string };
      property?: string;
      value?: unknown;
      error?: Error;
    }

    interface ImportResult {
      rootElement: unknown;
      elementsById: Record<string, unknown>;
      references: unknown[];
      warnings: ImportWarning[];
    }

    /** fromXML rejects with this: an Error that also carries the warnings gathered so far. */
    interface ImportError extends Error {
      warnings?: ImportWarning[];
    }
  }

  class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<BpmnModdle.ImportResult>;
  }

  export = BpmnModdle;
}
