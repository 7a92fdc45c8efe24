// buildTimeline on the real example archive (docs/voorbeeldarchief.md: casus 1 Noor, casus 2 Geertje) as the import
// reads it, and a case table of small synthetic chains.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FindingRow, TimelineLane, TimelineModel } from '../../api/types';
import { buildChain } from '../../domain/chain/build';
import { addDays, addMonths } from '../../domain/dates';
import type { Chain, ChainInput } from '../../domain/chain/model';
import { Scenario } from '../../domain/chain/testing';
import { checkChain, defaultContext } from '../../domain/rules/chain';
import { parseFile } from '../../import/parse-task';
import { messageFindings } from '../check';
import { buildTimeline } from './timeline';

const NOOR = '999994062';
const GEERTJE = '999993653';
const TODAY = '2026-11-28';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
}

/** the files of one casus as the importer reads them (level 1 and level 2 issues included) */
function casus(folder: string): ChainInput[] {
  const inputs: ChainInput[] = [];
  for (const path of walk(join('resources/examples', folder)).sort()) {
    const r = parseFile({ bytes: readFileSync(path), path, maxBytes: 25_000_000, today: TODAY });
    if (r.ok) inputs.push({ id: inputs.length + 1, path, receivedAt: null, record: r.record });
  }
  return inputs;
}
const INPUTS = { noor: casus('casus1-noor'), geertje: casus('casus2-geertje') };

/** the findings the backend stores for a client, as FindingRows with ids */
function findingRows(chain: Chain, today: string): FindingRow[] {
  return [...messageFindings(chain), ...checkChain(chain, defaultContext(today))].map((f, i) => ({
    id: i + 1, bsn: chain.bsn, check: f.check, severity: f.severity, standard: f.standard, retourcode: f.retourcode ?? null, refs: f.refs,
    keys: f.keys, messages: f.messages, title: f.title, detail: f.detail, expected: f.expected ?? null, found: f.found ?? null,
    date: f.date ?? null, gemeente: null, aanbieder: null,
  }));
}

function timeline(who: keyof typeof INPUTS, asOf: string | null = null): { model: TimelineModel; chain: Chain; rows: FindingRow[] } {
  const chain = buildChain(who === 'noor' ? NOOR : GEERTJE, INPUTS[who], { asOf: asOf ?? undefined });
  const rows = findingRows(chain, asOf ?? TODAY);
  return { model: buildTimeline(chain, rows, asOf), chain, rows };
}

const idOf = (who: keyof typeof INPUTS, file: string) => {
  const hit = INPUTS[who].find((i) => i.path.endsWith(file));
  if (!hit) throw new Error(`no file ${file}`);
  return hit.id;
};
const lane = (m: TimelineModel, tnr: string): TimelineLane => {
  const l = m.lanes.find((x) => x.tnr === tnr);
  if (!l) throw new Error(`no lane ${tnr}`);
  return l;
};

describe('buildTimeline: casus 2 Geertje (iWmo)', () => {
  const { model, chain, rows } = timeline('geertje');
  const stop26 = idOf('geertje', '2026-02-26_WMO307_geertje_stop-445566_S8-S10.xml');

  it('has one lane per ToewijzingNummer, by first Ingangsdatum', () => {
    expect(model.standard).toBe('iWmo');
    expect(model.lanes.map((l) => l.tnr)).toEqual(['445566', '445567', '455678']);
    expect(lane(model, '445566')).toMatchObject({ gemeente: '0363', aanbieder: '98980012', categorie: '01', code: '01A06', summary: '1 uur per week · inspanningsgericht' });
    expect(lane(model, '445566').productLabel).toBe('01A06 · 01 – Hulp bij het huishouden');
  });

  it('445566: a superseded v1 and a current v2 "verlengd t/m 28-02-2026"', () => {
    const [v1, v2] = lane(model, '445566').versions;
    expect(lane(model, '445566').versions).toHaveLength(2);
    expect(v1).toMatchObject({ n: 1, current: false, replacedOn: '2025-12-18', rejected: false, deleted: false, ingetrokken: false,
      label: 'v1 · nieuw · 06-10-2025 t/m 30-01-2026', omvang: '1 uur per week' });
    expect(v2).toMatchObject({ n: 2, current: true, replacedOn: null, einddatum: '2026-02-28', label: 'v2 · verlengd t/m 28-02-2026',
      redenWijziging: '12', redenLabel: 'Geinitieerd door de aanbieder' });
    expect(v2.messageId).toBe(idOf('geertje', '2025-12-18_WMO301_geertje_vow-honorering_S9.xml'));
  });

  it('445567: ended per 06-01-2026 (Einddatum shortened), reden with its label', () => {
    const v2 = lane(model, '445567').versions[1];
    expect(v2).toMatchObject({ ingetrokken: true, current: true, label: 'v2 · ingetrokken per 06-01-2026 · 12 – Geinitieerd door de aanbieder' });
  });

  it('regie: the temporary stop (20) is stop-tijdelijk; the 307 of 26-02-2026 (9069) does not count; no valid stop', () => {
    const l = lane(model, '445566');
    expect(l.regie.map((e) => `${e.kind} ${e.date} ${e.counts}`)).toEqual([
      'start 2025-10-06 true', 'stop-tijdelijk 2025-11-02 true', 'start 2025-11-17 true', 'stop 2026-02-25 false',
    ]);
    expect(l.regie[1].label).toBe('tijdelijke stop 20 – Levering is tijdelijk beeindigd · 02-11');
    const bad = l.regie[3];
    expect(bad.messageId).toBe(stop26);
    expect(bad.why).toContain('9069 – Er is geen actueel startbericht');
    expect(bad).toMatchObject({ reden: '31', redenLabel: 'Verhuizing naar een andere gemeente', label: 'stop 31 – Verhuizing naar een andere gemeente · 25-02' });
    expect(l.care).toEqual([{ from: '2025-10-06', to: '2025-11-02', validStop: true }, { from: '2025-11-17', to: null, validStop: false }]);
    expect(l.regieStatus).toEqual({ text: 'regie: geen geldige stop', tone: 'warning' });
  });

  it('regie: 445567 stopped 06-01-2026 with reden 37, 455678 stopped 10-06-2026', () => {
    const l = lane(model, '445567');
    expect(l.regie.at(-1)).toMatchObject({ kind: 'stop', counts: true, reden: '37', label: 'stop 37 – In verband met wijzigingsverzoek · 06-01' });
    expect(l.regieStatus).toEqual({ text: 'regie: gestopt 06-01-2026', tone: 'neutral' });
    expect(lane(model, '455678').regieStatus.text).toBe('regie: gestopt 10-06-2026');
    expect(lane(model, '455678').regie[0].label).toBe('start 07-01');
  });

  it('prestaties: the 9340 prestatie is afgekeurd with 9340; the October resubmissions stack lower', () => {
    const oct = lane(model, '445566').prestaties.filter((p) => p.ppBegin === '2025-10-06');
    expect(oct.map((p) => `${p.referentieNummer} ${p.fate} ${p.retourcodes.join(',')} row ${p.row}`)).toEqual([
      '972715 afgekeurd 0001 row 0', '972716 afgekeurd 9340 row 1', '972731 goedgekeurd  row 2',
    ]);
    expect(oct[1]).toMatchObject({ short: '4 u', bedrag: 16000, debetCredit: 'D', antwoordId: idOf('geertje', '2025-11-13_WMO325_geertje_2025AX6810_S6-antwoord.xml') });
    expect(lane(model, '445566').prestaties.filter((p) => p.ppBegin === '2025-11-01').map((p) => p.row)).toEqual([0]);
  });

  it('prestaties: the credited November begeleiding, its credit one row lower and the correct debet below', () => {
    const nov = lane(model, '445567').prestaties.filter((p) => p.ppBegin === '2025-11-01');
    expect(nov.map((p) => `${p.referentieNummer} ${p.debetCredit} ${p.fate} ${p.bedrag} row ${p.row}`)).toEqual([
      '972733 D gecrediteerd 160000 row 0', '972743 C goedgekeurd -160000 row 1', '972744 D goedgekeurd 80000 row 2',
    ]);
  });

  it('findings: anchored on their marks; OP288 (CHK-S01) is a consequence of the 9069 (CHK-S02)', () => {
    expect(model.findings).toHaveLength(rows.length);
    const s02 = model.findings.find((f) => f.check === 'CHK-S02')!;
    expect(s02).toMatchObject({ retourcode: '9069', tnr: '445566', anchor: { kind: 'regie', messageId: stop26, location: '/Bericht/Client/StopProducten/StopProduct[1]' } });
    const s01 = model.findings.find((f) => f.check === 'CHK-S01')!;
    expect(s01.causeId).toBe(s02.id);
    expect(s01.anchor).toMatchObject({ kind: 'regie', messageId: idOf('geertje', '2025-11-18_WMO305_geertje_herstart-445566-445567.xml') });
    expect(model.findings.find((f) => f.check === 'CHK-G02' && f.retourcode === '9069')!.causeId).toBe(s02.id);
    expect(s02.causeId).toBeUndefined();
    const d04 = model.findings.filter((f) => f.check === 'CHK-D04');
    expect(d04.map((f) => `${f.anchor.kind} ${f.anchor.messageId} ${f.anchor.location}`)).toEqual([
      `prestatie ${idOf('geertje', '2025-11-04_WMO323_geertje_2025AX6792_S6-S7.xml')} /Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]`,
      `prestatie ${idOf('geertje', '2025-11-06_WMO323_geertje_2025AX6810_S6.xml')} /Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]`,
    ]);
    const r06 = model.findings.find((f) => f.check === 'CHK-R06' && f.severity === 'error')!;
    expect(r06).toMatchObject({ tnr: null, anchor: { kind: 'verzoek', messageId: idOf('geertje', '2025-12-15_WMO317_geertje_vow_S9.xml') } });
    const xsd = model.findings.find((f) => f.check === 'XSD')!;
    expect(xsd.anchor).toMatchObject({ kind: 'verzoek', messageId: idOf('geertje', '2025-11-03_WMO317_geertje_stop-445567_S5.xml') });
    expect(lane(model, '445566').findingIds).toEqual(expect.arrayContaining([s01.id, s02.id, ...d04.map((f) => f.id)]));
    expect(lane(model, '455678').findingIds).toEqual([]);
  });

  it('verzoeken: the VOW (◇) answered by the 301 of 18-12-2025 (◆), with the lanes they touched', () => {
    const vow = model.verzoeken.find((v) => v.kind === '317' && v.counts)!;
    const answer = idOf('geertje', '2025-12-18_WMO301_geertje_vow-honorering_S9.xml');
    expect(vow).toMatchObject({ refs: ['972720'], answeredBy: [answer], date: '2025-12-15', tnrs: ['445566', '445567', '455678'] });
    expect(model.verzoeken.find((v) => v.messageId === answer)).toMatchObject({ kind: '301', answers: vow.messageId, refs: ['972720'], counts: true });
    expect(model.verzoeken.map((v) => v.kind)).toEqual(['301', '317', '317', '301']);
    expect(model.verzoeken[1]).toMatchObject({ counts: false, refs: [] }); // the XSD-invalid "WMO317" (S5)
  });

  it('messages in date order with Dutch labels and counts; axis and totals', () => {
    expect(model.messages.map((m) => m.id)).toEqual(chain.messages.map((m) => m.id));
    expect(model.messages.find((m) => m.id === stop26)).toEqual({ id: stop26, type: 'WMO307', date: '2026-02-26', label: 'WMO307 Stop zorg · 26-02-2026', counts: false, namesClient: true });
    // the messages naming her BSN are what the Cliënten grid counts (25); the others joined through their heenbericht
    const named = model.messages.filter((m) => m.namesClient);
    expect(named).toHaveLength(25);
    expect(new Set(model.messages.filter((m) => !m.namesClient).map((m) => m.type.slice(-3)))).toEqual(new Set(['302', '306', '308', '318', '325']));
    expect([model.from, model.to]).toEqual(['2025-10-02', '2026-09-30']);
    const t = model.totals;
    expect(t.ingediend).toBe(t.toegekend + t.afgekeurd + t.inBehandeling);
    expect(t).toMatchObject({ afgekeurd: 16000 + 160000 + 16000, gecrediteerd: 160000, inBehandeling: 0 });
  });
});

describe('buildTimeline: casus 1 Noor (iJw)', () => {
  const { model } = timeline('noor');
  const julyDecl = idOf('noor', '2026-08-03_JW323_noor_2026080002_S3b-juli.xml');

  it('586955 has an ingetrokken version ending 28-07-2026', () => {
    const vs = lane(model, '586955').versions;
    expect(vs.map((v) => `${v.n} ${v.einddatum} ${v.ingetrokken} ${v.current}`)).toEqual(['1 2026-08-14 false false', '2 2026-07-28 true true']);
    expect(vs[1].label).toBe('v2 · ingetrokken per 28-07-2026 · 05 – Herbeoordeling: verkorting toewijzing');
    expect(vs[0].replacedOn).toBe('2026-08-06');
    expect(lane(model, '586955').summary).toBe('1 stuks (output) per maand · outputgericht');
  });

  it('the July prestatie is goedgekeurd and carries the CHK-T06 error on exactly that block', () => {
    const l = lane(model, '586955');
    const july = l.prestaties.find((p) => p.ppBegin === '2026-07-01' && p.ppEind === '2026-07-31')!;
    expect(july).toMatchObject({ fate: 'goedgekeurd', messageId: julyDecl, short: '1 st', antwoordId: idOf('noor', '2026-08-05_JW325_noor_2026080002_S3b-juli-antwoord.xml') });
    const t06 = model.findings.filter((f) => f.check === 'CHK-T06' && f.severity === 'error');
    expect(t06).toHaveLength(1);
    expect(t06[0]).toMatchObject({ tnr: '586955', date: '2026-08-06', anchor: { kind: 'prestatie', messageId: july.messageId, location: july.location } });
    expect(l.findingIds).toContain(t06[0].id);
    // the retroactive-withdrawal warnings sit on the new version
    expect(model.findings.filter((f) => f.check === 'CHK-T06' && f.severity === 'warning').map((f) => f.anchor.kind)).toEqual(['version', 'version']);
  });

  it('the iWmo stop for the iJw toewijzing (S1, 9019) is drawn in lane 586955 and does not count; the JW307 does', () => {
    const l = lane(model, '586955');
    expect(l.regie.map((e) => `${e.kind} ${e.date} ${e.counts}`)).toEqual(['start 2025-10-20 true', 'stop 2026-07-28 false', 'stop 2026-07-28 true']);
    expect(l.regie[1].why).toContain('9019');
    expect(l.regieStatus).toEqual({ text: 'regie: gestopt 28-07-2026', tone: 'neutral' });
    expect(model.lanes.map((x) => x.tnr)).toEqual(['586955', '586956']);
  });

  it('586956: the S2 stop (9069) does not count, the start stays open, and OP288 follows from the 9069', () => {
    const l = lane(model, '586956');
    expect(l.regie.find((e) => e.kind === 'stop')).toMatchObject({ counts: false, date: '2026-08-14' });
    expect(l.regieStatus.text).toBe('regie: geen geldige stop');
    const s02 = model.findings.find((f) => f.check === 'CHK-S02')!;
    expect(model.findings.find((f) => f.check === 'CHK-S01')!.causeId).toBe(s02.id);
  });

  it('the XSD-invalid October declaration (S4) is drawn afgekeurd one row below the valid one', () => {
    const oct = lane(model, '586955').prestaties.filter((p) => p.ppBegin === '2025-10-15');
    expect(oct.map((p) => `${p.fate} ${p.row} ${p.antwoordId === null}`)).toEqual(['goedgekeurd 0 false', 'afgekeurd 1 true']);
    expect(model.findings.find((f) => f.check === 'XSD')!.anchor).toMatchObject({ kind: 'prestatie', messageId: oct[1].messageId });
  });

  it('stand per 15-07-2026: 586955 is not ingetrokken and there is no T06', () => {
    const { model: m } = timeline('noor', '2026-07-15');
    expect(m.asOf).toBe('2026-07-15');
    expect(lane(m, '586955').versions.map((v) => v.ingetrokken)).toEqual([false]);
    expect(lane(m, '586955').versions[0]).toMatchObject({ current: true, replacedOn: null, einddatum: '2026-08-14' });
    expect(m.findings.filter((f) => f.check === 'CHK-T06')).toEqual([]);
    expect(lane(m, '586955').regieStatus.text).toBe('regie: loopt');
    expect(m.messages.every((x) => x.date! <= '2026-07-15')).toBe(true);
    expect(m.to).toBe('2026-08-14');
  });
});

describe('buildTimeline: synthetic cases', () => {
  const build = (s: Scenario, asOf: string | null = null) => buildTimeline(s.chain(asOf ? { asOf } : {}), [], asOf);

  it('a deleted version (RedenWijziging 13) stays visible, marked deleted and current', () => {
    const s = new Scenario();
    s.t301('2026-01-05', [{ tnr: '100001', van: '2026-01-05', tot: '2026-06-30' }]);
    s.t301('2026-01-20', [{ tnr: '100001', van: '2026-01-05', tot: '2026-01-05', reden: '13' }]);
    const l = build(s).lanes[0];
    expect(l.versions.map((v) => `${v.n} ${v.deleted} ${v.current} ${v.replacedOn}`)).toEqual(['1 false false 2026-01-20', '2 true true null']);
    expect(l.versions[1].label).toBe('v2 · verwijderd (13 – Verwijderd) op 20-01-2026');
    expect(l.versions[1].ingetrokken).toBe(false);
    expect(l.summary).toBe('verwijderd (13) op 20-01-2026');
  });

  it('a rejected 301 is shown as a rejected version (n 0) that never becomes current', () => {
    const s = new Scenario();
    s.t301('2026-01-05', [{ tnr: '100001', van: '2026-01-05', tot: '2026-06-30' }]);
    const bad = s.t301('2026-02-02', [{ tnr: '100001', van: '2026-01-05', tot: '2026-12-31' }], { retour: ['0001'] });
    const m = build(s);
    const vs = m.lanes[0].versions;
    expect(vs.map((v) => `${v.n} ${v.rejected} ${v.current}`)).toEqual(['1 false true', '0 true false']);
    expect(vs[0].replacedOn).toBeNull();
    expect(vs[1].label).toBe('niet geaccepteerd (retour 0001 – Bericht is afgekeurd om technische redenen) · 05-01-2026 t/m 31-12-2026');
    expect(m.messages.find((x) => x.id === bad.id)!.counts).toBe(false);
    expect(m.verzoeken.find((v) => v.messageId === bad.id)).toMatchObject({ kind: '301', counts: false });
  });

  it('a start removed with StatusAanlevering 3: neither class counts, no care, "regie: geen start"', () => {
    const s = new Scenario();
    s.t301('2026-01-05', [{ tnr: '100001', van: '2026-01-05', tot: '2026-06-30' }]);
    const start = s.start('2026-01-06', '100001', '2026-01-05');
    s.start('2026-01-08', '100001', '2026-01-05', { status: '3' });
    const m = build(s);
    const l = m.lanes[0];
    expect(l.regie.map((e) => `${e.kind} ${e.counts}`)).toEqual(['start false', 'start false']);
    expect(l.regie[0].why).toContain('verwijderd');
    expect(l.regie[1].why).toContain('StatusAanlevering 3 – Verwijderen aanlevering');
    expect(l.regie.map((e) => e.label)).toEqual(['start 05-01', 'verwijdering start 05-01']);
    expect(l.care).toEqual([]);
    expect(l.regieStatus.text).toBe('regie: geen start');
    expect(m.messages.find((x) => x.id === start.id)!.counts).toBe(false);
  });

  it('a temporary stop (20) and a restart in iJw; a stop that does not count leaves care open', () => {
    const s = new Scenario();
    s.t301('2026-01-05', [{ tnr: '100001', van: '2026-01-05', tot: '2026-12-31' }]);
    s.start('2026-01-06', '100001', '2026-01-05');
    s.stop('2026-02-02', '100001', '2026-01-05', '2026-01-31', '20');
    s.start('2026-03-02', '100001', '2026-03-01');
    s.stop('2026-04-01', '100001', '2026-01-05', '2026-03-31', '31', { retour: ['9069'] });
    const l = build(s).lanes[0];
    expect(l.regie.map((e) => `${e.kind} ${e.counts}`)).toEqual(['start true', 'stop-tijdelijk true', 'start true', 'stop false']);
    expect(l.care).toEqual([{ from: '2026-01-05', to: '2026-01-31', validStop: true }, { from: '2026-03-01', to: null, validStop: false }]);
    expect(l.regieStatus).toEqual({ text: 'regie: loopt', tone: 'ok' });
    expect(l.regie[3].label).toBe('stop 31 – Levering is volgens plan beeindigd · 31-03');
  });

  it('a credit stacks one row lower; the credited debet is gecrediteerd; totals in eurocents', () => {
    const s = new Scenario();
    s.t301('2026-01-05', [{ tnr: '100001', van: '2026-01-05', tot: '2026-12-31' }]);
    const d1 = s.declaratie('2026-02-03', 'D1', ['2026-01-01', '2026-01-31'], [{ ref: 'R1', tnr: '100001', van: '2026-01-05', tot: '2026-01-31', volume: 4, tarief: 4000 }]);
    s.antwoord325('2026-02-10', d1);
    const d2 = s.declaratie('2026-03-03', 'D2', ['2026-02-01', '2026-02-28'], [
      { ref: 'R2', vorig: 'R1', tnr: '100001', van: '2026-01-05', tot: '2026-01-31', volume: 4, tarief: 4000, dc: 'C' },
      { ref: 'R3', tnr: '100001', van: '2026-01-05', tot: '2026-01-31', volume: 3, tarief: 4000 },
      { ref: 'R4', tnr: '100001', van: '2026-02-01', tot: '2026-02-28', volume: 4, tarief: 4000 },
    ]);
    s.antwoord325('2026-03-10', d2);
    const m = build(s);
    expect(m.lanes[0].prestaties.map((p) => `${p.referentieNummer} ${p.fate} ${p.debetCredit} ${p.bedrag} ${p.row}`)).toEqual([
      'R1 gecrediteerd D 16000 0', 'R2 goedgekeurd C -16000 1', 'R3 goedgekeurd D 12000 2', 'R4 goedgekeurd D 16000 0',
    ]);
    expect(m.totals).toEqual({ ingediend: 28000, toegekend: 28000, afgekeurd: 0, inBehandeling: 0, gecrediteerd: 16000 });
  });

  it('a prestatie without a 325 is in behandeling', () => {
    const s = new Scenario();
    s.t301('2026-01-05', [{ tnr: '100001', van: '2026-01-05', tot: '2026-12-31' }]);
    s.declaratie('2026-02-03', 'D1', ['2026-01-01', '2026-01-31'], [{ ref: 'R1', tnr: '100001', van: '2026-01-05', tot: '2026-01-31', volume: 120, eenheid: '01', tarief: 70 }]);
    const m = build(s);
    expect(m.lanes[0].prestaties[0]).toMatchObject({ fate: 'in-behandeling', antwoordId: null, retourcodes: [], short: '120 min', row: 0 });
    expect(m.totals).toMatchObject({ ingediend: 8400, inBehandeling: 8400, toegekend: 0 });
  });

  it('a prestatie for a ToewijzingNummer without a toewijzing gets a lane of its own, and a client-level finding anchors on the client', () => {
    const s = new Scenario();
    s.declaratie('2026-02-03', 'D1', ['2026-01-01', '2026-01-31'], [{ ref: 'R1', tnr: '999999', van: '2026-01-05', tot: '2026-01-31' }]);
    const chain = s.chain();
    const f: FindingRow = {
      id: 7, bsn: chain.bsn, check: 'CHK-X', severity: 'info', standard: 'iJw', retourcode: null, refs: [], keys: {}, messages: [], title: 't',
      detail: 'd', expected: null, found: null, date: null, gemeente: null, aanbieder: null,
    };
    const m = buildTimeline(chain, [f], null);
    expect(m.lanes.map((l) => `${l.tnr} ${l.versions.length} ${l.summary}`)).toEqual(['999999 0 geen toewijzing in het archief']);
    expect(m.findings[0]).toMatchObject({ anchor: { kind: 'client', messageId: null }, tnr: null });
  });

  it('builds a client with 200 messages, every finding on its prestatie (speed: npm run bench:ui)', () => {
    const s = new Scenario();
    s.t301('2020-01-06', [{ tnr: '100001', van: '2020-01-06' }, { tnr: '100002', van: '2020-01-06' }]);
    s.start('2020-01-07', '100001', '2020-01-06');
    s.start('2020-01-07', '100002', '2020-01-06');
    for (let i = 0; i < 48; i++) {
      const first = addMonths('2020-01-01', i);
      const next = addMonths(first, 1);
      const end = addDays(first, 27);
      const d = s.declaratie(addDays(next, 2), `D${i}`, [first, end], [
        { ref: `A${i}`, tnr: '100001', van: first, tot: end }, { ref: `B${i}`, tnr: '100002', van: first, tot: end },
      ]);
      s.antwoord325(addDays(next, 9), d, i % 7 === 0 ? { [`A${i}`]: '9340' } : {});
    }
    const chain = s.chain();
    expect(chain.messages.length).toBeGreaterThanOrEqual(100);
    const more = [...chain.messages, ...chain.messages.map((m) => ({ ...m, id: m.id + 1000 }))];
    const big = { ...chain, messages: more.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')) };
    const rows: FindingRow[] = chain.declaraties.flatMap((d) => d.prestaties).map((p, i) => ({
      id: i + 1, bsn: chain.bsn, check: 'CHK-D07', severity: 'warning', standard: 'iJw', retourcode: null, refs: [], title: 't', detail: 'd',
      keys: { ToewijzingNummer: p.tnr!, ReferentieNummer: p.referentieNummer! }, expected: null, found: null, date: null, gemeente: null, aanbieder: null,
      messages: [{ id: p.declaratie.message.id, file: '', type: '323', identificatie: null, location: `${p.location}/GeleverdVolume` }],
    }));
    expect(big.messages.length).toBeGreaterThanOrEqual(200);
    const m = buildTimeline(big, rows, null);
    expect(m.findings).toHaveLength(rows.length);
    expect(m.findings.every((f) => f.anchor.kind === 'prestatie')).toBe(true);
    expect(m.lanes.map((l) => [l.tnr, l.prestaties.length])).toEqual([['100001', 48], ['100002', 48]]);
  });
});
