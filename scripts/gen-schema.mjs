#!/usr/bin/env node
// Derives the structure of every iWmo 3.2 and iJw 3.2 message from the official XSDs and writes
// src/core/domain/schema/schema.generated.ts: element order, namespace, cardinality, datatype with
// its facets, enumerations with their documentation labels. The reader's validation, the writer's
// element order and the code-list labels all come from that one table.
//
//   npm run gen:schema      regenerate
//   npm run check:schema    fail when the committed table differs from what the XSDs give (CI)
//
// The iWmo retour messages (302, 306, 308, 316, 318, 320, 325) have no XSD in the sources we have.
// As messages.md describes, they mirror their iJw counterparts: we take the iJw retour structure,
// re-point every type to the iWmo basisschema, set the iWmo namespace and BerichtCode, and drop
// the elements that the iJw heenbericht has and the iWmo heenbericht lacks (GezagsdragerBekend in
// 315/316, Woonplaatsbeginsel in 319/320). A test checks this derivation against the iJw XSDs.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { loadRepairedXsds, repoRoot } from './lib/xsd-sources.mjs';

const OUT = join(repoRoot, 'src', 'core', 'domain', 'schema', 'schema.generated.ts');
const XS = 'http://www.w3.org/2001/XMLSchema';
const MESSAGE_TYPES = ['301', '302', '305', '306', '307', '308', '315', '316', '317', '318', '319', '320', '323', '325'];
const RETOUR_OF = { '302': '301', '306': '305', '308': '307', '316': '315', '318': '317', '320': '319', '325': '323' };
const BERICHTCODE = {
  iWmo: { 301: '414', 302: '415', 305: '418', 306: '419', 307: '420', 308: '421', 315: '444', 316: '445', 317: '480', 318: '481', 319: '482', 320: '483', 323: '484', 325: '485' },
  iJw: { 301: '436', 302: '437', 305: '438', 306: '439', 307: '440', 308: '441', 315: '446', 316: '447', 317: '486', 318: '487', 319: '488', 320: '489', 323: '490', 325: '491' },
};
const nsOf = (std, type) => std === 'iWmo'
  ? `http://www.istandaarden.nl/iwmo/3_2/wmo${type}/schema`
  : `http://www.istandaarden.nl/ijw/3_2/jw${type}/schema`;
const basisNsOf = (std) => `http://www.istandaarden.nl/${std === 'iWmo' ? 'iwmo' : 'ijw'}/3_2/basisschema/schema`;

const parser = new XMLParser({
  preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false,
  parseAttributeValue: false, trimValues: true, processEntities: true,
});

// ---- a tiny namespace-aware view over fast-xml-parser's preserveOrder output -----------------
function toTree(nodes, scope) {
  const out = [];
  for (const node of nodes) {
    const key = Object.keys(node).find((k) => k !== ':@');
    if (key === '#text' || key === '?xml' || key === '#comment') continue;
    const attrs = node[':@'] ?? {};
    const s = { ...scope };
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'xmlns') s[''] = v;
      else if (k.startsWith('xmlns:')) s[k.slice(6)] = v;
    }
    const [prefix, local] = key.includes(':') ? key.split(':') : ['', key];
    const kids = node[key];
    const text = kids.filter((k) => '#text' in k).map((k) => k['#text']).join('');
    out.push({ ns: s[prefix], local, attrs, scope: s, children: toTree(kids, s), text });
  }
  return out;
}
const xsKids = (el, local) => el.children.filter((c) => c.ns === XS && (!local || c.local === local));
const xsKid = (el, local) => xsKids(el, local)[0];
function qname(el, value) {
  const [p, l] = value.includes(':') ? value.split(':') : ['', value];
  return { ns: el.scope[p], local: l };
}
function docOf(el) {
  const ann = xsKid(el, 'annotation');
  const doc = ann && xsKid(ann, 'documentation');
  return doc ? doc.text.replace(/\s+/g, ' ').trim() : undefined;
}

function loadSchema(text) {
  const tree = toTree(parser.parse(text), {});
  const schema = tree.find((n) => n.local === 'schema');
  return schema;
}

// ---- compile one standard ---------------------------------------------------------------------
function compileStandard(std) {
  const files = loadRepairedXsds(std);
  const basisNs = basisNsOf(std);
  const basis = loadSchema(files['Basisschema.xsd']);
  const simple = {};
  const complex = {};

  function simpleFromRestriction(el, restriction, inheritFrom) {
    const baseQ = qname(el, restriction.attrs.base);
    let t;
    if (baseQ.ns === XS) {
      const b = baseQ.local;
      t = { base: b === 'integer' ? 'integer' : b === 'date' ? 'date' : b === 'time' ? 'time' : 'string' };
    } else {
      const parent = inheritFrom(baseQ);
      t = JSON.parse(JSON.stringify(parent));
      t.derivedFrom = baseQ.local;
      delete t.doc;
    }
    const step = [];
    const enums = [];
    for (const f of restriction.children) {
      if (f.ns !== XS) continue;
      const v = f.attrs.value;
      switch (f.local) {
        case 'minLength': t.minLength = Number(v); break;
        case 'maxLength': t.maxLength = Number(v); break;
        case 'length': t.length = Number(v); break;
        case 'minInclusive': t.minInclusive = v; break;
        case 'maxInclusive': t.maxInclusive = v; break;
        case 'totalDigits': t.totalDigits = Number(v); break;
        case 'fractionDigits': t.fractionDigits = Number(v); break;
        case 'pattern': step.push(v); break;
        case 'enumeration': enums.push([v, docOf(f) ?? '']); break;
        case 'annotation': break;
        default: throw new Error(`${std}: facet ${f.local} not supported`);
      }
    }
    if (step.length) t.patterns = [...(t.patterns ?? []), step];
    if (enums.length) t.enumeration = enums;
    return t;
  }

  for (const st of xsKids(basis, 'simpleType')) {
    const name = st.attrs.name;
    const r = xsKid(st, 'restriction');
    simple[name] = simpleFromRestriction(st, r, (q) => { throw new Error(`basis ${name} derives from ${q.local}`); });
    const d = docOf(st);
    if (d) simple[name].doc = d;
  }

  function compileSequence(ct, elemNs, typeKey, msg) {
    const seq = xsKid(ct, 'sequence');
    const decls = [];
    for (const e of xsKids(seq, 'element')) {
      const name = e.attrs.name;
      const min = e.attrs.minOccurs === undefined ? 1 : Number(e.attrs.minOccurs);
      const max = e.attrs.maxOccurs === undefined ? 1 : e.attrs.maxOccurs === 'unbounded' ? -1 : Number(e.attrs.maxOccurs);
      let t;
      if (e.attrs.type) {
        const q = qname(e, e.attrs.type);
        if (q.ns === basisNs) t = q.local;
        else if (q.ns === XS) throw new Error(`${typeKey}/${name}: xs type`);
        else t = `${msg}:${q.local}`;
      } else {
        const inline = xsKid(e, 'simpleType');
        if (!inline) throw new Error(`${typeKey}/${name}: no type`);
        t = `${msg}:${typeKey.split(':')[1]}/${name}`;
        simple[t] = simpleFromRestriction(inline, xsKid(inline, 'restriction'), (q) => {
          if (q.ns !== basisNs) throw new Error(`inline ${t} derives from ${q.ns}`);
          return simple[q.local];
        });
      }
      const decl = { n: name, ns: elemNs, min, max, t };
      const d = docOf(e);
      if (d) decl.d = d;
      decls.push(decl);
    }
    return decls;
  }

  for (const ct of xsKids(basis, 'complexType')) {
    complex[ct.attrs.name] = { seq: compileSequence(ct, 'b', `basis:${ct.attrs.name}`, 'basis') };
  }

  const messages = {};
  for (const type of MESSAGE_TYPES) {
    const fname = `${std === 'iWmo' ? 'WMO' : 'JW'}${type}.xsd`;
    if (!files[fname]) continue;
    const schema = loadSchema(files[fname]);
    const tns = schema.attrs.targetNamespace;
    if (tns !== nsOf(std, type)) throw new Error(`${fname}: unexpected namespace ${tns}`);
    for (const ct of xsKids(schema, 'complexType')) {
      complex[`${type}:${ct.attrs.name}`] = { seq: compileSequence(ct, 'm', `${type}:${ct.attrs.name}`, type) };
    }
    const root = xsKids(schema, 'element').find((e) => e.attrs.name === 'Bericht');
    const rootType = `${type}:${qname(root, root.attrs.type).local}`;
    const version = xsKid(xsKid(schema, 'annotation'), 'appinfo').children.find((c) => c.local === 'BerichtXsdVersie')?.text;
    const bc = simple[`${type}:Header/BerichtCode`]?.patterns?.at(-1)?.[0];
    if (bc !== BERICHTCODE[std][type]) throw new Error(`${fname}: BerichtCode ${bc} != ${BERICHTCODE[std][type]}`);
    messages[type] = { ns: tns, berichtCode: bc, root: rootType, xsdVersion: version, source: `XSD ${fname}`, doc: docOf(xsKids(schema, 'complexType')[0]) };
  }
  const bversion = xsKid(xsKid(basis, 'annotation'), 'appinfo').children.find((c) => c.local === 'BasisschemaXsdVersie')?.text;
  return { std, basisNs, basisXsdVersion: bversion, simple, complex, messages };
}

// ---- derive the iWmo retour messages that have no XSD from their iJw counterparts -----------
function deriveMissing(wmo, jw) {
  for (const type of MESSAGE_TYPES) {
    if (wmo.messages[type]) continue;
    const heen = RETOUR_OF[type];
    if (!jw.messages[type] || !heen || !wmo.messages[heen]) throw new Error(`cannot derive iWmo ${type}`);
    // elements present in the iJw heenbericht but absent in the iWmo one, per complex type name
    const jwOnly = new Set();
    for (const [key, ct] of Object.entries(jw.complex)) {
      if (!key.startsWith(`${heen}:`)) continue;
      const w = wmo.complex[key];
      if (!w) continue;
      for (const d of ct.seq) if (!w.seq.some((x) => x.n === d.n)) jwOnly.add(`${key.split(':')[1]}/${d.n}`);
    }
    for (const [key, ct] of Object.entries(jw.complex)) {
      if (!key.startsWith(`${type}:`)) continue;
      const local = key.split(':')[1];
      wmo.complex[key] = { seq: ct.seq.filter((d) => !jwOnly.has(`${local}/${d.n}`)).map((d) => ({ ...d })) };
    }
    // drop complex types no longer referenced (e.g. 320:Woonplaatsbeginsel)
    const used = new Set();
    const visit = (k) => { if (used.has(k) || !wmo.complex[k]) return; used.add(k); for (const d of wmo.complex[k].seq) visit(d.t); };
    visit(jw.messages[type].root);
    for (const key of Object.keys(wmo.complex)) if (key.startsWith(`${type}:`) && !used.has(key)) delete wmo.complex[key];
    for (const [key, st] of Object.entries(jw.simple)) {
      if (!key.startsWith(`${type}:`)) continue;
      const copy = JSON.parse(JSON.stringify(st));
      if (key.endsWith('/BerichtCode')) copy.patterns = [...copy.patterns.slice(0, -1), [BERICHTCODE.iWmo[type]]];
      // an inline type inherits the facets of its basis type: take them from the iWmo basisschema
      const basisBase = copy.derivedFrom && wmo.simple[copy.derivedFrom];
      wmo.simple[key] = basisBase ? { ...JSON.parse(JSON.stringify(basisBase)), derivedFrom: copy.derivedFrom, patterns: [...(basisBase.patterns ?? []), copy.patterns.at(-1)] } : copy;
      delete wmo.simple[key].doc;
    }
    wmo.messages[type] = {
      ns: nsOf('iWmo', type), berichtCode: BERICHTCODE.iWmo[type], root: jw.messages[type].root,
      xsdVersion: wmo.messages[heen].xsdVersion, source: `afgeleid van iJw ${type} (geen iWmo-XSD beschikbaar)`, doc: jw.messages[type].doc?.replace(/Jeugdhulp/g, 'Wmo-ondersteuning'),
      derived: true,
    };
  }
}

function sortKeys(o) {
  if (Array.isArray(o)) return o.map(sortKeys);
  if (o && typeof o === 'object') return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortKeys(o[k])]));
  return o;
}

export function buildTable() {
  const wmo = compileStandard('iWmo');
  const jw = compileStandard('iJw');
  deriveMissing(wmo, jw);
  return { iWmo: sortKeys(wmo), iJw: sortKeys(jw) };
}

function render(table) {
  return `// GENERATED by scripts/gen-schema.mjs from the official iWmo 3.2 / iJw 3.2 XSDs. Do not edit.
// Regenerate with \`npm run gen:schema\`; CI runs \`npm run check:schema\`.
import type { SchemaTable } from './types';

export const SCHEMA: SchemaTable = ${JSON.stringify(table, null, 1)};
`;
}

// ---- TypeScript interfaces: one per complex type, the union of both standards ------------------
const ifaceName = (key) => key.includes(':') ? `M${key.replace(':', '_')}` : key;
function renderTypes(table) {
  const fields = new Map(); // iface -> Map(field -> {opt, arr, type, stds:Set, doc})
  const order = [];
  for (const std of ['iJw', 'iWmo']) {
    for (const [key, ct] of Object.entries(table[std].complex)) {
      const name = ifaceName(key);
      if (!fields.has(name)) { fields.set(name, new Map()); order.push(name); }
      const f = fields.get(name);
      for (const d of ct.seq) {
        const complexChild = !!table[std].complex[d.t];
        const t = complexChild ? ifaceName(d.t) : 'string';
        const prev = f.get(d.n);
        if (prev) { prev.stds.add(std); continue; }
        f.set(d.n, { opt: d.min === 0, arr: d.max !== 1, type: t, stds: new Set([std]), doc: d.d });
      }
    }
  }
  let out = `// GENERATED by scripts/gen-schema.mjs from the official iWmo 3.2 / iJw 3.2 XSDs. Do not edit.
// One interface per complex type (message-local types are prefixed M<type>_). Every leaf is the
// element's text exactly as sent (codes, BSNs and numbers keep their leading zeros; amounts are
// integer eurocents; dates YYYY-MM-DD). Elements that exist in only one standard are optional.
/* eslint-disable */
`;
  for (const name of order.sort()) {
    out += `export interface ${name} {\n`;
    for (const [n, f] of fields.get(name)) {
      const only = f.stds.size === 1 ? ` (alleen ${[...f.stds][0]})` : '';
      if (f.doc || only) out += `  /** ${(f.doc ?? '').replace(/\*\//g, '*\\/')}${only} */\n`;
      out += `  ${n}${f.opt || only ? '?' : ''}: ${f.type}${f.arr ? '[]' : ''};\n`;
    }
    out += `}\n`;
  }
  const types = ['301', '302', '305', '306', '307', '308', '315', '316', '317', '318', '319', '320', '323', '325'];
  out += `\n/** The content (root element Bericht) per message type. */\nexport interface MessageContentMap {\n`;
  for (const t of types) out += `  '${t}': M${t}_Root;\n`;
  out += `}\n`;
  return out;
}

const TYPES_OUT = join(repoRoot, 'src', 'core', 'domain', 'schema', 'messages.generated.ts');
const outputs = [[OUT, render(buildTable())], [TYPES_OUT, renderTypes(buildTable())]];

if (process.argv.includes('--check')) {
  let stale = false;
  for (const [file, text] of outputs) {
    let current = '';
    try { current = readFileSync(file, 'utf8'); } catch { /* missing */ }
    if (current !== text) { console.error(`${file} is out of date: run \`npm run gen:schema\` and commit the result`); stale = true; }
  }
  if (stale) process.exit(1);
  console.log('generated schema files are up to date');
} else {
  for (const [file, text] of outputs) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote ${file} (${text.length} bytes)`);
  }
}
