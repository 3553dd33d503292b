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

/// Keys while the help overlay is open: j/k (arrows), PgUp/PgDn, g/G (Home/End) scroll it,
/// Ctrl-C quits, any other key closes it.
pub fn msg_in_help(key: KeyEvent) -> Option<Msg> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Msg::Quit);
    }
    Some(match key.code {
        KeyCode::Char('j') | KeyCode::Down => Msg::Down,
        KeyCode::Char('k') | KeyCode::Up => Msg::Up,
        KeyCode::PageDown => Msg::PageDown,
        KeyCode::PageUp => Msg::PageUp,
        KeyCode::Char('g') | KeyCode::Home => Msg::Top,
        KeyCode::Char('G') | KeyCode::End => Msg::Bottom,
        _ => Msg::Back,
    })
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
        // The import list scrolls as every scrolled screen does; the prompts take no pages.
        KeyCode::PageUp if matches!(mode, Mode::Import { .. }) => Msg::PageUp,
        KeyCode::PageDown if matches!(mode, Mode::Import { .. }) => Msg::PageDown,
        KeyCode::Home if matches!(mode, Mode::Import { .. }) => Msg::Top,
        KeyCode::End if matches!(mode, Mode::Import { .. }) => Msg::Bottom,
        KeyCode::Char('!') if !typing => Msg::RedFlags,
        KeyCode::Char(c) => Msg::Char(c),
        _ => return None,
    })
}
