import { api, isApiError } from '../../../shared/api';
import { searchUsers } from '../../../shared/directory';
import type {
  ReferenceLookups,
  SchedulePreview,
  UserOption,
} from '../bpmn/reference-data/reference-data';
import type { CalledVariable } from '../model/call-activity';
import type { MessageNameOption } from '../model/message-name';

/** The message names the district's deployed processes use (GET /definitions/messages). */
export async function messageNames(): Promise<MessageNameOption[]> {
  const answer = await api.get<MessageNameOption[]>('/definitions/messages');
  return Array.isArray(answer) ? answer : [];
}

/** What the pickers ask while they are used (docs/api.md). */
export const pickerLookups: ReferenceLookups = {
  searchUsers: (q) => searchUsers({ q: q.trim() || undefined }),

  usersByIds: async (ids) =>
    ids.length === 0
      ? []
      : api.get<UserOption[]>('/directory/users', {
          ids: [...new Set(ids)].slice(0, 100).join(','),
        }),

  previewSchedule: async (kind, value) => {
    try {
      return await api.get<SchedulePreview>('/calendar/preview', { kind, value, count: 5 });
    } catch (error) {
      // the engine's reason for refusing the value, as the server put it on the field
      const reason = isApiError(error) ? error.fieldErrors.find((e) => e.path === 'value') : null;
      throw new Error(reason?.message ?? (error instanceof Error ? error.message : String(error)));
    }
  },

  calledVariables: async (key, version) =>
    (
      await api.get<{ variables: CalledVariable[] }>(
        `/definitions/${encodeURIComponent(key)}/variables`,
        { version },
      )
    ).variables,
};
