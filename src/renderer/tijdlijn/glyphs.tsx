// The Tijdlijn's visual grammar as small SVG pieces, shared by the plot, the panel and the legend.
// Colour never works alone: each severity has an icon shape, each regie kind a glyph.
import type { Fate, Severity, TimelineRegie, TimelineVerzoek } from '../../core/api/types';

export const C = {
  text: '#1F2933', text2: '#4A5563', text3: '#5F6B7A', line: '#D9DEE4', grid: '#EDF0F3',
  bar: '#E3ECF6', barBorder: '#3D6A99', care: '#A9C3E0', ghost: '#8A97A6',
  ok: '#2F7D4F', err: '#B3261E', errBg: '#FDEDEC', warn: '#B45309', warnBg: '#FFF4E5', info: '#5F6B7A', infoBg: '#F1F3F5',
  pending: '#C7CED6', pendingBorder: '#7A8794', credit: '#9AA5B1', creditBg: '#F1F3F5', verzoek: '#5B4B8A', focus: '#1D4ED8',
} as const;

export const SEV_COLOR: Record<Severity, { fg: string; bg: string }> = {
  error: { fg: C.err, bg: C.errBg },
  warning: { fg: C.warn, bg: C.warnBg },
  info: { fg: C.info, bg: C.infoBg },
};

/** Shared <defs>: credit stripes, the hatch after the standdatum, the fading end of care. */
export function Defs() {
  return (
    <defs>
      <pattern id="tl-credit" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill={C.creditBg} /><rect width="2.6" height="6" fill={C.credit} />
      </pattern>
      <pattern id="tl-after" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="8" height="8" fill="#F7F8FA" /><rect width="1" height="8" fill="#E6E9ED" />
      </pattern>
      <linearGradient id="tl-openend" x1="0" x2="1">
        <stop offset="0" stopColor={C.care} /><stop offset="1" stopColor={C.care} stopOpacity="0" />
      </linearGradient>
    </defs>
  );
}

/** Fout: round "!"; waarschuwing: triangle "!"; info: grey round "i". Centred on (x, y). */
export function SeverityIcon({ severity, x, y, r = 6.5 }: { severity: Severity; x: number; y: number; r?: number }) {
  const fg = SEV_COLOR[severity].fg;
  if (severity === 'warning') {
    return (
      <g aria-hidden="true">
        <path d={`M${x},${y - r - 0.5} L${x + r * 1.15},${y + r - 0.5} L${x - r * 1.15},${y + r - 0.5} Z`} fill={fg} strokeLinejoin="round" />
        <text x={x} y={y + r * 0.55} fontSize={r * 1.45} fontWeight={700} fill="#fff" textAnchor="middle">!</text>
      </g>
    );
  }
  return (
    <g aria-hidden="true">
      <circle cx={x} cy={y} r={r} fill={fg} />
      <text x={x} y={y + r * 0.58} fontSize={r * 1.6} fontWeight={700} fill="#fff" textAnchor="middle">{severity === 'info' ? 'i' : '!'}</text>
    </g>
  );
}

/** A standalone severity icon (panel, legend). */
export function SeveritySvg({ severity, size = 16 }: { severity: Severity; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" style={{ flex: 'none' }}>
      <SeverityIcon severity={severity} x={8} y={8} r={7} />
    </svg>
  );
}

/** ▶ start, ⏸ tijdelijke stop, ■ definitieve stop, on a vertical tick the height of the bar; hollow dashed red when it does not count. */
export function RegieGlyph({ kind, counts, x, y, h = 18 }: { kind: TimelineRegie['kind']; counts: boolean; x: number; y: number; h?: number }) {
  const dark = counts ? C.text : C.err;
  const dash = counts ? undefined : '2.5 1.8';
  const tick = <line x1={x} y1={y - h / 2} x2={x} y2={y + h / 2} stroke={dark} strokeWidth={1.5} strokeDasharray={dash} />;
  if (kind === 'start') {
    return (
      <g aria-hidden="true">
        {tick}
        <path d={`M${x},${y - 6} L${x + 9},${y} L${x},${y + 6} Z`} fill={counts ? C.text : '#fff'} stroke={counts ? '#fff' : C.err}
          strokeWidth={counts ? 1.5 : 1.6} strokeDasharray={dash} paintOrder="stroke" />
      </g>
    );
  }
  if (kind === 'stop-tijdelijk') {
    return (
      <g aria-hidden="true">
        {tick}
        <circle cx={x} cy={y} r={6.5} fill="#fff" stroke={dark} strokeWidth={1.5} strokeDasharray={dash} />
        <rect x={x - 2.8} y={y - 3} width={1.8} height={6} fill={dark} />
        <rect x={x + 1} y={y - 3} width={1.8} height={6} fill={dark} />
      </g>
    );
  }
  return (
    <g aria-hidden="true">
      {tick}
      <rect x={x - 5.5} y={y - 5.5} width={11} height={11} fill={counts ? C.text : '#fff'} stroke={counts ? '#fff' : C.err}
        strokeWidth={counts ? 1.5 : 1.6} strokeDasharray={dash} paintOrder="stroke" />
    </g>
  );
}

/** ◇ verzoek 315/317, ◆ 301/319 answer */
export function VerzoekGlyph({ kind, counts, x, y }: { kind: TimelineVerzoek['kind']; counts: boolean; x: number; y: number }) {
  const filled = kind === '301' || kind === '319';
  const stroke = counts ? C.verzoek : C.err;
  return (
    <path d={`M${x},${y - 6} L${x + 6},${y} L${x},${y + 6} L${x - 6},${y} Z`} fill={filled && counts ? C.verzoek : '#fff'} stroke={stroke}
      strokeWidth={1.5} strokeDasharray={counts ? undefined : '2.5 1.8'} aria-hidden="true" />
  );
}

export const FATE_STYLE: Record<Fate, { fill: string; stroke?: string; text: string }> = {
  goedgekeurd: { fill: C.ok, text: '#fff' },
  afgekeurd: { fill: C.err, text: '#fff' },
  'in-behandeling': { fill: C.pending, stroke: C.pendingBorder, text: C.text },
  gecrediteerd: { fill: 'url(#tl-credit)', stroke: C.pendingBorder, text: C.text },
};
