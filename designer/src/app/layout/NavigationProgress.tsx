import { useNavigation } from 'react-router-dom';

/** A thin bar under the header while the next screen's code or data is loading. */
export function NavigationProgress() {
  const { state } = useNavigation();
  if (state === 'idle') return null;
  return <div className="cf-nav-progress" role="progressbar" aria-busy="true" />;
}
