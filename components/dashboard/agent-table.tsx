/** Every figure per agent, one row each, with the team as the table's last row. */
import type { DashboardFigures, Figures } from '../../utils/metrics/dashboard';
import { FigureValue } from './figure-value';
import { agentLabel, categoryLabel, formatCount, formatCsat, formatMinutes, formatNps, formatShare, targetLabel } from './format-figure';

function Row({ scope, label, title, f, targets, categories, isTeam }: { scope: string; label: string; title?: string; f: Figures; targets: string[]; categories: string[]; isTeam?: boolean }) {
  const m = (name: string) => `${scope}.${name}`;
  const sla = new Map(f.sla.map((s) => [s.target, s]));
  return (
    <tr class={isTeam ? 'team-row' : undefined}>
      <th scope="row" title={title}>
        {label}
      </th>
      <td><FigureValue metric={m('cases')} value={f.cases} text={formatCount(f.cases)} /></td>
      {categories.map((c) => {
        const n = f.volumeByCategory[c as keyof Figures['volumeByCategory']];
        return (
          <td key={c}><FigureValue metric={m(`volume.${c}`)} value={n} text={formatCount(n)} /></td>
        );
      })}
      <td><FigureValue metric={m('firstResponse.median')} value={f.firstResponse.median} text={formatMinutes(f.firstResponse.median)} /></td>
      <td><FigureValue metric={m('firstResponse.p90')} value={f.firstResponse.p90} text={formatMinutes(f.firstResponse.p90)} /></td>
      <td><FigureValue metric={m('resolution.median')} value={f.resolution.median} text={formatMinutes(f.resolution.median)} /></td>
      <td><FigureValue metric={m('resolution.p90')} value={f.resolution.p90} text={formatMinutes(f.resolution.p90)} /></td>
      {targets.map((t) => {
        const s = sla.get(t);
        const share = s ? s.compliance : null;
        return (
          <td key={t}><FigureValue metric={m(`sla.${t}.compliance`)} value={share} text={formatShare(share)} /></td>
        );
      })}
      <td><FigureValue metric={m('complaintResolution.rate')} value={f.complaintResolution.rate} text={formatShare(f.complaintResolution.rate)} /></td>
      <td><FigureValue metric={m('csat.average')} value={f.csat.average} text={formatCsat(f.csat.average)} /></td>
      <td><FigureValue metric={m('nps.score')} value={f.nps.score} text={formatNps(f.nps.score)} /></td>
      <td><FigureValue metric={m('backlog')} value={f.backlog} text={formatCount(f.backlog)} /></td>
      <td><FigureValue metric={m('breaches')} value={f.breaches} text={formatCount(f.breaches)} /></td>
    </tr>
  );
}

export function AgentTable({ figures, agentNames }: { figures: DashboardFigures; agentNames: Record<string, string> }) {
  const targets = figures.team.sla.map((s) => s.target);
  const categories = Object.keys(figures.team.volumeByCategory);
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="agent-table-caption">
      <table class="figures-table" data-testid="agent-table">
        <caption id="agent-table-caption">
          Figures per agent (times in business hours; SLA columns show the share of decided targets met)
        </caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Cases</th>
            {categories.map((c) => (
              <th scope="col" key={c}>{categoryLabel(c)}</th>
            ))}
            <th scope="col">First response, median</th>
            <th scope="col">First response, p90</th>
            <th scope="col">Resolution, median</th>
            <th scope="col">Resolution, p90</th>
            {targets.map((t) => (
              <th scope="col" key={t}>SLA: {targetLabel(t)}</th>
            ))}
            <th scope="col">Complaints resolved to satisfaction</th>
            <th scope="col">CSAT</th>
            <th scope="col">NPS</th>
            <th scope="col">Backlog</th>
            <th scope="col">Breaches</th>
          </tr>
        </thead>
        <tbody>
          {figures.byAgent.map((a) => (
            <Row key={a.agentId} scope={`agent:${a.agentId}`} label={agentLabel(a.agentId, agentNames)} title={a.agentId} f={a.figures} targets={targets} categories={categories} />
          ))}
        </tbody>
        <tfoot>
          <Row scope="table-team" label="Whole team" f={figures.team} targets={targets} categories={categories} isTeam />
        </tfoot>
      </table>
    </div>
  );
}
