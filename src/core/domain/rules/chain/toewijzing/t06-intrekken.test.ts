import { describe, expect, it } from 'vitest';
import { Scenario, type Tp } from '../../../chain/testing';
import { defaultContext } from '../index';
import { CHK_T06 } from './t06-intrekken';

const ctx = defaultContext('2026-11-28');
// seed casus 1: 586955 (45A02) toegewezen 15-10-2025 t/m 14-08-2026
const T: Tp = { tnr: '586955', datum: '2025-10-15', tijd: '09:30:00', van: '2025-10-15', tot: '2026-08-14', volume: 1, eenheid: '82', frequentie: '4' };
const IN = (tot: string, datum = '2026-08-06'): Tp => ({ ...T, datum, tijd: '10:12:00', tot, reden: '05' });
const JULI = { ref: '9001', tnr: '586955', van: '2026-07-01', tot: '2026-07-31', volume: 1, eenheid: '82', tarief: 21200 };
const juli = (s: Scenario, date = '2026-08-03') => s.declaratie(date, 'D7', ['2026-07-01', '2026-07-31'], [JULI]);

const brief = (s: Scenario) => CHK_T06.run(s.chain(), ctx).map((f) => `${f.severity} ${f.refs[0]}${f.messages[1]?.type === '307' ? ' stop' : ''}`).sort();

describe('CHK-T06: intrekking into the past and loss of rechtmatigheid (OP186, UP031)', () => {
  it.each<[string, (s: Scenario) => void, string[]]>([
    ['extension (oprekken) is no intrekking', (s) => { s.t301('2026-06-01', [{ ...IN('2026-12-31', '2026-06-01'), reden: '04' }]); }, []],
    ['intrekking to a future date, nothing declared after it', (s) => { s.t301('2026-06-01', [IN('2026-06-30', '2026-06-01')]); }, []],
    ['retroactive intrekking (Einddatum before the Toewijzingsdatum)', (s) => { s.t301('2026-08-06', [IN('2026-07-28')]); }, ['warning OP186']],
    ['seed S3b: the July prestatie was declared and approved before the intrekking to 28-07-2026', (s) => {
      s.antwoord325('2026-08-05', juli(s));
      s.t301('2026-08-06', [IN('2026-07-28')]);
    }, ['error UP031', 'warning OP186']],
    ['… still pending (no 325 yet): still live', (s) => {
      juli(s);
      s.t301('2026-08-06', [IN('2026-07-28')]);
    }, ['error UP031', 'warning OP186']],
    ['… rejected by the 325: not live', (s) => {
      s.antwoord325('2026-08-05', juli(s), { 9001: '9321' });
      s.t301('2026-08-06', [IN('2026-07-28')]);
    }, ['warning OP186']],
    ['… already credited: not live', (s) => {
      s.antwoord325('2026-08-05', juli(s));
      s.declaratie('2026-08-05', 'D8', ['2026-07-01', '2026-07-31'], [{ ...JULI, ref: '9002', vorig: '9001', dc: 'C' }]);
      s.t301('2026-08-06', [IN('2026-07-28')]);
    }, ['warning OP186']],
    ['… declared after the intrekking: CHK-D03 (9308/9388), not T06', (s) => {
      s.t301('2026-08-06', [IN('2026-07-28')]);
      s.antwoord325('2026-08-12', juli(s, '2026-08-10'));
    }, ['warning OP186']],
    ['… declared on the day of the intrekking: D03 already judges against the new end', (s) => {
      s.t301('2026-08-06', [IN('2026-07-28')]);
      juli(s, '2026-08-06');
    }, ['warning OP186']],
    ['… already outside the toewijzing when declared (D03 reported it then)', (s) => {
      s.t301('2026-07-01', [IN('2026-07-20', '2026-07-01')]);
      juli(s);
      s.t301('2026-08-06', [IN('2026-07-10')]);
    }, ['warning OP186']],
    ['a prestatie within the new Einddatum', (s) => {
      s.antwoord325('2026-08-05', s.declaratie('2026-08-03', 'D7', ['2026-07-01', '2026-07-31'], [{ ...JULI, tot: '2026-07-20' }]));
      s.t301('2026-08-06', [IN('2026-07-28')]);
    }, ['warning OP186']],
    ['seed S3b: the intrekking equals the Einddatum of the definitive stop (reden 31) sent before it', (s) => {
      s.stop('2026-07-30', '586955', '2025-10-20', '2026-07-28', '31');
      s.t301('2026-08-06', [IN('2026-07-28')]);
    }, ['warning OP186', 'warning OP186 stop']],
    ['… a temporary stop (20) does not count', (s) => {
      s.stop('2026-07-30', '586955', '2025-10-20', '2026-07-28', '20');
      s.t301('2026-08-06', [IN('2026-07-28')]);
    }, ['warning OP186']],
    ['… a stop sent after the intrekking does not count', (s) => {
      s.t301('2026-07-20', [IN('2026-07-28', '2026-07-20')]);
      s.stop('2026-07-30', '586955', '2025-10-20', '2026-07-28', '31');
    }, []],
    ['… a stop rejected by its retour does not count', (s) => {
      s.stop('2026-07-30', '586955', '2025-10-20', '2026-07-28', '31', { retour: ['9069'] });
      s.t301('2026-08-06', [IN('2026-07-28')]);
    }, ['warning OP186']],
    ['a deletion (13) is CHK-T05, not an intrekking', (s) => {
      s.antwoord325('2026-08-05', juli(s));
      s.t301('2026-08-06', [{ ...T, datum: '2026-08-06', tot: T.van, reden: '13' }]);
    }, []],
  ])('%s', (_name, build, expected) => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [T]);
    build(s);
    expect(brief(s)).toEqual(expected);
  });

  it('an open-ended toewijzing that gets an Einddatum is ingetrokken too', () => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [{ ...T, tot: undefined }]);
    s.antwoord325('2026-08-05', juli(s));
    s.t301('2026-08-06', [IN('2026-07-28')]);
    expect(brief(s)).toEqual(['error UP031', 'warning OP186']);
  });

  it('a prestatie cut by two intrekkingen is reported once, at the first that puts it outside', () => {
    const s = new Scenario('iJw');
    s.t301('2025-10-15', [T]);
    s.antwoord325('2026-08-05', juli(s));
    s.t301('2026-08-06', [{ ...IN('2026-07-28'), tijd: '10:00:00' }]);
    s.t301('2026-08-07', [{ ...IN('2026-07-20', '2026-08-07') }]);
    const f = CHK_T06.run(s.chain(), ctx).filter((x) => x.severity === 'error');
    expect(f.map((x) => x.date)).toEqual(['2026-08-06']);
  });
});
