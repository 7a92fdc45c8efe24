// The card over a mark: message type as code and name, key fields with code and label,
// Dagtekening with the delay in working days, the outcome; pinned (with links) for the selected mark.
import type { ReactNode } from 'react';
import type { TimelineFinding, TimelineMessage, TimelineModel } from '../../core/api/types';
import { codeLabel } from '../../core/domain/codelists';
import { defaultWorkdayCalendar, formatDutchDate } from '../../core/domain/dates';
import { formatEuro } from '../../core/domain/money';
import { findingMessageHref } from '../evidence/links';
import { href } from '../router';
import type { Mark } from './layout';
import { codeText, FATE, foundExpected, messageName, prestatieCode, REGIE_KIND, VERZOEK_KIND } from './words';

const d = (x: string | null | undefined) => (x ? formatDutchDate(x) : '—');

function delay(event: string | null, sent: string | null | undefined): string {
  if (!event || !sent) return '';
  const n = defaultWorkdayCalendar.workdaysBetween(event, sent);
  return n > 0 ? ` (${n} ${n === 1 ? 'werkdag' : 'werkdagen'})` : '';
}

export function markTitle(m: Mark, msg: TimelineMessage | undefined): string {
  const type = msg?.type ?? '';
  const name = m.kind === 'regie' ? REGIE_KIND[m.regie.kind] : m.kind === 'version' ? `Toewijzing v${m.version.n}` : m.kind === 'prestatie' ? 'Prestatie' : messageName(type);
  return type ? `${name} · ${type}` : name;
}

/** the message of a mark at its element; with the finding selected there when the mark carries one (the selected one first) */
export function markHref(m: Mark, selected?: number | null): string {
  const id = selected !== null && selected !== undefined && m.findingIds.includes(selected) ? selected : m.findingIds[0];
  return id !== undefined ? findingMessageHref(id, { id: m.messageId, location: m.location }) : href('bericht', m.messageId, { loc: m.location });
}

export function HoverCard({ mark, model, messages, findings, selected, pinned, style, onClose }: {
  mark: Mark; model: TimelineModel; messages: Map<number, TimelineMessage>; findings: TimelineFinding[]; selected: number | null; pinned: boolean;
  style: React.CSSProperties; onClose: () => void;
}) {
  const std = model.standard;
  const msg = messages.get(mark.messageId);
  const lane = 'tnr' in mark ? model.lanes.find((l) => l.tnr === mark.tnr) : undefined;
  const rows: [string, ReactNode][] = [];
  let sub = lane ? `${lane.tnr} · ${lane.productLabel}` : '';
  if (mark.kind === 'version') {
    const v = mark.version;
    rows.push(['Ingangsdatum', d(v.ingangsdatum)], ['Einddatum', v.einddatum ? d(v.einddatum) : 'geen (open einde)']);
    if (v.omvang) rows.push(['Omvang', v.omvang]);
    if (v.redenWijziging) rows.push(['Reden wijziging', codeText(std, 'LDT_RedenWijziging', v.redenWijziging, v.redenLabel)]);
    rows.push(['Toewijzings­datum', d(v.toewijzingsdatum)]);
    const status = v.rejected ? 'afgekeurd (telt niet)' : v.deleted ? 'verwijderd (13)' : v.current ? (v.ingetrokken ? 'huidig, ingetrokken' : 'huidig') : v.replacedOn ? `vervangen op ${d(v.replacedOn)}` : 'vervangen';
    rows.push(['Status', status]);
  } else if (mark.kind === 'regie') {
    const r = mark.regie;
    rows.push([r.kind === 'start' ? 'Begindatum' : 'Einddatum', d(r.date)]);
    if (r.reden) rows.push(['Reden', codeText(std, 'LDT_RedenBeeindiging', r.reden, r.redenLabel)]);
    rows.push(['Dagtekening', `${d(msg?.date)}${delay(r.date, msg?.date)}`]);
    rows.push(['In de keten', r.counts ? 'telt mee' : <span className="warn">telt niet{r.why ? `: ${r.why}` : ''}</span>]);
  } else if (mark.kind === 'prestatie') {
    const p = mark.prestatie;
    rows.push(['Referentie', p.referentieNummer ?? '—'], ['Productperiode', `${d(p.ppBegin)} t/m ${d(p.ppEind)}`]);
    if (p.volume !== null) rows.push(['Volume', `${p.volume}${p.eenheid ? ` × ${codeText(std, 'LDT_Eenheid', p.eenheid)}` : ''}`]);
    if (p.bedrag !== null) rows.push(['Bedrag', `${formatEuro(p.bedrag)}${p.debetCredit === 'C' ? ' (credit)' : ''}`]);
    rows.push(['Uitkomst 325', (
      <>
        {FATE[p.fate].glyph} {FATE[p.fate].word}{p.fate === 'in-behandeling' ? ' (nog geen 325)' : ''}
        {p.retourcodes.map((c) => <div key={c}>{c} – {codeLabel(std, 'LDT_RetourCode', c) ?? 'onbekende code'}</div>)}
        {prestatieCode(p, msg?.counts) === 'XSD' && <div>geen 325: de declaratie wijkt af van het XSD en telt als niet verzonden</div>}
      </>
    )]);
    rows.push(['Declaratie', `${d(msg?.date)}`]);
  } else {
    const q = mark.verzoek;
    sub = VERZOEK_KIND[q.kind] + (q.refs.length ? ` · ref ${q.refs.join(', ')}` : '');
    rows.push(['Dagtekening', d(q.date)]);
    const other = (id: number) => { const m = messages.get(id); return m ? `${m.type} van ${d(m.date)}` : `bericht ${id}`; };
    if (q.answeredBy.length) rows.push(['Beantwoord', q.answeredBy.map(other).join(', ')]);
    else if (q.kind === '315' || q.kind === '317') rows.push(['Beantwoord', 'nog niet']);
    if (q.answers !== null) rows.push(['Antwoord op', other(q.answers)]);
    if (q.tnrs.length) rows.push(['Toewijzingen', q.tnrs.join(', ')]);
    if (!q.counts) rows.push(['In de keten', <span className="warn">telt niet</span>]);
  }
  return (
    <div className="tl-card" style={{ ...style, pointerEvents: pinned ? 'auto' : 'none' }} role={pinned ? 'dialog' : 'tooltip'} aria-label={markTitle(mark, msg)} data-testid="hover-card">
      {pinned && <button type="button" className="close" onClick={onClose} aria-label="sluiten (Esc)" title="sluiten (Esc)">×</button>}
      <h3>{markTitle(mark, msg)}</h3>
      {sub && <div className="sub">{sub}</div>}
      <dl>{rows.map(([k, v]) => <FragmentRow key={k} k={k} v={v} />)}</dl>
      {findings.length > 0 && (
        <div style={{ marginTop: 6 }}>
          {findings.map((f) => (
            <div key={f.id} className={f.severity === 'error' ? 'warn' : ''}>
              <b>{f.check}{f.retourcode ? ` · ${f.retourcode}` : ''}</b> {f.title}
              {foundExpected(f) && <div className="fe">{foundExpected(f)}</div>}
            </div>
          ))}
        </div>
      )}
      <div className="foot">
        {pinned ? <><a href={markHref(mark, selected)} data-testid="card-message-link">bekijk bericht ›</a> · dubbelklik of Enter: bericht openen</> : 'klik: selecteren · dubbelklik: bericht openen'}
      </div>
    </div>
  );
}

function FragmentRow({ k, v }: { k: string; v: ReactNode }) {
  return <><dt>{k}</dt><dd>{v}</dd></>;
}
