//! Every text the user reads, in Dutch, in one place so that a second
//! language can follow. Board content (line names, sample items) is data,
//! not UI text, and lives in the model.

use crate::exchange::{ImportError, MAX_BYTES, VERSION};
use crate::model::limits::{self, Field, OverLimit};
use crate::model::{Invalid, OpError, Scope};
use crate::storage::{Problem, SaveError};

pub const APP_NAME: &str = "Planbord";
pub const PROGRAMME: &str = "Politie van Iedereen";

// Toolbar
pub const NEW_EMPTY_BOARD: &str = "Leeg bord beginnen";
pub const LOAD_SAMPLE: &str = "Voorbeeldbord laden";
pub const EXPORT: &str = "Exporteren";
pub const EXPORT_HINT: &str =
    "Het hele bord downloaden als bestand (JSON), om te bewaren of te mailen";
pub const TEAM: &str = "Team";
/// The toolbar's menu of the actions that do not fit beside the title.
pub const MORE: &str = "Meer";
pub const SHORTCUTS_HINT: &str =
    "Sneltoetsen op een kaart: Enter opent, Alt+←/→ andere kolom, Alt+↑/↓ andere lijn, \
     Alt+Shift+↑/↓ volgorde, Delete verwijdert.";

pub const SKIP_TO_BOARD: &str = "Naar het bord";

// Board
pub const BOARD_LABEL: &str = "Planbord";
pub const LINE: &str = "Lijn";
pub const COLUMN: &str = "Kolom";
pub const ADD_CARD: &str = "+ Kaart";
pub const NEW_CARD_PLACEHOLDER: &str = "Titel, Enter voegt toe, Esc stopt";
pub const UNTITLED: &str = "(zonder titel)";
pub const MOVE_TO: &str = "Verplaats naar…";
pub const MOVE: &str = "Verplaatsen";
pub const CANCEL: &str = "Annuleren";
pub const CLOSE: &str = "Sluiten";
pub const DELETE: &str = "Verwijderen";
pub const UNDO: &str = "Ongedaan maken";
pub const DISMISS: &str = "Melding sluiten";

// Card editor
pub const EDIT_CARD: &str = "Kaart bewerken";
pub const TITLE: &str = "Titel";
pub const NOTES: &str = "Notities";
pub const TREKKER: &str = "Trekker";
pub const TREKKER_HINT: &str = "Naam of rol, bijv. OE, OPCO, kerngroep";
pub const START: &str = "Startdatum";
pub const END: &str = "Einddatum";
pub const SCOPE: &str = "Intern of extern";
pub const SCOPE_NONE: &str = "Niet aangegeven";
pub const TAGS: &str = "Labels";
pub const TAGS_HINT: &str = "Gescheiden door komma's";
pub const CREATED: &str = "Aangemaakt";
pub const UPDATED: &str = "Laatst gewijzigd";

/// Roles suggested for the trekker field (DOMAIN.md).
pub const ROLES: &[&str] = &[
    "Kerngroep",
    "Klankbord",
    "OE",
    "OPCO",
    "Teamleiding",
    "Wijkagenten",
    "Netwerkagenten",
    "Sleutelfiguren",
    "Sectorhoofd",
];

// Confirmations
pub const CONFIRM_EMPTY_TITLE: &str = "Leeg bord beginnen?";
pub const CONFIRM_EMPTY_TEXT: &str =
    "Het huidige bord wordt vervangen door een leeg bord met de vijf lijnen. \
     Direct daarna kun je dit nog ongedaan maken.";
pub const CONFIRM_SAMPLE_TITLE: &str = "Voorbeeldbord laden?";
pub const CONFIRM_SAMPLE_TEXT: &str =
    "Het huidige bord wordt vervangen door het voorbeeldbord van Nieuw West Zuid. \
     Direct daarna kun je dit nog ongedaan maken.";
pub const EMPTY_BOARD_TITLE: &str = "Nieuw bord";

pub fn scope(s: Scope) -> &'static str {
    match s {
        Scope::Intern => "Intern",
        Scope::Extern => "Extern",
    }
}

pub fn line_label(number: u8, name: &str) -> String {
    format!("{LINE} {number}: {name}")
}

pub fn cell_label(number: u8, line: &str, column: &str) -> String {
    format!("{LINE} {number} {line}, {column}")
}

pub fn add_card_to(number: u8, column: &str) -> String {
    format!("Kaart toevoegen aan {LINE} {number}, {column}")
}

pub fn move_card(title: &str) -> String {
    format!("Verplaats kaart '{title}'")
}

pub fn card_count(n: usize) -> String {
    match n {
        1 => "1 kaart".into(),
        n => format!("{n} kaarten"),
    }
}

pub fn moved(title: &str, line: u8, column: &str) -> String {
    format!("Kaart '{title}' verplaatst naar {LINE} {line}, {column}")
}

pub fn added(title: &str) -> String {
    format!("Kaart '{title}' toegevoegd")
}

pub fn deleted(title: &str) -> String {
    format!("Kaart '{title}' verwijderd.")
}

pub fn restored(title: &str) -> String {
    format!("Kaart '{title}' teruggezet")
}

pub const UPDATED_ELSEWHERE: &str = "Het bord is bijgewerkt vanuit een ander venster.";
pub const UNDONE: &str = "Ongedaan gemaakt.";
pub const REDONE: &str = "Opnieuw gedaan.";
pub const UNDO_BUTTON: &str = "Ongedaan maken (Ctrl+Z)";
pub const REDO_BUTTON: &str = "Opnieuw (Ctrl+Shift+Z)";
pub const AT_EDGE: &str = "De kaart kan niet verder deze kant op.";
pub const BOARD_REPLACED_EMPTY: &str = "Leeg bord gestart.";
pub const BOARD_REPLACED_SAMPLE: &str = "Voorbeeldbord geladen.";
pub const BOARD_RESTORED: &str = "Vorige bord teruggezet.";

/// A whole number with Dutch thousands separators: 12.000.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

fn field_name(f: Field) -> &'static str {
    match f {
        Field::BoardTitle => "de titel van het bord",
        Field::Team => "de teamnaam",
        Field::LineName => "de naam van een lijn",
        Field::LineDescription => "de uitleg bij een lijn",
        Field::Knelpunten => "de knelpunten bij een lijn",
        Field::ColumnName => "de naam van een kolom",
        Field::Title => "de titel van een kaart",
        Field::Notes => "de notities",
        Field::Trekker => "de trekker",
        Field::Label => "een label",
        Field::Author => "een naam",
        Field::Comment => "een opmerking",
    }
}

/// A board that is not open could not be stored.
pub fn store_failed(title: &str, e: &SaveError) -> String {
    let why = match e {
        SaveError::Full => "de opslag van deze browser is vol".to_string(),
        SaveError::Unavailable => "deze browser staat geen opslag toe".to_string(),
        SaveError::Other(d) => format!("de browser weigerde ({d})"),
    };
    format!(
        "Bord '{}' kon niet worden opgeslagen: {why}. Er is niets veranderd. Maak ruimte \
         (leeg de prullenbak in Mijn borden of exporteer en verwijder borden) en probeer het \
         opnieuw.",
        limits::bounded(Field::BoardTitle, title)
    )
}

/// A merge would take the board past a bound.
pub fn merge_over_limit(e: &OverLimit) -> String {
    format!(
        "Samenvoegen zou het bord te groot maken: het kreeg {}. {NOTHING_CHANGED}",
        over_limit(e)
    )
}

pub const BOARD_REPAIRED: &str = "Bord hersteld: het past weer binnen de grenzen van Planbord.";
pub const OVER_LIMIT_TITLE: &str = "Dit bord is te groot om veilig te tonen";
pub const OVER_LIMIT_EXPORT_FIRST: &str = "Exporteer het bord eerst als bestand: dan blijft alles \
     bewaard zoals het is. Kies daarna ‘Herstellen’: Planbord maakt het bord passend door wat \
     te veel is weg te laten (te lange teksten worden ingekort, labels en kolommen boven het \
     maximum vervallen; kaarten uit een vervallen kolom gaan naar de eerste kolom). Herstellen \
     kan niet ongedaan worden gemaakt.";
pub const REPAIR: &str = "Herstellen";

/// Why a stored board is shown read-only.
pub fn over_limit_stored(e: &OverLimit) -> String {
    format!(
        "Het bord gaat over een grens van Planbord: {}. Het wordt daarom niet getekend en \
         kan niet worden bewerkt; er is niets veranderd.",
        over_limit(e)
    )
}

/// Which bound a board goes over, and what the bound is.
pub fn over_limit(e: &OverLimit) -> String {
    let n = thousands;
    match e {
        OverLimit::Cards(c) => format!(
            "{} kaarten, en een bord heeft er hoogstens {}",
            n(*c),
            n(limits::MAX_CARDS)
        ),
        OverLimit::Columns(c) => format!(
            "{} kolommen, en een bord heeft er hoogstens {}",
            n(*c),
            limits::MAX_COLUMNS
        ),
        OverLimit::ColumnsKept(c) => format!(
            "{} kolommen (verwijderde meegeteld), en een bord heeft er hoogstens {}",
            n(*c),
            limits::MAX_COLUMNS_KEPT
        ),
        OverLimit::Labels { card, count } => format!(
            "kaart '{card}' heeft {} labels, en een kaart heeft er hoogstens {}",
            n(*count),
            limits::MAX_LABELS
        ),
        OverLimit::Conflicts { card, count } => format!(
            "kaart '{card}' heeft {} open conflicten, en een kaart heeft er hoogstens {}",
            n(*count),
            limits::MAX_CONFLICTS
        ),
        OverLimit::Comments { card, count } => format!(
            "kaart '{card}' heeft {} opmerkingen, en een kaart heeft er hoogstens {}",
            n(*count),
            limits::MAX_COMMENTS
        ),
        OverLimit::History { card, count } => format!(
            "kaart '{card}' heeft {} wijzigingen in de geschiedenis, en een kaart bewaart er \
             hoogstens {}",
            n(*count),
            limits::MAX_HISTORY
        ),
        OverLimit::Text { field, card, chars } => {
            let on = card
                .as_ref()
                .map(|c| format!(" van kaart '{c}'"))
                .unwrap_or_default();
            format!(
                "{}{on} is {} tekens lang, en mag hoogstens {} tekens zijn",
                field_name(*field),
                n(*chars),
                n(field.max_chars())
            )
        }
        OverLimit::Tombstones(c) => format!(
            "{} onthouden verwijderde kaarten, en een bord onthoudt er hoogstens {}",
            n(*c),
            n(limits::MAX_TOMBSTONES)
        ),
        OverLimit::Extra(bytes) => format!(
            "{} kB aan gegevens die Planbord niet kent, en een bord draagt er hoogstens {} kB mee",
            n(bytes / 1024),
            limits::MAX_EXTRA_BYTES / 1024
        ),
    }
}

pub fn op_error(e: &OpError) -> &'static str {
    match e {
        OpError::UnknownItem => "Deze kaart bestaat niet meer.",
        OpError::BadValue => "Deze waarde past niet in dit veld; er is niets veranderd.",
        OpError::UnknownLine => "Die lijn bestaat niet.",
        OpError::UnknownColumn => "Die kolom bestaat niet.",
        OpError::EmptyTitle => "Een kaart heeft een titel nodig.",
        OpError::DuplicateId => "Deze kaart staat al op het bord.",
        OpError::EndBeforeStart => "De einddatum ligt vóór de startdatum; niet opgeslagen.",
        OpError::ColumnNotEmpty(_) => {
            "Deze kolom heeft nog kaarten; kies eerst waar die heen moeten."
        }
        OpError::LastColumn => "Het bord heeft minstens één kolom nodig.",
        OpError::TooManyCards => {
            "Dit bord heeft het maximum van 12.000 kaarten. Verwijder kaarten die klaar zijn, \
             of begin een nieuw bord."
        }
        OpError::TooManyColumns => {
            "Dit bord heeft het maximum van 30 kolommen. Verwijder eerst een kolom."
        }
        OpError::EmptyComment => {
            "Een lege opmerking wordt niet geplaatst: typ eerst tekst. Wil je een opmerking \
             weghalen, kies dan Verwijderen."
        }
        OpError::TooManyComments => {
            "Deze kaart heeft het maximum van 200 opmerkingen (verwijderde meegeteld); er \
             kan geen opmerking meer bij. Vat het gesprek samen in de notities van de kaart."
        }
        OpError::UnknownComment => {
            "Deze opmerking bestaat niet meer; misschien is ze net verwijderd."
        }
        OpError::NotYours => {
            "Alleen wie een opmerking schreef kan haar wijzigen of verwijderen. Controleer \
             ‘Jouw naam’ als dit jouw opmerking is."
        }
    }
}

pub fn invalid(e: &Invalid) -> String {
    match e {
        Invalid::Lines => "het bord heeft niet precies de vijf lijnen 1 t/m 5".into(),
        Invalid::NoColumns => "het bord heeft geen kolommen".into(),
        Invalid::DuplicateColumn(c) => format!("kolom '{c}' komt twee keer voor"),
        Invalid::DuplicateItem(t) => format!("kaart '{t}' komt twee keer voor"),
        Invalid::DuplicateComment(t) => {
            format!("een opmerking op kaart '{t}' komt twee keer voor")
        }
        Invalid::BadTime(t) => {
            format!("kaart '{t}' heeft een tijdstip buiten de jaren 1 tot en met 9999")
        }
        Invalid::UnknownLine(t) => format!("kaart '{t}' staat in een onbekende lijn"),
        Invalid::UnknownColumn(t) => format!("kaart '{t}' staat in een onbekende kolom"),
        Invalid::BadRank(t) => format!("kaart '{t}' heeft een ongeldige volgorde"),
        Invalid::EndBeforeStart(t) => format!("kaart '{t}' eindigt vóór de startdatum"),
    }
}

pub fn problem(p: &Problem) -> String {
    match p {
        Problem::NotJson(_) => "de gegevens zijn beschadigd".to_string(),
        Problem::NewerSchema(v) => {
            format!("ze zijn gemaakt door een nieuwere versie van Planbord (schema {v})")
        }
        Problem::Invalid(e) => invalid(e),
    }
}

/// Stored data could not be read and was kept aside under `key`.
pub fn unreadable_kept(p: &Problem, key: &str) -> String {
    format!(
        "Opgeslagen gegevens konden niet worden geopend: {}. Er is niets weggegooid: \
         ze zijn bewaard onder '{key}'; de andere borden werken gewoon.",
        problem(p)
    )
}

/// Stored data could not be read nor kept aside: do not write at all.
pub fn unreadable_untouched(p: &Problem) -> String {
    format!(
        "Opgeslagen gegevens konden niet worden geopend: {}. Om niets te verliezen slaat \
         Planbord in dit venster niets op; wijzigingen gaan verloren bij sluiten.",
        problem(p)
    )
}

pub const DOWNLOAD_BACKUP: &str = "Back-up downloaden";
pub const UPDATE_AVAILABLE: &str =
    "Nieuwe versie beschikbaar. Kies Herladen om over te stappen; je borden blijven bewaard.";
pub const RELOAD: &str = "Herladen";
pub const STORAGE_UNAVAILABLE: &str =
    "Deze browser staat opslaan niet toe. Het bord werkt, maar wijzigingen \
     worden niet bewaard als je het venster sluit.";
pub const STORAGE_LOCKED: &str =
    "Niet opgeslagen: de opslag bevat gegevens die dit venster niet kan lezen. Exporteer je werk.";
pub const STORAGE_FULL: &str =
    "De opslag van deze browser is vol: de laatste wijziging is niet opgeslagen. \
     Dit venster heeft hem nog. Exporteer het bord nu als bestand en sluit het \
     venster niet voordat dat gelukt is. Maak daarna ruimte vrij (leeg de \
     prullenbak, verwijder oude borden); de volgende wijziging slaat alles op.";

// Import
pub const IMPORT: &str = "Importeren";
pub const IMPORT_HINT: &str = "Een bordbestand (JSON) openen, samenvoegen of in de plaats zetten";
pub const IMPORT_TITLE: &str = "Bord importeren";
pub const DROP_FILE: &str = "Laat het bestand los om het te importeren";
pub const MERGE: &str = "Samenvoegen";
pub const REPLACE: &str = "Vervangen…";
pub const REPLACE_CONFIRM: &str = "Ja, vervangen";
pub const BACK: &str = "Terug";
pub const FILE_TITLE: &str = "Titel";
pub const FILE_YEAR: &str = "Jaar";
pub const FILE_VERSION: &str = "Bestandsversie";
pub const FILE_EXPORTED: &str = "Geëxporteerd";
pub const FILE_UNKNOWN: &str = "onbekend";
pub const CARDS: &str = "Kaarten";
pub const TOTAL: &str = "Totaal";
pub const SAME_BOARD: &str =
    "Dit is een versie van het bord dat nu open is. Samenvoegen neemt van elk veld van \
     elke kaart de laatste wijziging over, dus wijzigingen van beide kanten blijven. \
     Hebben beide kanten hetzelfde veld gewijzigd, dan zie je beide waarden en kies je.";
pub const IMPORT_FAILED_TITLE: &str = "Importeren lukt niet";
pub const NOTHING_CHANGED: &str = "Er is niets veranderd aan het bord.";
pub const MERGED_TITLE: &str = "Samengevoegd";
pub const MERGED: &str = "Bestand samengevoegd.";
pub const REPLACED: &str = "Bord vervangen door het geïmporteerde bord.";
pub const MERGE_NOTHING_NEW: &str = "Er was niets nieuws: het bord had alles al.";
pub const CONFLICTS_INTRO: &str = "Door beide kanten gewijzigd sinds de vorige uitwisseling. \
     De laatste waarde staat nu op het bord; de andere is bewaard. Kies per veld:";

pub fn other_board(open_title: &str) -> String {
    format!(
        "Dit is een ander bord dan het bord dat nu open is ('{open_title}'). Vervangen zet \
         het geïmporteerde bord in de plaats van het huidige; dat kun je direct daarna \
         ongedaan maken."
    )
}

pub fn replace_warning(title: &str, cards: usize) -> String {
    format!(
        "Het huidige bord '{title}' met {} wordt vervangen door het geïmporteerde bord. \
         Direct daarna kun je dit nog ongedaan maken.",
        card_count(cards)
    )
}

pub fn merge_counts(added: usize, updated: usize, removed: usize) -> String {
    format!("{added} nieuw, {updated} bijgewerkt, {removed} verwijderd.")
}

/// The common serde/chrono/uuid reasons in Dutch; anything else as it is.
/// The parser's reason in Dutch, without its own (English) words: those
/// go under "Technische details" (see [`import_error_details`]).
fn field_detail(detail: &str) -> String {
    if let Some(rest) = detail.strip_prefix("missing field `") {
        let name: String = rest.chars().take_while(|c| *c != '`').collect();
        return format!("het veld '{name}' ontbreekt");
    }
    let known = [
        ("invalid type", "verkeerd soort waarde"),
        // An import's enum (scope, status) given other than a string.
        ("expected value", "verkeerd soort waarde"),
        ("input is out of range", "die datum of tijd bestaat niet"),
        (
            "input contains invalid characters",
            "geen geldige datum of tijd",
        ),
        ("premature end of input", "geen geldige datum of tijd"),
        ("trailing input", "geen geldige datum of tijd"),
        ("unknown variant", "onbekende waarde"),
        ("UUID", "geen geldige id"),
        ("invalid length", "verkeerde lengte"),
        ("invalid value", "ongeldige waarde"),
    ];
    match known.iter().find(|(en, _)| detail.contains(en)) {
        Some((_, nl)) => nl.to_string(),
        None => "ongeldige waarde".to_string(),
    }
}

pub const TECHNICAL_DETAILS: &str = "Technische details";

/// What the parser said, for "Technische details" (for whoever helps the
/// user; the sentence itself stays Dutch).
pub fn import_error_details(e: &ImportError) -> Option<String> {
    match e {
        ImportError::Field { field, detail, .. } => Some(format!("{field}: {detail}")),
        _ => None,
    }
}

/// What the storage reader said, for "Technische details".
pub fn problem_details(p: &Problem) -> Option<String> {
    match p {
        Problem::NotJson(detail) => Some(detail.clone()),
        _ => None,
    }
}

pub fn import_error(e: &ImportError) -> String {
    let reason = match e {
        ImportError::Empty => "Het bestand is leeg.".to_string(),
        ImportError::TooLarge { bytes } => format!(
            "Het bestand is te groot ({:.1} MB); het maximum is {} MB.",
            *bytes as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        ),
        ImportError::NotUtf8 => "Het bestand is geen tekstbestand (UTF-8).".to_string(),
        ImportError::NotJson { line, column } => format!(
            "Het bestand is geen geldige JSON: de fout zit in regel {line}, kolom {column}. \
             Misschien is het niet helemaal meegekomen."
        ),
        ImportError::TooDeep => {
            "Het bestand is te diep genest om te lezen; het is geen bordbestand.".to_string()
        }
        ImportError::NotPlanbord => {
            "Dit is geen Planbord-bestand: het kenmerk \"format\": \"planbord\" ontbreekt."
                .to_string()
        }
        ImportError::BadVersion => {
            "Het versienummer (\"version\") van het bestand ontbreekt of is ongeldig.".to_string()
        }
        ImportError::Newer { version } => format!(
            "Het bestand is gemaakt met een nieuwere Planbord (bestandsversie {version}); \
             deze versie leest tot en met bestandsversie {VERSION}. Werk Planbord bij."
        ),
        ImportError::Field {
            item: Some((n, title)),
            field,
            detail,
        } => {
            format!(
                "Kaart {n} ('{title}'), veld '{field}' heeft een ongeldige waarde ({}).",
                field_detail(detail)
            )
        }
        ImportError::Field {
            item: None,
            field,
            detail,
        } if field == "?" => format!(
            "Het bestand is onvolledig of ongeldig ({}).",
            field_detail(detail)
        ),
        ImportError::Field {
            item: None,
            field,
            detail,
        } => format!(
            "Het veld '{field}' heeft een ongeldige waarde ({}).",
            field_detail(detail)
        ),
        ImportError::Invalid(e) => format!("Het bord in het bestand klopt niet: {}.", invalid(e)),
        ImportError::OverLimit(e) => format!(
            "Dit bestand is groter dan Planbord aankan: {}. Vraag de afzender het bord te \
             verkleinen.",
            over_limit(e)
        ),
    };
    format!("{reason} {NOTHING_CHANGED}")
}

// Workshop
pub const PRESENT: &str = "Presentatie";
pub const PRESENT_HINT: &str = "Volledig scherm, grote letters (toets p)";
pub const STOP_PRESENTING: &str = "Presentatie verlaten";
pub const HELP: &str = "Sneltoetsen";
pub const HELP_BUTTON: &str = "Sneltoetsen ( ? )";
pub const COLLAPSE: &str = "Inklappen";
pub const EXPAND: &str = "Uitklappen";
pub const COLLAPSE_ICON: &str = "▾";
pub const EXPAND_ICON: &str = "▸";
pub const FOCUS_ICON: &str = "⤢";
pub const ONLY_THIS_LINE: &str = "Alleen deze lijn";
pub const ALL_LINES: &str = "Alle lijnen";

/// The shortcuts, for the help overlay: (keys, what they do).
// Keyboard shortcuts: (keys, what they do), listed by the help in the
// order of `ui::keys::SHORTCUTS`.
pub const KEYS_FOCUS: (&str, &str) = (
    "← ↑ → ↓",
    "Naar de kaart ernaast, erboven of eronder (ook naar een andere cel)",
);
pub const KEYS_OPEN: (&str, &str) = ("Enter", "Kaart openen");
pub const KEYS_COLUMN: (&str, &str) = ("Alt + ← / →", "Kaart naar de vorige of volgende kolom");
pub const KEYS_LINE: (&str, &str) = ("Alt + ↑ / ↓", "Kaart naar de vorige of volgende lijn");
pub const KEYS_ORDER: (&str, &str) = ("Alt + Shift + ↑ / ↓", "Kaart hoger of lager in de cel");
pub const KEYS_DELETE: (&str, &str) = ("Delete", "Kaart verwijderen");
pub const KEYS_NEW_CARD: (&str, &str) = ("n", "Nieuwe kaart in de cel waar de focus is");
pub const KEYS_SEARCH: (&str, &str) = ("/", "Zoeken");
pub const KEYS_PRESENT: (&str, &str) = ("p", "Presentatiemodus aan of uit");
pub const KEYS_UNDO: (&str, &str) = ("Ctrl + Z", "Ongedaan maken");
pub const KEYS_REDO: (&str, &str) = ("Ctrl + Shift + Z of Ctrl + Y", "Opnieuw");
pub const KEYS_HELP: (&str, &str) = ("?", "Dit overzicht");
pub const KEYS_MONTH: (&str, &str) = (
    "Alt + ← / →",
    "Activiteit in de jaarkalender een maand eerder of later",
);
pub const KEYS_END: (&str, &str) = (
    "Alt + Shift + ← / →",
    "Einde van een activiteit in de jaarkalender een maand eerder of later",
);
pub const KEYS_START: (&str, &str) = (
    "Ctrl + Shift + ← / →",
    "Begin van een activiteit in de jaarkalender een maand eerder of later",
);
pub const KEYS_CLOSE: (&str, &str) = ("Esc", "Venster sluiten, toevoegen stoppen");

pub const SINGLE_KEYS: &str = "Sneltoetsen van één toets gebruiken (/ ? n p)";

pub fn collapsed_count(n: usize) -> String {
    format!("ingeklapt, {}", card_count(n))
}

pub fn lane_action(action: &str, line: u8) -> String {
    format!("{action}: {LINE} {line}")
}

// Views
pub const VIEWS: &str = "Weergave";
pub const VIEW_BOARD: &str = "Bord";
pub const VIEW_CALENDAR: &str = "Jaarkalender";
pub const VIEW_OVERVIEW: &str = "Overzicht";
pub const NOT_PLANNED: &str = "Nog niet gepland";
pub const PREVIOUS_YEAR: &str = "Vorig jaar";
pub const NEXT_YEAR: &str = "Volgend jaar";
pub const CALENDAR_HINT: &str = "Sleep een balk naar een andere maand, of een uiteinde om \
     begin of einde te verschuiven. Toetsen op een activiteit: Alt+←/→ verplaatst, \
     Alt+Shift+←/→ verschuift het einde, Ctrl+Shift+←/→ het begin.";
/// Under each bar for screen readers (its `aria-describedby`): the keys
/// that do what dragging the bar or its ends does.
pub const BAR_KEYS: &str = "Enter opent de kaart. Alt+pijl links of rechts: een maand \
     eerder of later. Alt+Shift+pijl: het einde, Ctrl+Shift+pijl: het begin.";
pub const MONTHS_SHORT: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
/// After the current month's column header, for screen readers.
pub const THIS_MONTH: &str = "deze maand";
/// The timeline's scroll area.
pub fn timeline_label(year: i32) -> String {
    format!("Tijdlijn {year}")
}
/// A bar's accessible name and tooltip: "Open dag, lijn 3, 14-10-2017";
/// in the programme's timeline the team first.
pub fn bar_name(title: &str, line: u8, dates: &str, team: Option<&str>) -> String {
    match team {
        Some(team) => format!("{team}: {title}, lijn {line}, {dates}"),
        None => format!("{title}, lijn {line}, {dates}"),
    }
}
pub fn start_of(title: &str) -> String {
    format!("Begin van {title}")
}
pub fn end_of(title: &str) -> String {
    format!("Einde van {title}")
}
/// A handle clicked without dragging: how to do it by keyboard.
pub const START_HANDLE_HINT: &str =
    "Sleep om het begin te verschuiven, of gebruik Ctrl+Shift+←/→ op de activiteit.";
pub const END_HANDLE_HINT: &str =
    "Sleep om het einde te verschuiven, of gebruik Alt+Shift+←/→ op de activiteit.";
/// After a change on the timeline: "Open dag: 14-11-2026 – 20-11-2026".
pub fn dates_now(title: &str, dates: &str) -> String {
    format!("{title}: {dates}")
}
pub fn start_refused(title: &str, end: chrono::NaiveDate) -> String {
    format!(
        "Het begin van '{title}' kan niet na het einde ({}). Niets veranderd.",
        date(end)
    )
}
pub fn end_refused(title: &str, start: chrono::NaiveDate) -> String {
    format!(
        "Het einde van '{title}' kan niet vóór het begin ({}). Niets veranderd.",
        date(start)
    )
}
pub fn no_dates_yet(title: &str) -> String {
    format!("'{title}' heeft nog geen datum: sleep hem naar een maand, of vul de datums in.")
}
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
pub const OVERDUE: &str = "Te laat";
pub const UPCOMING: &str = "Komende 30 dagen";
pub const PER_TREKKER: &str = "Per trekker";
pub const NO_TREKKER: &str = "(geen trekker)";
pub const NOTHING: &str = "Geen.";
pub const COPY_PROGRESS: &str = "Kopieer voortgang";
pub const COPIED: &str = "Voortgang gekopieerd: plak het in een e-mail.";
pub const COPY_MANUAL_TITLE: &str = "Kopieer de voortgang zelf";
pub const COPY_MANUAL: &str =
    "Deze browser gaf Planbord geen toegang tot het klembord (dat kan alleen over \
     https, en sommige browsers staan het niet toe). De tekst hieronder is al \
     geselecteerd: druk op Ctrl+C (op een Mac Cmd+C) en plak hem in een e-mail.";
pub const COPY_MANUAL_LABEL: &str = "Voortgang als tekst";
pub const EXPORT_ICS: &str = "Agenda (.ics)";
pub const EXPORT_CSV: &str = "Excel (.csv)";
// Calendar export (.ics): what Outlook shows.
/// Before the title of a long activity's first-day event.
pub const ICS_START: &str = "Start";
/// Before the title of a long activity's last-day event.
pub const ICS_END: &str = "Einde";
/// The period of a long activity, in its two events' description.
pub const ICS_PERIOD: &str = "Periode";
/// The programme calendar's name, and its file name.
pub const ICS_PROGRAMME: &str = "Programma Politie van Iedereen";
pub const PRINT: &str = "Afdrukken";

pub fn printed_on(date: &str) -> String {
    format!("Afgedrukt op {date}")
}

pub fn month_year(month: u32, year: i32) -> String {
    format!("{} {year}", MONTHS[month as usize - 1])
}

pub fn line_progress(total: usize, percent: u32) -> String {
    format!("{}, {percent}% afgerond", card_count(total))
}

// Backup reminder
pub const NEVER_EXPORTED: &str = "nog niet geëxporteerd";
pub const LATER: &str = "Later";

pub fn last_exported(when: &str) -> String {
    format!("geëxporteerd {when}")
}

pub fn backup_nudge(days: i64) -> String {
    format!(
        "Dit bord is gewijzigd en al {days} dagen niet geëxporteerd. Een export is je \
         reservekopie als de browser zijn opslag kwijtraakt."
    )
}

// Filters
pub const SEARCH: &str = "Zoeken";
pub const SEARCH_PLACEHOLDER: &str = "Zoeken… ( / )";
pub const FILTERS: &str = "Filters";
pub const ALL_TREKKERS: &str = "Alle trekkers";
pub const ALL_TEAMS: &str = "Alle teams";
pub const ALL_TAGS: &str = "Alle labels";
pub const ALL_SCOPES: &str = "Intern en extern";
pub const CLEAR_FILTERS: &str = "Filter wissen";
pub const FILTER_TREKKER: &str = "Filter op trekker";
pub const FILTER_TEAM: &str = "Filter op team";
pub const FILTER_TAG: &str = "Filter op label";
pub const FILTER_SCOPE: &str = "Filter op intern of extern";
/// Only cards with at least one comment (not deleted).
pub const FILTER_WITH_COMMENTS: &str = "Met opmerkingen";
/// Only cards changed on or after a day (a comment counts as a change).
pub const FILTER_CHANGED_SINCE: &str = "Gewijzigd sinds";

/// The chip of the "Gewijzigd sinds" filter: "Gewijzigd sinds 01-03-2027".
pub fn changed_since_chip(day: chrono::NaiveDate) -> String {
    format!("{FILTER_CHANGED_SINCE} {}", date(day))
}

pub fn matches(shown: usize, total: usize) -> String {
    format!("{shown} van {}", card_count(total))
}

pub fn clear_filter(what: &str) -> String {
    format!("Filter ‘{what}’ wissen")
}

// Many boards
pub const MY_BOARDS: &str = "Mijn borden";
pub const NEW_BOARD: &str = "Nieuw bord";
pub const SETTINGS: &str = "Bordinstellingen";
pub const TRASH: &str = "Prullenbak";
pub const OPEN: &str = "Openen";
pub const DUPLICATE: &str = "Dupliceren";
pub const RENAME: &str = "Hernoemen";
pub const RESTORE: &str = "Terugzetten";
pub const WIPE_SECTION: &str = "Deze browser";
pub const WIPE_HINT: &str = "Voor een gedeelde pc: verwijdert alle borden, de prullenbak, \
     reservekopieën en instellingen van Planbord uit deze browser. Borden in de prullenbak \
     verdwijnen vanzelf na 30 dagen, reservekopieën na 90 dagen.";
pub const WIPE_BUTTON: &str = "Wis alle gegevens…";
pub const WIPE_TITLE: &str = "Alle gegevens van Planbord wissen?";
pub const WIPE_CONFIRM: &str = "Alles wissen";
pub const EXPORT_OPEN_BOARD: &str = "Open bord exporteren";
pub const WIPED: &str = "Alle gegevens van Planbord zijn uit deze browser gewist.";

/// What "Alles wissen" will remove.
pub fn wipe_text(boards: usize, trashed: usize) -> String {
    let all = match boards {
        1 => "1 bord".to_string(),
        n => format!("{n} borden"),
    };
    let trash = match trashed {
        0 => String::new(),
        n => format!(" (waarvan {n} in de prullenbak)"),
    };
    format!(
        "Dit verwijdert {all} uit deze browser{trash}, met alle \
         reservekopieën en instellingen. Dit kan niet ongedaan worden gemaakt. Exporteer eerst \
         elk bord dat je wilt bewaren; het open bord kan hier."
    )
}

pub const PURGE: &str = "Definitief verwijderen";
pub const PURGE_TITLE: &str = "Definitief verwijderen?";
pub const PURGE_TEXT: &str =
    "Dit bord en al zijn kaarten worden uit deze browser verwijderd. Dat kan niet ongedaan \
     worden gemaakt. Exporteer het eerst als je het wilt bewaren.";
pub const NO_BOARDS: &str = "Er zijn nog geen borden. Maak een nieuw bord.";
pub const TRASH_EMPTY: &str = "De prullenbak is leeg.";
pub const LAST_CHANGED: &str = "laatst gewijzigd";
pub const BOARD_PURGED: &str = "Bord definitief verwijderd.";
pub const START_WITH: &str = "Beginnen met";
pub const START_TEMPLATE: &str =
    "Sjabloon Politie van Iedereen: de vijf lijnen, de standaardroute van lijn 1 en per lijn \
     een kaart met wat erin hoort";
pub const START_EMPTY: &str = "Leeg bord: alleen de vijf lijnen en de kolommen";
pub const CREATE: &str = "Bord maken";
pub const YEAR: &str = "Jaar";
pub const BOARD_TITLE: &str = "Titel van het bord";
pub const BOARD_TITLE_HINT: &str = "Leeg laten: Teamplan <team> <jaar>";
pub const COLUMNS: &str = "Kolommen";
pub const COLUMN_NAME: &str = "Naam";
pub const WIP_LIMIT: &str = "Maximum (WIP)";
pub const ADD_COLUMN: &str = "Kolom toevoegen";
pub const NEW_COLUMN_NAME: &str = "Naam van de nieuwe kolom";
pub const REMOVE_COLUMN: &str = "Kolom verwijderen";
pub const MOVE_LEFT: &str = "Naar links";
pub const MOVE_RIGHT: &str = "Naar rechts";
pub const MOVE_CARDS_TO: &str = "Kaarten eerst naar";
pub const LINES: &str = "Lijnen";
pub const LINE_DESCRIPTION: &str = "Omschrijving";
pub const AS_NEW_BOARD: &str = "Als nieuw bord";
pub const REMOVED_COLUMN: &str = "verwijderd";

pub fn default_board_title(team: &str, year: Option<i32>) -> String {
    let team = team.trim();
    match (team.is_empty(), year) {
        (true, None) => EMPTY_BOARD_TITLE.to_string(),
        (true, Some(y)) => format!("Teamplan {y}"),
        (false, None) => format!("Teamplan {team}"),
        (false, Some(y)) => format!("Teamplan {team} {y}"),
    }
}

pub fn copy_title(title: &str) -> String {
    format!("{title} (kopie)")
}

pub fn board_created(title: &str) -> String {
    format!("Bord '{title}' gemaakt.")
}

pub fn board_duplicated(title: &str) -> String {
    format!("Kopie gemaakt: '{title}'.")
}

pub fn board_trashed(title: &str) -> String {
    format!("Bord '{title}' staat in de prullenbak.")
}

pub fn board_restored(title: &str) -> String {
    format!("Bord '{title}' teruggezet.")
}

pub fn matching_board(title: &str) -> String {
    format!(
        "Dit is een versie van het bord '{title}' in deze browser. Samenvoegen opent dat bord \
         en neemt van elke kaart de laatst gewijzigde versie over."
    )
}

pub fn merge_into(title: &str) -> String {
    format!("Samenvoegen met '{title}'")
}

pub fn wip_over(count: usize, limit: u32) -> String {
    format!("{count} van maximaal {limit}: te veel onderhanden")
}

/// After any download (board file, agenda, CSV): what it is called.
pub fn exported(file: &str) -> String {
    format!("Gedownload als '{file}': je vindt het bij je downloads.")
}

pub const EXPORT_FAILED: &str =
    "Exporteren is mislukt: deze browser liet het downloaden niet toe. Het bord is ongewijzigd.";

pub const UNSAVED_STAY: &str =
    "Dit bord heeft wijzigingen die niet opgeslagen konden worden (de opslag is \
     vol). Exporteer het eerst; daarna kun je een ander bord openen.";

/// Storage is filling up (`percent` of what this browser allows).
pub fn storage_low(percent: usize, urgent: bool) -> String {
    if urgent {
        format!(
            "De opslag van deze browser is voor {percent}% vol: nog een paar \
             wijzigingen en ze kunnen niet meer bewaard worden. Exporteer het bord \
             nu als bestand en maak ruimte vrij (leeg de prullenbak, verwijder oude \
             borden)."
        )
    } else {
        format!(
            "De opslag van deze browser is voor {percent}% vol. Bij 100% kunnen \
             wijzigingen niet meer bewaard worden. Exporteer het bord als \
             reservekopie en ruim oude borden op."
        )
    }
}

pub fn save_failed() -> String {
    "Opslaan is mislukt. De laatste wijziging staat alleen in dit venster: exporteer het \
     bord om hem te bewaren."
        .to_string()
}

/// Dates on cards: dd-mm-jjjj, as the Netherlands writes them.
pub fn date(d: chrono::NaiveDate) -> String {
    crate::model::dates::dutch(d)
}

/// Date and time in the user's time zone: dd-mm-jjjj uu:mm.
pub fn local_time(t: crate::model::Timestamp) -> String {
    crate::model::dates::dutch_time(t.with_timezone(&chrono::Local).naive_local())
}

pub fn date_range(start: Option<chrono::NaiveDate>, end: Option<chrono::NaiveDate>) -> String {
    match (start, end) {
        (Some(s), Some(e)) if s == e => date(s),
        (Some(s), Some(e)) => format!("{} – {}", date(s), date(e)),
        (Some(s), None) => format!("vanaf {}", date(s)),
        (None, Some(e)) => format!("tot {}", date(e)),
        (None, None) => String::new(),
    }
}

// Comments ("Opmerkingen") and history ("Geschiedenis") of a card
pub const COMMENTS_HEAD: &str = "Opmerkingen";
pub const COMMENTS_NONE: &str =
    "Nog geen opmerkingen. Schrijf hieronder wat anderen moeten weten, \
     zoals ‘wacht op sleutelfiguur X’ of ‘besproken in OPCO-overleg’.";
pub const COMMENT_NEW: &str = "Nieuwe opmerking";
pub const COMMENT_KEYS_HINT: &str =
    "Enter plaatst de opmerking, Shift+Enter begint een nieuwe regel.";
pub const COMMENT_SEND: &str = "Plaatsen";
pub const COMMENT_EDIT: &str = "Wijzigen";
pub const COMMENT_EDIT_LABEL: &str = "Opmerking wijzigen";
pub const COMMENT_EDIT_KEYS_HINT: &str =
    "Enter slaat op, Shift+Enter begint een nieuwe regel, Esc stopt zonder op te slaan.";
pub const COMMENT_DELETE_ASK: &str = "Opmerking verwijderen? Dat kan niet ongedaan worden.";
pub const COMMENT_DELETE_YES: &str = "Ja, verwijderen";
pub const COMMENT_DELETE_NO: &str = "Nee";
pub const COMMENT_SAVE: &str = "Opslaan";
pub const COMMENT_EDITED: &str = "bewerkt";
pub const COMMENT_ADDED: &str = "Opmerking geplaatst.";
pub const COMMENT_CHANGED: &str = "Opmerking gewijzigd.";
pub const COMMENT_DELETED: &str = "Opmerking verwijderd.";
pub const COMMENT_NAME_LABEL: &str = "Jouw naam bij je opmerkingen";
pub const COMMENT_NAME_HINT: &str = "Nog geen naam ingevuld in deze browser. Vul hem in, dan \
     zien anderen wie de opmerking schreef.";
pub const HISTORY_HEAD: &str = "Geschiedenis";

/// "Opmerkingen (3)", and the card face's count for a screen reader.
pub fn comments_head(n: usize) -> String {
    if n == 0 {
        COMMENTS_HEAD.to_string()
    } else {
        format!("{COMMENTS_HEAD} ({n})")
    }
}

pub fn comment_count(n: usize) -> String {
    match n {
        1 => "1 opmerking".into(),
        n => format!("{n} opmerkingen"),
    }
}

/// Who wrote a comment and when: "Anna · 03-03-2027 10:15 (bewerkt)".
pub fn comment_byline(by: &str, me: &str, at: crate::model::Timestamp, edited: bool) -> String {
    let who = if by.is_empty() { "Zonder naam" } else { by };
    let you = if !by.is_empty() && by == me {
        " (jij)"
    } else {
        ""
    };
    let edited = if edited {
        format!(" ({COMMENT_EDITED})")
    } else {
        String::new()
    };
    format!("{who}{you} · {}{edited}", local_time(at))
}

pub fn comment_deleted(by: &str) -> String {
    if by.is_empty() {
        "Opmerking verwijderd.".into()
    } else {
        format!("Opmerking van {by} verwijderd.")
    }
}

pub fn comment_edit_label(at: crate::model::Timestamp) -> String {
    format!("{COMMENT_EDIT}: je opmerking van {}", local_time(at))
}

pub fn comment_delete_label(at: crate::model::Timestamp) -> String {
    format!("{DELETE}: je opmerking van {}", local_time(at))
}

pub fn history_head(n: usize) -> String {
    match n {
        0 => format!("{HISTORY_HEAD} (nog geen wijzigingen)"),
        1 => format!("{HISTORY_HEAD} (1 wijziging)"),
        n => format!("{HISTORY_HEAD} ({n} wijzigingen)"),
    }
}

pub fn history_created(by: &str, at: crate::model::Timestamp) -> String {
    let who = if by.is_empty() { NO_NAME } else { by };
    format!("{} · {who} · kaart aangemaakt", local_time(at))
}

/// What the log kept of older changes.
pub fn history_older(older: &crate::model::card_log::Older) -> Option<String> {
    let (from, to) = (older.from?, older.to?);
    let day = |t: crate::model::Timestamp| date(t.with_timezone(&chrono::Local).date_naive());
    let by: Vec<&str> = older.by.iter().map(String::as_str).collect();
    let by = if by.is_empty() {
        String::new()
    } else {
        format!(" door {}", by.join(", "))
    };
    Some(format!(
        "Oudere wijzigingen ({} t/m {}){by} zijn samengevat; alleen de laatste {} staan hier.",
        day(from),
        day(to),
        crate::model::limits::MAX_HISTORY
    ))
}

/// A value from the log, as a person reads it.
fn history_value(kind: &crate::model::card_log::Kind, value: &str) -> String {
    use crate::model::card_log::Kind;
    use crate::model::CardField as F;
    let field = match kind {
        Kind::Field(f) | Kind::Conflict(f) => Some(*f),
        _ => None,
    };
    if value.is_empty() {
        return "—".into();
    }
    match field {
        Some(F::Dates) => {
            let parse = crate::model::dates::parse_iso;
            match value.split_once('/') {
                Some((a, b)) => date_range(parse(a), parse(b)),
                None => date_range(parse(value), parse(value)),
            }
        }
        Some(F::Scope) => match value {
            "intern" => "Intern".into(),
            "extern" => "Extern".into(),
            v => v.into(),
        },
        Some(F::Position) => match value.split_once(':') {
            Some((line, column)) => format!("{LINE} {line} · {column}"),
            None => value.into(),
        },
        _ => format!("‘{value}’"),
    }
}

/// One change from a card's log: "Kolom: Gepland → Bezig".
pub fn history_change(c: &crate::model::Change) -> String {
    use crate::model::card_log::Kind;
    use crate::model::CardField as F;
    let cap = |s: &str| {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    };
    match &c.kind {
        Kind::Field(F::Notes) => "Notities gewijzigd".into(),
        Kind::Field(F::Position) => {
            // The same line: just the columns ("Gepland → Bezig").
            let split = |v: &str| {
                v.split_once(':')
                    .map(|(l, c)| (l.to_string(), c.to_string()))
            };
            match (split(&c.from), split(&c.to)) {
                (Some((l1, c1)), Some((l2, c2))) if l1 == l2 => {
                    format!("{COLUMN}: {c1} → {c2}")
                }
                _ => format!(
                    "Verplaatst: {} → {}",
                    history_value(&c.kind, &c.from),
                    history_value(&c.kind, &c.to)
                ),
            }
        }
        Kind::Field(f) => format!(
            "{}: {} → {}",
            cap(field_label(*f)),
            history_value(&c.kind, &c.from),
            history_value(&c.kind, &c.to)
        ),
        Kind::Labels => format!(
            "Labels: {}",
            c.to.split(", ")
                .map(|l| match (l.strip_prefix('+'), l.strip_prefix('-')) {
                    (Some(a), _) => format!("‘{a}’ toegevoegd"),
                    (_, Some(r)) => format!("‘{r}’ weggehaald"),
                    _ => l.to_string(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Kind::Restored => "Kaart teruggezet na verwijderen".into(),
        Kind::Combined => format!("Samengevoegd met kaart ‘{}’", c.from),
        Kind::Conflict(f) => format!(
            "Bij samenvoegen niet gekozen: {} {}",
            field_label(*f),
            history_value(&c.kind, &c.to)
        ),
        Kind::Other(_) => "Gewijzigd (in een nieuwere versie van Planbord)".into(),
    }
}

/// A log entry with who and when: "03-03-2027 10:15 · Anna · Kolom: …".
pub fn history_line(c: &crate::model::Change, me: &str) -> String {
    let who = if c.stamp.by.is_empty() {
        NO_NAME.to_string()
    } else if c.stamp.by == me {
        format!("{} (jij)", c.stamp.by)
    } else {
        c.stamp.by.clone()
    };
    format!("{} · {who} · {}", local_time(c.stamp.at), history_change(c))
}

/// A comment with who wrote it and when, for the outputs (CSV, report):
/// "Anna, 03-03-2027: tekst"; without a name "03-03-2027: tekst".
pub fn comment_line(by: &str, day: chrono::NaiveDate, text: &str) -> String {
    let by = by.trim();
    if by.is_empty() {
        format!("{}: {text}", date(day))
    } else {
        format!("{by}, {}: {text}", date(day))
    }
}

// Your name (the author of each change, kept in this browser)
pub const YOUR_NAME: &str = "Jouw naam";
pub const YOUR_NAME_WHY: &str =
    "Bij elke wijziging wordt bewaard wie hem maakte, ook in bestanden die je mailt.";
pub const YOUR_NAME_ASKED: &str =
    "Boven het bord wordt je naam gevraagd. Bij elke wijziging wordt bewaard wie hem maakte.";
pub const SAVE_NAME: &str = "Opslaan";
pub const SKIP_NAME: &str = "Overslaan";
pub const NAME_SKIPPED: &str =
    "Geen naam opgeslagen. Je kunt hem later invullen bij Bordinstellingen.";
pub const YOUR_NAME_SETTING: &str = "Jouw naam (in deze browser)";
pub const YOUR_NAME_HINT: &str = "Alleen in deze browser bewaard, niet in het bord. Hij gaat \
     mee met elke wijziging die je maakt, ook in bestanden die je mailt.";

pub fn name_saved(name: &str) -> String {
    if name.is_empty() {
        NAME_SKIPPED.to_string()
    } else {
        format!("Naam opgeslagen: {name}.")
    }
}

// Merging field by field: the preview, the summary and deciding conflicts
pub const WILL_HAPPEN: &str = "Wat samenvoegen doet";
pub const MERGE_LISTS: &str = "Kaarten per soort wijziging";
pub const CONFLICTS_AHEAD: &str = "Door beide kanten gewijzigd sinds de vorige uitwisseling. \
     Na het samenvoegen zie je beide waarden en kies je welke blijft:";
pub const NOTHING_WILL_CHANGE: &str = "Samenvoegen verandert niets: dit bord heeft alles al.";
pub const ADDED_HEAD: &str = "Nieuw";
pub const CHANGED_HEAD: &str = "Gewijzigd";
pub const REMOVED_HEAD: &str = "Verwijderd";
pub const CONFLICTS_HEAD: &str = "Conflicten";
pub const DUPLICATES_HEAD: &str = "Mogelijk dubbel";
pub const USE_THIS: &str = "Gebruik deze";

/// Conflicts past the ones listed.
pub fn more_conflicts(n: usize) -> String {
    format!(
        "En nog {}: die kaarten staan op het bord met 'Twee versies'; kies in de kaart zelf.",
        thousands(n)
    )
}

/// "Alle 7.500 tonen".
pub fn show_all(n: usize) -> String {
    format!("Alle {} tonen", thousands(n))
}
pub const KEEP_BOTH: &str = "Beide houden";
pub const DECIDED: &str = "Besloten.";
pub const COMBINE: &str = "Samenvoegen tot één kaart";
pub const COMBINED: &str = "Kaarten samengevoegd tot één kaart. Ctrl+Z maakt het ongedaan.";
pub const RESTORE_CARD: &str = "Terugzetten";
pub const CARD_RESTORED: &str = "Kaart teruggezet.";
pub const OPEN_CONFLICT: &str = "Twee versies";
pub const OPEN_CONFLICTS_HEAD: &str = "Twee versies: kies wat blijft";
pub const NO_NAME: &str = "iemand zonder naam";
pub const YOU: &str = "jij";
pub const NO_VALUE: &str = "(leeg)";

/// A section heading with its count: "Nieuw (3)".
pub fn counted(head: &str, n: usize) -> String {
    format!("{head} ({n})")
}

/// A card field as the editor names it.
pub fn field_label(f: crate::model::CardField) -> &'static str {
    use crate::model::CardField as F;
    match f {
        F::Title => "titel",
        F::Notes => "notities",
        F::Trekker => "trekker",
        F::Team => "team",
        F::Dates => "datums",
        F::Scope => "intern/extern",
        F::Position => "plaats op het bord",
    }
}

/// What changed on a card: "Titel: trekker, datums" (labels included).
pub fn changed_fields(
    title: &str,
    fields: &[crate::model::CardField],
    labels: bool,
    comments: usize,
) -> String {
    let mut names: Vec<String> = fields.iter().map(|f| field_label(*f).to_string()).collect();
    if labels {
        names.push("labels".into());
    }
    match comments {
        0 => {}
        1 => names.push("1 nieuwe opmerking".into()),
        n => names.push(format!("{n} nieuwe opmerkingen")),
    }
    format!("'{title}': {}", names.join(", "))
}

/// Who made a change: their name, "jij" when it is this browser's name.
pub fn who(by: &str, me: &str) -> String {
    if by.is_empty() {
        NO_NAME.to_string()
    } else if by == me {
        YOU.to_string()
    } else {
        by.to_string()
    }
}

/// A field's value as a person reads it; `column` names a column id.
pub fn field_value(
    f: crate::model::CardField,
    value: &serde_json::Value,
    column: impl Fn(uuid::Uuid) -> Option<String>,
) -> String {
    use crate::model::CardField as F;
    let mut probe = crate::model::Item::blank();
    if !probe.set_value(f, value) {
        return NO_VALUE.to_string();
    }
    let text = match f {
        F::Title => probe.title,
        F::Notes => {
            let mut t: String = probe.notes.chars().take(300).collect();
            if t.len() < probe.notes.len() {
                t.push('…');
            }
            t
        }
        F::Trekker => probe.trekker,
        F::Team => probe.team,
        F::Dates => date_range(probe.start, probe.end),
        F::Scope => probe.scope.map(scope).unwrap_or_default().to_string(),
        F::Position => format!(
            "lijn {}, {}",
            probe.line,
            column(probe.column).unwrap_or_else(|| "?".into())
        ),
    };
    if text.trim().is_empty() {
        NO_VALUE.to_string()
    } else {
        text
    }
}

/// One of the two values of a conflict: "Bram: 17-12-2027".
pub fn conflict_value(who: &str, value: &str) -> String {
    format!("{who}: {value}")
}

/// A conflict's heading: "'Dialoogsessie': datums".
pub fn conflict_head(title: &str, f: crate::model::CardField) -> String {
    format!("'{title}': {}", field_label(f))
}

/// A card deleted on one side and changed on the other.
pub fn deleted_conflict(title: &str, deleted_here: bool, deleted: bool) -> String {
    match (deleted_here, deleted) {
        (true, true) => format!(
            "'{title}' is hier verwijderd, maar in het bestand daarna nog gewijzigd; hij blijft verwijderd."
        ),
        (false, true) => format!(
            "'{title}' is in het bestand verwijderd, maar hier nog gewijzigd; hij is nu verwijderd."
        ),
        (true, false) => format!(
            "'{title}' was hier verwijderd, maar is in het bestand later gewijzigd; hij staat weer op het bord."
        ),
        (false, false) => format!(
            "'{title}' was in het bestand verwijderd, maar is hier later gewijzigd; hij blijft op het bord."
        ),
    }
}

/// A likely duplicate pair.
pub fn duplicate_pair(title: &str, line: u8) -> String {
    format!("'{title}' staat twee keer in lijn {line}.")
}

// Presentation: what the projector shows (filters, counts, card states)
pub const LABEL: &str = "Label";
pub const SEARCH_TERM: &str = "Zoekterm";
pub const ACTIVE_FILTERS: &str = "Actieve filters";
pub const OVER_LIMIT: &str = "boven limiet";
pub const SOON: &str = "Binnenkort";
pub const HAS_NOTES: &str = "Met notities";
pub const FACILITATOR: &str = "Bediening van de presentatie";
pub const REDO: &str = "Opnieuw";
pub const FILTER: &str = "Filter";
pub const FACILITATOR_ADD_HINT: &str =
    "Nieuwe kaart in de cel waar de focus was, anders in de eerste cel (toets n)";
pub const FACILITATOR_FILTER_HINT: &str = "Zoeken en filters tonen of verbergen (toets /)";
pub const STOP_PRESENTING_HINT: &str = "Terug naar het gewone bord (toets p of Esc)";

/// What one filter chip filters: "Trekker: OE".
pub fn chip(what: &str, value: &str) -> String {
    format!("{what}: {value}")
}

/// Cards counted in a column or line: "13", or with a filter on, what it
/// shows of them: "2 van 13".
pub fn shown_of(shown: usize, total: usize, filtering: bool) -> String {
    if filtering {
        format!("{shown} van {total}")
    } else {
        total.to_string()
    }
}

/// A column's figure: its cards (as [`shown_of`]) and its WIP limit after
/// a slash when it has one: "3/2", "1 van 3/2".
pub fn column_figure(shown: usize, total: usize, filtering: bool, wip: Option<u32>) -> String {
    let figure = shown_of(shown, total, filtering);
    match wip {
        Some(w) => format!("{figure}/{w}"),
        None => figure,
    }
}

/// A folded line: "ingeklapt, 5 kaarten", or "ingeklapt, 2 van 5 kaarten"
/// with a filter on.
pub fn collapsed_shown(shown: usize, total: usize, filtering: bool) -> String {
    if filtering {
        format!("ingeklapt, {shown} van {}", card_count(total))
    } else {
        collapsed_count(total)
    }
}

// The progress report, as text for an email (`exchange::report`)

/// A line's status, as the report (and the board) name it.
pub fn line_status(status: Option<crate::model::LineStatus>) -> &'static str {
    use crate::model::LineStatus;
    match status {
        Some(LineStatus::OpSchema) => "Op schema",
        Some(LineStatus::Aandacht) => "Aandacht",
        Some(LineStatus::Vertraagd) => "Vertraagd",
        None => "Geen status",
    }
}

pub const REPORT_RUNNING: &str = "Loopt";
pub const REPORT_LATE: &str = OVERDUE;
pub const REPORT_KNELPUNTEN: &str = "Knelpunten en wat er nodig is";
/// A list of the report without cards.
pub const REPORT_NONE: &str = "niets";
/// Knelpunten nobody wrote: not "none", since nobody said so.
pub const REPORT_NOT_FILLED: &str = "niet ingevuld";
/// A line without anything to report.
pub const REPORT_LINE_EMPTY: &str = "Niets te melden.";
pub const REPORT_ALL_TEAMS: &str = "Alle teams";
pub const REPORT_NO_BOARDS: &str = "Geen borden.";

/// "periode 01-05-2017 t/m 31-05-2017".
pub fn period(from: chrono::NaiveDate, to: chrono::NaiveDate) -> String {
    format!("periode {} t/m {}", date(from), date(to))
}

/// A report's first line: "Voortgang Teamplan Gaasperdam", with the team
/// in brackets when the title does not already name it.
pub fn report_title(title: &str, team: &str) -> String {
    let title = if title.trim().is_empty() {
        UNTITLED
    } else {
        title.trim()
    };
    let team = team.trim();
    if team.is_empty() || title.to_lowercase().contains(&team.to_lowercase()) {
        format!("Voortgang {title}")
    } else {
        format!("Voortgang {title} ({team})")
    }
}

/// The programme report's first line.
pub fn programme_title() -> String {
    format!("Voortgang {PROGRAMME}")
}

/// "Periode 01-05-2017 t/m 31-05-2017", under a report's title.
pub fn report_period(from: chrono::NaiveDate, to: chrono::NaiveDate) -> String {
    let p = period(from, to);
    let mut chars = p.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "Lijn 1: Teamontwikkeling — Op schema".
pub fn report_line(number: u8, name: &str, status: Option<crate::model::LineStatus>) -> String {
    format!("{LINE} {number}: {name} — {}", line_status(status))
}

/// "Afgerond (periode 01-05-2017 t/m 31-05-2017)".
pub fn report_done(from: chrono::NaiveDate, to: chrono::NaiveDate) -> String {
    format!("Afgerond ({})", period(from, to))
}

/// "Komt eraan (30 dagen)".
pub fn report_next() -> String {
    format!("Komt eraan ({} dagen)", crate::model::report::NEXT_DAYS)
}

/// The report's option: quote each running activity's newest comment.
pub const REPORT_SHOW_LAST_COMMENT: &str = "Laatste opmerking per lopende activiteit tonen";
pub const REPORT_LAST_COMMENT: &str = "Laatste opmerking";

/// A running activity's newest comment in the report, on one line, its day
/// in the user's zone: "Laatste opmerking: Anna, 03-03-2027: tekst".
pub fn report_comment(by: &str, at: crate::model::Timestamp, text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let day = at.with_timezone(&chrono::Local).date_naive();
    format!("{REPORT_LAST_COMMENT}: {}", comment_line(by, day, &text))
}

/// A list heading with nothing under it: "Te laat: niets".
pub fn report_nothing(head: &str) -> String {
    format!("{head}: {REPORT_NONE}")
}

/// A card in the report: "- Open dag (Teamleiding, 14-10-2017)"; the
/// trekker and dates only when set.
pub fn report_entry(
    title: &str,
    trekker: &str,
    start: Option<chrono::NaiveDate>,
    end: Option<chrono::NaiveDate>,
) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = if title.is_empty() { UNTITLED } else { &title };
    let trekker = trekker.split_whitespace().collect::<Vec<_>>().join(" ");
    let details: Vec<String> = [trekker, date_range(start, end)]
        .into_iter()
        .filter(|d| !d.is_empty())
        .collect();
    if details.is_empty() {
        format!("- {title}")
    } else {
        format!("- {title} ({})", details.join(", "))
    }
}

/// "2/5 afgerond, 1 te laat"; "geen kaarten" for an empty cell.
pub fn report_figures(done: usize, total: usize, late: usize) -> String {
    if total == 0 {
        "geen kaarten".to_string()
    } else {
        format!("{done}/{total} afgerond, {late} te laat")
    }
}

/// The table's heading: which cards its figures count.
pub fn report_table(year: Option<i32>) -> String {
    match year {
        Some(y) => format!("Per team en lijn (kaarten in {y})"),
        None => "Per team en lijn (alle kaarten)".to_string(),
    }
}

/// A team's cell of the table: "Lijn 1 Teamontwikkeling: Op schema —
/// 2/5 afgerond, 1 te laat".
pub fn report_cell(
    number: u8,
    name: &str,
    status: Option<crate::model::LineStatus>,
    figures: &str,
) -> String {
    format!(
        "{LINE} {number} {name}: {} — {figures}",
        line_status(status)
    )
}

/// A line over all teams: "Lijn 1 Teamontwikkeling: 4/11 afgerond, 2 te
/// laat".
pub fn report_total_cell(number: u8, name: &str, figures: &str) -> String {
    format!("{LINE} {number} {name}: {figures}")
}

#[cfg(test)]
mod presentation_tests {
    use super::*;

    #[test]
    fn figures_say_what_is_shown_of_what_is_there() {
        assert_eq!(shown_of(2, 13, true), "2 van 13");
        assert_eq!(shown_of(13, 13, false), "13");
        assert_eq!(column_figure(3, 3, false, Some(2)), "3/2");
        assert_eq!(column_figure(1, 3, true, Some(2)), "1 van 3/2");
        assert_eq!(column_figure(0, 0, true, None), "0 van 0");
        assert_eq!(collapsed_shown(5, 5, false), "ingeklapt, 5 kaarten");
        assert_eq!(collapsed_shown(2, 5, true), "ingeklapt, 2 van 5 kaarten");
        assert_eq!(
            clear_filter(&chip(TREKKER, "OE")),
            "Filter ‘Trekker: OE’ wissen"
        );
        assert_eq!(matches(2, 13), "2 van 13 kaarten");
    }
}

// ---- The programme: all teams together (issue 16) -------------------------

pub const PROGRAMME_VIEWS: &str = "Weergaven van het programma";
pub const PROGRAMME_MATRIX: &str = "Teams en lijnen";
pub const PROGRAMME_PLAN: &str = "Jaarplanning";
pub const PROGRAMME_PLAN_HINT: &str = "De activiteiten van alle teams in het overzicht, met het team bij elke balk. Klik op een balk om de kaart op het bord van dat team te openen; daar verschuif je hem.";
pub const PROGRAMME_REPORT: &str = "Voortgangsrapportage";
pub const PROGRAMME_EMPTY: &str = "Er staan geen borden in het overzicht. Kies hierboven welke borden meetellen, of importeer het bord van een team (Mijn borden › Importeren).";
pub const MATRIX_CAPTION: &str =
    "Per team en per lijn: kaarten, deel afgerond, te laat, status en knelpunten";
pub const MATRIX_LEGEND: &str = "Per cel: het aantal kaarten en het deel dat in de laatste kolom staat (afgerond), hoeveel te laat zijn (einddatum voorbij, niet afgerond), de kaarten per kolom, de status van de lijn en de knelpunten. Klik op een cel om dat bord op die lijn te openen.";
pub const PER_COLUMN: &str = "Kaarten per kolom";
pub const ALL_YEARS: &str = "Alle jaren";
pub const BOARDS_INCLUDED: &str = "Borden in het overzicht";
pub const EDIT_STATUS: &str = "Status";
pub const STATUS: &str = "Status";
pub const KNELPUNTEN: &str = REPORT_KNELPUNTEN;
pub const LINE_REPORT: &str = "Status en knelpunten";
pub const LINE_REPORT_SAVED: &str = "Status en knelpunten opgeslagen.";
pub const PROGRAMME_BOARD_GONE: &str =
    "Dit bord is niet meer te lezen. Kijk in Mijn borden of het in de prullenbak staat.";
pub const TO_PROGRAMME: &str = "Programma";
pub const ALL_TEAMS_TOGETHER: &str = "Programma: alle teams samen";
pub const PROGRAMME_TITLE: &str = "Programma Politie van Iedereen";
pub const SAVE: &str = "Opslaan";

/// "Lijn 3".
pub fn line_number(n: u8) -> String {
    format!("{LINE} {n}")
}

/// "2 te laat".
pub fn late_count(n: usize) -> String {
    format!("{n} te laat")
}

/// The status as a word for a CSS class or a form value (not shown).
pub fn status_class(status: Option<crate::model::LineStatus>) -> &'static str {
    use crate::model::LineStatus::*;
    match status {
        Some(OpSchema) => "op-schema",
        Some(Aandacht) => "aandacht",
        Some(Vertraagd) => "vertraagd",
        None => "geen",
    }
}

/// Where a matrix cell leads: "Nieuw West Zuid, lijn 2" or "Nieuw West
/// Zuid, alle lijnen".
pub fn open_team_line(team: &str, line: Option<u8>) -> String {
    match line {
        Some(n) => format!("{team}, lijn {n}"),
        None => format!("{team}, alle lijnen"),
    }
}

/// The button that edits a line's status, from the matrix.
pub fn edit_line_report(team: &str, line: u8) -> String {
    format!("Status en knelpunten van {team}, lijn {line}")
}

/// The dialog's heading: "Nieuw West Zuid · Lijn 2: Netwerk en expertise".
pub fn line_report_heading(team: &str, line: u8, name: &str) -> String {
    if team.is_empty() {
        format!("{LINE} {line}: {name}")
    } else {
        format!("{team} · {LINE} {line}: {name}")
    }
}

/// The status button in a line's header: "Status van lijn 2: Aandacht (wijzigen)".
pub fn line_status_button(line: u8, status: Option<crate::model::LineStatus>) -> String {
    format!("Status van lijn {line}: {} (wijzigen)", line_status(status))
}

pub const PERIOD_FROM: &str = "Afgerond vanaf";
pub const PERIOD_TO: &str = "tot en met";
pub const COPY_PROGRAMME_PROGRESS: &str = "Kopieer voortgang (programma)";
pub const PRINT_REPORT: &str = "Afdrukken of opslaan als pdf";
pub const REPORT_TITLE: &str = "Voortgangsrapportage Politie van Iedereen";
pub const REPORT_LEGEND: &str = "Per team en lijn: de status die het team gaf, hoeveel kaarten van het totaal afgerond zijn, hoeveel te laat (einddatum voorbij, niet afgerond), en de knelpunten.";
pub const REPORT_SECTION_DONE: &str = "Afgerond in de periode";
pub const REPORT_SECTION_NEXT: &str = "Komt eraan (30 dagen)";
pub const NONE_GIVEN: &str = "geen opgegeven";

/// "Periode 01-09-2026 t/m 29-11-2026 · stand van 29-11-2026".
pub fn report_page_period(from: &str, to: &str, today: &str) -> String {
    format!("Periode {from} t/m {to} · stand van {today}")
}

/// A cell of the printed report's matrix: "2 van 5 afgerond · 1 te laat".
pub fn report_figure(done: usize, total: usize, late: usize) -> String {
    if late > 0 {
        format!("{done} van {total} afgerond · {late} te laat")
    } else {
        format!("{done} van {total} afgerond")
    }
}

/// "Kopieer voortgang van Nieuw West Zuid".
pub fn copy_team_progress(team: &str) -> String {
    format!("Kopieer voortgang van {team}")
}

/// Who and when of a report line: "OE · 01-09-2026 – 15-10-2026".
pub fn report_entry_meta(
    trekker: &str,
    start: Option<chrono::NaiveDate>,
    end: Option<chrono::NaiveDate>,
) -> String {
    let dates = date_range(start, end);
    match (trekker.is_empty(), dates.is_empty()) {
        (true, _) => dates,
        (false, true) => trekker.to_string(),
        (false, false) => format!("{trekker} · {dates}"),
    }
}

pub const ICS_DIALOG: &str = "Agenda (.ics) voor Outlook";
pub const ICS_DIALOG_PROGRAMME: &str = "Agenda (.ics) van het hele programma";
pub const ICS_COLUMNS: &str = "Welke kolommen gaan in de agenda?";
pub const ICS_LONG: &str = "Activiteiten langer dan een maand";
pub const ICS_LONG_SPLIT: &str = "Als begin en einde: twee afspraken van één dag";
pub const ICS_LONG_WHOLE: &str = "Als één lange afspraak over de hele periode";
pub const ICS_NO_COLUMNS: &str =
    "Er is geen kolom gekozen: het bestand wordt een lege agenda. Kies ten minste één kolom.";
pub const DOWNLOAD: &str = "Downloaden";

/// The first cell of a line without cards.
pub fn empty_line(description: &str) -> String {
    format!("Nog geen kaarten. Hier horen: {description}")
}

/// "Borden in het overzicht: 3 van 4".
pub fn boards_included(included: usize, all: usize) -> String {
    format!("{BOARDS_INCLUDED}: {included} van {all}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn limits_are_named_with_their_bound() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(12_000), "12.000");
        assert_eq!(thousands(1_000_000), "1.000.000");
        let max_cards = thousands(limits::MAX_CARDS);
        assert!(op_error(&OpError::TooManyCards).contains(&max_cards));
        let max_cols = limits::MAX_COLUMNS.to_string();
        assert!(op_error(&OpError::TooManyColumns).contains(&max_cols));
        let e = OverLimit::Labels {
            card: "Open dag".into(),
            count: 1_000_000,
        };
        let text = import_error(&ImportError::OverLimit(e.clone()));
        assert!(text.contains("'Open dag' heeft 1.000.000 labels"), "{text}");
        assert!(
            text.contains(&format!("hoogstens {}", limits::MAX_LABELS)),
            "{text}"
        );
        assert!(text.ends_with(NOTHING_CHANGED));
        let text = over_limit(&OverLimit::Text {
            field: Field::Notes,
            card: Some("Kick-off".into()),
            chars: 2_000_000,
        });
        assert!(
            text.starts_with("de notities van kaart 'Kick-off' is 2.000.000 tekens"),
            "{text}"
        );
        assert!(over_limit_stored(&OverLimit::Columns(20_000)).contains("20.000 kolommen"));
    }

    #[test]
    fn import_errors_read_in_dutch() {
        let e = ImportError::Field {
            item: Some((2, "Open dag".into())),
            field: "start".into(),
            detail: "input is out of range".into(),
        };
        assert_eq!(
            import_error(&e),
            "Kaart 2 ('Open dag'), veld 'start' heeft een ongeldige waarde (die datum of tijd \
             bestaat niet). Er is niets veranderd aan het bord."
        );
        // The parser's words go under "Technische details".
        assert_eq!(
            import_error_details(&e).as_deref(),
            Some("start: input is out of range")
        );
        let e = ImportError::Field {
            item: None,
            field: "?".into(),
            detail: "missing field `board`".into(),
        };
        assert!(import_error(&e).contains("het veld 'board' ontbreekt"));
        assert!(import_error(&ImportError::Newer { version: 7 }).contains("bestandsversie 7"));
    }

    #[test]
    fn dates_read_the_dutch_way() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            date_range(Some(d("2017-10-14")), Some(d("2017-10-14"))),
            "14-10-2017"
        );
        assert_eq!(
            date_range(Some(d("2017-05-20")), Some(d("2017-05-21"))),
            "20-05-2017 – 21-05-2017"
        );
        assert_eq!(date_range(None, Some(d("2017-05-21"))), "tot 21-05-2017");
        assert_eq!(date_range(None, None), "");
    }

    fn d(s: &str) -> chrono::NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn history_reads_as_dutch_sentences() {
        use crate::model::card_log::Kind;
        use crate::model::{CardField, Change, Stamp};
        let c = |kind, from: &str, to: &str| Change {
            stamp: Stamp {
                at: chrono::DateTime::UNIX_EPOCH,
                by: "Anna".into(),
            },
            kind,
            from: from.into(),
            to: to.into(),
        };
        assert_eq!(
            history_change(&c(Kind::Field(CardField::Position), "1:Gepland", "1:Bezig")),
            "Kolom: Gepland → Bezig"
        );
        assert_eq!(
            history_change(&c(
                Kind::Field(CardField::Position),
                "1:Gepland",
                "2:Gepland"
            )),
            "Verplaatst: Lijn 1 · Gepland → Lijn 2 · Gepland"
        );
        assert_eq!(
            history_change(&c(
                Kind::Field(CardField::Dates),
                "2027-03-01",
                "2027-03-01/2027-04-30"
            )),
            format!(
                "Datums: {} → {}",
                date_range(Some(d("2027-03-01")), Some(d("2027-03-01"))),
                date_range(Some(d("2027-03-01")), Some(d("2027-04-30")))
            )
        );
        assert_eq!(
            history_change(&c(Kind::Field(CardField::Trekker), "", "OPCO")),
            "Trekker: — → ‘OPCO’"
        );
        assert_eq!(
            history_change(&c(Kind::Field(CardField::Notes), "", "")),
            "Notities gewijzigd"
        );
        assert_eq!(
            history_change(&c(Kind::Labels, "", "+buurt, -oud")),
            "Labels: ‘buurt’ toegevoegd, ‘oud’ weggehaald"
        );
        assert_eq!(
            history_change(&c(Kind::Conflict(CardField::Title), "", "Open dag")),
            "Bij samenvoegen niet gekozen: titel ‘Open dag’"
        );
        assert!(history_line(&c(Kind::Restored, "", ""), "Anna")
            .contains("Anna (jij) · Kaart teruggezet"));
    }
}
