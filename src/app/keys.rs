//! Keys → messages (PRODUCT.md "Keys in the TUI"). Text prompts take characters as typed.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{Mode, Msg};

pub fn msg_for(mode: &Mode, key: KeyEvent) -> Option<Msg> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Msg::Quit);
    }
    let typing = matches!(mode, Mode::SkipReason { .. } | Mode::Checkin(_));
    if matches!(mode, Mode::Onboard(_)) {
        return match key.code {
            KeyCode::Esc => Some(Msg::Back),
            KeyCode::Enter => Some(Msg::Confirm),
            KeyCode::Up => Some(Msg::Up),
            KeyCode::Down => Some(Msg::Down),
            KeyCode::Char(c) => Some(Msg::Char(c)),
            _ => None,
        };
    }
    let week = matches!(mode, Mode::Week { .. });
    Some(match key.code {
        KeyCode::Esc => Msg::Back,
        KeyCode::Enter => Msg::Confirm,
        KeyCode::Backspace => Msg::Backspace,
        KeyCode::Up => Msg::Up,
        KeyCode::Down => Msg::Down,
        KeyCode::Left if week => Msg::Left,
        KeyCode::Right if week => Msg::Right,
        KeyCode::Char(c) if typing => Msg::Char(c),
        KeyCode::Char('!') => Msg::RedFlags,
        KeyCode::Char('c') if matches!(mode, Mode::Today) => Msg::Clear,
        KeyCode::Char('q') if matches!(mode, Mode::Today) || week => Msg::Back,
        KeyCode::Char('j') if matches!(mode, Mode::Today | Mode::RedFlags { .. }) || week => Msg::Down,
        KeyCode::Char('k') if matches!(mode, Mode::Today | Mode::RedFlags { .. }) || week => Msg::Up,
        KeyCode::Char('h') if week => Msg::PrevWeek,
        KeyCode::Char('l') if week => Msg::NextWeek,
        KeyCode::Char('w') if matches!(mode, Mode::Today) || week => Msg::Week,
        KeyCode::Char('p') if matches!(mode, Mode::Today | Mode::Plan(_)) => Msg::Plan,
        KeyCode::Char('q') if matches!(mode, Mode::Plan(_) | Mode::Progress(_)) => Msg::Back,
        KeyCode::Char('g') if matches!(mode, Mode::Today | Mode::Progress(_)) => Msg::Progress,
        KeyCode::Char('x') if week => Msg::TickOff,
        KeyCode::Char('u') if week => Msg::Undo,
        KeyCode::Char(' ') => Msg::Pause,
        KeyCode::Char('+') => Msg::AddTime,
        KeyCode::Char('n') if matches!(mode, Mode::Timer(_)) => Msg::NextPhase,
        KeyCode::Char('x') if matches!(mode, Mode::Today) => Msg::TickOff,
        KeyCode::Char('s') if matches!(mode, Mode::Today) => Msg::Skip,
        KeyCode::Char('u') if matches!(mode, Mode::Today) => Msg::Undo,
        KeyCode::Char('?') => Msg::Help,
        KeyCode::Char(c) => Msg::Char(c),
        _ => return None,
    })
}
