import type Modeler from 'bpmn-js/lib/Modeler';
import { useEffect, useMemo, useState } from 'react';
import { hasMessage, useT } from '../../../shared/i18n';
import { roleLabel } from '../../../shared/roles';
import { referenceApi } from '../api/definitions-api';
import { pickerLookups } from '../api/picker-api';
import type { ReferenceData, ReferenceDataState } from '../bpmn/reference-data/reference-data';
import { type LintReferenceData } from '../model/process-lint';

const LISTS = ['roles', 'forms', 'handlers', 'processes', 'messages'] as const;

/**
 * Loads the district's roles, forms, handlers, deployed processes and message names once, and
 * hands them with the pickers' look-ups (people, timer previews, called processes' variables) to
 * the modeler's reference-data service (the pickers) and to the designer's checks.
 */
export function useReferenceData(modeler: Modeler | null) {
  const t = useT();
  const [state, setState] = useState<ReferenceDataState>({
    failed: [],
    lookups: pickerLookups,
  });

  useEffect(() => {
    let alive = true;
    for (const list of LISTS) {
      referenceApi[list]()
        .then((value) => {
          if (alive) setState((previous) => ({ ...previous, [list]: value }));
        })
        .catch(() => {
          if (alive) setState((previous) => ({ ...previous, failed: [...previous.failed, list] }));
        });
    }
    return () => {
      alive = false;
    };
  }, []);

  // role names in the reader's language where the domain knows the role
  const shown = useMemo<ReferenceDataState>(
    () => ({
      ...state,
      roles: state.roles?.map((role) => ({
        key: role.key,
        label: hasMessage(`roles.${role.key}`) ? roleLabel(t, role.key) : role.label,
      })),
    }),
    [state, t],
  );

  useEffect(() => {
    modeler?.get<ReferenceData>('congressReferenceData').update(shown);
  }, [modeler, shown]);

  const lintReference = useMemo<LintReferenceData>(
    () => ({
      roleKeys: state.roles ? new Set(state.roles.map((role) => role.key)) : undefined,
      formKeys: state.forms ? new Set(state.forms.map((form) => form.key)) : undefined,
      handlers: state.handlers
        ? new Map(state.handlers.map((handler) => [handler.topic, handler.parameters]))
        : undefined,
    }),
    [state],
  );

  return { reference: shown, lintReference };
}
