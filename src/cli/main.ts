// The `ketenlens` command line. Commands call the core in-process.
import { Command, InvalidArgumentError, Option } from 'commander';
import { INJECTABLE } from '../core/domain/generate';
import { exampleArchive, packageVersion } from './paths';
import { runGenerate } from './generate-command';
import { DEFAULT_READ_MAX, runRead } from './read-command';
import { runFiles, runImport } from './import-command';
import { runCheck, runTimeline } from './check-command';
import { runServe } from './serve-command';
import { CHAIN_CHECKS } from '../core/domain/rules/chain';
import { SINGLE_MESSAGE_RULES } from '../core/domain/rules/single';

const DATE = (name: string) => (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new InvalidArgumentError(`${name} moet JJJJ-MM-DD zijn`);
  return v;
};
const int = (name: string, min = 0) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} moet een geheel getal ≥ ${min} zijn`);
  return n;
};

const program = new Command();
program
  .name('ketenlens')
  .description('Ketenlens: inspecteur voor het iWmo 3.2 / iJw 3.2 berichtenverkeer')
  .version(packageVersion(), '-V, --version', 'toon de versie')
  .helpOption('-h, --help', 'toon deze hulp')
  .addHelpCommand(false)
  .showHelpAfterError();

program
  .command('check')
  .description('toets de keten van elke cliënt aan de iStandaard-regels (met paden: eerst importeren, zonder --db in een tijdelijke database; standaard: het voorbeeldarchief)')
  .argument('[paden...]', 'bestanden, mappen en .zip-archieven')
  .option('--db <bestand>', 'een bestaand (of nieuw) archief')
  .option('--full', 'toets alle cliënten opnieuw', false)
  .addOption(new Option('--format <format>', 'uitvoer').choices(['table', 'json', 'csv']).default('table'))
  .option('--as-of <datum>', 'stand per datum: alleen berichten tot en met deze datum', DATE('--as-of'))
  .option('--today <datum>', 'de datum waartegen termijnen worden getoetst (standaard vandaag)', DATE('--today'))
  .addOption(new Option('--severity <niveau>', 'toon bevindingen vanaf dit niveau').choices(['error', 'warning', 'info']).default('warning'))
  .option('--mask', "toon BSN's gemaskeerd", false)
  .option('--workers <n>', 'aantal parse-threads', int('--workers'))
  .action(async (paths: string[], opts) => {
    const targets = paths.length === 0 && !opts.db ? [exampleArchive()] : paths;
    process.exitCode = await runCheck(targets, { db: opts.db, full: opts.full, format: opts.format, asOf: opts.asOf, today: opts.today, severity: opts.severity, mask: opts.mask, workers: opts.workers },
      (x) => console.log(x), (x) => process.stderr.write(x));
  });

program
  .command('import')
  .description('importeer bestanden, mappen en zip-archieven in een lokale database (standaard: het meegeleverde voorbeeldarchief)')
  .argument('[paden...]', 'bestanden, mappen (recursief) en .zip-archieven')
  .option('--db <bestand>', 'de database', 'ketenlens.db')
  .option('--workers <n>', 'aantal parse-threads (standaard één per kern)', int('--workers'))
  .option('--max-bytes <n>', 'weiger bestanden groter dan dit', int('--max-bytes', 1), DEFAULT_READ_MAX)
  .option('--json', 'samenvatting als JSON', false)
  .option('--no-check', 'toets de geraakte cliënten na de import niet')
  .option('--today <datum>', 'de datum waartegen termijnen worden getoetst (standaard vandaag)')
  .action(async (paths: string[], opts) => {
    const targets = paths.length > 0 ? paths : [exampleArchive()];
    if (paths.length === 0 && !opts.json) console.log(`Voorbeeldarchief: ${targets[0]} → ${opts.db}`);
    const s = await runImport(targets, opts.db, { workers: opts.workers, maxBytes: opts.maxBytes, json: opts.json, check: opts.check, today: opts.today }, (x) => console.log(x), (x) => process.stderr.write(x));
    if (s.status === 'failed') process.exitCode = 2;
  });

program
  .command('serve')
  .description('open de app in de browser: een lokale server op 127.0.0.1 met een toegangstoken in de URL (zonder --db: een tijdelijke database met het voorbeeldarchief)')
  .option('--db <bestand>', 'een bestaand (of nieuw) archief')
  .option('--port <n>', 'de poort (standaard 5178, of een vrije als die bezet is; 0 = een vrije)', int('--port'))
  .option('--open', 'open de app in de standaardbrowser', false)
  .option('--today <datum>', 'de datum waartegen termijnen worden getoetst (standaard vandaag)', DATE('--today'))
  .option('--workers <n>', 'aantal threads voor inlezen en toetsen', int('--workers'))
  .action((opts) => runServe({ db: opts.db, port: opts.port, open: opts.open, today: opts.today, workers: opts.workers }, (x) => console.log(x), (x) => process.stderr.write(x)));

program
  .command('timeline')
  .description('toon de keten van één cliënt als tekst: toewijzingen met hun versies, starts en stops, prestaties met hun lot, en de bevindingen')
  .argument('<bsn>', 'het BSN van de cliënt')
  .requiredOption('--db <bestand>', 'het archief')
  .option('--as-of <datum>', 'stand per datum', DATE('--as-of'))
  .option('--today <datum>', 'de datum waartegen termijnen worden getoetst', DATE('--today'))
  .option('--mask', 'toon het BSN gemaskeerd', false)
  .action((bsn: string, opts) => runTimeline(bsn, { db: opts.db, asOf: opts.asOf, today: opts.today, mask: opts.mask }, (x) => console.log(x)));

program
  .command('files')
  .description('toon per bestand de uitkomst van een import (standaard de laatste)')
  .requiredOption('--db <bestand>', 'de database')
  .addOption(new Option('--status <status>', 'alleen deze uitkomst').choices(['imported', 'issues', 'duplicate', 'rejected']))
  .option('--run <n>', 'import-run', int('--run', 1))
  .addOption(new Option('--format <format>', 'uitvoer').choices(['table', 'json']).default('table'))
  .action((opts) => runFiles(opts.db, { status: opts.status, run: opts.run, format: opts.format }, (x) => console.log(x)));

program
  .command('checks')
  .description('toon alle controles: per bericht (niveau 2) en over de keten, met de regels die niet uit het berichtenverkeer te toetsen zijn')
  .action(() => {
    console.log('Controles over de keten van een cliënt:');
    for (const c of CHAIN_CHECKS) {
      if (c.scope === 'N') continue;
      console.log(`  ${c.id.padEnd(8)} ${c.title}  [${c.refs.join(', ')}]`);
    }
    console.log('\nControles per bericht (naast de XSD-controle, niveau 1):');
    for (const r of SINGLE_MESSAGE_RULES) console.log(`  ${r.id.padEnd(14)} ${r.title}${r.retourcode ? ` (retourcode ${r.retourcode})` : ''}`);
    console.log('\nNiet toetsbaar uit het berichtenverkeer:');
    for (const c of CHAIN_CHECKS.filter((x) => x.scope === 'N' || x.notCheckable)) console.log(`  ${c.id.padEnd(8)} ${c.title}: ${c.notCheckable ?? ''}`);
  });

program
  .command('read')
  .description('lees berichten en toon per bestand type, afzender, ontvanger, cliënt en de afwijkingen t.o.v. de XSD (standaard: het meegeleverde voorbeeldarchief)')
  .argument('[paden...]', 'bestanden en mappen (recursief)')
  .addOption(new Option('--format <format>', 'uitvoer').choices(['table', 'json']).default('table'))
  .option('--mask', 'toon BSN\'s gemaskeerd', false)
  .option('--all', 'toon ook informatieve meldingen', false)
  .option('--max-bytes <n>', 'weiger bestanden groter dan dit', int('--max-bytes', 1), DEFAULT_READ_MAX)
  .action(async (paths: string[], opts) => {
    const targets = paths.length > 0 ? paths : [exampleArchive()];
    const base = paths.length > 0 ? process.cwd() : exampleArchive();
    if (paths.length === 0 && opts.format === 'table') console.log(`Voorbeeldarchief: ${base}\n`);
    await runRead(targets, base, { format: opts.format, mask: opts.mask, maxBytes: opts.maxBytes, all: opts.all }, (s) => console.log(s));
  });

program
  .command('generate')
  .description('schrijf een realistisch, reproduceerbaar archief met berichten (met manifest.json)')
  .requiredOption('--clients <n>', 'aantal cliënten', int('--clients', 1))
  .option('--seed <n>', 'startwaarde van de toevalsgenerator', int('--seed'), 1)
  .requiredOption('--out <map>', 'doelmap')
  .addOption(new Option('--standard <std>', 'standaard').choices(['iwmo', 'ijw', 'both']).default('both'))
  .option('--inject <checks>', `afwijkingen om in te bouwen, komma-gescheiden: ${Object.keys(INJECTABLE).join(',')}`)
  .option('--until <datum>', 'laatste datum in het archief (JJJJ-MM-DD)', '2026-10-31')
  .option('--mirror', 'zet elk bericht ook in de map ontvangen van de ontvanger', false)
  .action((opts) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.until)) throw new InvalidArgumentError('--until moet JJJJ-MM-DD zijn');
    runGenerate(opts.out, {
      clients: opts.clients, seed: opts.seed, standard: opts.standard, until: opts.until, mirror: opts.mirror,
      inject: opts.inject ? String(opts.inject).split(',') : [],
    }, (s) => console.log(s));
  });

program.parseAsync(process.argv).catch((e: Error) => {
  console.error(`ketenlens: ${e.message}`);
  process.exit(2);
});
process.on('uncaughtException', (e) => {
  console.error(`ketenlens: ${e.message}`);
  process.exit(2);
});
