/** The team's headline figures, as a description list per theme (every value given, none computed). */
import type { Figures } from '../../utils/metrics/dashboard';
import { FigureValue } from './figure-value';
import { categoryLabel, formatCount, formatCsat, formatMinutes, formatNps, formatShare, targetLabel } from './format-figure';

function Item({ term, children }: { term: string; children: preact.ComponentChildren }) {
  return (
    <div class="figure">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function HeadlineFigures({ figures, scope = 'team' }: { figures: Figures; scope?: string }) {
  const m = (name: string) => `${scope}.${name}`;
  return (
    <div class="headline-grid">
      <section class="card" aria-labelledby="fig-time">
        <h3 id="fig-time">Response and resolution (business time)</h3>
        <dl>
          <Item term="First response, median">
            <FigureValue metric={m('firstResponse.median')} value={figures.firstResponse.median} text={formatMinutes(figures.firstResponse.median)} />
          </Item>
          <Item term="First response, 90th percentile">
            <FigureValue metric={m('firstResponse.p90')} value={figures.firstResponse.p90} text={formatMinutes(figures.firstResponse.p90)} />
          </Item>
          <Item term="Resolution, median">
            <FigureValue metric={m('resolution.median')} value={figures.resolution.median} text={formatMinutes(figures.resolution.median)} />
          </Item>
          <Item term="Resolution, 90th percentile">
            <FigureValue metric={m('resolution.p90')} value={figures.resolution.p90} text={formatMinutes(figures.resolution.p90)} />
          </Item>
        </dl>
        <p class="note">
          From <FigureValue metric={m('firstResponse.count')} value={figures.firstResponse.count} text={formatCount(figures.firstResponse.count)} /> first
          responses and <FigureValue metric={m('resolution.count')} value={figures.resolution.count} text={formatCount(figures.resolution.count)} /> resolutions.
        </p>
      </section>

      <section class="card" aria-labelledby="fig-sla">
        <h3 id="fig-sla">SLA compliance per target</h3>
        {figures.sla.length === 0 ? (
          <p class="note">No SLA target applies to these cases yet.</p>
        ) : (
          <dl>
            {figures.sla.map((s) => (
              <Item key={s.target} term={targetLabel(s.target)}>
                <FigureValue metric={m(`sla.${s.target}.compliance`)} value={s.compliance} text={formatShare(s.compliance)} />{' '}
                <span class="detail">
                  (<FigureValue metric={m(`sla.${s.target}.met`)} value={s.met} text={formatCount(s.met)} /> met,{' '}
                  <FigureValue metric={m(`sla.${s.target}.breached`)} value={s.breached} text={formatCount(s.breached)} /> breached,{' '}
                  <FigureValue metric={m(`sla.${s.target}.pending`)} value={s.pending} text={formatCount(s.pending)} /> pending)
                </span>
              </Item>
            ))}
          </dl>
        )}
      </section>

      <section class="card" aria-labelledby="fig-outcomes">
        <h3 id="fig-outcomes">Outcomes</h3>
        <dl>
          <Item term="Complaints resolved to the customer’s satisfaction">
            <FigureValue metric={m('complaintResolution.rate')} value={figures.complaintResolution.rate} text={formatShare(figures.complaintResolution.rate)} />{' '}
            <span class="detail">
              (<FigureValue metric={m('complaintResolution.resolvedToSatisfaction')} value={figures.complaintResolution.resolvedToSatisfaction} text={formatCount(figures.complaintResolution.resolvedToSatisfaction)} /> of{' '}
              <FigureValue metric={m('complaintResolution.resolvedOrClosed')} value={figures.complaintResolution.resolvedOrClosed} text={formatCount(figures.complaintResolution.resolvedOrClosed)} />)
            </span>
          </Item>
          <Item term="Satisfaction (CSAT), average">
            <FigureValue metric={m('csat.average')} value={figures.csat.average} text={formatCsat(figures.csat.average)} />{' '}
            <span class="detail">
              (<FigureValue metric={m('csat.responses')} value={figures.csat.responses} text={formatCount(figures.csat.responses)} /> answers)
            </span>
          </Item>
          <Item term="Net promoter score">
            <FigureValue metric={m('nps.score')} value={figures.nps.score} text={formatNps(figures.nps.score)} />{' '}
            <span class="detail">
              (<FigureValue metric={m('nps.responses')} value={figures.nps.responses} text={formatCount(figures.nps.responses)} /> answers)
            </span>
          </Item>
        </dl>
      </section>

      <section class="card" aria-labelledby="fig-volume">
        <h3 id="fig-volume">Volume and workload</h3>
        <dl>
          <Item term="Cases received">
            <FigureValue metric={m('cases')} value={figures.cases} text={formatCount(figures.cases)} />
          </Item>
          {Object.entries(figures.volumeByCategory).map(([category, n]) => (
            <Item key={category} term={categoryLabel(category)}>
              <FigureValue metric={m(`volume.${category}`)} value={n} text={formatCount(n)} />
            </Item>
          ))}
          <Item term="Backlog (open at the end of the range)">
            <FigureValue metric={m('backlog')} value={figures.backlog} text={formatCount(figures.backlog)} />
          </Item>
          <Item term="SLA breaches">
            <FigureValue metric={m('breaches')} value={figures.breaches} text={formatCount(figures.breaches)} />
          </Item>
        </dl>
      </section>
    </div>
  );
}
