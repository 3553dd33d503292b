//! Keys → messages (PRODUCT.md "Keys in the TUI"). A screen's keys come from the table in
//! `app/keymap.rs`, which help lists too; prompts take characters as typed.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::keymap::{Screen, lookup};
use super::{Mode, Msg};

/// Keys while the terminal is below the minimum size: `q` and Ctrl-C quit, nothing else acts
/// (the screen it would act on cannot be seen).
pub fn msg_when_small(key: KeyEvent) -> Option<Msg> {
    let ctrl_c = key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c');
    let quit = ctrl_c || key.code == KeyCode::Char('q');
    (quit && key.kind != KeyEventKind::Release).then_some(Msg::Quit)
}

pub fn msg_for(mode: &Mode, key: KeyEvent) -> Option<Msg> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Msg::Quit);
    }
    if let Some(screen) = Screen::of(mode) {
        return lookup(screen, key.code).or(match key.code {
            KeyCode::Char(c) => Some(Msg::Char(c)),
            _ => None,
        });
    }
    // The prompts: typed text, a few keys, and `!` where nothing is being typed.
    let typing = matches!(mode, Mode::SkipReason { .. } | Mode::Checkin(_));
    Some(match key.code {
        KeyCode::Esc => Msg::Back,
        KeyCode::Enter => Msg::Confirm,
        KeyCode::Backspace => Msg::Backspace,
        KeyCode::Up => Msg::Up,
        KeyCode::Down => Msg::Down,
        KeyCode::Char('!') if !typing => Msg::RedFlags,
        KeyCode::Char(c) => Msg::Char(c),
        _ => return None,
    })
}
