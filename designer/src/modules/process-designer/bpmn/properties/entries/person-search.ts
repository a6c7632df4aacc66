import { h } from '@bpmn-io/properties-panel/preact';
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import type { ReferenceLookups, UserOption } from '../../reference-data/reference-data';
import type { BpmnTranslate } from '../../translate';

/** People already looked up by id, for the page's lifetime: chips show names, not ids. */
const known = new Map<string, UserOption>();

export function personLabel(user: UserOption): string {
  return user.unitName ? `${user.name} · ${user.unitName}` : user.name;
}

/**
 * The people the ids name, looked up once (`/directory/users?ids=`, disabled accounts too);
 * undefined for an id until it is known, and for an id nobody has.
 */
export function usePeople(
  lookups: ReferenceLookups | undefined,
  ids: readonly string[],
): Map<string, UserOption> {
  const [, setRevision] = useState(0);
  const missing = ids.filter((id) => !known.has(id));
  const key = missing.join(',');
  useEffect(() => {
    if (!lookups || missing.length === 0) return;
    let alive = true;
    lookups
      .usersByIds(missing)
      .then((users) => {
        for (const user of users) known.set(user.id, user);
        if (alive) setRevision((n) => n + 1);
      })
      .catch(() => undefined); // the chip then shows the id, which is still right
    return () => {
      alive = false;
    };
  }, [lookups, key]); // `key` stands for `missing`: look up again only when the ids change
  return new Map(ids.flatMap((id) => (known.has(id) ? [[id, known.get(id)!]] : [])));
}

interface PersonSearchProps {
  id: string;
  translate: BpmnTranslate;
  lookups: ReferenceLookups | undefined;
  /** Ids not to offer (already chosen). */
  exclude: readonly string[];
  placeholder: string;
  onPick: (user: UserOption) => void;
}

/**
 * Search the district's directory by name as one types; each result shows the person's unit, and
 * a click picks them. At most the server's first page of matches is offered.
 */
export function PersonSearch({
  id,
  translate,
  lookups,
  exclude,
  placeholder,
  onPick,
}: PersonSearchProps) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<UserOption[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!lookups || query.trim() === '') {
      setResults(null);
      return;
    }
    let alive = true;
    const timer = setTimeout(() => {
      lookups
        .searchUsers(query)
        .then((users) => {
          if (!alive) return;
          for (const user of users) known.set(user.id, user);
          setFailed(false);
          setResults(users);
        })
        .catch(() => alive && setFailed(true));
    }, 250);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [lookups, query]);

  const offered = (results ?? []).filter((user) => !exclude.includes(user.id));
  let list = null;
  if (failed) {
    list = h('div', { class: 'cf-panel-note' }, translate('The directory could not be searched.'));
  } else if (results && offered.length === 0) {
    list = h('div', { class: 'cf-panel-note' }, translate('Nobody found.'));
  } else if (results) {
    list = h(
      'ul',
      { class: 'cf-person-results', role: 'listbox', id: `${id}-results` },
      offered.slice(0, 20).map((user) =>
        h(
          'li',
          { key: user.id, role: 'option', 'aria-selected': 'false' },
          h(
            'button',
            {
              type: 'button',
              class: 'cf-person-result',
              onClick: () => {
                onPick(user);
                setQuery('');
              },
            },
            h('span', { class: 'cf-person-name' }, user.name),
            user.unitName && h('span', { class: 'cf-person-unit' }, user.unitName),
          ),
        ),
      ),
    );
  }
  return h(
    'div',
    { class: 'cf-person-search' },
    h('input', {
      id: `bio-properties-panel-${id}`,
      type: 'search',
      class: 'bio-properties-panel-input',
      placeholder,
      'aria-label': placeholder,
      'aria-controls': `${id}-results`,
      autoComplete: 'off',
      value: query,
      onInput: (event: Event) => setQuery((event.target as HTMLInputElement).value),
    }),
    list,
  );
}
