/**
 * The shared inbox on the dashboard: cases per owner at the end of the range, what changed hands
 * within it (claims, hand-ons and assignments, reassignments) and the conflicting claims that
 * were settled, with the open cases nobody owns. Figures from utils/metrics/ownership-figures.ts.
 */
import type { OwnershipFigures } from '../../utils/metrics/ownership-figures';
import { FigureValue } from './figure-value';
import { agentLabel, formatCount } from './format-figure';

export function OwnershipTable({ figures, names }: { figures: OwnershipFigures; names: Record<string, string> }) {
  return (
    <>
      <p data-testid="ownership-summary">
        Reassignments: <FigureValue metric="ownership.reassignments" value={figures.reassignments} text={formatCount(figures.reassignments)} />. Conflicting claims settled:{' '}
        <FigureValue metric="ownership.conflicts" value={figures.conflicts} text={formatCount(figures.conflicts)} />.
        {figures.unassigned !== null && (
          <>
            {' '}
            Open cases without an owner: <FigureValue metric="ownership.unassigned" value={figures.unassigned} text={formatCount(figures.unassigned)} />.
          </>
        )}
      </p>
      {figures.owners.length === 0 ? (
        <p>Nobody has claimed or been given a case in this range.</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="owner-table-caption">
          <table class="figures-table" data-testid="owner-table">
            <caption id="owner-table-caption">Cases per owner (owned at the end of the range; the other columns count changes within it)</caption>
            <thead>
              <tr>
                <th scope="col">Owner</th>
                <th scope="col">Cases owned</th>
                <th scope="col">Claimed</th>
                <th scope="col">Handed on or assigned to them</th>
                <th scope="col">Passed to someone else</th>
              </tr>
            </thead>
            <tbody>
              {figures.owners.map((o) => (
                <tr key={o.owner}>
                  <th scope="row" title={o.owner}>{agentLabel(o.owner, names)}</th>
                  <td><FigureValue metric={`owner:${o.owner}.owned`} value={o.owned} text={formatCount(o.owned)} /></td>
                  <td><FigureValue metric={`owner:${o.owner}.claimed`} value={o.claimed} text={formatCount(o.claimed)} /></td>
                  <td><FigureValue metric={`owner:${o.owner}.received`} value={o.received} text={formatCount(o.received)} /></td>
                  <td><FigureValue metric={`owner:${o.owner}.handedAway`} value={o.handedAway} text={formatCount(o.handedAway)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
