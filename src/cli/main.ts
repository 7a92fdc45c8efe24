// The `ketenlens` command line. Commands call the core in-process.
import { Command, InvalidArgumentError, Option } from 'commander';
import { INJECTABLE } from '../core/domain/generate';
import { exampleArchive, packageVersion } from './paths';
import { runGenerate } from './generate-command';
import { DEFAULT_READ_MAX, runRead } from './read-command';
import { runFiles, runImport } from './import-command';

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
  .command('read')
  .description('lees berichten en toon per bestand type, afzender, ontvanger, cliënt en de afwijkingen t.o.v. de XSD (standaard: het meegeleverde voorbeeldarchief)')
  .argument('[paden...]', 'bestanden en mappen (recursief)')
  .addOption(new Option('--format <format>', 'uitvoer').choices(['table', 'json']).default('table'))
  .option('--mask', 'toon BSN\'s gemaskeerd', false)
  .option('--all', 'toon ook informatieve meldingen', false)
  .option('--max-bytes <n>', 'weiger bestanden groter dan dit', int('--max-bytes', 1), DEFAULT_READ_MAX)
  .action((paths: string[], opts) => {
    const targets = paths.length > 0 ? paths : [exampleArchive()];
    const base = paths.length > 0 ? process.cwd() : exampleArchive();
    if (paths.length === 0 && opts.format === 'table') console.log(`Voorbeeldarchief: ${base}\n`);
    runRead(targets, base, { format: opts.format, mask: opts.mask, maxBytes: opts.maxBytes, all: opts.all }, (s) => console.log(s));
  });

program
  .command('import')
  .description('importeer bestanden, mappen en zip-archieven in een lokale database (standaard: het meegeleverde voorbeeldarchief)')
  .argument('[paden...]', 'bestanden, mappen (recursief) en .zip-archieven')
  .option('--db <bestand>', 'de database', 'ketenlens.db')
  .option('--workers <n>', 'aantal parse-threads (standaard één per kern)', int('--workers'))
  .option('--max-bytes <n>', 'weiger bestanden groter dan dit', int('--max-bytes', 1), DEFAULT_READ_MAX)
  .option('--json', 'samenvatting als JSON', false)
  .action(async (paths: string[], opts) => {
    const targets = paths.length > 0 ? paths : [exampleArchive()];
    if (paths.length === 0 && !opts.json) console.log(`Voorbeeldarchief: ${targets[0]} → ${opts.db}`);
    const s = await runImport(targets, opts.db, { workers: opts.workers, maxBytes: opts.maxBytes, json: opts.json }, (x) => console.log(x), (x) => process.stderr.write(x));
    if (s.status === 'failed') process.exitCode = 2;
  });

program
  .command('files')
  .description('toon per bestand de uitkomst van een import (standaard de laatste)')
  .requiredOption('--db <bestand>', 'de database')
  .addOption(new Option('--status <status>', 'alleen deze uitkomst').choices(['imported', 'issues', 'duplicate', 'rejected']))
  .option('--run <n>', 'import-run', int('--run', 1))
  .addOption(new Option('--format <format>', 'uitvoer').choices(['table', 'json']).default('table'))
  .action((opts) => runFiles(opts.db, { status: opts.status, run: opts.run, format: opts.format }, (x) => console.log(x)));

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
