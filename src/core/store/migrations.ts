// Numbered migrations. Each is recorded with the sha256 of its SQL when applied; opening a
// database whose recorded hash differs from the code's fails, so an edited migration is caught.
// Never edit a migration that has shipped: add a new one.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'archief: bestanden, berichten, ketengegevens, importruns',
    sql: `
CREATE TABLE import_runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed')),
  paths TEXT NOT NULL,
  counts TEXT
);

-- one row per distinct content (sha256): the raw bytes are kept so a finding can always show its source
CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  raw BLOB,
  path TEXT NOT NULL,
  mtime TEXT,
  run_id INTEGER NOT NULL REFERENCES import_runs(id),
  status TEXT NOT NULL CHECK (status IN ('imported', 'issues', 'rejected')),
  reason TEXT,
  reject_code TEXT
);

-- every file seen by every run, with its outcome
CREATE TABLE file_outcomes (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES import_runs(id),
  path TEXT NOT NULL,
  size INTEGER,
  mtime TEXT,
  sha256 TEXT,
  file_id INTEGER REFERENCES files(id),
  status TEXT NOT NULL CHECK (status IN ('imported', 'issues', 'duplicate', 'rejected')),
  reason TEXT
);
CREATE INDEX file_outcomes_run ON file_outcomes(run_id, status);
CREATE UNIQUE INDEX file_outcomes_run_path ON file_outcomes(run_id, path);

CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL UNIQUE REFERENCES files(id),
  standard TEXT NOT NULL,
  type TEXT NOT NULL,
  berichtcode TEXT,
  afzender TEXT,
  ontvanger TEXT,
  sender TEXT,
  receiver TEXT,
  gemeente TEXT,
  aanbieder TEXT,
  identificatie TEXT,
  dagtekening TEXT,
  retour_identificatie TEXT,
  retour_dagtekening TEXT,
  level1 INTEGER NOT NULL,
  level2_errors INTEGER NOT NULL DEFAULT 0,
  issues TEXT NOT NULL
);
CREATE INDEX messages_ident ON messages(standard, afzender, identificatie);
CREATE INDEX messages_type ON messages(type);

CREATE TABLE clients (
  bsn TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TABLE message_clients (
  message_id INTEGER NOT NULL REFERENCES messages(id),
  bsn TEXT NOT NULL REFERENCES clients(bsn),
  PRIMARY KEY (bsn, message_id)
) WITHOUT ROWID;

CREATE TABLE toewijzingen (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES messages(id),
  pos INTEGER NOT NULL,
  bsn TEXT, tnr TEXT, tnr_num INTEGER, referentie_aanbieder TEXT, categorie TEXT, code TEXT,
  toewijzingsdatum TEXT, toewijzingstijd TEXT, ingangsdatum TEXT, einddatum TEXT, reden_wijziging TEXT,
  volume INTEGER, eenheid TEXT, frequentie TEXT, budget INTEGER
);
CREATE INDEX toewijzingen_bsn ON toewijzingen(bsn);
CREATE INDEX toewijzingen_tnr ON toewijzingen(tnr_num);

CREATE TABLE regie (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES messages(id),
  pos INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('start', 'stop')),
  bsn TEXT, tnr TEXT, tnr_num INTEGER, categorie TEXT, code TEXT, toewijzing_ingangsdatum TEXT,
  begindatum TEXT, reden_beeindiging TEXT, einddatum TEXT, status_aanlevering TEXT
);
CREATE INDEX regie_bsn ON regie(bsn);
CREATE INDEX regie_tnr ON regie(tnr_num);

CREATE TABLE verzoeken (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL UNIQUE REFERENCES messages(id),
  kind TEXT NOT NULL,
  bsn TEXT, referentie_aanbieder TEXT, reden_verzoek TEXT
);
CREATE INDEX verzoeken_bsn ON verzoeken(bsn);

CREATE TABLE verzoek_producten (
  id INTEGER PRIMARY KEY,
  verzoek_id INTEGER NOT NULL REFERENCES verzoeken(id),
  pos INTEGER NOT NULL,
  kind TEXT NOT NULL,
  referentie_aanbieder TEXT, tnr TEXT, tnr_num INTEGER, categorie TEXT, code TEXT, ingangsdatum TEXT, einddatum TEXT,
  volume INTEGER, eenheid TEXT, frequentie TEXT, budget INTEGER
);
CREATE INDEX verzoek_producten_ref ON verzoek_producten(referentie_aanbieder);
CREATE INDEX verzoek_producten_verzoek ON verzoek_producten(verzoek_id);

CREATE TABLE antwoorden (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL UNIQUE REFERENCES messages(id),
  referentie_aanbieder TEXT, verzoek_antwoord TEXT, reden_afwijzing TEXT, woonplaats_gemeente TEXT
);
CREATE INDEX antwoorden_ref ON antwoorden(referentie_aanbieder);

CREATE TABLE declaraties (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL UNIQUE REFERENCES messages(id),
  declaratienummer TEXT, periode_begin TEXT, periode_eind TEXT, declaratie_dagtekening TEXT, totaal INTEGER
);
CREATE INDEX declaraties_nummer ON declaraties(declaratienummer);

CREATE TABLE prestaties (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES messages(id),
  pos INTEGER NOT NULL,
  bsn TEXT, referentienummer TEXT, vorig_referentienummer TEXT, tnr TEXT, tnr_num INTEGER, categorie TEXT, code TEXT,
  pp_begin TEXT, pp_eind TEXT, volume INTEGER, eenheid TEXT, tarief INTEGER, bedrag INTEGER, debet_credit TEXT,
  retourcodes TEXT
);
CREATE INDEX prestaties_bsn ON prestaties(bsn);
CREATE INDEX prestaties_ref ON prestaties(referentienummer);
CREATE INDEX prestaties_tnr ON prestaties(tnr_num);

CREATE TABLE declaratie_antwoorden (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL UNIQUE REFERENCES messages(id),
  declaratie_identificatie TEXT, declaratie_dagtekening TEXT, declaratienummer TEXT,
  totaal_ingediend INTEGER, totaal_toegekend INTEGER,
  header_retourcodes TEXT NOT NULL, antwoord_retourcodes TEXT NOT NULL, clients TEXT NOT NULL
);
CREATE INDEX declaratie_antwoorden_decl ON declaratie_antwoorden(declaratie_identificatie);
CREATE INDEX declaratie_antwoorden_nummer ON declaratie_antwoorden(declaratienummer);

CREATE TABLE retourcodes (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES messages(id),
  klasse TEXT NOT NULL, code TEXT NOT NULL, bsn TEXT, sleutel TEXT
);
CREATE INDEX retourcodes_message ON retourcodes(message_id);
CREATE INDEX retourcodes_code ON retourcodes(code);
`,
  },
  {
    version: 2,
    name: 'ketens: berichtrecord per bericht, bevindingen per cliënt',
    sql: `
ALTER TABLE messages ADD COLUMN record TEXT;
CREATE INDEX messages_retour ON messages(standard, sender, retour_identificatie);

CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  bsn TEXT NOT NULL,
  check_id TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  standard TEXT,
  retourcode TEXT,
  refs TEXT NOT NULL,
  keys TEXT NOT NULL,
  messages TEXT NOT NULL,
  title TEXT NOT NULL,
  detail TEXT NOT NULL,
  expected TEXT,
  found TEXT,
  date TEXT
);
CREATE INDEX findings_bsn ON findings(bsn);
CREATE INDEX findings_check ON findings(check_id, severity);
CREATE INDEX findings_severity ON findings(severity);

CREATE TABLE client_checks (
  bsn TEXT PRIMARY KEY,
  checked_at TEXT NOT NULL,
  as_of TEXT,
  errors INTEGER NOT NULL,
  warnings INTEGER NOT NULL,
  infos INTEGER NOT NULL
) WITHOUT ROWID;
`,
  },
  {
    version: 3,
    name: 'inspecteur: cliëntoverzicht, bevindingen per partij en per bericht, indexen voor de schermen',
    sql: `
-- one row per client for the Cliënten grid (rebuilt for the clients an import or check touched)
CREATE TABLE client_summary (
  bsn TEXT PRIMARY KEY,
  naam TEXT NOT NULL DEFAULT '',
  geboortedatum TEXT,
  standard TEXT NOT NULL CHECK (standard IN ('iWmo', 'iJw', 'beide')),
  gemeente TEXT NOT NULL DEFAULT '',
  aanbieder TEXT NOT NULL DEFAULT '',
  toewijzingen INTEGER NOT NULL DEFAULT 0,
  messages INTEGER NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0,
  warnings INTEGER NOT NULL DEFAULT 0,
  infos INTEGER NOT NULL DEFAULT 0,
  last_date TEXT
) WITHOUT ROWID;
CREATE INDEX client_summary_errors ON client_summary(errors DESC, bsn);
CREATE INDEX client_summary_warnings ON client_summary(warnings DESC, bsn);
CREATE INDEX client_summary_messages ON client_summary(messages DESC, bsn);
CREATE INDEX client_summary_toewijzingen ON client_summary(toewijzingen DESC, bsn);
CREATE INDEX client_summary_last ON client_summary(last_date, bsn);
CREATE INDEX client_summary_naam ON client_summary(naam, bsn);

-- findings: the gemeente and aanbieder of the first message they cite, and a rank for "errors first"
ALTER TABLE findings ADD COLUMN gemeente TEXT;
ALTER TABLE findings ADD COLUMN aanbieder TEXT;
ALTER TABLE findings ADD COLUMN sev_rank INTEGER GENERATED ALWAYS AS (CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END) VIRTUAL;
-- the messages each finding cites (the Bericht screen lists the findings of one message)
CREATE TABLE finding_messages (
  finding_id INTEGER NOT NULL,
  message_id INTEGER NOT NULL,
  PRIMARY KEY (message_id, finding_id)
) WITHOUT ROWID;
CREATE INDEX finding_messages_finding ON finding_messages(finding_id);
CREATE TRIGGER findings_cited AFTER INSERT ON findings BEGIN
  INSERT OR IGNORE INTO finding_messages (finding_id, message_id)
    SELECT NEW.id, json_extract(j.value, '$.id') FROM json_each(NEW.messages) j WHERE json_extract(j.value, '$.id') IS NOT NULL;
  UPDATE findings SET
    gemeente = (SELECT m.gemeente FROM messages m WHERE m.id = json_extract(NEW.messages, '$[0].id')),
    aanbieder = (SELECT m.aanbieder FROM messages m WHERE m.id = json_extract(NEW.messages, '$[0].id'))
  WHERE id = NEW.id;
END;
CREATE TRIGGER findings_uncited AFTER DELETE ON findings BEGIN
  DELETE FROM finding_messages WHERE finding_id = OLD.id;
END;
INSERT OR IGNORE INTO finding_messages (finding_id, message_id)
  SELECT f.id, json_extract(j.value, '$.id') FROM findings f, json_each(f.messages) j WHERE json_extract(j.value, '$.id') IS NOT NULL;
UPDATE findings SET
  gemeente = (SELECT m.gemeente FROM messages m WHERE m.id = json_extract(findings.messages, '$[0].id')),
  aanbieder = (SELECT m.aanbieder FROM messages m WHERE m.id = json_extract(findings.messages, '$[0].id'));
-- paging and facets: one narrow index covers the filters and the GROUP BYs
CREATE INDEX findings_facets ON findings(severity, check_id, standard, gemeente, aanbieder, date, bsn);
CREATE INDEX findings_rank ON findings(sev_rank, id);
CREATE INDEX findings_date ON findings(date);

-- archive summary and quick search
CREATE INDEX messages_std_type ON messages(standard, type);
-- the columns the client summary reads per message, without touching the wide rows (the raw record)
CREATE INDEX messages_summary ON messages(id, standard, type, gemeente, aanbieder, dagtekening);
CREATE INDEX messages_gemeente ON messages(gemeente);
CREATE INDEX messages_aanbieder ON messages(aanbieder);
CREATE INDEX toewijzingen_tnr_text ON toewijzingen(tnr, bsn);
CREATE INDEX file_outcomes_file ON file_outcomes(file_id);
CREATE INDEX message_clients_message ON message_clients(message_id);
`,
  },
  {
    version: 4,
    name: 'declaratie per cliënt: prestaties per bericht',
    sql: `
-- declaratie.get pages a large 323 by client and counts its clients: without this every call scanned all prestaties
CREATE INDEX prestaties_message ON prestaties(message_id, bsn);
`,
  },
];

