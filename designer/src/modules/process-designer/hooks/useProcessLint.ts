import type Modeler from 'bpmn-js/lib/Modeler';
import { useEffect, useState } from 'react';
import { definitionsApi, type DeploymentProblem } from '../api/definitions-api';
import { type ModdleElement } from '../model/moddle-element';
import { lintProcess, type LintFinding, type LintReferenceData } from '../model/process-lint';

export type ServerCheck =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'done'; problems: DeploymentProblem[]; warnings: DeploymentProblem[] }
  | { status: 'unavailable'; error: unknown };

const CLIENT_DELAY = 200;
const SERVER_DELAY = 1500;

/**
 * Live checks: the designer's own rules on every change, and the server's dry run
 * (POST /api/definitions/validate) once the author pauses. A newer check aborts an older one.
 */
export function useProcessLint(
  modeler: Modeler | null,
  revision: number,
  currentXml: () => Promise<string>,
  reference: LintReferenceData,
) {
  const [findings, setFindings] = useState<LintFinding[]>([]);
  const [server, setServer] = useState<ServerCheck>({ status: 'idle' });

  useEffect(() => {
    if (!modeler || revision === 0) return undefined;
    const timer = setTimeout(() => {
      const definitions = modeler.getDefinitions() as ModdleElement | undefined;
      setFindings(definitions ? lintProcess(definitions, reference) : []);
    }, CLIENT_DELAY);
    return () => clearTimeout(timer);
  }, [modeler, revision, reference]);

  useEffect(() => {
    if (!modeler || revision === 0) return undefined;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setServer({ status: 'checking' });
      try {
        const answer = await definitionsApi.validate(await currentXml(), controller.signal);
        if (!controller.signal.aborted) setServer({ status: 'done', ...answer });
      } catch (error) {
        if (!controller.signal.aborted) setServer({ status: 'unavailable', error });
      }
    }, SERVER_DELAY);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [modeler, revision, currentXml]);

  return { findings, server };
}
