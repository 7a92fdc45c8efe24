// The legend under the Tijdlijn, as in the mock: Toewijzing, Regie, Prestatie (+ Bevinding, standdatum).
import type { ReactNode } from 'react';
import { C, Defs, FATE_STYLE, RegieGlyph, SeverityIcon, VerzoekGlyph } from './glyphs';
import { FATE } from './words';

function Item({ icon, children, w = 28 }: { icon: ReactNode; children: ReactNode; w?: number }) {
  return (
    <span className="item">
      <svg width={w} height={18} aria-hidden="true" style={{ margin: '-2px 0' }}>{icon}</svg>
      {children}
    </span>
  );
}

function Swatch({ fate }: { fate: keyof typeof FATE_STYLE }) {
  const s = FATE_STYLE[fate];
  return (
    <>
      <rect x={1} y={2} width={26} height={14} rx={2} fill={s.fill} stroke={s.stroke} />
      {fate !== 'gecrediteerd' && <text x={5} y={13} fontSize={10} fontWeight={700} fill={s.text}>{FATE[fate].glyph}</text>}
    </>
  );
}

export function Legend() {
  return (
    <div className="tl-legend" data-testid="legend">
      <svg width={0} height={0} style={{ position: 'absolute' }} aria-hidden="true"><Defs /></svg>
      <span className="group"><b>Toewijzing</b></span>
      <Item icon={<rect x={1} y={2} width={26} height={13} rx={2} fill={C.bar} stroke={C.barBorder} strokeWidth={1.2} />}>huidige versie</Item>
      <Item icon={<rect x={1} y={3} width={26} height={11} rx={2} fill="#fff" stroke={C.ghost} strokeWidth={1.2} strokeDasharray="4 3" />}>vervangen versie (nooit verborgen)</Item>
      <Item icon={<><rect x={1} y={3} width={26} height={11} rx={2} fill="#fff" stroke={C.ghost} strokeWidth={1.2} strokeDasharray="4 3" /><line x1={1} y1={14} x2={27} y2={3} stroke={C.ghost} strokeWidth={1.2} /></>}>verwijderd</Item>
      <Item icon={<rect x={1} y={3} width={26} height={11} rx={2} fill="#fff" stroke={C.err} strokeWidth={1.2} strokeDasharray="4 3" />}>afgekeurd</Item>
      <Item icon={<><rect x={1} y={2} width={26} height={13} rx={2} fill={C.bar} stroke={C.barBorder} strokeWidth={1.2} /><rect x={3} y={4} width={22} height={9} fill={C.care} /></>}>zorg geleverd volgens regie</Item>
      <span className="group"><b>Regie</b></span>
      <Item w={16} icon={<RegieGlyph kind="start" counts x={3} y={9} h={16} />}>start 305</Item>
      <Item w={18} icon={<RegieGlyph kind="stop-tijdelijk" counts x={9} y={9} h={16} />}>tijdelijke stop 307 (reden 20)</Item>
      <Item w={18} icon={<RegieGlyph kind="stop" counts x={9} y={9} h={16} />}>definitieve stop 307</Item>
      <Item w={18} icon={<RegieGlyph kind="stop" counts={false} x={9} y={9} h={16} />}>telt niet in de keten</Item>
      <Item w={16} icon={<VerzoekGlyph kind="317" counts x={8} y={9} />}>verzoek 315/317</Item>
      <Item w={16} icon={<VerzoekGlyph kind="301" counts x={8} y={9} />}>toewijzing 301 / antwoord 319</Item>
      <span className="group"><b>Prestatie</b></span>
      <Item icon={<Swatch fate="goedgekeurd" />}>goedgekeurd</Item>
      <Item icon={<Swatch fate="afgekeurd" />}>afgekeurd, met retourcode</Item>
      <Item icon={<Swatch fate="in-behandeling" />}>in behandeling (nog geen 325)</Item>
      <Item icon={<Swatch fate="gecrediteerd" />}>gecrediteerd ↺</Item>
      <Item w={24} icon={<line x1={1} y1={9} x2={23} y2={9} stroke={C.focus} strokeWidth={1.5} strokeDasharray="5 3" />}>standdatum</Item>
      <span className="group"><b>Bevinding</b></span>
      <Item w={16} icon={<SeverityIcon severity="error" x={8} y={9} r={7} />}>fout</Item>
      <Item w={16} icon={<SeverityIcon severity="warning" x={8} y={9} r={7} />}>waarschuwing</Item>
      <Item w={16} icon={<SeverityIcon severity="info" x={8} y={9} r={7} />}>info</Item>
    </div>
  );
}
