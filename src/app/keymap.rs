//! The one key table: what each key does on each screen. `msg_for` turns a key into a message
//! by looking it up here, and the help overlay lists the same rows, so what help says a key does
//! is what it does. Keys a screen does not list reach its handler as `Msg::Char`.

use crossterm::event::KeyCode;

use super::{Mode, Msg};

/// The screens with their own keys. Prompts (rating, skip reason, leave, sleep) read typed
/// characters and are not listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Today,
    Timer,
    Week,
    Plan,
    RedFlags,
    Onboard,
    Progress,
}

impl Screen {
    pub fn of(mode: &Mode) -> Option<Screen> {
        Some(match mode {
            Mode::Today => Screen::Today,
            Mode::Timer(_) => Screen::Timer,
            Mode::Week { .. } => Screen::Week,
            Mode::Plan { .. } => Screen::Plan,
            Mode::RedFlags { .. } => Screen::RedFlags,
            Mode::Onboard(_) => Screen::Onboard,
            Mode::Progress(_) => Screen::Progress,
            _ => return None,
        })
    }

    pub fn title(self) -> &'static str {
        match self {
            Screen::Today => "Today",
            Screen::Timer => "Timer",
            Screen::Week => "Week",
            Screen::Plan => "Plan",
            Screen::RedFlags => "Warning signs",
            Screen::Onboard => "Welcome",
            Screen::Progress => "Progress",
        }
    }
}

/// One row of the table: the keys, what help shows for them (empty: listed with the row above)
/// and the message they send.
pub struct Binding {
    pub keys: &'static [KeyCode],
    pub label: &'static str,
    pub what: &'static str,
    pub msg: Msg,
}

const fn bind(keys: &'static [KeyCode], label: &'static str, what: &'static str, msg: Msg) -> Binding {
    Binding { keys, label, what, msg }
}

use KeyCode::{Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Up};

const DOWN: Binding = bind(&[Char('j'), Down], "", "", Msg::Down);
// Keys people bring from other TUIs (less, vim, gitui) on every screen that scrolls.
const PAGE_UP: Binding = bind(&[PageUp], "PgUp/PgDn", "a page up / down", Msg::PageUp);
const PAGE_DOWN: Binding = bind(&[PageDown], "", "", Msg::PageDown);
const TOP: Binding = bind(&[Char('g'), Home], "g/G", "top / bottom (also Home/End)", Msg::Top);
const BOTTOM: Binding = bind(&[Char('G'), End], "", "", Msg::Bottom);
const FLAGS: Binding = bind(&[Char('!')], "!", "warning signs that need a doctor", Msg::RedFlags);
const HELP: Binding = bind(&[Char('?')], "?", "this help", Msg::Help);

const TODAY: &[Binding] = &[
    bind(&[Char('k'), Up], "j/k ↑/↓", "move (Home/End: first / last)", Msg::Up),
    DOWN,
    // `g` opens Progress here, so the ends of the list are Home/End only.
    bind(&[Home], "", "", Msg::Top),
    bind(&[End], "", "", Msg::Bottom),
    bind(&[Enter], "Enter", "start the guided timer", Msg::Confirm),
    bind(&[Char('x')], "x", "tick off without the timer", Msg::TickOff),
    bind(&[Char('s')], "s", "skip (with a reason)", Msg::Skip),
    bind(&[Char('u')], "u", "undo its last entry today (asks y)", Msg::Undo),
    bind(&[Char('r')], "r", "rest day: skip what is left (asks first)", Msg::Char('r')),
    bind(&[Char('c')], "c", "a clinician cleared an exercise on hold", Msg::Clear),
    bind(&[Char('d')], "d", "dismiss the see-a-GP suggestion", Msg::Char('d')),
    bind(&[Char('v')], "v", "easier or no-equipment version (this session)", Msg::Char('v')),
    bind(&[Char('h')], "h", "the harder form offered: try it or not now", Msg::Char('h')),
    bind(&[Char('f')], "f", "flare-up mode on or off (asks first)", Msg::Flare),
    bind(&[Char('i')], "i", "import walks waiting in the import folder", Msg::Char('i')),
    bind(&[Char('w')], "w", "week screen", Msg::Week),
    bind(&[Char('p')], "p", "plan: where the doses lead", Msg::Plan),
    bind(&[Char('g')], "g", "progress: pain, function and doses over 12 weeks", Msg::Progress),
    FLAGS,
    HELP,
    // Esc closes popups only; on Today it would quit at once (issue 26).
    bind(&[Char('q')], "q", "quit", Msg::Back),
];

const TIMER: &[Binding] = &[
    bind(&[Char(' ')], "Space", "pause / resume", Msg::Pause),
    bind(&[Char('+')], "+", "15 s more on this hold or rest", Msg::AddTime),
    bind(&[Char('n'), Enter], "n / Enter", "next phase", Msg::NextPhase),
    FLAGS,
    HELP,
    bind(&[Char('q'), Esc], "q / Esc", "leave (count it or not)", Msg::Back),
];

const WEEK: &[Binding] = &[
    // h/l are ←/→ as j/k are ↑/↓ (vi keys and arrows alike move the cell); the week moves
    // on its own pair.
    bind(&[Left, Char('h')], "←/→ h/l", "day", Msg::Left),
    bind(&[Right, Char('l')], "", "", Msg::Right),
    bind(&[Char('k'), Up], "j/k ↑/↓", "exercise", Msg::Up),
    DOWN,
    bind(&[Char('g'), Home], "g/G", "first / last exercise (also Home/End)", Msg::Top),
    bind(&[Char('G'), End], "", "", Msg::Bottom),
    bind(&[Char('['), PageUp], "[/] PgUp/PgDn", "week before / after", Msg::PrevWeek),
    bind(&[Char(']'), PageDown], "", "", Msg::NextWeek),
    bind(&[Char('x')], "x", "tick off the selected day", Msg::TickOff),
    bind(&[Char('u')], "u", "undo its last entry that day (asks y)", Msg::Undo),
    FLAGS,
    HELP,
    bind(&[Char('w'), Char('q'), Esc], "q / Esc", "back to Today", Msg::Back),
];

const PLAN: &[Binding] = &[
    bind(&[Char('k'), Up], "j/k ↑/↓", "scroll", Msg::Up),
    DOWN,
    PAGE_UP,
    PAGE_DOWN,
    TOP,
    BOTTOM,
    FLAGS,
    HELP,
    bind(&[Char('p'), Char('q'), Esc], "q / Esc", "back to Today", Msg::Back),
];

const RED_FLAGS: &[Binding] = &[
    bind(&[Char('k'), Up], "j/k ↑/↓", "scroll", Msg::Up),
    DOWN,
    PAGE_UP,
    PAGE_DOWN,
    // `g` reports a see-a-GP sign here: the ends are Home/End only.
    bind(&[Home], "Home/End", "top / bottom", Msg::Top),
    bind(&[End], "", "", Msg::Bottom),
    bind(&[Char('e')], "e", "I have an emergency sign now", Msg::Char('e')),
    bind(&[Char('g')], "g", "I have a see-a-GP sign", Msg::Char('g')),
    bind(&[Char('c')], "c", "a clinician checked what I reported", Msg::Char('c')),
    HELP,
    bind(&[Char('!'), Char('q'), Esc], "q / Esc", "back", Msg::Back),
];

const ONBOARD: &[Binding] = &[
    bind(&[Up], "", "", Msg::Up),
    bind(&[Down], "", "", Msg::Down),
    bind(&[PageUp], "", "", Msg::PageUp),
    bind(&[PageDown], "", "", Msg::PageDown),
    bind(&[Char('g'), Home], "", "", Msg::Top),
    bind(&[Char('G'), End], "", "", Msg::Bottom),
    bind(&[Enter], "", "", Msg::Confirm),
    bind(&[Char('!')], "!", "warning signs that need a doctor", Msg::RedFlags),
    bind(&[Esc], "", "", Msg::Back),
];

const PROGRESS: &[Binding] = &[
    FLAGS,
    HELP,
    bind(&[Char('r')], "r", "the Roland-Morris questionnaire (optional, every 4 weeks)", Msg::Char('r')),
    bind(&[Char('g'), Char('q'), Esc], "q / Esc", "back to Today", Msg::Back),
];

pub fn bindings(screen: Screen) -> &'static [Binding] {
    match screen {
        Screen::Today => TODAY,
        Screen::Timer => TIMER,
        Screen::Week => WEEK,
        Screen::Plan => PLAN,
        Screen::RedFlags => RED_FLAGS,
        Screen::Onboard => ONBOARD,
        Screen::Progress => PROGRESS,
    }
}

/// The message `code` sends on `screen`, if the table lists it.
pub fn lookup(screen: Screen, code: KeyCode) -> Option<Msg> {
    bindings(screen).iter().find(|b| b.keys.contains(&code)).map(|b| b.msg.clone())
}

/// What help lists for `screen`: (keys, what they do), one row per labelled binding.
pub fn help_rows(screen: Screen) -> Vec<(&'static str, &'static str)> {
    let mut rows: Vec<_> =
        bindings(screen).iter().filter(|b| !b.label.is_empty()).map(|b| (b.label, b.what)).collect();
    rows.push(("Ctrl-C", "quit from anywhere"));
    rows
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyEvent, KeyModifiers};

    use super::*;

    /// Issue 15: each key the screens promised and ignored now does what help says; every
    /// labelled row of help is a key `msg_for` maps to that row's message.
    #[test]
    fn keys_do_what_help_says() {
        let same = |a: &Msg, b: &Msg| std::mem::discriminant(a) == std::mem::discriminant(b);
        let cases = [
            (Screen::Timer, Char('q'), Msg::Back),
            (Screen::Week, Char('?'), Msg::Help),
            (Screen::Plan, Char('?'), Msg::Help),
            (Screen::Plan, Char('j'), Msg::Down),
            (Screen::Onboard, Char('!'), Msg::RedFlags),
            (Screen::Today, Char('f'), Msg::Flare),
            // Issue 28.9: h/l do what ←/→ do on the week screen; the week moves with [ and ].
            (Screen::Week, Char('h'), Msg::Left),
            (Screen::Week, Left, Msg::Left),
            (Screen::Week, Char('l'), Msg::Right),
            (Screen::Week, Right, Msg::Right),
            (Screen::Week, Char('['), Msg::PrevWeek),
            (Screen::Week, PageUp, Msg::PrevWeek),
            (Screen::Week, Char(']'), Msg::NextWeek),
            (Screen::Week, PageDown, Msg::NextWeek),
            (Screen::Week, Char('G'), Msg::Bottom),
            (Screen::Plan, PageDown, Msg::PageDown),
            (Screen::Plan, Char('g'), Msg::Top),
            (Screen::Plan, End, Msg::Bottom),
            (Screen::RedFlags, PageUp, Msg::PageUp),
            (Screen::RedFlags, Home, Msg::Top),
            (Screen::Today, End, Msg::Bottom),
            (Screen::Onboard, Char('G'), Msg::Bottom),
        ];
        for (screen, code, want) in cases {
            let got = lookup(screen, code).unwrap_or_else(|| panic!("{screen:?} {code:?} does nothing"));
            assert!(same(&got, &want), "{screen:?} {code:?}: {got:?}");
        }
        // Esc closes popups and screens; on Today it does not quit (issue 26), q does.
        assert!(lookup(Screen::Today, Esc).is_none());
        assert!(lookup(Screen::Today, Char('q')).is_some_and(|m| same(&m, &Msg::Back)));
        let modes = [
            Mode::Today,
            Mode::Plan { weeks: vec![], scroll: 0 },
            Mode::RedFlags { said: None, back: Box::new(Mode::Today), scroll: 0 },
            Mode::Onboard(Default::default()),
        ];
        for mode in modes {
            let screen = Screen::of(&mode).unwrap();
            for b in bindings(screen) {
                for code in b.keys {
                    let got = super::super::msg_for(&mode, KeyEvent::new(*code, KeyModifiers::NONE));
                    assert!(got.as_ref().is_some_and(|m| same(m, &b.msg)), "{screen:?} {code:?}: {got:?}");
                }
            }
        }
        let today: Vec<&str> = help_rows(Screen::Today).iter().map(|r| r.0).collect();
        for key in ["d", "f", "r", "c", "!", "q", "Ctrl-C"] {
            assert!(today.contains(&key), "help on Today lists {key}: {today:?}");
        }
        let week: Vec<&str> = help_rows(Screen::Week).iter().map(|r| r.0).collect();
        assert!(week.contains(&"x") && week.contains(&"u") && week.contains(&"←/→ h/l"), "{week:?}");
        assert!(week.contains(&"[/] PgUp/PgDn") && week.contains(&"g/G"), "{week:?}");
    }
}
