"""Event patterns as data: the trigger table (patterns/events.tsv) and framing rules (patterns/frames.json).

Both files are validated on load; every problem is a DataFileError naming the file and the line.
See docs/coder.md for the format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from eventwire.datafiles import read_json_data, word_list
from eventwire.errors import DataFileError

PATTERN_DIR = Path(__file__).resolve().parent / "patterns"
EVENTS_FILE = PATTERN_DIR / "events.tsv"
FRAMES_FILE = PATTERN_DIR / "frames.json"
IRREGULAR_FILE = PATTERN_DIR / "irregular_forms.json"

COLUMNS = ("id", "trigger", "pos", "cameo", "target", "when", "flags")
POS = {"V": ("VERB", "AUX"), "N": ("NOUN", "PROPN"), "A": ("ADJ",)}
# Constraint keys the matcher understands (matcher.satisfies); `pobj:PREP` and `nopobj` take a preposition.
# Keys that take no values ('noclause'): they say only that something is absent.
# ('traded': made under a deal of trade or in exchange for something, trade.traded; 'ifclause': a that-clause, if
# there is one, tells what the one warned stands to suffer, matcher._stakes_told: 'warned Kampala that it would act
# if ...')
BARE_KEYS = frozenset({"nooprd", "noxcomp", "noclause", "noparticiple", "noinf", "pairsubj", "nopairsubj", "traded",
                       "ifclause"})
WHEN_KEYS = {
    "obj", "notobj", "prt", "noprt", "mod", "nomod", "head", "statehead", "xcomp", "notxcomp", "oprd", "nopobj",
    "objpos", "subj", "notsubj", "stock", "via", "purpose", *BARE_KEYS,
}
# command: 'ordered the newspaper to suspend publication' is the embedded act, done by the one who orders.
FRAME_KINDS = {"intent", "threat", "reject", "demand", "appeal", "accuse", "command"}
MAPPING_KINDS = ("intent", "threat", "reject", "demand", "appeal", "accuse", "riot", "walkout")


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    lemma: str
    pos: str  # V, N or A
    cameo: str
    targets: tuple[str, ...]  # roles tried in order: obj, dative, poss, objposs, prep:X
    when: dict[str, frozenset[str]]
    recip: bool = False
    frame: str | None = None
    ctx_lemmas: frozenset[str] = frozenset()
    ctx_codes: tuple[str, str] | None = None  # (forward, reverse) when the sentence holds ctx_lemmas
    source_role: str | None = None
    need_target: bool = False  # code only when a target is found ('visited' alone says nothing)
    state_code: str | None = None  # the code when a state or government does it ('China protested' = 114)
    need_embedded: bool = False  # a framing word coded only through the event it frames ('plan to')
    # A transfer coded whatever is handed over ('provided Sri Lanka with two patrol boats'), but only goods
    # between known parties: no message, view or document (non_actors.json 'not_goods'), no event word of
    # its own ('received criticism from'), and no firm on either side (firms trade, they do not aid).
    need_goods: bool = False
    # A row that codes nothing: where it matches, the weaker rows of its word do not ('a cyclone killed 40').
    block: bool = False
    line: int = 0

    @property
    def specificity(self) -> tuple[int, int]:
        # More constraints first, then the more specific (longer) CAMEO code.
        # A governing-verb list ('head') is the weakest constraint: 'humanitarian aid' beats 'provide aid'.
        # A row that takes its source from a by/from phrase must win where it applies ('received aid from').
        # 'noparticiple' and 'ifclause' only narrow where a row applies, and say nothing of what was done.
        return (
            len([k for k in self.when if k not in ("head", "statehead", "noparticiple", "ifclause")])
            + int(self.source_role is not None),
            len(self.cameo),
            int("head" in self.when or "statehead" in self.when),
        )


@dataclass(frozen=True, slots=True)
class Frames:
    light_verbs: frozenset[str]
    say_verbs: frozenset[str]
    object_control: frozenset[str]
    future_aux: frozenset[str]
    reported_future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    obligation_aux: frozenset[str]
    conditional_marks: frozenset[str]
    pronouns: frozenset[str]
    cooperative_roots: frozenset[str]
    conflict_roots: frozenset[str]
    unfulfilled_future_roots: frozenset[str]
    # CAMEO roots whose act, left with no target, takes the one its conjoined verb acted on ('accused Beijing
    # of dumping steel and threatened tariffs')
    shared_target_roots: frozenset[str] = frozenset()
    mappings: dict[str, dict[str, str]] = field(default_factory=dict)
    accuse_nouns: dict[str, str] = field(default_factory=dict)  # noun lemma -> code
    demand_nouns: frozenset[str] = frozenset()  # nouns whose that-clause is asked for ('the demand that X go')
    # CAMEO roots whose agentless passive is the reporting speaker's act ('troops were mobilised, the army said')
    speaker_source_roots: frozenset[str] = frozenset()
    mover_nouns: frozenset[str] = frozenset()  # nouns whose of-phrase moves: 'the withdrawal of X troops'
    # nouns of calling one's own envoy home, whose envoy's owner acts: 'the recall of Algeria's ambassador'
    recall_nouns: frozenset[str] = frozenset()
    # Fighting the police is rioting when the fighters are civilians ('farmers battled police'): the sectors
    # on each side; the 'riot' mapping gives the code.
    riot_doer_sectors: frozenset[str] = frozenset()
    riot_against_sectors: frozenset[str] = frozenset()
    # Workers who 'strike' something walk out on it ('its members have struck the networks'): the sectors
    # and trigger words; the 'walkout' mapping gives the code.
    # 'flew to Moscow for talks', 'gathered in Geneva for talks': verbs of going or meeting whose for-phrase is the
    # event their subject went for
    purpose_heads: frozenset[str] = frozenset()
    # CAMEO roots whose mutual wordings ('cut ties with') are one party's act once the other is named
    one_way_roots: frozenset[str] = frozenset()
    walkout_sectors: frozenset[str] = frozenset()
    walkout_triggers: frozenset[str] = frozenset()

    def map_code(self, kind: str, code: str) -> str | None:
        """The code a frame of `kind` gives an embedded event coded `code` (longest prefix wins)."""
        table = self.mappings[kind]
        for n in range(len(code), 0, -1):
            hit = table.get(code[:n])
            if hit:
                return hit
        return None


@dataclass(frozen=True, slots=True)
class PatternSet:
    patterns: tuple[Pattern, ...]
    frames: Frames
    by_trigger: dict[tuple[str, str], tuple[Pattern, ...]]
    path: str

    # Derived once: the matcher asks for these for every sentence and every token it tests.
    frame_lemmas: frozenset[str] = field(init=False)
    lemmas: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "frame_lemmas", frozenset(p.lemma for p in self.patterns if p.frame is not None))
        object.__setattr__(self, "lemmas", frozenset(lemma for lemma, _ in self.by_trigger))


def _known_codes() -> frozenset[str] | None:
    try:
        from eventwire.ontology import load_ontology
    except ImportError:  # the ontology is a sibling package; without it codes are checked for shape only
        return None
    return frozenset(load_ontology().cameo)


def _check_code(code: str, known: frozenset[str] | None, path: str, where: str) -> None:
    if not (code.isdigit() and 2 <= len(code) <= 4 and "01" <= code[:2] <= "20"):
        raise DataFileError(path, f"{where}: {code!r} is not a CAMEO code")
    if known is not None and code not in known:
        raise DataFileError(path, f"{where}: CAMEO code {code} is not in the ontology")


WORD_SETS_FILE = PATTERN_DIR / "word_sets.json"
# 'obj=town|city|@place': '@place' also accepts an object the parser tags as a named place ('captured Kidal'), and
# 'pobj:for=@place' such an object of the preposition ('left for Moscow');
# the matcher reads it, it names no word set.
PLACE_MARK = "@place"


@cache
def word_sets() -> dict[str, frozenset[str]]:
    """The shared word lists rows name as '@name' ('obj=@forces': every kind of armed force); read once per process
    (every pattern file and the coder ask for them)."""
    data = read_json_data(WORD_SETS_FILE)
    sets = data.get("sets")
    if not isinstance(sets, dict) or not all(
            isinstance(v, list) and all(isinstance(w, str) for w in v) for v in sets.values()):
        raise DataFileError(str(WORD_SETS_FILE), "'sets' must map names to lists of words")
    out = {name: frozenset(w.lower() for w in words) for name, words in sets.items()}
    # 'withdrew from ECOWAS' as from 'the bloc': the acronyms of the actor data's inter-governmental bodies
    out["bloc_acronyms"] = _bloc_acronyms()
    out["organisations"] = out.get("organisations", frozenset()) | out["bloc_acronyms"]
    return out


def _bloc_acronyms() -> frozenset[str]:
    """The acronyms of the inter-governmental bodies in the actor data ('ECOWAS', 'CSTO', 'SADC'), lower case: a
    state joins, leaves or withdraws from them as from the bodies the 'organisations' word set names."""
    from eventwire.actors.data_files import DATA_DIR, read_table  # the actor data's reader; imported on first use

    _kind, _source, rows = read_table(DATA_DIR / "organisations.tsv")
    return frozenset(
        alias.lower() for _line, row in rows if row.get("country") == "IGO"
        for alias in row.get("aliases", "").split("|") if alias.isupper() and len(alias) > 2 and alias.isalpha()
    )


def _expand(value: str, sets: dict[str, frozenset[str]], path: str, where: str) -> frozenset[str]:
    if not value.startswith("@") or value == PLACE_MARK:
        return frozenset({value})
    if value[1:] not in sets:
        raise DataFileError(path, f"{where}: unknown word set {value!r} (see {WORD_SETS_FILE.name})")
    return sets[value[1:]]


def _parse_when(
    text: str, path: str, where: str, sets: dict[str, frozenset[str]] | None = None
) -> dict[str, frozenset[str]]:
    when: dict[str, frozenset[str]] = {}
    if text in ("", "-"):
        return when
    for part in text.split(";"):
        key, sep, values = part.partition("=")
        key = key.strip()
        base = key.split(":", 1)[0]
        if base in ("pobj", "notpobj"):
            if ":" not in key:
                raise DataFileError(path, f"{where}: 'pobj' needs a preposition, as pobj:with=...")
        elif base not in WHEN_KEYS:
            raise DataFileError(path, f"{where}: unknown constraint {key!r}")
        if base in BARE_KEYS:
            when[key] = frozenset()
            continue
        if not sep or not values.strip():
            raise DataFileError(path, f"{where}: constraint {key!r} has no values")
        when[key] = frozenset().union(*(
            _expand(v.strip().lower(), sets or {}, path, where) for v in values.split("|") if v.strip()))
    return when


def _parse_targets(text: str, path: str, where: str) -> tuple[str, ...]:
    if text in ("", "-"):
        return ()
    roles = tuple(r.strip() for r in text.split("|"))
    for role in roles:
        if role in ("obj", "dative", "poss", "objposs", "clause") or (role.startswith("prep:") and len(role) > 5):
            continue
        raise DataFileError(path, f"{where}: unknown target role {role!r}")
    return roles


def _parse_row(
    cells: list[str], known: frozenset[str] | None, path: str, lineno: int,
    sets: dict[str, frozenset[str]] | None = None,
) -> Pattern:
    where = f"line {lineno}"
    pid, trigger, pos, cameo, target, when_text, flags_text = (c.strip() for c in cells)
    if not pid or not trigger:
        raise DataFileError(path, f"{where}: id and trigger are required")
    if pos not in POS:
        raise DataFileError(path, f"{where}: pos must be V, N or A, got {pos!r}")
    _check_code(cameo, known, path, where)
    recip, frame, source_role, need_target, state_code = False, None, None, False, None
    need_embedded = need_goods = block = False
    ctx_lemmas: frozenset[str] = frozenset()
    ctx_codes: tuple[str, str] | None = None
    for flag in (f.strip() for f in flags_text.split(";") if f.strip() and f.strip() != "-"):
        if flag == "recip":
            recip = True
        elif flag.startswith("frame="):
            frame = flag[6:]
            if frame not in FRAME_KINDS:
                raise DataFileError(path, f"{where}: unknown frame {frame!r}")
        elif flag.startswith("ctx="):
            lemmas, _, codes = flag[4:].partition(":")
            fwd, _, rev = codes.partition("/")
            for c in (fwd, rev):
                _check_code(c, known, path, where)
            ctx_lemmas, ctx_codes = frozenset(lemmas.split("|")), (fwd, rev)
        elif flag.startswith("src="):
            source_role = flag[4:]
            if not source_role.startswith("prep:") and source_role not in ("speaker", "sayer"):
                raise DataFileError(path, f"{where}: src= takes a prep:X role, 'speaker' or 'sayer'")
        elif flag == "need=target":
            need_target = True
        elif flag == "need=embedded":
            need_embedded = True
        elif flag == "need=goods":
            need_goods = True
        elif flag == "block":
            block = True
        elif flag.startswith("state="):
            state_code = flag[6:]
            _check_code(state_code, known, path, where)
        else:
            raise DataFileError(path, f"{where}: unknown flag {flag!r}")
    return Pattern(
        id=pid,
        lemma=trigger.lower(),
        pos=pos,
        cameo=cameo,
        targets=_parse_targets(target, path, where),
        when=_parse_when(when_text, path, where, sets),
        recip=recip,
        frame=frame,
        ctx_lemmas=ctx_lemmas,
        ctx_codes=ctx_codes,
        source_role=source_role,
        need_target=need_target,
        state_code=state_code,
        need_embedded=need_embedded,
        need_goods=need_goods,
        block=block,
        line=lineno,
    )


def read_patterns(path: str | Path) -> tuple[Pattern, ...]:
    path = Path(path)
    spath = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(spath, "file not found") from None
    except UnicodeDecodeError as e:
        raise DataFileError(spath, f"not UTF-8 ({e.reason} at byte {e.start})") from None
    lines = text.splitlines()
    if not any(line.startswith("# source:") for line in lines[:10]):
        raise DataFileError(spath, "missing '# source:' header: a data file names where its facts come from")
    known = _known_codes()
    sets = word_sets()
    patterns: list[Pattern] = []
    seen: set[str] = set()
    header_seen = False
    for lineno, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(c.strip() for c in cells) != COLUMNS:
                raise DataFileError(spath, f"line {lineno}: header must be {' '.join(COLUMNS)}")
            header_seen = True
            continue
        if len(cells) != len(COLUMNS):
            raise DataFileError(
                spath, f"line {lineno}: expected {len(COLUMNS)} tab-separated columns, got {len(cells)}"
            )
        pattern = _parse_row(cells, known, spath, lineno, sets)
        if pattern.id in seen:
            raise DataFileError(spath, f"line {lineno}: duplicate pattern id {pattern.id!r}")
        seen.add(pattern.id)
        patterns.append(pattern)
    if not patterns:
        raise DataFileError(spath, "no patterns")
    return tuple(patterns)


def irregular_forms(path: str | Path = IRREGULAR_FILE) -> dict[str, list[str]]:
    """Lemma -> its irregular surface forms ('meet' -> ['met']), for the prefilter and the matcher."""
    forms = read_json_data(path).get("forms")
    if not isinstance(forms, dict) or not all(
        isinstance(v, list) and all(isinstance(f, str) for f in v) for v in forms.values()
    ):
        raise DataFileError(str(path), "'forms' must be an object of lemma -> list of forms")
    return forms


def read_frames(path: str | Path) -> Frames:
    spath = str(path)
    data = read_json_data(path)
    known = _known_codes()

    def words(key: str) -> frozenset[str]:
        return word_list(data, key, spath)

    mappings: dict[str, dict[str, str]] = {}
    for kind in MAPPING_KINDS:
        table = data.get(kind)
        if not isinstance(table, dict):
            raise DataFileError(spath, f"'{kind}' must be an object of CAMEO prefix -> code")
        for prefix, code in table.items():
            if not prefix.isdigit():
                raise DataFileError(spath, f"'{kind}': key {prefix!r} is not a code prefix")
            _check_code(str(code), known, spath, f"'{kind}'[{prefix}]")
        mappings[kind] = dict(table)
    accuse_nouns: dict[str, str] = {}
    for code, nouns in (data.get("accuse_nouns") or {}).items():
        _check_code(code, known, spath, f"'accuse_nouns'[{code}]")
        for noun in nouns:
            accuse_nouns[noun.lower()] = code
    return Frames(
        light_verbs=words("light_verbs"),
        say_verbs=words("say_verbs"),
        object_control=words("object_control"),
        future_aux=words("future_aux"),
        reported_future_aux=words("reported_future_aux"),
        hypothetical_aux=words("hypothetical_aux"),
        obligation_aux=words("obligation_aux"),
        conditional_marks=words("conditional_marks"),
        pronouns=words("pronouns"),
        cooperative_roots=words("cooperative_roots"),
        conflict_roots=words("conflict_roots"),
        unfulfilled_future_roots=words("unfulfilled_future_roots"),
        shared_target_roots=words("shared_target_roots") if "shared_target_roots" in data else frozenset(),
        mappings=mappings,
        accuse_nouns=accuse_nouns,
        demand_nouns=words("demand_nouns") if "demand_nouns" in data else frozenset(),
        speaker_source_roots=words("speaker_source_roots") if "speaker_source_roots" in data else frozenset(),
        mover_nouns=words("mover_nouns") if "mover_nouns" in data else frozenset(),
        recall_nouns=words("recall_nouns") if "recall_nouns" in data else frozenset(),
        riot_doer_sectors=words("riot_doer_sectors"),
        riot_against_sectors=words("riot_against_sectors"),
        purpose_heads=words("purpose_heads"),
        one_way_roots=words("one_way_roots"),
        walkout_sectors=words("walkout_sectors"),
        walkout_triggers=words("walkout_triggers"),
    )


def bundled_pattern_files() -> list[Path]:
    return [EVENTS_FILE, *sorted(PATTERN_DIR.glob("events_*.tsv"))]


def load_patterns(
    *, patterns_file: str | Path | None = None, frames_file: str | Path | None = None
) -> PatternSet:
    # The bundled table is events.tsv plus any events_*.tsv beside it (one file per area of wording), read
    # in name order after events.tsv: on a tie in specificity the row read first wins.
    paths = [Path(patterns_file)] if patterns_file is not None else bundled_pattern_files()
    rows: list[Pattern] = []
    ids: dict[str, Path] = {}
    for path in paths:
        for p in read_patterns(path):
            if p.id in ids:
                raise DataFileError(str(path), f"pattern id {p.id!r} is already defined in {ids[p.id].name}")
            ids[p.id] = path
            rows.append(p)
    patterns = tuple(rows)
    path = paths[0]
    frames = read_frames(frames_file if frames_file is not None else FRAMES_FILE)
    index: dict[tuple[str, str], list[Pattern]] = {}
    for p in patterns:
        index.setdefault((p.lemma, p.pos), []).append(p)
    by_trigger = {
        key: tuple(sorted(group, key=lambda p: p.specificity, reverse=True)) for key, group in index.items()
    }
    return PatternSet(patterns=patterns, frames=frames, by_trigger=by_trigger, path=str(path))
