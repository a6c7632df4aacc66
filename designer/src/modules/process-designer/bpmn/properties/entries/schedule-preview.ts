import { h } from '@bpmn-io/properties-panel/preact';
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import type { TimerType } from '../../../model/timer-spec';
import type { ReferenceLookups, SchedulePreview } from '../../reference-data/reference-data';
import type { BpmnTranslate } from '../../translate';

interface PreviewProps {
  kind: TimerType | 'dueDate';
  value: string;
  lookups: ReferenceLookups | undefined;
  translate: BpmnTranslate;
}

type State =
  | { status: 'loading' }
  | { status: 'done'; preview: SchedulePreview }
  | { status: 'failed'; reason: string };

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const BEIJING_MS = 8 * 3_600_000;

/**
 * The next times the timer (or due date) falls due if reached now, computed by the server with
 * the engine's own schedule on the district's working calendar: holidays and make-up days count
 * exactly as they will at run time. A value the engine refuses shows its reason instead.
 */
export function SchedulePreviewView({ kind, value, lookups, translate }: PreviewProps) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    if (!lookups) return;
    let alive = true;
    setState({ status: 'loading' });
    // typing a number changes the value per key: ask once it settles
    const timer = setTimeout(() => {
      lookups
        .previewSchedule(kind, value)
        .then((preview) => alive && setState({ status: 'done', preview }))
        .catch(
          (error: unknown) =>
            alive &&
            setState({
              status: 'failed',
              reason: error instanceof Error ? error.message : String(error),
            }),
        );
    }, 300);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [lookups, kind, value]);

  const heading = h(
    'div',
    { class: 'cf-preview-heading' },
    kind === 'dueDate'
      ? translate('Due, if the task opened now (district calendar):')
      : translate('Fires, if reached now (district calendar):'),
  );
  let body;
  if (!lookups || state.status === 'loading') {
    body = h('div', { class: 'cf-panel-note' }, translate('Computing…'));
  } else if (state.status === 'failed') {
    body = h('div', { class: 'cf-preview-error', role: 'alert' }, state.reason);
  } else {
    const { occurrences, total } = state.preview;
    body = [
      h(
        'ol',
        { class: 'cf-preview-list', key: 'list' },
        occurrences.map((occurrence) =>
          h(
            'li',
            { key: occurrence.at },
            h('span', { class: 'cf-preview-date' }, occurrence.localDate),
            ` ${translate(WEEKDAYS[occurrence.weekday])} ${beijingTime(occurrence.at)}`,
            !occurrence.workingDay &&
              h('span', { class: 'cf-preview-off' }, translate('not a working day')),
          ),
        ),
      ),
      total !== 1 &&
        h(
          'div',
          { class: 'cf-panel-note', key: 'total' },
          total === null
            ? translate('Repeats for ever.')
            : translate('{count} times in all.', { count: total }),
        ),
    ];
  }
  return h('div', { class: 'cf-schedule-preview', 'aria-live': 'polite' }, heading, body);
}

function beijingTime(at: string): string {
  return new Date(new Date(at).getTime() + BEIJING_MS).toISOString().slice(11, 16);
}
