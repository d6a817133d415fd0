/**
 * The trigger scan: does a file's text mention anything keyguard analyses? It runs on every linted file
 * (most of which have no crypto at all), so it is the whole of keyguard's cost on an ordinary file and is
 * built for speed: one pass over the text's bytes for all needles at once, instead of one substring
 * search per needle (which cost 0.19 ms per file on the corpus, about 2% of ESLint's own time).
 *
 * Each needle is indexed by one "anchor" bigram inside it, chosen to be rare in JS/TS source; the scan
 * walks the text's bytes with a rolling bigram and verifies only the needles anchored on the bigram it
 * sees. The answer is exactly that of the trigger expression (`Registry.trigger`), which the tests check.
 */

/**
 * The 400 most frequent printable bigrams of the benchmark corpus (6,741 files, 52 million bigrams without
 * whitespace), most frequent first: together 77% of them. An anchor is chosen as far down this list as the
 * needle allows; a bigram not listed counts as rare. Only speed depends on this table, never answers.
 * Printed by `node bench/bigrams.mjs` from the corpus that `node bench/corpus.mjs` installs. The table before
 * it (the 200 most frequent, from an older corpus) left out runs such as `--` (comment rules, `i--`), which
 * then anchored `-----BEGIN`: a quarter of the scan's checks of candidates on files with no crypto.
 */
const COMMON_BIGRAMS =
  "onreerinenthatteorstettiesntdeioiscosenslearalro);pemectraureds.heitngecodndtaasri--trnehituifncexrtantorngeypunliceamssvefi==rrnoacpasiulchpoueomtyeatsvakecalaprptopilicmaigounall//utemrse.e(/**/loefhaeyelagt.ide)xpluckfool()ote,mpadCosous))dibefulst(blieReclcrryInocimofxtfffaumsuda(towTyrult0xosaynuStr(shPrgnmb.sapfeais)saiamiab**.cpuquir.pPaews,scpl(nDemooonfgtjet)&&s(nirgbo(sevt,(cn(eqivbj),ExErr.\",ArubhoviKeupoie;No.l.t00LiepspokizNaldTottrcba__ipe:zeFi\").e=>eg||})wibuaurme_freetcdu')0,wa.ir)ob(iy(Thcugi.rMaSelygs(pePrd(eIdpptSytddhrbiuidoeStTsy('._Led)uc.mn.d(r,...a0;Op',ER!=s_s:};(r.f@pbymmn).dd,voCaymccufh(ynVa];dswon,ObSiMooveo.gmsd.ONeE(\"ciogweeT(veFs[eCDil(rvSynvy..ohtMet_nn_1pi(!1.uaguChys(otC(aeIeNjs_c],).Enak(dnktEg(0)(f_awhOf},goibt:ki.n${32eAawtpE_mugIlvg../_iEv_tixt;Cl1,l.";

const RANK = new Map<string, number>();
for (let i = 0; i + 1 < COMMON_BIGRAMS.length; i += 2) RANK.set(COMMON_BIGRAMS.slice(i, i + 2), i / 2);

/** How common a bigram is: lower is more common; whitespace counts as most common. */
function rarity(bigram: string): number {
  if (/\s/.test(bigram)) return -1;
  return RANK.get(bigram) ?? 1000;
}

function isQuote(code: number): boolean {
  return code === 0x27 || code === 0x22 || code === 0x60;
}
const SLASH = 0x2f;

interface Needle {
  text: string;
  /** offset of the anchor bigram inside `text` */
  offset: number;
  /** module specifiers only count when quoted: `'ws'`, `"node:tls"`, `` `crypto-js/aes` `` */
  quoted: boolean;
  /** a quoted needle that already ends in its closing quote or `/` */
  closed: boolean;
}

/** A bigram of two 7-bit codes; bytes above 127 alias into the table, which only costs a failed check. */
const key = (a: number, b: number) => ((a & 0x7f) << 7) | (b & 0x7f);

/** Reused for every file up to 1 MB; larger files get a buffer of their own. */
let scratch = Buffer.alloc(1 << 16);
const SCRATCH_LIMIT = 1 << 20;

export class TriggerScanner {
  /** bigram -> index + 1 into `buckets` (0: no needle anchored there) */
  private readonly table = new Uint16Array(1 << 14);
  private readonly buckets: Needle[][] = [];

  /**
   * @param words substrings that trigger wherever they occur
   * @param modules module names (package roots) that trigger when quoted, optionally after `node:`, and
   *   followed by a quote or a `/` (a subpath)
   */
  constructor(words: Iterable<string>, modules: Iterable<string>) {
    for (const word of words) this.add(word, false, false);
    for (const module of modules) {
      // A two-letter name has one bigram, as common as `ws` or `pg`: anchor on the name plus its closing
      // character instead, so the bigram is rarer and the check stays exact.
      if (module.length < 3) for (const close of ["'", '"', '`', '/']) this.add(module + close, true, true);
      else this.add(module, true, false);
    }
  }

  private add(text: string, quoted: boolean, closed: boolean): void {
    if (text.length < 2) throw new Error(`keyguard: trigger ${JSON.stringify(text)} is too short to index`);
    let offset = 0;
    for (let i = 1; i + 1 < text.length; i++) {
      if (rarity(text.slice(i, i + 2)) > rarity(text.slice(offset, offset + 2))) offset = i;
    }
    const slot = key(text.charCodeAt(offset), text.charCodeAt(offset + 1));
    if (this.table[slot] === 0) {
      this.buckets.push([]);
      this.table[slot] = this.buckets.length;
    }
    this.buckets[this.table[slot]! - 1]!.push({ text, offset, quoted, closed });
  }

  /** Does `text` contain a trigger? */
  test(text: string): boolean {
    return this.scan(text, null);
  }

  /** Every word or module of this scanner that `text` contains (one pass, like {@link test}). */
  matches(text: string): Set<string> {
    const found = new Set<string>();
    this.scan(text, found);
    return found;
  }

  /** With `found`, collects every needle seen instead of stopping at the first. */
  private scan(text: string, found: Set<string> | null): boolean {
    const length = text.length;
    if (length < 2) return false;
    // latin1 keeps one byte per UTF-16 unit, so byte offsets are string offsets; a typed-array loop is
    // several times faster in V8 than charCodeAt over strings of mixed representations.
    let bytes: Buffer;
    if (length <= SCRATCH_LIMIT) {
      if (length > scratch.length) scratch = Buffer.alloc(2 ** Math.ceil(Math.log2(length)));
      scratch.write(text, 0, length, 'latin1');
      bytes = scratch;
    } else {
      bytes = Buffer.from(text, 'latin1');
    }
    const table = this.table;
    let previous = bytes[0]!;
    for (let i = 1; i < length; i++) {
      const current = bytes[i]!;
      const slot = table[((previous & 0x7f) << 7) | (current & 0x7f)]!;
      previous = current;
      if (slot !== 0 && this.verify(text, i - 1, this.buckets[slot - 1]!, found) && !found) return true;
    }
    return found !== null && found.size > 0;
  }

  private verify(text: string, at: number, bucket: readonly Needle[], found: Set<string> | null): boolean {
    let any = false;
    for (const needle of bucket) {
      const start = at - needle.offset;
      if (start < 0 || !text.startsWith(needle.text, start)) continue;
      let hit = !needle.quoted;
      if (!hit && (needle.closed || isClosing(text.charCodeAt(start + needle.text.length)))) {
        hit = isQuote(text.charCodeAt(start - 1)) || (start >= 6 && text.startsWith('node:', start - 5) && isQuote(text.charCodeAt(start - 6)));
      }
      if (!hit) continue;
      if (!found) return true;
      found.add(needle.closed ? needle.text.slice(0, -1) : needle.text);
      any = true;
    }
    return any;
  }
}

function isClosing(code: number): boolean {
  return isQuote(code) || code === SLASH;
}
